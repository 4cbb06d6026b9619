// marks.cpp — the marks' geometry: every position is a distance from the trim, starting beyond
// the bleed and ending inside the slug.
#include "compose/marks.hpp"

#include <algorithm>

#include "compose/fold_marks.hpp"

namespace broadside::compose {

namespace {

/// Air between the bleed's edge and the nearest mark, so no mark touches the bleed.
constexpr Pt kMarkGap{2};
/// Air between the marks and the edge of the media.
constexpr Pt kEdgeGap{2};
/// Crop mark length: the 24pt most tools use (Prince, XSL-FO), shorter in a narrow slug.
constexpr Pt kCropLength{24};
/// Hairline weight print shops ask for: visible on every plate, thin enough to cut on.
constexpr Pt kMarkWeight{0.25};
/// Registration target circle; its cross reaches kCrossReach times further.
constexpr Pt kTargetRadius = core::from_mm(2.5);
constexpr double kCrossReach = 1.4;
/// Colour bar patch side, and the slug line's text size.
constexpr Pt kPatch = core::from_mm(5);
constexpr Pt kSlugTextSize{6};
/// Colour bar and slug line start this far in from the trim's left edge, clear of the crop mark.
constexpr Pt kIndent = core::from_mm(3);

/// Distances for one page, in trim coordinates.
struct MarkLayout {
  Pt width, height, bleed, slug;
  Pt start() const { return bleed + kMarkGap; }   // nearest point of any mark to the trim
  Pt middle() const { return bleed + slug / 2; }  // centre line of the slug band
  Pt crop_length() const { return min(kCropLength, slug - kMarkGap - kEdgeGap); }
  Pt target_radius() const { return min(kTargetRadius, (slug / 2 - kMarkGap) / kCrossReach); }
};

/// Made once: every mark copies it.
const core::Color& registration() {
  static const core::Color color = registration_color();
  return color;
}

void add_line(Page& page, Point from, Point to) {
  page.items.push_back(Line{from, to, kMarkWeight, registration()});
}

/// Two lines at each trim corner (crop) or bleed corner (bleed), pointing away from the page.
void add_corner_marks(Page& page, const MarkLayout& m, Pt inset, Pt length) {
  for (const bool right : {false, true}) {
    for (const bool bottom : {false, true}) {
      const double sx = right ? 1 : -1, sy = bottom ? 1 : -1;
      const Pt x = right ? m.width + inset : -inset, y = bottom ? m.height + inset : -inset;
      const Pt cx = right ? m.width : Pt{0}, cy = bottom ? m.height : Pt{0};
      add_line(page, {cx + m.start() * sx, y}, {cx + (m.start() + length) * sx, y});
      add_line(page, {x, cy + m.start() * sy}, {x, cy + (m.start() + length) * sy});
    }
  }
}

void add_target(Page& page, Point centre, Pt radius) {
  const Rect circle{centre.x - radius, centre.y - radius, radius * 2, radius * 2};
  page.items.push_back(Outline{circle, registration(), kMarkWeight, radius});
  const Pt reach = radius * kCrossReach;
  add_line(page, {centre.x - reach, centre.y}, {centre.x + reach, centre.y});
  add_line(page, {centre.x, centre.y - reach}, {centre.x, centre.y + reach});
}

void add_targets(Page& page, const MarkLayout& m) {
  const Pt r = m.target_radius();
  add_target(page, {m.width / 2, -m.middle()}, r);
  add_target(page, {-m.middle(), m.height / 2}, r);
  add_target(page, {m.width + m.middle(), m.height / 2}, r);
}

/// C, M, Y, K solid, then at 50%: the printer reads densities and checks the plates.
void add_color_bar(Page& page, const MarkLayout& m, bool has_targets) {
  const std::vector<core::Cmyk> patches = {{1, 0, 0, 0},  {0, 1, 0, 0},  {0, 0, 1, 0},
                                           {0, 0, 0, 1},  {.5, 0, 0, 0}, {0, .5, 0, 0},
                                           {0, 0, .5, 0}, {0, 0, 0, .5}};
  const Pt room =
      (has_targets ? m.width / 2 - m.target_radius() * kCrossReach - kMarkGap : m.width - kIndent) -
      kIndent;
  const Pt side =
      min(min(kPatch, m.slug - kMarkGap - kEdgeGap), room / static_cast<double>(patches.size()));
  if (side <= Pt{0}) return;
  for (size_t i = 0; i < patches.size(); ++i)
    page.items.push_back(
        Fill{Rect{kIndent + side * static_cast<double>(i), -m.middle() - side / 2, side, side},
             core::Color::from_cmyk(patches[i])});
}

void add_slug_line(Page& page, const MarkLayout& m, const std::string& text,
                   const std::string& lang, text::Typesetter& typesetter) {
  text::ParagraphStyle style;
  style.face.families = {"Inter", "Noto Sans"};
  style.size = min(kSlugTextSize, m.slug / 3);
  style.lang = lang.empty() ? "en" : lang;
  const auto paragraph = typesetter.shape(core::RichText::plain(text), style);
  if (paragraph->line_count() < 1) return;
  const text::LineInfo line = paragraph->line(0);
  // Centred on the bottom slug band: the baseline sits half the ink height below its middle.
  const Pt baseline = m.height + m.middle() + (line.ascent - line.descent) / 2;
  page.items.emplace_back(
      TextLine{{kIndent, baseline}, paragraph->glyph_line(0), registration(), 0});
}

}  // namespace

core::Color registration_color() {
  core::Color c = core::Color::black();
  c.cmyk = core::Cmyk{1, 1, 1, 1};
  c.spot = "All";
  return c;
}

Composition with_marks(const Composition& composition, const design::PrintMarks& marks,
                       core::Pt slug, const SlugInfo& info, text::Typesetter& typesetter) {
  Composition out = composition;
  const size_t pages = out.pages.size();
  for (size_t i = 0; i < pages; ++i) {
    Page& page = out.pages[i];
    page.geometry.slug = slug;
    const MarkLayout m{page.geometry.trim.width, page.geometry.trim.height, page.geometry.bleed,
                       slug};
    if (!marks.any() || m.slug - kMarkGap - kEdgeGap <= Pt{0}) continue;
    if (marks.crop) add_corner_marks(page, m, Pt{0}, m.crop_length());
    if (marks.bleed) add_corner_marks(page, m, m.bleed, m.crop_length() / 2);
    if (marks.registration) add_targets(page, m);
    if (marks.colorbar) add_color_bar(page, m, marks.registration);
    if (marks.slug_info) {
      const std::string text = info.file + "  \u00B7  " + info.design + "  \u00B7  " + info.lang +
                               "  \u00B7  " + info.date + "  \u00B7  page " +
                               std::to_string(i + 1) + "/" + std::to_string(pages);
      add_slug_line(page, m, text, info.lang, typesetter);
    }
  }
  add_fold_marks(out, marks);
  return out;
}

}  // namespace broadside::compose
