// state.hpp — what an incremental batch remembers: per output folder, a `.broadside-state` file
// mapping each output to the fingerprint of the inputs it was made from and the files written.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace broadside::batch {

inline constexpr const char* kStateFileName = ".broadside-state";

/// What one output was made from, and the files it became.
struct StateEntry {
  std::string fingerprint;
  std::map<std::string, std::uintmax_t> files;  // file name -> size in bytes
};

/// Thread-safe. Entries are recorded after a job's files are written (atomically), and saved
/// at most every kSaveInterval and at the end: a run killed in between renders the last few
/// jobs again on resume, never skips a job whose files are missing or old. Saving locks the
/// folder (flock) and merges with the file on disk, so shards running at once on one machine
/// keep each other's entries.
class StateStore {
 public:
  /// Long enough that saving costs nothing next to rendering, short enough that a resume
  /// repeats little work.
  static constexpr std::chrono::milliseconds kSaveInterval{1000};

  /// True when every output's folder records `fingerprint` for it and each file it wrote is
  /// still there with the size recorded.
  bool is_current(const std::vector<std::filesystem::path>& outputs,
                  const std::string& fingerprint);
  /// Remembers that `output` was made from `fingerprint` as `files` (PNG pages: name-1.png, ...).
  void record(const std::filesystem::path& output, const std::string& fingerprint,
              const std::vector<std::filesystem::path>& files);
  /// Saves when the last save is kSaveInterval old; problems go to `diags` as warnings.
  void save_if_due(core::Diagnostics& diags);
  /// Saves every folder with new entries.
  void save(core::Diagnostics& diags);

 private:
  struct Folder {
    std::map<std::string, StateEntry> entries;  // output file name -> entry
    std::set<std::string> changed;
    bool loaded = false;
  };

  Folder& folder(const std::filesystem::path& dir);
  void save_locked(core::Diagnostics& diags);

  std::mutex mutex_;
  std::map<std::filesystem::path, Folder> folders_;
  std::chrono::steady_clock::time_point last_save_ = std::chrono::steady_clock::now();
};

}  // namespace broadside::batch
