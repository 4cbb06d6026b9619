// color_table.hpp — the design's colours by the RGB cairo writes for them, so CMYK output can
// give back the exact CMYK (and spot) values the designer chose instead of converting RGB.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/color.hpp"

namespace broadside::prepress {

/// An RGB colour as it appears in a PDF content stream, quantised to 16 bits a channel: fine
/// enough that cairo's six printed decimals always round back to the same key.
using RgbKey = std::array<std::uint16_t, 3>;

RgbKey key_of(const core::Rgb& rgb);
core::Rgb rgb_of(const RgbKey& key);

/// Every colour of a composition that has exact press values (CMYK or a spot), keyed by the
/// RGB it must be drawn with. Two different colours can share a preview RGB (rich black and
/// plain black both preview as 0 0 0), so a colour whose key is taken is moved by the
/// smallest step to a free one: invisible on screen, and unambiguous in the PDF.
class ColorTable {
 public:
  ColorTable() = default;
  /// Colours given only in RGB keep their RGB (they are converted through the profile); the
  /// rest get a unique key each. The order of `colors` does not matter.
  explicit ColorTable(const std::vector<core::Color>& colors);

  /// The RGB to draw `color` with: its own RGB, or its unique key for a CMYK or spot colour.
  core::Rgb draw_rgb(const core::Color& color) const;
  /// The design colour drawn as `written`, or nullptr for an RGB-only or unknown colour.
  const core::Color* find(const core::Rgb& written) const;
  /// The design colour of a spot name, or nullptr.
  const core::Color* find_spot(const std::string& name) const;
  /// Spot colour names, sorted (each becomes one Separation colour space).
  std::vector<std::string> spot_names() const;
  bool empty() const { return by_key_.empty(); }

 private:
  std::map<RgbKey, core::Color> by_key_;
};

/// True when a colour carries exact press values (CMYK or a spot name).
bool has_press_values(const core::Color& color);

}  // namespace broadside::prepress
