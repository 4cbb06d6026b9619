// access.hpp — which files a design may make broadside read: its own folder, and folders the
// person running broadside names with --allow-path. Nothing else, whatever the design says.
#pragma once

#include <filesystem>

namespace broadside::core {

/// Adds a folder designs may read files from besides their own (--allow-path DIR). Set before
/// any work starts; not thread-safe with running jobs.
void allow_path(const std::filesystem::path& dir);

/// True when `file`, with every symbolic link and '..' resolved, lies inside `folder` or inside
/// a folder given to allow_path(). A file that does not exist is judged by where it would be.
bool is_readable_from(const std::filesystem::path& file, const std::filesystem::path& folder);

}  // namespace broadside::core
