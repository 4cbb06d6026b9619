// ink.cpp — line ink boxes against their frame and against each other.
#include "compose/ink.hpp"

#include <cmath>
#include <cstdio>
#include <tuple>

namespace broadside::compose {

namespace {

/// Ink closer than this to a frame's edge, or overlapping by less, is rounding, not a fault.
constexpr Pt kTolerance{0.01};
/// Glyphs may overhang their advance sideways (an italic f, the point of an A, a Bengali or
/// Sinhala vowel sign curling past its letter): ink this far past a frame's side, as a share of
/// the size, is type design. A line that runs over does so by a word or more.
constexpr double kSideOverhang = 0.4;
/// How much of a line's text a message quotes.
constexpr size_t kQuoted = 40;

struct InkBox {
  Rect rect;
  const TextLine* line = nullptr;
  int number = 0;  // 1-based, among the frame's lines
};

std::string quoted(const TextLine& line) {
  std::string text = line.glyphs->text;
  if (text.size() > kQuoted) {
    size_t cut = kQuoted;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut) + "…";
  }
  return "\"" + text + "\"";
}

std::string points(Pt p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1fpt", p.value);
  return buf;
}

/// How far the ink goes past the frame, and on which side; empty when it stays inside.
std::string outside(const Rect& ink, const Rect& frame, Pt size) {
  const Pt side = size * kSideOverhang;
  const std::tuple<Pt, Pt, const char*> sides[] = {
      {frame.y - ink.y, kTolerance, "above its top"},
      {ink.bottom() - frame.bottom(), kTolerance, "below its bottom"},
      {frame.x - ink.x, side, "past its left edge"},
      {ink.right() - frame.right(), side, "past its right edge"}};
  std::string out;
  for (const auto& [by, allowed, where] : sides)
    if (by > allowed) out += (out.empty() ? "" : ", ") + points(by) + " " + where;
  return out;
}

}  // namespace

void check_ink(const design::Frame& frame, const Rect& rect, size_t first_item, Context& ctx) {
  std::vector<InkBox> boxes;
  int number = 0;
  for (size_t i = first_item; i < ctx.page->items.size(); ++i) {
    const auto* line = std::get_if<TextLine>(&ctx.page->items[i]);
    if (!line) continue;
    ++number;
    const Rect& ink = line->glyphs->ink;
    if (ink.width <= Pt{0} || ink.height <= Pt{0}) continue;  // nothing drawn
    boxes.push_back({Rect{line->origin.x + ink.x, line->origin.y + ink.y, ink.width, ink.height},
                     line, number});
  }
  for (size_t i = 0; i < boxes.size(); ++i) {
    const InkBox& box = boxes[i];
    if (const std::string where = outside(box.rect, rect, box.line->glyphs->size); !where.empty())
      ctx.error(frame,
                "line " + std::to_string(box.number) + " " + quoted(*box.line) +
                    " is drawn outside the frame: " + where,
                "give the frame more room or the style more leading, or make the text smaller");
    if (i + 1 >= boxes.size()) continue;
    // The next line below this one, in the same column.
    const InkBox& next = boxes[i + 1];
    const bool below = next.line->origin.y > box.line->origin.y;
    const bool same_column = next.rect.x < box.rect.right() && box.rect.x < next.rect.right();
    // Two lines of one paragraph are compared glyph over glyph (GlyphLine::ink_pitch); lines of
    // different paragraphs by their whole ink boxes.
    const Pt pitch = box.line->glyphs->ink_pitch;
    const bool same_paragraph = next.line->paragraph == box.line->paragraph && pitch > Pt{0};
    const Pt distance = next.line->origin.y - box.line->origin.y;
    const bool touches = same_paragraph ? distance < pitch - kTolerance
                                        : box.rect.bottom() - next.rect.y > -kTolerance;
    if (below && same_column && touches)
      ctx.error(frame,
                "the ink of line " + std::to_string(box.number) + " " + quoted(*box.line) +
                    " touches line " + std::to_string(next.number) + " " + quoted(*next.line) +
                    " below it",
                "give the style more leading or the paragraphs more space between them");
  }
}

}  // namespace broadside::compose
