// atomic_file.cpp — temporary file + fsync + rename, with errors that name the file.
#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>
#include <set>
#include <string>

namespace broadside::core {

namespace fs = std::filesystem;

namespace {

/// Reports what failed at `path` with the system's reason, and the likely cause of a full disk.
bool fail(const fs::path& path, const std::string& what, int err, Diagnostics& diags) {
  std::string hint;
  if (err == ENOSPC || err == EFBIG || err == EDQUOT)
    hint = "the disk is full, or a file size limit (ulimit -f, a quota) was reached";
  diags.error(SourceLocation{path.string()}, what + ": " + std::strerror(err), hint);
  return false;
}

/// Temporaries being written now, so that a process stopping without waiting for its writers
/// can remove them; once abandoned, no new write starts.
struct Temporaries {
  std::mutex mutex;
  std::set<std::string> open;
  bool abandoned = false;

  static Temporaries& get() {
    static Temporaries t;
    return t;
  }
};

/// Forgets a registered temporary when its write ends, however it ends.
class Unregister {
 public:
  explicit Unregister(std::string path) : path_(std::move(path)) {}
  ~Unregister() {
    auto& t = Temporaries::get();
    std::lock_guard lock(t.mutex);
    t.open.erase(path_);
  }
  Unregister(const Unregister&) = delete;
  Unregister& operator=(const Unregister&) = delete;

 private:
  std::string path_;
};

/// The process's umask, read once: umask(2) can only be read by setting it, which would race
/// with other threads creating files.
mode_t process_umask() {
  static const mode_t mask = [] {
    const mode_t m = ::umask(0);
    ::umask(m);
    return m;
  }();
  return mask;
}

/// False (reported) when `path` is a symbolic link.
bool refuse_symlink(const fs::path& path, Diagnostics& diags) {
  std::error_code ec;
  if (!fs::is_symlink(path, ec)) return true;
  diags.error(SourceLocation{path.string()},
              "is a symbolic link; broadside never writes through one",
              "remove the link, or write to another name");
  return false;
}

/// Writes all of `bytes` to `fd`, flushes and closes it; the errno of what failed, or 0.
int write_and_close(int fd, std::string_view bytes, std::string& what) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      what = "cannot write";
      const int err = errno;
      ::close(fd);
      return err;
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) {
    what = "cannot flush to disk";
    const int err = errno;
    ::close(fd);
    return err;
  }
  if (::close(fd) != 0) {
    what = "cannot close";
    return errno;
  }
  return 0;
}

}  // namespace

void abandon_atomic_writes() {
  auto& t = Temporaries::get();
  std::lock_guard lock(t.mutex);
  t.abandoned = true;
  for (const auto& p : t.open) ::unlink(p.c_str());
}

bool write_file_atomically(const fs::path& path, std::string_view bytes, Diagnostics& diags) {
  std::error_code ec;
  const fs::path parent = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  fs::create_directories(parent, ec);
  if (ec) {
    diags.error(SourceLocation{path.string()},
                "cannot create folder '" + parent.string() + "': " + ec.message());
    return false;
  }
  if (fs::is_directory(path, ec)) {
    diags.error(SourceLocation{path.string()}, "cannot write: it is a folder");
    return false;
  }
  if (!refuse_symlink(path, diags)) return false;
  std::string tmpl = (parent / ("." + path.filename().string() + ".XXXXXX")).string();
  int fd = -1;
  {
    auto& t = Temporaries::get();
    std::lock_guard lock(t.mutex);
    if (t.abandoned) {
      diags.error(SourceLocation{path.string()}, "not written: the run was stopped");
      return false;
    }
    fd = ::mkstemp(tmpl.data());
    if (fd >= 0) t.open.insert(tmpl);
  }
  if (fd < 0)
    return fail(path, "cannot create a temporary file in '" + parent.string() + "'", errno, diags);
  const Unregister registered(tmpl);
  // mkstemp creates 0600; output files are meant to be shared like any other document.
  ::fchmod(fd, 0666 & ~process_umask());
  std::string what;
  if (const int err = write_and_close(fd, bytes, what); err != 0) {
    ::unlink(tmpl.c_str());
    return fail(path, what, err, diags);
  }
  // A link planted while this file was being written is refused too: rename would replace the
  // link itself, never write through it, but the design is to leave links alone.
  if (!refuse_symlink(path, diags)) {
    ::unlink(tmpl.c_str());
    return false;
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmpl.c_str());
    return fail(path, "cannot rename the temporary file into place", err, diags);
  }
  return true;
}

std::optional<std::string> read_file(const fs::path& path, const Limits& limits,
                                     Diagnostics& diags) {
  const SourceLocation where{path.string()};
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    diags.error(where, "file not found");
    return std::nullopt;
  }
  if (fs::is_directory(path, ec)) {
    diags.error(where, "is a folder, not a file");
    return std::nullopt;
  }
  // Non-blocking, so that a named pipe without a writer cannot hang the open.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    fail(path, "cannot open", errno, diags);
    return std::nullopt;
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    fail(path, "cannot open", errno, diags);
    return std::nullopt;
  }
  if (!S_ISREG(st.st_mode)) {
    // Read from a pipe, the input could not be sized against the limits nor read again by
    // --watch or a batch's cache.
    diags.error(where, "is not a regular file (a device or a pipe?)",
                "name a file; to use what a pipe or a program gives, save it to a file first");
    return std::nullopt;
  }
  if (st.st_size > limits[Limit::file_bytes]) {
    diags.error(
        where,
        "the file is " + std::to_string(st.st_size) + " bytes, " + limits.over(Limit::file_bytes),
        limit_hint(Limit::file_bytes));
    return std::nullopt;
  }
  std::string bytes(static_cast<size_t>(st.st_size), '\0');
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      fail(path, "cannot read", errno, diags);
      return std::nullopt;
    }
    if (n == 0) break;  // shrank while being read
    done += static_cast<size_t>(n);
  }
  bytes.resize(done);
  return bytes;
}

}  // namespace broadside::core
