// ink.hpp — what each RGB colour cairo wrote becomes on press: the design's exact CMYK or spot
// colour when the colour table knows it, else K only for greys, else the profile's CMYK.
#pragma once

#include <map>
#include <string>

#include "prepress/color_table.hpp"
#include "prepress/icc.hpp"

namespace broadside::prepress {

/// The separation every plate prints (registration marks); PDF's reserved name.
inline constexpr const char* kAllSeparations = "All";

/// One colour in the CMYK file: process values, or a spot colour with its CMYK alternate.
struct Ink {
  core::Cmyk cmyk;
  /// Separation name; empty for a process colour.
  std::string spot;

  /// 100% K and nothing else: the colour black text and thin rules overprint in.
  bool is_solid_black() const { return spot.empty() && cmyk == core::Cmyk{0, 0, 0, 1}; }
  friend bool operator==(const Ink&, const Ink&) = default;
};

class InkMap {
 public:
  InkMap(ColorTable table, CmykConverter converter);

  /// The ink for an RGB colour as written in the PDF.
  Ink for_rgb(const core::Rgb& written) const;
  /// The ink for a design colour: its own CMYK when it has one, else the profile's.
  Ink for_color(const core::Color& color) const;
  /// The ink for a DeviceGray value (0 black .. 1 white): K only.
  Ink for_gray(double gray) const;
  const ColorTable& table() const { return table_; }
  const CmykConverter& converter() const { return converter_; }

 private:
  ColorTable table_;
  CmykConverter converter_;
  /// Profile conversions are the slow part; content streams repeat their colours a lot.
  mutable std::map<RgbKey, Ink> cache_;
};

}  // namespace broadside::prepress
