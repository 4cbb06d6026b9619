// font_classes.hpp — `fonts:`: named font classes ("display", "sans", "serif") that give, per
// script, the faces a style uses, so a design names its faces for every script once, however
// many styles it has. A class can come from an included file (the bundled `noto` one has a
// Noto face for every script the font set covers) and be based on another class.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/options.hpp"
#include "design/design.hpp"
#include "design/yaml_reader.hpp"

namespace broadside::design {

/// One class: families by ISO 15924 script code ("Arab") or language tag ("ur"), its based-on
/// chain already merged in.
struct FontClass {
  std::map<std::string, std::vector<std::string>> faces;
  core::SourceLocation where;
};

using FontClasses = std::map<std::string, FontClass>;

/// Where `include: NAME` finds a bundled class file (NAME.yaml) when the design's own folder
/// has none: the designs/fonts folder of broadside's data folder.
std::filesystem::path bundled_font_classes(const core::Options& options);

/// Reads `fonts:` — `include:` (a bundled name such as `noto`, or YAML files relative to the
/// design) and classes, each a map of script codes or language tags to font lists plus an
/// optional `based-on`. A class the design names again is merged over the included one.
FontClasses read_font_classes(Reader& in, const Field& f, const std::filesystem::path& folder,
                              const core::Options& options);

/// Replaces every class name in the font lists of the design's styles (and its frames' copies)
/// by the class's faces for `lang`'s script, keeping the faces of its other scripts for text in
/// them; a class with no face for that script is an error at the style.
void resolve_font_classes(Reader& in, const FontClasses& classes, const std::string& lang,
                          Design& design);

}  // namespace broadside::design
