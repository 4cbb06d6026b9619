// atomic_file.cpp — temporary file + fsync + rename, with errors that name the file.
#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "core/diagnostic.hpp"

namespace broadside::core {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path& path, const std::string& what, int err) {
  throw Failure(SourceLocation{path.string()}, what + ": " + std::strerror(err));
}

}  // namespace

void write_file_atomically(const fs::path& path, std::string_view bytes) {
  std::error_code ec;
  const fs::path parent = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  fs::create_directories(parent, ec);
  if (ec)
    throw Failure(SourceLocation{path.string()},
                  "cannot create folder '" + parent.string() + "': " + ec.message());
  if (fs::is_directory(path, ec)) {
    throw Failure(SourceLocation{path.string()}, "cannot write: it is a folder");
  }
  std::string tmpl = (parent / ("." + path.filename().string() + ".XXXXXX")).string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) fail(path, "cannot create a temporary file in '" + parent.string() + "'", errno);
  // mkstemp creates 0600; output files are meant to be shared like any other document.
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);

  auto abandon = [&](const std::string& what, int err) {
    ::close(fd);
    ::unlink(tmpl.c_str());
    fail(path, what, err);
  };
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      abandon("cannot write", errno);
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) abandon("cannot flush to disk", errno);
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    fail(path, "cannot close", err);
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    fail(path, "cannot rename the temporary file into place", err);
  }
}

std::string read_file(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw Failure(SourceLocation{path.string()}, "file not found");
  if (fs::is_directory(path, ec))
    throw Failure(SourceLocation{path.string()}, "is a folder, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path, "cannot open", errno);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) fail(path, "cannot read", errno);
  return ss.str();
}

}  // namespace broadside::core
