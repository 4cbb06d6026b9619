// access.hpp — which files a design may make broadside read: its own folder, and folders the
// person running broadside names with --allow-path. Nothing else, whatever the design says.
#pragma once

#include <filesystem>
#include <vector>

namespace broadside::core {

/// `dir` with every symbolic link and '..' resolved as far as it exists: the form
/// Options::allowed_paths holds.
std::filesystem::path resolve_folder(const std::filesystem::path& dir);

/// True when `file`, with every symbolic link and '..' resolved, lies inside `folder` or inside
/// one of `allowed` (resolved folders). A file that does not exist is judged by where it would be.
bool is_readable_from(const std::filesystem::path& file, const std::filesystem::path& folder,
                      const std::vector<std::filesystem::path>& allowed);

}  // namespace broadside::core
