// block_metrics.cpp — a paragraph's pitch and height from its lines' ink as well as the font's
// metrics (CSS line boxes grow to hold what they contain; here the ink decides).
#include <algorithm>

#include "text/typesetter.hpp"

namespace broadside::text {

Pt BlockMetrics::height_of(int lines) const {
  if (lines <= 0) return Pt{0};
  return top_extra + pitch * lines + bottom_extra;
}

Pt BlockMetrics::advance_of(int lines) const {
  if (lines <= 0) return Pt{0};
  return top_extra + pitch * lines + clearance_below;
}

int BlockMetrics::lines_in(Pt height) const {
  if (pitch.value <= 0) return 0;
  // Rounding slack: a frame exactly as tall as its lines holds them.
  const double n = (height - top_extra - bottom_extra + Pt{0.01}).value / pitch.value;
  return n >= 1 ? static_cast<int>(std::min(n, 1e6)) : 0;
}

BlockMetrics block_metrics(Paragraph& paragraph, double leading) {
  BlockMetrics m;
  const Pt size = paragraph.size();
  m.pitch = size * leading;
  const int n = paragraph.line_count();
  Pt ink_ascent{0}, ink_descent{0};
  // No two lines can need more than the leading's pitch when the tallest ink above any baseline
  // and the deepest below, with the clearance, fit in it: then the extents of the unbroken
  // paragraph say all, and the lines need not be laid out.
  const auto any = n > 0 ? paragraph.extents_of_any_line() : std::nullopt;
  const bool from_extents =
      any && any->ink_ascent + any->ink_descent + size * kInkClearance <= m.pitch;
  if (from_extents) {
    m.ascent = any->ascent;
    m.descent = any->descent;
    ink_ascent = any->ink_ascent;
    ink_descent = any->ink_descent;
  }
  for (int i = 0; i < n && !from_extents; ++i) {
    const LineInfo l = paragraph.line(i);
    m.ascent = core::max(m.ascent, l.ascent);
    m.descent = core::max(m.descent, l.descent);
    ink_ascent = core::max(ink_ascent, l.ink_ascent);
    ink_descent = core::max(ink_descent, l.ink_descent);
    if (i + 1 < n && l.ink_pitch > Pt{0})
      m.pitch = core::max(m.pitch, l.ink_pitch + size * kInkClearance);
  }
  // CSS: the ascent and descent centred in the pitch (half the leading above and below).
  const Pt css_baseline = (m.pitch - m.ascent - m.descent) / 2 + m.ascent;
  // Ink past the box keeps half the clearance to the block's edge, so two blocks that both
  // grew still leave the whole clearance between their ink.
  const Pt half_clearance = size * (kInkClearance / 2);
  if (ink_ascent > css_baseline) m.top_extra = ink_ascent + half_clearance - css_baseline;
  if (ink_descent > m.pitch - css_baseline)
    m.bottom_extra = ink_descent + half_clearance - (m.pitch - css_baseline);
  m.baseline = css_baseline + m.top_extra;
  m.ink_ascent = ink_ascent;
  m.ink_descent = ink_descent;
  m.clearance_below =
      core::max(ink_descent + ink_ascent + size * kInkClearance - m.pitch - m.top_extra, Pt{0});
  m.height = m.height_of(n);
  return m;
}

}  // namespace broadside::text
