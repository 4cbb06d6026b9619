// mapped_pages_test.cpp — read-only file pages given back to the page cache, and nothing else.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>

#include "core/mapped_pages.hpp"

using namespace broadside::core;
namespace fs = std::filesystem;

namespace {

constexpr size_t kFileBytes = 1 << 20;

/// Resident kilobytes of the mapping that starts at `start`, from /proc/self/smaps; -1 when
/// there is no such mapping.
long resident_kib(const void* start) {
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  char head[32];
  std::snprintf(head, sizeof head, "%lx-", reinterpret_cast<unsigned long>(start));
  bool in_mapping = false;
  while (std::getline(smaps, line)) {
    if (line.rfind(head, 0) == 0) in_mapping = true;
    if (in_mapping && line.rfind("Rss:", 0) == 0) return std::stol(line.substr(4));
  }
  return -1;
}

/// A file of kFileBytes whose byte i is i % 251, and a mapping of it.
struct MappedFile {
  fs::path path;
  const unsigned char* data = nullptr;
  explicit MappedFile(const char* name, int prot = PROT_READ) {
    path = fs::temp_directory_path() / (std::string(name) + "." + std::to_string(::getpid()));
    {
      std::ofstream out(path, std::ios::binary);
      for (size_t i = 0; i < kFileBytes; ++i) out.put(static_cast<char>(i % 251));
    }
    const int fd = ::open(path.c_str(), O_RDONLY);
    REQUIRE(fd >= 0);
    void* p = ::mmap(nullptr, kFileBytes, prot, MAP_PRIVATE, fd, 0);
    ::close(fd);
    REQUIRE(p != MAP_FAILED);
    data = static_cast<const unsigned char*>(p);
  }
  ~MappedFile() {
    ::munmap(const_cast<unsigned char*>(data), kFileBytes);
    fs::remove(path);
  }
  /// Reads every page; true when every byte is what the file holds.
  bool read_all() const {
    bool same = true;
    for (size_t i = 0; i < kFileBytes; ++i) same = same && data[i] == i % 251;
    return same;
  }
  bool is(std::string_view p) const { return p == path.string(); }
};

}  // namespace

TEST_CASE("mapped pages: a read-only mapping's pages leave the resident set, its bytes stay") {
  MappedFile file("broadside-mapped-pages");
  REQUIRE(file.read_all());
  CHECK(resident_kib(file.data) >= static_cast<long>(kFileBytes / 1024));
  const size_t released = release_mapped_pages([&](std::string_view p) { return file.is(p); });
  CHECK(released >= kFileBytes);
  CHECK(resident_kib(file.data) == 0);
  CHECK(file.read_all());  // read again from the page cache
  CHECK(resident_kib(file.data) >= static_cast<long>(kFileBytes / 1024));
}

TEST_CASE("mapped pages: files the predicate does not pick keep their pages") {
  MappedFile file("broadside-mapped-pages-kept");
  REQUIRE(file.read_all());
  const long before = resident_kib(file.data);
  CHECK(release_mapped_pages([](std::string_view) { return false; }) == 0);
  CHECK(resident_kib(file.data) == before);
}

TEST_CASE("mapped pages: a writable private mapping keeps what was written to it") {
  MappedFile file("broadside-mapped-pages-written", PROT_READ | PROT_WRITE);
  auto* bytes = const_cast<unsigned char*>(file.data);
  bytes[4096] = 0xAB;  // a private copy of the page, which only this mapping holds
  CHECK(release_mapped_pages([&](std::string_view p) { return file.is(p); }) == 0);
  CHECK(bytes[4096] == 0xAB);
}

TEST_CASE("mapped pages: nothing is released while another thread runs") {
  MappedFile file("broadside-mapped-pages-threads");
  REQUIRE(file.read_all());
  const long before = resident_kib(file.data);
  std::mutex m;
  std::condition_variable cv;
  bool done = false;
  std::thread other([&] {
    std::unique_lock lock(m);
    cv.wait(lock, [&] { return done; });
  });
  CHECK(release_mapped_pages([&](std::string_view p) { return file.is(p); }) == 0);
  CHECK(resident_kib(file.data) == before);
  {
    std::lock_guard lock(m);
    done = true;
  }
  cv.notify_one();
  other.join();
  CHECK(release_mapped_pages([&](std::string_view p) { return file.is(p); }) >= kFileBytes);
}
