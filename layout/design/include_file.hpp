// include_file.hpp — `include: NAME` in a design section: finding the YAML file (next to the
// design, or bundled in broadside's designs/<folder>) and reading it with errors at its lines.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "core/options.hpp"
#include "design/yaml_reader.hpp"

namespace broadside::design {

/// What an include names: "fonts" files are font classes, "palettes" files colours.
struct IncludeKind {
  std::string folder;        // designs/<folder>/NAME.yaml, and <design folder>/<folder>/NAME.yaml
  std::string what;          // "font class file"
  std::string bundled_hint;  // "broadside bundles 'noto' (designs/fonts/noto.yaml)"
};

/// The file `name` means: a bare name (`noto`) is <design folder>/<folder>/NAME.yaml or else
/// the bundled one; anything else a path relative to the design. Empty after an error at `f`.
std::filesystem::path find_include(Reader& in, const Field& f, const std::string& name,
                                   const std::filesystem::path& folder, const IncludeKind& kind,
                                   const core::Options& options);

/// Reads `file` as YAML and hands its root to `read`, whose errors (at the included file's own
/// lines) count as the design's.
void read_include(Reader& in, const Field& f, const std::filesystem::path& file,
                  const IncludeKind& kind, const core::Options& options,
                  const std::function<void(Reader& sub, const Field& root)>& read);

}  // namespace broadside::design
