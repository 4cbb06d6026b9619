// zip_archive.hpp — files in memory packed as one zip archive in memory (libzip), for a
// download of many files at once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace broadside::batch {

struct ZipEntry {
  /// The name inside the archive (UTF-8, no folders).
  std::string name;
  std::string bytes;
};

/// The archive's bytes; every entry stored (PDFs and PNGs are compressed already) and dated
/// `mtime` (seconds since 1970), so that the same files make the same archive. nullopt with
/// `error` set when libzip fails.
std::optional<std::string> zip_files(const std::vector<ZipEntry>& entries, std::int64_t mtime,
                                     std::string& error);

}  // namespace broadside::batch
