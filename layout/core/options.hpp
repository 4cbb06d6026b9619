// options.hpp — the settings one run works under, built once by batch (from the command line
// and the environment) and passed down to every stage: no stage reads a process-wide setting.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include "core/limits.hpp"

namespace broadside::core {

struct Options {
  /// What one input may demand (--limit, BROADSIDE_LIMIT_*).
  Limits limits;
  /// Folders designs may read files from besides their own (--allow-path), each with its
  /// symbolic links and '..' resolved (core::resolve_folder).
  std::vector<std::filesystem::path> allowed_paths;
  /// SOURCE_DATE_EPOCH: the date written into PDFs, in seconds since 1970. Unset: the
  /// statement's date, else 1970 — never the clock, so the same inputs give the same bytes.
  std::optional<std::int64_t> epoch;
  /// Where libhyphen's pattern files are (Debian's hyphen-* packages).
  std::filesystem::path hyphenation_dir = "/usr/share/hyphen";
  /// broadside's own data: designs/, content/, fonts/ and data/icc.
  std::filesystem::path data_dir;
};

}  // namespace broadside::core
