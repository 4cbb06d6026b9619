// palette.hpp — the design's named colours (`colors:`) and colour references elsewhere.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "core/options.hpp"
#include "design/design.hpp"
#include "design/yaml_reader.hpp"

namespace broadside::design {

using Palette = std::map<std::string, Color>;

/// Reads `colors:` — "#rrggbb", {rgb: [r, g, b]}, {cmyk: [c, m, y, k]} or {spot: name, cmyk:
/// [...]} per name. `black` and `white` are built in unless the design redefines them.
/// `include: campaign` first reads a shared palette (<design folder>/palettes/campaign.yaml,
/// else broadside's designs/palettes/campaign.yaml); the design's own names override it.
Palette read_palette(Reader& in, const Field& f, const std::filesystem::path& folder,
                     const core::Options& options);

/// A colour where one is used: a palette name or a hex literal ("#d61f26").
std::optional<Color> read_color(Reader& in, const Field& f, const Palette& palette);

}  // namespace broadside::design
