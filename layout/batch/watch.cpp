// watch.cpp — the inputs of a job, and an inotify watch on their folders.
#include "batch/watch.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <variant>

#include "design/design.hpp"

namespace broadside::batch {

namespace fs = std::filesystem;

namespace {

// An editor saves in a burst (write a temporary, rename, touch): wait this long for quiet.
constexpr int kSettleMs = 150;

void add_images(const std::vector<design::Frame>& frames, std::vector<fs::path>& out) {
  for (const auto& frame : frames) {
    if (const auto* image = std::get_if<design::ImageFrame>(&frame.content))
      out.push_back(image->file);
    if (const auto* stack = std::get_if<design::StackFrame>(&frame.content))
      add_images(stack->items, out);
  }
}

fs::path full_path(const fs::path& p) {
  std::error_code ec;
  const fs::path a = fs::absolute(p, ec);
  return (ec ? p : a).lexically_normal();
}

}  // namespace

std::vector<fs::path> watched_inputs(const fs::path& design, const fs::path& statement,
                                     const std::vector<fs::path>& more,
                                     const core::Options& options) {
  std::vector<fs::path> files = {design, statement};
  for (const auto& m : more)
    if (!m.empty()) files.push_back(m);
  core::Diagnostics ignored;  // a broken design is reported by the render itself
  std::vector<fs::path> included;
  if (const auto loaded = design::load_design(design, options, ignored, "", &included))
    for (const auto& page : loaded->pages) add_images(page.frames, files);
  files.insert(files.end(), included.begin(), included.end());
  for (auto& f : files) f = full_path(f);
  return files;
}

std::set<fs::path> modified_since(const std::vector<fs::path>& files, fs::file_time_type since) {
  // The kernel stamps files from a coarse clock, up to a tick behind the one read here.
  constexpr auto kTick = std::chrono::milliseconds(20);
  const auto now = fs::file_time_type::clock::now();
  std::set<fs::path> out;
  for (const auto& f : files) {
    std::error_code ec;
    const auto t = fs::last_write_time(f, ec);
    // A file dated in the future (copied from a machine whose clock runs ahead) would run the
    // job again and again.
    if (!ec && t + kTick >= since && t <= now + kTick) out.insert(full_path(f));
  }
  return out;
}

InputWatcher::InputWatcher(const std::vector<fs::path>& files)
    : fd_(::inotify_init1(IN_CLOEXEC | IN_NONBLOCK)) {
  if (fd_ < 0) return;
  for (const auto& f : files) {
    const fs::path file = full_path(f);
    files_.insert(file);
    const fs::path folder = file.parent_path();
    bool known = false;
    for (const auto& [wd, dir] : folders_) known = known || dir == folder;
    if (known) continue;
    const int wd = ::inotify_add_watch(
        fd_, folder.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_ATTRIB);
    if (wd >= 0) folders_.emplace_back(wd, folder);
  }
}

InputWatcher::~InputWatcher() {
  if (fd_ >= 0) ::close(fd_);
}

std::set<fs::path> InputWatcher::wait() {
  std::set<fs::path> changed;
  alignas(inotify_event) std::array<char, 16384> buffer{};
  // Block for the first change, then keep reading until the folder has been quiet a while.
  int timeout = -1;
  while (true) {
    pollfd p{fd_, POLLIN, 0};
    const int ready = ::poll(&p, 1, timeout);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) {
      if (!changed.empty()) return changed;
      continue;
    }
    const ssize_t n = ::read(fd_, buffer.data(), buffer.size());
    for (ssize_t at = 0; n > 0 && at < n;) {
      const auto* e = reinterpret_cast<const inotify_event*>(buffer.data() + at);
      at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
      if (e->len == 0) continue;
      for (const auto& [wd, dir] : folders_) {
        if (wd != e->wd) continue;
        const fs::path file = dir / e->name;
        if (files_.count(file)) changed.insert(file);
      }
    }
    if (!changed.empty()) timeout = kSettleMs;
  }
}

}  // namespace broadside::batch
