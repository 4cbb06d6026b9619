// atomic_file.hpp — files appear whole or not at all: write a temporary, fsync, rename.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "core/limits.hpp"

namespace broadside::core {

/// Writes `bytes` to `path` atomically, creating parent folders; false after reporting the
/// problem (naming the file and the system error) in `diags`. A failed write leaves neither
/// `path` nor a temporary behind. A symbolic link at `path` is an error: broadside never writes
/// through one, nor replaces it.
[[nodiscard]] bool write_file_atomically(const std::filesystem::path& path, std::string_view bytes,
                                         Diagnostics& diags);

/// Reads a whole regular file of at most the file-bytes limit; nullopt after reporting, naming
/// the file, why it cannot (missing, a folder, a device or pipe, too large, unreadable). Every
/// input is read through this.
std::optional<std::string> read_file(const std::filesystem::path& path, const Limits& limits,
                                     Diagnostics& diags);

/// Removes the temporary files of every atomic write in progress and makes any later write
/// fail: for a process that stops without waiting for its writer threads (a second Ctrl-C).
void abandon_atomic_writes();

}  // namespace broadside::core
