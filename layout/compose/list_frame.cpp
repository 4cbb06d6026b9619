// list_frame.cpp — a list of short items (demands), each with a vector marker and a hanging
// indent, items spaced evenly; a style with a size range sets the largest size at which every
// word and every item fits.
#include "compose/frames.hpp"
#include "compose/lines.hpp"
#include "text/fit.hpp"
#include "text/phrases.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace broadside::compose {

namespace {

/// Marker proportions, as fractions of the type size: a square a little smaller than the
/// x-height reads as a bullet without shouting over the text.
constexpr double kMarkerSide = 0.42;
constexpr double kDashLength = 0.6;
/// Centre of the marker above the baseline (about half the cap height of a grotesque).
constexpr double kMarkerCentre = 0.36;

/// The items, shaped on first use, and the number markers after them. An item breaks between
/// phrases: a function word holds on to the word after it ("Open borders, / with full
/// citizenship rights", never "…, with / full …"), a number to its unit, a Chinese word stays
/// whole; a hard hyphen may still break. A phrase wider than the text column at the largest
/// size (`width` less a marker) may break inside, so no phrase holds a list small.
std::vector<std::unique_ptr<text::Paragraph>>* items_for(const design::Frame& frame,
                                                         const design::ListFrame& list, Pt width,
                                                         Context& ctx) {
  auto [it, inserted] = ctx.shaped.try_emplace(&frame);
  if (!inserted) return it->second.empty() ? nullptr : &it->second;
  const std::string name = list.items.sole_variable();
  const core::Value* value = name.empty() ? nullptr : ctx.lookup(name);
  if (!value) {
    ctx.diags.error(list.items.where.is_known() ? list.items.where : frame.where,
                    "frame '" + frame.id + "': variable '" + name + "' is not set",
                    ctx.unset_hint(name, false));
    return nullptr;
  }
  const auto style = paragraph_style(list.style, ctx.document.lang);
  text::ParagraphStyle phrased = style;
  phrased.phrasing = text::Phrasing::phrases_and_hyphens;
  phrased.loose_phrase_size = list.style.size.max_in(width);
  phrased.loose_phrase_width = width - phrased.loose_phrase_size * kMarkerSide - list.marker_gap;
  for (const auto& item : value->items) {
    it->second.push_back(ctx.typesetter.shape(core::RichText::plain(item), phrased));
    report_coverage(*it->second.back(), list.style, frame, ctx);
  }
  if (list.marker == design::MarkerKind::number) {
    for (size_t i = 0; i < value->items.size(); ++i)
      it->second.push_back(
          ctx.typesetter.shape(core::RichText::plain(std::to_string(i + 1) + "."), style));
  }
  return it->second.empty() ? nullptr : &it->second;
}

size_t item_count(const design::ListFrame& list,
                  const std::vector<std::unique_ptr<text::Paragraph>>& all) {
  return list.marker == design::MarkerKind::number ? all.size() / 2 : all.size();
}

Pt marker_width(const design::ListFrame& list, Pt size,
                const std::vector<std::unique_ptr<text::Paragraph>>& all) {
  switch (list.marker) {
    case design::MarkerKind::none:
      return Pt{0};
    case design::MarkerKind::dash:
      return size * kDashLength + list.marker_gap;
    case design::MarkerKind::number: {
      Pt widest{0};
      for (size_t i = item_count(list, all); i < all.size(); ++i) {
        all[i]->set_size(size);
        all[i]->set_width(Pt{0});
        widest = core::max(widest, all[i]->max_line_width());
      }
      return widest + list.marker_gap;
    }
    default:
      return size * kMarkerSide + list.marker_gap;
  }
}

/// Width the marker itself takes (without the gap).
Pt marker_extent(const design::ListFrame& list, Pt size, size_t index,
                 const std::vector<std::unique_ptr<text::Paragraph>>& all) {
  switch (list.marker) {
    case design::MarkerKind::dash:
      return size * kDashLength;
    case design::MarkerKind::number:
      return all[item_count(list, all) + index]->max_line_width();
    case design::MarkerKind::none:
      return Pt{0};
    default:
      return size * kMarkerSide;
  }
}

/// Draws item `index`'s marker in the margin on the reading side: left, or right in
/// right-to-left text.
void draw_marker(const design::ListFrame& list, Pt size, size_t index, const Rect& inner,
                 Pt baseline, std::vector<std::unique_ptr<text::Paragraph>>& all,
                 const LineBox& box, Context& ctx) {
  const Pt centre = baseline - size * kMarkerCentre;
  const Pt side = size * kMarkerSide;
  const Pt x = ctx.rtl ? inner.right() - marker_extent(list, size, index, all) : inner.x;
  switch (list.marker) {
    case design::MarkerKind::square:
    case design::MarkerKind::disc:
      ctx.page->items.push_back(Fill{Rect{x, centre - side / 2, side, side}, list.marker_color,
                                     Pt{0}, list.marker == design::MarkerKind::disc});
      break;
    case design::MarkerKind::dash:
      ctx.page->items.push_back(
          Line{{x, centre}, {x + size * kDashLength, centre}, size * 0.08, list.marker_color});
      break;
    case design::MarkerKind::number: {
      text::Paragraph& number = *all[item_count(list, all) + index];
      emit_lines(number, 0, 1, Point{x - number.line(0).x_offset, baseline - box.baseline}, box,
                 list.marker_color, ++ctx.paragraphs, *ctx.page);
      break;
    }
    case design::MarkerKind::none:
      break;
  }
}

/// The space between items at `size`: the design's gap, in proportion when the type shrinks.
Pt item_gap(const design::ListFrame& list, Pt size, Pt width) {
  return list.item_gap * (size / list.style.size.max_in(width));
}

/// The sizes a list tries, largest first: one for a fixed size, else the range by its step,
/// the least last.
struct ListSizes {
  Pt top;
  Pt step;
  Pt least;
  long count;

