// paths.hpp — where broadside's own files are (bundled designs, statements, fonts), and how a
// design named on the command line is found.
#pragma once

#include <filesystem>
#include <string>

#include "core/options.hpp"

namespace broadside::batch {

/// The folder holding designs/, content/ and fonts/: $BROADSIDE_DATA, else the folder above
/// the executable when it has designs/, else the source tree the binary was built from.
std::filesystem::path data_dir();

/// `leaflet-a5` names a bundled design (in `options.data_dir`); anything with a slash or a
/// .yaml ending is a path.
std::filesystem::path resolve_design(const std::string& name_or_path, const core::Options& options);

/// The fontconfig file of broadside's own font set.
std::filesystem::path font_config(const core::Options& options);

/// The statement used when `check` is given no content.
std::filesystem::path sample_statement(const core::Options& options);

}  // namespace broadside::batch
