// palette.hpp — the design's named colours (`colors:`) and colour references elsewhere.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "design/design.hpp"
#include "design/yaml_reader.hpp"

namespace broadside::design {

using Palette = std::map<std::string, Color>;

/// Reads `colors:` — "#rrggbb", {rgb: [r, g, b]}, {cmyk: [c, m, y, k]} or {spot: name, cmyk:
/// [...]} per name. `black` and `white` are built in unless the design redefines them.
Palette read_palette(Reader& in, const Field& f);

/// A colour where one is used: a palette name or a hex literal ("#d61f26").
std::optional<Color> read_color(Reader& in, const Field& f, const Palette& palette);

}  // namespace broadside::design
