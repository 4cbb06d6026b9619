// state.hpp — what an incremental batch remembers: per output folder, a `.broadside-state` file
// mapping each output to the fingerprint of the inputs it was made from and the files written,
// and a journal the run appends to, folded into the file at the end.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace broadside::batch {

inline constexpr const char* kStateFileName = ".broadside-state";
/// Entries saved since the state file was last written, one JSON object a line, appended (and
/// fsynced) while a run goes on: saving costs the new entries only, however long the run.
inline constexpr const char* kStateJournalName = ".broadside-state.journal";

/// What one output was made from, and the files it became.
struct StateEntry {
  std::string fingerprint;
  std::map<std::string, std::uintmax_t> files;  // file name -> size in bytes
};

/// Thread-safe. Entries are recorded after a job's files are written (atomically), appended to
/// the folder's journal at most every kSaveInterval, and folded into the state file at the end
/// (save()): a run killed in between renders the last few jobs again on resume, never skips a
/// job whose files are missing or old, and a journal line cut short by the kill is ignored.
/// Appending and folding lock the folder (flock), and folding merges with what is on disk, so
/// shards running at once on one machine keep each other's entries. Memory stays flat over a
/// long run: entries are kept only until they are journaled (plus what was loaded to answer
/// is_current()).
class StateStore {
 public:
  /// Long enough that saving costs nothing next to rendering, short enough that a resume
  /// repeats little work.
  static constexpr std::chrono::milliseconds kSaveInterval{1000};

  /// True when every output's folder records `fingerprint` for it and each file it wrote is
  /// still there with the size recorded. Answers from the folder's state as first loaded and
  /// from entries not yet saved (a run asks before it records anything).
  bool is_current(const std::vector<std::filesystem::path>& outputs,
                  const std::string& fingerprint);
  /// Remembers that `output` was made from `fingerprint` as `files` (PNG pages: name-1.png, ...).
  void record(const std::filesystem::path& output, const std::string& fingerprint,
              const std::vector<std::filesystem::path>& files);
  /// Journals new entries when the last save is kSaveInterval old; problems go to `diags` as
  /// warnings.
  void save_if_due(core::Diagnostics& diags);
  /// Journals new entries, then folds every journal this store wrote into its state file.
  void save(core::Diagnostics& diags);

 private:
  struct Folder {
    std::map<std::string, StateEntry> entries;  // output file name -> entry, as loaded
    std::map<std::string, StateEntry> pending;  // recorded, not yet journaled
    bool loaded = false;
    bool journaled = false;  // this store appended to the journal since it was last folded
  };

  Folder& folder(const std::filesystem::path& dir);
  void journal_locked(core::Diagnostics& diags);

  std::mutex mutex_;
  std::map<std::filesystem::path, Folder> folders_;
  std::chrono::steady_clock::time_point last_save_ = std::chrono::steady_clock::now();
};

}  // namespace broadside::batch
