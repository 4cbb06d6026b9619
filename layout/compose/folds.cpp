// folds.cpp — fold positions per composed page and the fold-crossing warning.
#include "compose/folds.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>

#include "core/utf8.hpp"

namespace broadside::compose {

namespace {

/// A fold this close to an item's edge is taken as touching it, not crossing it: rounding.
constexpr Pt kTolerance{0.01};

/// What an item is, for a message: the text of a line, or its kind.
std::string describe(const Item& item) {
  if (const auto* t = std::get_if<TextLine>(&item))
    return "text \u201C" + line_excerpt(*t) + "\u201D";
  if (std::holds_alternative<QrCode>(item)) return "the QR code";
  return "the image";
}

}  // namespace

std::vector<Pt> fold_lines(const design::Design& design, size_t page, bool mirror) {
  std::vector<Pt> lines = design.fold.lines(page);
  if (mirror) {
    for (Pt& x : lines) x = design.geometry.trim.width - x;
    std::reverse(lines.begin(), lines.end());
  }
  return lines;
}

std::string line_excerpt(const TextLine& line) {
  std::string text = line.glyphs ? line.glyphs->text : std::string();
  for (const char* invisible : {"\u2060", "\u200B", "\u00AD", "\u200C", "\u200D"})
    for (size_t at; (at = text.find(invisible)) != std::string::npos;)
      text.erase(at, std::string(invisible).size());
  if (text.size() > 40) {
    size_t cut = 40;
    while (cut > 0 && core::is_continuation_byte(text[cut])) --cut;
    text = text.substr(0, cut) + "\u2026";
  }
  return text;
}

Rect text_line_rect(const TextLine& line) {
  if (!line.glyphs) return Rect{line.origin.x, line.origin.y, Pt{0}, Pt{0}};
  const text::GlyphLine& g = *line.glyphs;
  return Rect{line.origin.x, line.origin.y - g.ascent, g.width, g.ascent + g.descent};
}

Rect ink_rect(const TextLine& line) {
  if (!line.glyphs || line.glyphs->ink.is_empty())
    return Rect{line.origin.x, line.origin.y, Pt{0}, Pt{0}};
  const Rect& ink = line.glyphs->ink;
  return Rect{line.origin.x + ink.x, line.origin.y + ink.y, ink.width, ink.height};
}

std::optional<Rect> item_rect(const Item& item) {
  if (const auto* t = std::get_if<TextLine>(&item)) return text_line_rect(*t);
  if (const auto* f = std::get_if<Fill>(&item)) return f->rect;
  if (const auto* o = std::get_if<Outline>(&item)) return o->rect;
  if (const auto* q = std::get_if<QrCode>(&item)) return q->rect;
  if (const auto* i = std::get_if<Image>(&item)) return i->rect;
  if (const auto* l = std::get_if<Line>(&item)) {
    const Pt x0 = core::min(l->from.x, l->to.x), y0 = core::min(l->from.y, l->to.y);
    return Rect{x0, y0, core::max(l->from.x, l->to.x) - x0, core::max(l->from.y, l->to.y) - y0};
  }
  return std::nullopt;
}

void warn_fold_crossings(const design::Frame& frame, const Page& page, size_t first,
                         size_t page_number, core::Diagnostics& diags) {
  if (page.folds.empty()) return;
  std::set<size_t> reported;  // folds already named for this frame
  for (size_t i = first; i < page.items.size(); ++i) {
    const Item& item = page.items[i];
    const bool sensitive = std::holds_alternative<TextLine>(item) ||
                           std::holds_alternative<QrCode>(item) ||
                           std::holds_alternative<Image>(item);
    if (!sensitive) continue;
    const Rect r = *item_rect(item);
    for (size_t f = 0; f < page.folds.size(); ++f) {
      const Pt x = page.folds[f];
      if (r.x + kTolerance >= x || r.right() - kTolerance <= x || !reported.insert(f).second)
        continue;
      diags.warning(frame.where,
                    fmt::format("frame '{}': {} crosses the fold at {:.1f}mm on page {}", frame.id,
                                describe(item), core::to_mm(x), page_number + 1),
                    "place the frame inside one panel, e.g. area: {panel: 2}");
    }
  }
}

}  // namespace broadside::compose
