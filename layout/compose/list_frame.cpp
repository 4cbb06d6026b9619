// list_frame.cpp — a list of short items (demands), each with a vector marker and a hanging
// indent, items spaced evenly.
#include "compose/frames.hpp"
#include "compose/lines.hpp"

namespace broadside::compose {

namespace {

/// Marker proportions, as fractions of the type size: a square a little smaller than the
/// x-height reads as a bullet without shouting over the text.
constexpr double kMarkerSide = 0.42;
constexpr double kDashLength = 0.6;
/// Centre of the marker above the baseline (about half the cap height of a grotesque).
constexpr double kMarkerCentre = 0.36;

std::vector<std::unique_ptr<text::Paragraph>>* items_for(const design::Frame& frame,
                                                         const design::ListFrame& list,
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
  for (const auto& item : value->items) {
    it->second.push_back(ctx.typesetter.shape(core::RichText::plain(item), style));
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

Pt marker_width(const design::ListFrame& list,
                const std::vector<std::unique_ptr<text::Paragraph>>& all) {
  const Pt size = list.style.size.max;
  switch (list.marker) {
    case design::MarkerKind::none:
      return Pt{0};
    case design::MarkerKind::dash:
      return size * kDashLength + list.marker_gap;
    case design::MarkerKind::number: {
      Pt widest{0};
      for (size_t i = item_count(list, all); i < all.size(); ++i) {
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
Pt marker_extent(const design::ListFrame& list, size_t index,
                 const std::vector<std::unique_ptr<text::Paragraph>>& all) {
  const Pt size = list.style.size.max;
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
void draw_marker(const design::ListFrame& list, size_t index, const Rect& inner, Pt baseline,
                 std::vector<std::unique_ptr<text::Paragraph>>& all, const LineBox& box,
                 Context& ctx) {
  const Pt size = list.style.size.max;
  const Pt centre = baseline - size * kMarkerCentre;
  const Pt side = size * kMarkerSide;
  const Pt x = ctx.rtl ? inner.right() - marker_extent(list, index, all) : inner.x;
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

}  // namespace

Pt list_height(const design::Frame& frame, const design::ListFrame& list, Pt width, Context& ctx) {
  auto* all = items_for(frame, list, ctx);
  if (!all) return Pt{0};
  const Pt text_width = width - marker_width(list, *all);
  const size_t n = item_count(list, *all);
  Pt h = list.item_gap * static_cast<double>(n > 0 ? n - 1 : 0);
  for (size_t i = 0; i < n; ++i) {
    (*all)[i]->set_size(list.style.size.max);
    (*all)[i]->set_width(text_width);
    h += text::block_metrics(*(*all)[i], list.style.leading).height;
  }
  return h;
}

void place_list(const design::Frame& frame, const design::ListFrame& list, const Rect& inner,
                Context& ctx) {
  const Pt needed = list_height(frame, list, inner.width, ctx);
  auto* all = items_for(frame, list, ctx);
  if (!all) return;
  if (needed > inner.height + Pt{0.01}) {
    ctx.error(frame,
              "the list needs " + std::to_string(static_cast<int>(core::to_mm(needed) + 0.5)) +
                  " mm but the frame has " +
                  std::to_string(static_cast<int>(core::to_mm(inner.height) + 0.5)) + " mm",
              "make the frame taller, the size smaller, or shorten the items");
    return;
  }
  const Pt indent = marker_width(list, *all);
  Pt y = inner.y;
  if (frame.valign == core::VAlign::middle) y += (inner.height - needed) / 2;
  if (frame.valign == core::VAlign::bottom) y += inner.height - needed;
  const size_t n = item_count(list, *all);
  for (size_t i = 0; i < n; ++i) {
    text::Paragraph& p = *(*all)[i];
    const LineBox box = line_box(p, list.style);
    if (p.max_line_width() > inner.width - indent + Pt{0.01})
      ctx.error(frame, "a word of item " + std::to_string(i + 1) + " is wider than the frame");
    draw_marker(list, i, inner, y + box.baseline, *all, box, ctx);
    const Pt text_x = ctx.rtl ? inner.x : inner.x + indent;
    emit_lines(p, 0, p.line_count(), Point{text_x, y}, box, list.style.color, ++ctx.paragraphs,
               *ctx.page);
    y += box.height + list.item_gap;
  }
  ctx.shaped.erase(&frame);
}

}  // namespace broadside::compose
