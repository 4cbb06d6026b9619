// paths.hpp — where broadside's own files are (bundled designs, statements, fonts), and how a
// design named on the command line is found.
#pragma once

#include <filesystem>
#include <string>

namespace broadside::batch {

/// The folder holding designs/, content/ and fonts/: $BROADSIDE_DATA, else the folder above
/// the executable when it has designs/, else the source tree the binary was built from.
std::filesystem::path data_dir();

/// `leaflet-a5` names a bundled design; anything with a slash or a .yaml ending is a path.
std::filesystem::path resolve_design(const std::string& name_or_path);

/// The fontconfig file of broadside's own font set.
std::filesystem::path font_config();

/// The statement used when `check` is given no content.
std::filesystem::path sample_statement();

}  // namespace broadside::batch
