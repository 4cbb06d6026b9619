// state.cpp — reading, checking and saving `.broadside-state` files (JSON, nlohmann-json).
#include "batch/state.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <string_view>

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

/// Reads one entry (`{"inputs": ..., "files": {...}}`) into `entry`; throws on a bad shape.
void read_entry(const json& e, StateEntry& entry) {
  entry.fingerprint = e.at("inputs").get<std::string>();
  entry.files.clear();
  for (const auto& [file, size] : e.at("files").items())
    entry.files[file] = size.get<std::uintmax_t>();
}

/// Replays the journal's lines over `into`, in the order they were appended. A line that does
/// not parse (cut short when a run was killed while appending) or is of another version is
/// skipped: its output only renders again. Read a line at a time: a long run's journal is
/// megabytes.
void replay_journal(const fs::path& dir, std::map<std::string, StateEntry>& into) {
  // Only a regular file: a pipe or device put in its place would block the run or never end.
  std::error_code ec;
  if (!fs::is_regular_file(dir / kStateJournalName, ec)) return;
  std::ifstream in(dir / kStateJournalName);
  if (!in) return;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object() || j.value("version", 0) != kStateVersion) continue;
    try {
      StateEntry entry;
      read_entry(j, entry);
      into[j.at("output").get<std::string>()] = std::move(entry);
    } catch (const std::exception&) {
    }
  }
}

/// The state file's lines besides its entries, which state_text() writes and
/// read_state_lines() recognises: the two change together through these.
namespace state_lines {
constexpr std::string_view kOpen = "{";
constexpr std::string_view kOutputs = " \"outputs\": {";
constexpr std::string_view kNoOutputs = " \"outputs\": {},";
constexpr std::string_view kOutputsEnd = " },";
constexpr std::string_view kVersion = " \"version\": ";
constexpr std::string_view kClose = "}";
/// An entry's line starts with this indent and the output's name in quotes.
constexpr std::string_view kEntry = "  ";
}  // namespace state_lines

/// Reads a state file written by state_text() a line at a time (an entry a line): a JSON tree
/// of a 10,000-row folder costs over ten times the file's 1.4 MB. False when `text` is not in
/// that shape (edited by hand, say), and `into` is then untouched.
bool read_state_lines(std::string_view text, std::map<std::string, StateEntry>& into) {
  using namespace state_lines;
  std::map<std::string, StateEntry> found;
  int version = 0;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (line.starts_with(kEntry) && line.substr(kEntry.size()).starts_with('"')) {
      if (line.ends_with(",")) line.remove_suffix(1);
      std::string member = "{";
      member += line;
      member += "}";
      const json j = json::parse(member, nullptr, /*allow_exceptions=*/false);
      if (j.is_discarded() || !j.is_object() || j.size() != 1) return false;
      try {
        read_entry(j.begin().value(), found[j.begin().key()]);
      } catch (const std::exception&) {
        return false;
      }
    } else if (line.starts_with(kVersion)) {
      line.remove_prefix(kVersion.size());
      std::from_chars(line.data(), line.data() + line.size(), version);
    } else if (line != kOpen && line != kOutputs && line != kNoOutputs && line != kOutputsEnd &&
               line != kClose && !line.empty()) {
      return false;
    }
  }
  if (version == kStateVersion)
    for (auto& [name, entry] : found) into[name] = std::move(entry);
  return true;
}

/// The entries saved in `dir`: the state file, then its journal; empty when there is neither
/// or the state file cannot be read.
void load_entries(const fs::path& dir, std::map<std::string, StateEntry>& into) {
  std::error_code ec;
  if (fs::exists(dir / kStateFileName, ec)) {
    // broadside's own file: the default file-bytes limit bounds it, whatever the run's limits.
    core::Diagnostics unread;
    if (const auto text = core::read_file(dir / kStateFileName, core::Limits{}, unread);
        text && !read_state_lines(*text, into)) {
      try {
        const json j = json::parse(*text);
        if (j.value("version", 0) == kStateVersion)
          for (const auto& [name, e] : j.at("outputs").items()) read_entry(e, into[name]);
      } catch (const std::exception&) {
        into.clear();  // a damaged state file only costs a re-render
      }
    }
  }
  replay_journal(dir, into);
}

json entry_json(const StateEntry& e) {
  return {{"inputs", e.fingerprint}, {"files", e.files}};
}

