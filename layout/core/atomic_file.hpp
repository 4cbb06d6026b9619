// atomic_file.hpp — files appear whole or not at all: write a temporary, fsync, rename.
#pragma once

#include <filesystem>
#include <string_view>

namespace broadside::core {

/// Writes `bytes` to `path` atomically, creating parent folders; throws core::Failure naming the
/// file and the system error. A failed write leaves neither `path` nor a temporary behind.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

/// Reads a whole file; throws core::Failure naming it when it cannot.
std::string read_file(const std::filesystem::path& path);

}  // namespace broadside::core
