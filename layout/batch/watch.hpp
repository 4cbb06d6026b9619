// watch.hpp — `--watch`: waits (inotify) until one of a job's input files changes.
#pragma once

#include <filesystem>
#include <set>
#include <vector>

#include "core/options.hpp"

namespace broadside::batch {

/// The files a render reads that a designer edits: the design, the statement, the --vars and
/// --data files given, the files the design includes (palettes, font classes) and the images it
/// names (as far as the design can be read).
std::vector<std::filesystem::path> watched_inputs(const std::filesystem::path& design,
                                                  const std::filesystem::path& statement,
                                                  const std::vector<std::filesystem::path>& more,
                                                  const core::Options& options);

/// Watches the folders of some files and reports when one of those files is written, replaced
/// (editors save by renaming a new file over the old), created or removed. Other files in the
/// folders, the outputs among them, are ignored.
/// The files among `files` modified since `since`, give or take the file system's clock tick,
/// and not in the future: edits made while a run read its inputs, before a watcher was there
/// to see them.
std::set<std::filesystem::path> modified_since(const std::vector<std::filesystem::path>& files,
                                               std::filesystem::file_time_type since);

class InputWatcher {
 public:
  explicit InputWatcher(const std::vector<std::filesystem::path>& files);
  ~InputWatcher();
  InputWatcher(const InputWatcher&) = delete;
  InputWatcher& operator=(const InputWatcher&) = delete;

  bool ok() const { return fd_ >= 0; }
  /// Blocks until a watched file changes, then waits for writes to settle (an editor's save is
  /// several events) and returns the files that changed.
  std::set<std::filesystem::path> wait();

 private:
  int fd_ = -1;
  std::set<std::filesystem::path> files_;
  /// inotify watch descriptor -> folder.
  std::vector<std::pair<int, std::filesystem::path>> folders_;
};

}  // namespace broadside::batch
