// fold_marks.cpp — dashed registration-colour lines on the fold's x, in the top and bottom slug.
#include "compose/fold_marks.hpp"

#include "compose/marks.hpp"

namespace broadside::compose {

namespace {

using core::Pt;

/// The same air as the crop marks: from the bleed's edge, and from the media's edge.
constexpr Pt kMarkGap{2};
constexpr Pt kEdgeGap{2};
/// As long as a crop mark at most; dashed, so the folder tells it from a crop mark.
constexpr Pt kLength{24};
constexpr Pt kDash{3}, kDashGap{2};
constexpr Pt kWeight{0.25};

void add_dashes(Page& page, Pt x, Pt from, Pt to, const core::Color& color) {
  const double direction = to < from ? -1 : 1;
  const Pt length = to < from ? from - to : to - from;
  for (Pt at{0}; at < length; at += kDash + kDashGap) {
    const Pt end = core::min(at + kDash, length);
    page.items.push_back(
        Line{{x, from + at * direction}, {x, from + end * direction}, kWeight, color});
  }
}

}  // namespace

void add_fold_marks(Composition& composition, const design::PrintMarks& marks) {
  if (!marks.any()) return;
  const core::Color color = registration_color();
  for (Page& page : composition.pages) {
    const Pt bleed = page.geometry.bleed, slug = page.geometry.slug;
    const Pt length = core::min(kLength, slug - kMarkGap - kEdgeGap);
    if (page.folds.empty() || length <= Pt{0}) continue;
    const Pt start = bleed + kMarkGap, height = page.geometry.trim.height;
    for (const Pt x : page.folds) {
      add_dashes(page, x, -start, -(start + length), color);
      add_dashes(page, x, height + start, height + start + length, color);
    }
  }
}

}  // namespace broadside::compose
