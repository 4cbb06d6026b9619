// atomic_file.hpp — files appear whole or not at all: write a temporary, fsync, rename.
#pragma once

#include <filesystem>
#include <string_view>

namespace broadside::core {

/// Writes `bytes` to `path` atomically, creating parent folders; throws core::Failure naming the
/// file and the system error. A failed write leaves neither `path` nor a temporary behind. A
/// symbolic link at `path` is an error: broadside never writes through one, nor replaces it.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

/// Reads a whole regular file of at most the file-bytes limit; throws core::Failure naming it
/// when it cannot (missing, a folder, a device or pipe, too large, unreadable).
std::string read_file(const std::filesystem::path& path);

/// Removes the temporary files of every atomic write in progress and makes any later write
/// fail: for a process that stops without waiting for its writer threads (a second Ctrl-C).
void abandon_atomic_writes();

}  // namespace broadside::core
