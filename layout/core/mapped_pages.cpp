// mapped_pages.cpp — /proc/self/maps read, and madvise(MADV_DONTNEED) on the mappings it picks.
#include "core/mapped_pages.hpp"

#if defined(__linux__)
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

#include <charconv>
#include <cstdint>
#include <string>

namespace broadside::core {

#if defined(__linux__)
namespace {

/// A /proc/self file in one string: read in chunks, as the kernel gives out a page at a time.
std::string read_proc(const char* path) {
  std::string text;
  const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return text;
  char buffer[16384];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n <= 0) break;
    text.append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  return text;
}

std::uintptr_t hex(std::string_view s) {
  std::uintptr_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v, 16);
  return v;
}

/// The next space-separated field of `line` from `pos`, which it moves past.
std::string_view field(std::string_view line, size_t& pos) {
  while (pos < line.size() && line[pos] == ' ') ++pos;
  const size_t start = pos;
  while (pos < line.size() && line[pos] != ' ') ++pos;
  return line.substr(start, pos - start);
}

/// Whether this process has one thread (this one), from /proc/self/stat's 20th field; false
/// when it cannot tell.
bool is_single_threaded() {
  const std::string stat = read_proc("/proc/self/stat");
  // "pid (comm) state ..." — comm may hold spaces and parentheses, so count from the last ')'.
  const size_t paren = stat.rfind(')');
  if (paren == std::string::npos) return false;
  std::string_view rest = std::string_view(stat).substr(paren + 1);
  size_t pos = 0;
  std::string_view threads;
  for (int f = 3; f <= 20; ++f) threads = field(rest, pos);
  return threads == "1";
}

}  // namespace

std::size_t release_mapped_pages(const std::function<bool(std::string_view path)>& is_wanted) {
  // With another thread running, a mapping listed here could be unmapped and its addresses given
  // to new memory before madvise reaches them, and that memory would be wiped: only a process's
  // one thread can be sure the list still holds when it acts on it.
  if (!is_single_threaded()) return 0;
  const std::string maps = read_proc("/proc/self/maps");
  std::size_t released = 0;
  std::string_view rest(maps);
  while (!rest.empty()) {
    const size_t eol = rest.find('\n');
    const std::string_view line = rest.substr(0, eol);
    rest = eol == std::string_view::npos ? std::string_view{} : rest.substr(eol + 1);
    // "start-end perms offset dev inode path"
    size_t pos = 0;
    const std::string_view range = field(line, pos), perms = field(line, pos);
    field(line, pos);  // offset
    field(line, pos);  // device
    const std::string_view inode = field(line, pos);
    while (pos < line.size() && line[pos] == ' ') ++pos;
    const std::string_view path = line.substr(pos);
    // Read-only and private only: the pages of such a mapping of a file no one writes through a
    // mapping (the caller's pick) are the file's own, so dropping them loses nothing; shared or
    // writable mappings, and anonymous memory, are never touched.
    if (perms != "r--p" || inode == "0" || path.empty() || path.front() != '/') continue;
    if (!is_wanted(path)) continue;
    const size_t dash = range.find('-');
    if (dash == std::string_view::npos) continue;
    const std::uintptr_t start = hex(range.substr(0, dash)), end = hex(range.substr(dash + 1));
    if (end <= start) continue;
    if (::madvise(reinterpret_cast<void*>(start), end - start, MADV_DONTNEED) == 0)
      released += end - start;
  }
  return released;
}

#else

std::size_t release_mapped_pages(const std::function<bool(std::string_view)>&) {
  return 0;
}

#endif

}  // namespace broadside::core