  ListSizes(const design::SizeRange& range, Pt width)
      : top(range.max_in(width)),
        step(range.step > Pt{0} ? range.step : Pt{0.5}),
        least(range.is_range() ? range.min : top),
        count(1 +
              static_cast<long>(std::clamp(std::ceil((top - least) / step - 1e-6), 0.0, 1e12))) {}

  Pt operator[](long i) const {
    return i + 1 >= count ? least : top - step * static_cast<double>(i);
  }
};

/// Up to this many sizes a list's fit tries each in turn; past it (a range of 57pt in steps of
/// 0.01pt, from a fuzzed design) it bisects, since each size tried lays every item out.
constexpr long kSizesTriedInTurn = 64;

/// A last line shorter than this share of the text column is a widow (a phrase such as "for
/// everyone" under a full line).
constexpr double kShortLastLine = 1.0 / 3;
/// Precision of the measure that mends a widow: well under a letter.
constexpr Pt kWidowStep{0.5};
/// Evenly spaced measures a widow's mend scores besides those its search visits.
constexpr int kWidowSamples = 16;

/// Whether an item of several lines leaves one word alone on its last ("… seven days a /
/// week") or a short phrase under full lines.
bool ends_in_widow(text::Paragraph& p, Pt column) {
  const int lines = p.line_count();
  if (lines < 2) return false;
  const text::LineInfo last = p.line(lines - 1);
  return last.reading_words == 1 || last.width < column * kShortLastLine;
}

/// How many of an item's line ends fall where a phrase ends (text::is_phrase_end).
int phrase_ends(text::Paragraph& p, const std::string& lang) {
  int good = 0;
  for (int i = 0; i + 1 < p.line_count(); ++i)
    good += text::is_phrase_end(p.line_text(i), p.line_text(i + 1), lang);
  return good;
}

/// Mends an item that ends in a widow as a typesetter would: in as many lines, at a measure up
/// to `column` at which its last line is none, its lines ending where phrases do as often as
/// any such measure allows ("… free healthcare / and free education for everyone"), and of
/// those the widest, so the fewest words come down. As it was when no measure will do.
void mend_widow(text::Paragraph& p, Pt column, const std::string& lang) {
  p.set_width(column);
  const int lines = p.line_count();
  text::balance(p, column);
  Pt lo = p.width();  // the most even lines: no widow there, or none anywhere
  if (ends_in_widow(p, column)) {
    p.set_width(column);
    return;
  }
  // The candidates: the measures tried on the way to the widest that mends, and evenly spaced
  // ones below it, since a break after a comma may hold only in a narrow band of measures.
  Pt best = lo;
  int best_ends = phrase_ends(p, lang);
  auto consider = [&](Pt width) {
    p.set_width(width);
    const bool mended = p.line_count() == lines && !ends_in_widow(p, column);
    if (mended) {
      if (const int ends = phrase_ends(p, lang);
          ends > best_ends || (ends == best_ends && width > best)) {
        best = width;
        best_ends = ends;
      }
    }
    return mended;
  };
  const Pt balanced = lo;
  Pt hi = column;
  while (hi - lo > kWidowStep) {
    const Pt mid = (lo + hi) / 2;
    (consider(mid) ? lo : hi) = mid;
  }
  for (int k = 1; k < kWidowSamples; ++k)
    consider(balanced + (lo - balanced) * (static_cast<double>(k) / kWidowSamples));
  p.set_width(best);
}

using ListFit = Context::ListFit;

/// Lays the items out at the largest size at which every word fits `width` and the whole list
/// `height` (when given); at the least size when none does.
ListFit fit_list(const design::ListFrame& list, std::vector<std::unique_ptr<text::Paragraph>>& all,
                 Pt width, std::optional<Pt> height) {
  const size_t n = item_count(list, all);
  ListFit fit{width, height};
  // Lays the items out at `size` and says whether they fit.
  const auto fits_at = [&](Pt size) {
    const Pt text_width = width - marker_width(list, size, all);
    fit.size = size;
    fit.height = item_gap(list, size, width) * static_cast<double>(n > 0 ? n - 1 : 0);
    fit.too_wide.reset();
    for (size_t i = 0; i < n; ++i) {
      all[i]->set_size(size);
      all[i]->set_width(text_width);
      if (!fit.too_wide && all[i]->max_line_width() > text_width + Pt{0.01}) fit.too_wide = i;
      fit.height += text::block_metrics(*all[i], list.style.leading).height;
    }
    return !fit.too_wide && (!height || fit.height <= *height + Pt{0.01});
  };
  const ListSizes sizes(list.style.size, width);
  if (sizes.count <= kSizesTriedInTurn) {
    for (long i = 0; i < sizes.count; ++i)
      if (fits_at(sizes[i])) break;
    return fit;
  }
  // Larger type takes more room, so the sizes that fit are the smaller ones: the largest lies
  // between the last that failed and the first that fits.
  if (fits_at(sizes[0]) || !fits_at(sizes[sizes.count - 1])) return fit;
  long failed = 0, fitting = sizes.count - 1;
  while (fitting - failed > 1) {
    const long mid = failed + (fitting - failed) / 2;
    (fits_at(sizes[mid]) ? fitting : failed) = mid;
  }
  if (fit.size != sizes[fitting]) fits_at(sizes[fitting]);
  return fit;
}

/// fit_list(), or the frame's last fit where it holds (the items are still laid out at it): the
/// same width, and a height no larger than the one it was fitted to that still takes it. Every
/// larger size failed there, so it fails here too.
ListFit fitted(const design::Frame& frame, const design::ListFrame& list,
               std::vector<std::unique_ptr<text::Paragraph>>& all, Pt width,
               std::optional<Pt> height, Context& ctx) {
  if (const auto it = ctx.list_fits.find(&frame); it != ctx.list_fits.end()) {
    const ListFit& last = it->second;
    if (last.width == width && !last.too_wide && (!height || last.height <= *height + Pt{0.01}) &&
        (!last.limit || (height && *last.limit >= *height - Pt{0.01})))
      return last;
  }
  return ctx.list_fits[&frame] = fit_list(list, all, width, height);
}

}  // namespace

