// palette.cpp — colour definitions (hex, RGB 0–255, CMYK percent, spot) and references.
#include "design/palette.hpp"

#include <fmt/format.h>

#include "design/include_file.hpp"

namespace broadside::design {

namespace {

// Reads `count` numbers in [0, max]; nullopt after reporting the first bad one.
std::optional<std::vector<double>> components(Reader& in, const Field& f, size_t count, double max,
                                              std::string_view names) {
  auto items = in.list(f, "a list [" + std::string(names) + "]");
  if (!items) return std::nullopt;
  if (items->size() != count) {
    in.error(f, fmt::format("expected {} numbers [{}] for '{}', got {}", count, names, f.name,
                            items->size()));
    return std::nullopt;
  }
  std::vector<double> out;
  for (const auto& item : *items) {
    auto v = in.number(item);
    if (!v) return std::nullopt;
    if (*v < 0 || *v > max) {
      in.error(item, fmt::format("{} component {} is out of range 0–{}", f.name, item.node.Scalar(),
                                 max));
      return std::nullopt;
    }
    out.push_back(*v);
  }
  return out;
}

std::optional<Color> color_from_map(Reader& in, const Field& f) {
  MapView map(in, f, "a colour");
  if (!map.is_map()) return std::nullopt;
  map.check({"rgb", "cmyk", "spot"});
  const bool has_rgb = map.has("rgb"), has_cmyk = map.has("cmyk");
  if (has_rgb == has_cmyk) {
    in.error(f, has_rgb ? "give either 'rgb' or 'cmyk' for colour '" + f.name + "', not both"
                        : "colour '" + f.name + "' needs rgb: [r, g, b] or cmyk: [c, m, y, k]");
    return std::nullopt;
  }
  std::optional<Color> out;
  if (has_rgb) {
    // Designers write RGB as 0–255, the way every colour picker shows it.
    if (auto v = components(in, map.get("rgb"), 3, 255, "r, g, b"))
      out = Color::from_rgb((*v)[0] / 255, (*v)[1] / 255, (*v)[2] / 255);
  } else if (auto v = components(in, map.get("cmyk"), 4, 100, "c, m, y, k")) {
    out = Color::from_cmyk({(*v)[0] / 100, (*v)[1] / 100, (*v)[2] / 100, (*v)[3] / 100});
  }
  if (map.has("spot")) {
    auto name = in.string(map.get("spot"));
    if (!name) return std::nullopt;
    if (out) out->spot = *name;
  }
  return out;
}

std::vector<std::string> names_of(const Palette& palette) {
  std::vector<std::string> names;
  for (const auto& [name, color] : palette) names.push_back(name);
  return names;
}

}  // namespace

std::optional<Color> read_color(Reader& in, const Field& f, const Palette& palette) {
  auto text = in.scalar(f, "a colour name or #rrggbb");
  if (!text) return std::nullopt;
  if (!text->empty() && text->front() == '#') {
    if (auto c = core::parse_hex_color(*text)) return c;
    in.error(f, "bad colour '" + *text + "'", "write #rgb or #rrggbb in hexadecimal");
    return std::nullopt;
  }
  if (auto it = palette.find(*text); it != palette.end()) return it->second;
  in.error(f, "unknown colour '" + *text + "'", did_you_mean(*text, names_of(palette)));
  return std::nullopt;
}

namespace {

const IncludeKind kPaletteFile{"palettes", "palette file",
                               "broadside bundles 'campaign' (designs/palettes/campaign.yaml)"};

/// Reads colour entries into `palette`, skipping `skip` (the `include` key).
void read_entries(Reader& in, const MapView& map, Palette& palette, const std::string& skip) {
  for (const Field& entry : map.entries()) {
    if (entry.name == skip) continue;
    // A plain string is a hex literal or a colour defined above it (`ink: black`).
    auto c = entry.present && entry.node.IsMap() ? color_from_map(in, entry)
                                                 : read_color(in, entry, palette);
    // A broken definition still defines the name, so its uses don't report it again.
    palette[entry.name] = c.value_or(Color::black());
  }
}

}  // namespace

Palette read_palette(Reader& in, const Field& f, const std::filesystem::path& folder,
                     const core::Options& options) {
  Palette palette{{"black", Color::black()}, {"white", Color::white()}};
  MapView map(in, f, "a map of colour names");
  if (f.present && f.node.IsMap() && map.has("include")) {
    const Field inc = map.get("include");
    if (auto name = in.string(inc)) {
      if (const auto file = find_include(in, inc, *name, folder, kPaletteFile, options);
          !file.empty())
        read_include(in, inc, file, kPaletteFile, options, [&](Reader& sub, const Field& root) {
          MapView shared(sub, root, "a map of colour names");
          read_entries(sub, shared, palette, "include");
        });
    }
  }
  read_entries(in, map, palette, "include");
  return palette;
}

}  // namespace broadside::design
