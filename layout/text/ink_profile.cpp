// ink_profile.cpp — glyph ink boxes from Pango's fonts, gathered into strips.
#include "text/ink_profile.hpp"

#include <algorithm>
#include <cmath>

namespace broadside::text {

namespace {

constexpr double kNoInk = -1e9;

double from_pango(int units) {
  return static_cast<double>(units) / PANGO_SCALE;
}

}  // namespace

InkProfile ink_profile(PangoLayoutLine* line, Pt x, Pt strip) {
  InkProfile out;
  out.strip = strip;
  double pen = x.value;
  for (GSList* r = line->runs; r; r = r->next) {
    auto* run = static_cast<PangoGlyphItem*>(r->data);
    PangoFont* font = run->item->analysis.font;
    for (int g = 0; g < run->glyphs->num_glyphs; ++g) {
      const PangoGlyphInfo& info = run->glyphs->glyphs[g];
      const double at = pen + from_pango(info.geometry.x_offset);
      pen += from_pango(info.geometry.width);
      if (!font || info.glyph == PANGO_GLYPH_EMPTY || (info.glyph & PANGO_GLYPH_UNKNOWN_FLAG))
        continue;
      PangoRectangle ink;
      pango_font_get_glyph_extents(font, info.glyph, &ink, nullptr);
      if (ink.width <= 0 || ink.height <= 0) continue;
      const double y = from_pango(ink.y + info.geometry.y_offset);
      const double above = -y, below = y + from_pango(ink.height);
      const double left = at + from_pango(ink.x), right = left + from_pango(ink.width);
      const auto first = static_cast<long>(std::floor(std::max(left, 0.0) / strip.value));
      const auto last = static_cast<long>(std::floor(std::max(right, 0.0) / strip.value));
      if (static_cast<size_t>(last) >= out.above.size()) {
        out.above.resize(static_cast<size_t>(last) + 1, kNoInk);
        out.below.resize(static_cast<size_t>(last) + 1, kNoInk);
      }
      for (long s = first; s <= last; ++s) {
        out.above[static_cast<size_t>(s)] = std::max(out.above[static_cast<size_t>(s)], above);
        out.below[static_cast<size_t>(s)] = std::max(out.below[static_cast<size_t>(s)], below);
      }
    }
  }
  return out;
}

Pt ink_pitch(const InkProfile& upper, const InkProfile& lower) {
  double need = 0;
  const size_t n = std::min(upper.below.size(), lower.above.size());
  for (size_t s = 0; s < n; ++s) {
    // A strip's neighbours count too: ink a hair apart sideways still reads as touching.
    for (size_t t = s > 0 ? s - 1 : 0; t <= s + 1 && t < n; ++t)
      if (upper.below[s] > kNoInk && lower.above[t] > kNoInk)
        need = std::max(need, upper.below[s] + lower.above[t]);
  }
  return Pt{need};
}

}  // namespace broadside::text