Pt list_height(const design::Frame& frame, const design::ListFrame& list, Pt width, Context& ctx,
               std::optional<Pt> limit) {
  auto* all = items_for(frame, list, width, ctx);
  if (!all) return Pt{0};
  return fitted(frame, list, *all, width, limit, ctx).height;
}

void place_list(const design::Frame& frame, const design::ListFrame& list, const Rect& inner,
                Context& ctx) {
  auto* all = items_for(frame, list, inner.width, ctx);
  if (!all) return;
  const ListFit fit = fitted(frame, list, *all, inner.width, inner.height, ctx);
  const std::string at = list.style.size.is_range() ? " even at " : " at ";
  if (fit.too_wide) {
    ctx.error(frame,
              "a word of item " + std::to_string(*fit.too_wide + 1) + " is wider than the frame" +
                  at + size_text(fit.size),
              list.style.size.is_range()
                  ? "allow a smaller size, make the frame wider, or "
                    "shorten the item"
                  : "give the style a size range (e.g. " + size_text(list.style.size.max * 0.7) +
                        ".." + size_text(list.style.size.max) +
                        "), make the frame wider, or shorten the item");
    return;
  }
  if (fit.height > inner.height + Pt{0.01}) {
    ctx.error(frame,
              "the list needs " + std::to_string(static_cast<int>(core::to_mm(fit.height) + 0.5)) +
                  " mm" + at + size_text(fit.size) + " but the frame has " +
                  std::to_string(static_cast<int>(core::to_mm(inner.height) + 0.5)) + " mm",
              "make the frame taller, the size smaller, or shorten the items");
    return;
  }
  const Pt size = fit.size;
  const Pt indent = marker_width(list, size, *all);
  const size_t n = item_count(list, *all);
  // Mending a widow keeps an item's line count, so the height fit_list found holds and only the
  // size chosen pays for it; but for lines whose marks reach further (Tibetan stacks): an item
  // that would grow so keeps its lines.
  const Pt column = inner.width - indent;
  for (size_t i = 0; i < n; ++i) {
    text::Paragraph& p = *(*all)[i];
    if (!ends_in_widow(p, column)) continue;
    const Pt was = text::block_metrics(p, list.style.leading).height;
    mend_widow(p, column, ctx.document.lang);
    if (text::block_metrics(p, list.style.leading).height > was + Pt{0.01}) p.set_width(column);
  }
  Pt y = inner.y;
  if (frame.valign == core::VAlign::middle) y += (inner.height - fit.height) / 2;
  if (frame.valign == core::VAlign::bottom) y += inner.height - fit.height;
  const Pt gap = item_gap(list, size, inner.width);
  for (size_t i = 0; i < n; ++i) {
    text::Paragraph& p = *(*all)[i];
    const LineBox box = line_box(p, list.style);
    draw_marker(list, size, i, inner, y + box.baseline, *all, box, ctx);
    // A mended item is narrower than the text column: set at its side as the style aligns it.
    const Pt text_x = (ctx.rtl ? inner.x : inner.x + indent) +
                      block_shift(list.style.align, column, p.width(), ctx.rtl);
    emit_lines(p, 0, p.line_count(), Point{text_x, y}, box, list.style.color, ++ctx.paragraphs,
               *ctx.page);
    y += box.height + gap;
  }
  ctx.shaped.erase(&frame);
  ctx.list_fits.erase(&frame);
}

}  // namespace broadside::compose
