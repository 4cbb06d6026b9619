// state.cpp — reading, checking and saving `.broadside-state` files (JSON, nlohmann-json).
#include "batch/state.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"

namespace broadside::batch {

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

/// Bumped when the file's shape changes; files of another version are ignored (all re-render).
constexpr int kStateVersion = 1;

fs::path folder_of(const fs::path& output) {
  return output.parent_path().empty() ? fs::path(".") : output.parent_path();
}

/// The entries saved in `dir`; empty when there is no file or it cannot be read.
void load_entries(const fs::path& dir, std::map<std::string, StateEntry>& into) {
  std::error_code ec;
  if (!fs::exists(dir / kStateFileName, ec)) return;
  // broadside's own file: the default file-bytes limit bounds it, whatever the run's limits.
  core::Diagnostics unread;
  const auto text = core::read_file(dir / kStateFileName, core::Limits{}, unread);
  if (!text) return;
  try {
    const json j = json::parse(*text);
    if (j.value("version", 0) != kStateVersion) return;
    for (const auto& [name, e] : j.at("outputs").items()) {
      auto& entry = into[name];
      entry.fingerprint = e.at("inputs").get<std::string>();
      for (const auto& [file, size] : e.at("files").items())
        entry.files[file] = size.get<std::uintmax_t>();
    }
  } catch (const std::exception&) {
    into.clear();  // a damaged state file only costs a re-render
  }
}

/// Holds flock(2) on a folder while another process might save into it too.
class FolderLock {
 public:
  explicit FolderLock(const fs::path& dir) : fd_(::open(dir.c_str(), O_RDONLY | O_DIRECTORY)) {
    if (fd_ >= 0) ::flock(fd_, LOCK_EX);
  }
  ~FolderLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the lock
  }
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

 private:
  int fd_;
};

}  // namespace

StateStore::Folder& StateStore::folder(const fs::path& dir) {
  Folder& f = folders_[dir];
  if (!f.loaded) {
    load_entries(dir, f.entries);
    f.loaded = true;
  }
  return f;
}

bool StateStore::is_current(const std::vector<fs::path>& outputs, const std::string& fingerprint) {
  std::lock_guard lock(mutex_);
  if (outputs.empty()) return false;
  for (const auto& output : outputs) {
    const fs::path dir = folder_of(output);
    const Folder& f = folder(dir);
    const auto it = f.entries.find(output.filename().string());
    if (it == f.entries.end() || it->second.fingerprint != fingerprint || it->second.files.empty())
      return false;
    for (const auto& [name, size] : it->second.files) {
      std::error_code ec;
      if (fs::file_size(dir / name, ec) != size || ec) return false;
    }
  }
  return true;
}

void StateStore::record(const fs::path& output, const std::string& fingerprint,
                        const std::vector<fs::path>& files) {
  std::lock_guard lock(mutex_);
  const fs::path dir = folder_of(output);
  Folder& f = folder(dir);
  StateEntry entry{fingerprint, {}};
  for (const auto& file : files) {
    std::error_code ec;
    entry.files[file.filename().string()] = fs::file_size(file, ec);
  }
  const std::string name = output.filename().string();
  f.entries[name] = std::move(entry);
  f.changed.insert(name);
}

void StateStore::save_if_due(core::Diagnostics& diags) {
  std::lock_guard lock(mutex_);
  if (std::chrono::steady_clock::now() - last_save_ < kSaveInterval) return;
  save_locked(diags);
}

void StateStore::save(core::Diagnostics& diags) {
  std::lock_guard lock(mutex_);
  save_locked(diags);
}

void StateStore::save_locked(core::Diagnostics& diags) {
  last_save_ = std::chrono::steady_clock::now();
  for (auto& [dir, f] : folders_) {
    if (f.changed.empty()) continue;
    FolderLock lock(dir);
    std::map<std::string, StateEntry> merged;
    load_entries(dir, merged);  // what other processes (shards) saved meanwhile
    for (const auto& name : f.changed) merged[name] = f.entries[name];
    json outputs = json::object();
    for (const auto& [name, e] : merged)
      outputs[name] = {{"inputs", e.fingerprint}, {"files", e.files}};
    const json j = {{"version", kStateVersion}, {"outputs", outputs}};
    core::Diagnostics unsaved;
    if (core::write_file_atomically(dir / kStateFileName, j.dump(1) + "\n", unsaved)) {
      f.changed.clear();
      continue;
    }
    for (auto d : unsaved.all()) {
      d.severity = core::Severity::warning;
      d.hint = "the next run renders these jobs again";
      diags.add(std::move(d));
    }
  }
}

}  // namespace broadside::batch
