// ink.cpp — the design's values first, then K-only greys, then the profile.
#include "prepress/ink.hpp"

namespace broadside::prepress {

InkMap::InkMap(ColorTable table, CmykConverter converter)
    : table_(std::move(table)), converter_(std::move(converter)) {}

Ink InkMap::for_rgb(const core::Rgb& written) const {
  const RgbKey key = key_of(written);
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  const core::Color* design = table_.find(written);
  const Ink ink = design ? for_color(*design) : Ink{converter_.convert(written), {}};
  cache_.emplace(key, ink);
  return ink;
}

Ink InkMap::for_color(const core::Color& color) const {
  // Exactly what the designer wrote; a spot given only in RGB gets the profile's CMYK as its
  // alternate.
  return Ink{color.cmyk ? *color.cmyk : converter_.convert(color.rgb), color.spot};
}

Ink InkMap::for_gray(double gray) const {
  return Ink{{0, 0, 0, converter_.gray_to_k(gray)}, {}};
}

}  // namespace broadside::prepress