/// The state file's text for `entries`, written entry by entry (no JSON tree of the whole
/// folder, which would cost several times the file's size in memory).
std::string state_text(const std::map<std::string, StateEntry>& entries) {
  using namespace state_lines;
  std::string out(kOpen);
  out += '\n';
  // About what a line takes (a name, a 64-digit fingerprint, one file): growing by doubling
  // would hold the old and the new copy of a long folder's text at once.
  out.reserve(64 + entries.size() * 160);
  if (entries.empty()) {
    out += kNoOutputs;
  } else {
    out += kOutputs;
    bool first = true;
    for (const auto& [name, e] : entries) {
      out += first ? "\n" : ",\n";
      out += kEntry;
      out += json(name).dump();
      out += ": ";
      out += entry_json(e).dump();
      first = false;
    }
    out += '\n';
    out += kOutputsEnd;
  }
  out += '\n';
  out += kVersion;
  out += std::to_string(kStateVersion);
  out += '\n';
  out += kClose;
  out += '\n';
  return out;
}

/// A problem saving the state, as the warning a run reports: it costs only a re-render.
void warn(core::Diagnostics& diags, const fs::path& file, const std::string& why) {
  core::Diagnostic d;
  d.severity = core::Severity::warning;
  d.where = core::SourceLocation{file.string()};
  d.message = "cannot save the batch state: " + why;
  d.hint = "the next run renders these jobs again";
  diags.add(std::move(d));
}

/// Appends `text` to the journal in `dir` and flushes it to disk; false (with a warning) when
/// that fails. A line cut short by a killed run is ended first (hence read access: its last
/// byte is looked at), so it cannot swallow this one.
bool append_journal(const fs::path& dir, const std::string& text, core::Diagnostics& diags) {
  const fs::path file = dir / kStateJournalName;
  const int fd = ::open(file.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    warn(diags, file, std::strerror(errno));
    return false;
  }
  std::string bytes;
  struct stat st {};
  char last = '\n';
  if (::fstat(fd, &st) == 0 && st.st_size > 0 && ::pread(fd, &last, 1, st.st_size - 1) == 1 &&
      last != '\n')
    bytes = "\n";
  bytes += text;
  bool ok = true;
  for (size_t done = 0; ok && done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<size_t>(n);
  }
  ok = ok && ::fsync(fd) == 0;
  if (!ok) warn(diags, file, std::strerror(errno));
  ::close(fd);
  return ok;
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
    const std::string name = output.filename().string();
    const StateEntry* entry = nullptr;
    if (auto it = f.pending.find(name); it != f.pending.end())
      entry = &it->second;
    else if (auto at = f.entries.find(name); at != f.entries.end())
      entry = &at->second;
    if (!entry || entry->fingerprint != fingerprint || entry->files.empty()) return false;
    for (const auto& [file, size] : entry->files) {
      std::error_code ec;
      if (fs::file_size(dir / file, ec) != size || ec) return false;
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
  f.pending[output.filename().string()] = std::move(entry);
}

void StateStore::save_if_due(core::Diagnostics& diags) {
  std::lock_guard lock(mutex_);
  if (std::chrono::steady_clock::now() - last_save_ < kSaveInterval) return;
  journal_locked(diags);
}

void StateStore::journal_locked(core::Diagnostics& diags) {
  last_save_ = std::chrono::steady_clock::now();
  for (auto& [dir, f] : folders_) {
    if (f.pending.empty()) continue;
    std::string lines;
    for (const auto& [name, e] : f.pending) {
      json j = entry_json(e);
      j["output"] = name;
      j["version"] = kStateVersion;
      lines += j.dump() + "\n";
    }
    FolderLock lock(dir);
    if (!append_journal(dir, lines, diags)) continue;  // kept, for the next save
    f.journaled = true;
    // What this store loaded stays exact; new names are on disk now, not kept in memory.
    for (auto& [name, e] : f.pending)
      if (auto it = f.entries.find(name); it != f.entries.end()) it->second = std::move(e);
    f.pending.clear();
  }
}

void StateStore::save(core::Diagnostics& diags) {
  std::lock_guard lock(mutex_);
  journal_locked(diags);
  for (auto& [dir, f] : folders_) {
    if (!f.journaled) continue;
    FolderLock lock(dir);
    // Everything on disk, this store's journal lines and other processes' (shards) alike. What
    // this store loaded is among it: let go first, so a long run's fold holds one copy.
    f.entries.clear();
    std::map<std::string, StateEntry> merged;
    load_entries(dir, merged);
    core::Diagnostics unsaved;
    if (!core::write_file_atomically(dir / kStateFileName, state_text(merged), unsaved)) {
      // The journal still holds the entries: the next run reads them from there.
      for (auto d : unsaved.all()) {
        d.severity = core::Severity::warning;
        d.hint = "the next run renders these jobs again";
        diags.add(std::move(d));
      }
      f.entries = std::move(merged);
      continue;
    }
    // Killed before this, the journal's lines are replayed over a file that already holds them.
    std::error_code ec;
    fs::remove(dir / kStateJournalName, ec);
    f.journaled = false;
    f.entries = std::move(merged);  // what the folder holds now
  }
}

}  // namespace broadside::batch
