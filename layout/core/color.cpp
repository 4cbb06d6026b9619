// color.cpp — hex parsing and the naive CMYK preview.
#include "core/color.hpp"

#include <cctype>

namespace broadside::core {

Color Color::from_cmyk(const Cmyk& c) {
  Color out;
  out.rgb = {(1 - c.c) * (1 - c.k), (1 - c.m) * (1 - c.k), (1 - c.y) * (1 - c.k)};
  out.cmyk = c;
  return out;
}

std::optional<Color> parse_hex_color(const std::string& text) {
  if (text.empty() || text[0] != '#') return std::nullopt;
  std::string hex = text.substr(1);
  for (char ch : hex)
    if (!std::isxdigit(static_cast<unsigned char>(ch))) return std::nullopt;
  if (hex.size() == 3) hex = {hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]};
  if (hex.size() != 6 && hex.size() != 8) return std::nullopt;
  auto byte = [&](size_t i) { return std::stoi(hex.substr(i, 2), nullptr, 16) / 255.0; };
  Color c = Color::from_rgb(byte(0), byte(2), byte(4));
  if (hex.size() == 8) c.alpha = byte(6);
  return c;
}

}  // namespace broadside::core
