// color.hpp — a colour as the designer gave it (RGB, CMYK or spot) plus the RGB used on screen.
#pragma once

#include <optional>
#include <string>

namespace broadside::core {

/// Components in 0..1.
struct Rgb {
  double r = 0, g = 0, b = 0;
  friend bool operator==(const Rgb&, const Rgb&) = default;
};

/// Components in 0..1 (the design writes percentages).
struct Cmyk {
  double c = 0, m = 0, y = 0, k = 0;
  friend bool operator==(const Cmyk&, const Cmyk&) = default;
};

/// `rgb` is always set (for screen output); `cmyk` keeps the exact values when the design gave
/// them, so CMYK output never round-trips through RGB; `spot` names a separation.
struct Color {
  Rgb rgb;
  std::optional<Cmyk> cmyk;
  std::string spot;
  double alpha = 1.0;

  static Color from_rgb(double r, double g, double b) { return Color{{r, g, b}, {}, {}, 1.0}; }
  /// Preview RGB by the naive (profile-less) formula; prepress converts through an ICC profile.
  static Color from_cmyk(const Cmyk& c);
  static Color black() { return from_rgb(0, 0, 0); }
  static Color white() { return from_rgb(1, 1, 1); }

  friend bool operator==(const Color&, const Color&) = default;
};

/// How light `c` looks, 0 (black) to 1 (white), from its gamma-encoded RGB: enough to tell
/// light type from dark, which is all the print-size rules ask.
inline double lightness(const Color& c) {
  return 0.2126 * c.rgb.r + 0.7152 * c.rgb.g + 0.0722 * c.rgb.b;
}

/// Parses "#rgb", "#rrggbb" or "#rrggbbaa"; nullopt when malformed.
std::optional<Color> parse_hex_color(const std::string& text);

}  // namespace broadside::core
