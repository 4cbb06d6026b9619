// ghostscript.cpp — fork and exec with stdout and stderr to a log file, waited for; the child
// dies with its parent, and SIGINT or SIGTERM removes the temporary folders first.
#include "prepress/ghostscript.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <mutex>

#include "core/atomic_file.hpp"
#include "core/diagnostic.hpp"

namespace broadside::prepress {

namespace fs = std::filesystem;

namespace {

// A killed preflight must not leave gigabytes of plates in /tmp nor Ghostscript running: the
// folders and children are kept in fixed slots a signal handler can read without allocating.
constexpr int kSlots = 16;
constexpr size_t kPathMax = 4096;
struct Slot {
  std::atomic<bool> used{false};
  std::atomic<bool> ready{false};
  char path[kPathMax];
};
Slot g_dirs[kSlots];
std::atomic<pid_t> g_children[kSlots];
std::once_flag g_handlers;

/// Removes the files of a flat folder, then the folder, with system calls only.
void remove_flat_dir(const char* path) {
  const int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    alignas(8) char buf[4096];
    for (;;) {
      const long n = syscall(SYS_getdents64, fd, buf, sizeof buf);
      if (n <= 0) break;
      for (long at = 0; at < n;) {
        const auto* entry = reinterpret_cast<const struct dirent64*>(buf + at);
        const char* name = entry->d_name;
        if (std::strcmp(name, ".") != 0 && std::strcmp(name, "..") != 0) unlinkat(fd, name, 0);
        at += entry->d_reclen;
      }
    }
    close(fd);
  }
  rmdir(path);
}

extern "C" void on_stop_signal(int sig) {
  // Ghostscript first, so that it writes no more plates into a folder being removed.
  for (auto& child : g_children) {
    const pid_t pid = child.load();
    if (pid > 0) {
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
    }
  }
  for (auto& slot : g_dirs)
    if (slot.ready.load()) remove_flat_dir(slot.path);
  // Then death by the signal, as without this handler (the exit status says which).
  signal(sig, SIG_DFL);
  raise(sig);
}

void install_handlers() {
  std::call_once(g_handlers, [] {
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    // Only where nobody else decides what a stop means: batch's interrupt watch counts the
    // signals and stops its jobs itself, and serve takes them with sigwait.
    struct sigaction current {};
    if (sigaction(SIGINT, nullptr, &current) == 0 && current.sa_handler == SIG_DFL)
      sigaction(SIGINT, &action, nullptr);
    if (sigaction(SIGTERM, nullptr, &current) == 0 && current.sa_handler == SIG_DFL)
      sigaction(SIGTERM, &action, nullptr);
  });
}

int claim_dir_slot(const std::string& path) {
  if (path.size() >= kPathMax) return -1;
  for (int i = 0; i < kSlots; ++i) {
    bool expected = false;
    if (!g_dirs[i].used.compare_exchange_strong(expected, true)) continue;
    std::memcpy(g_dirs[i].path, path.c_str(), path.size() + 1);
    g_dirs[i].ready.store(true);
    return i;
  }
  return -1;  // more folders at once than slots: those are only removed by the destructor
}

void release_dir_slot(int i) {
  if (i < 0) return;
  g_dirs[i].ready.store(false);
  g_dirs[i].used.store(false);
}

/// Runs `args` (found in PATH) with stdout and stderr to `log`; its exit status, or -1 when it
/// could not be started or did not exit normally.
int run_process(const std::vector<std::string>& args, const fs::path& log) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const pid_t parent = getpid();
  // fork, not posix_spawn: only the child can ask to die with its parent (SIGKILL of broadside
  // runs no handler). Between fork and exec only async-signal-safe calls.
  const pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);  // the parent died before prctl
    const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0) _exit(127);
    execvp(argv[0], argv.data());
    _exit(127);
  }
  int slot = -1;
  for (int i = 0; i < kSlots && slot < 0; ++i) {
    pid_t none = 0;
    if (g_children[i].compare_exchange_strong(none, pid)) slot = i;
  }
  int status = 0;
  pid_t waited;
  while ((waited = waitpid(pid, &status, 0)) < 0 && errno == EINTR) {
  }
  if (slot >= 0) g_children[slot].store(0);
  if (waited < 0) return -1;
  // 127: exec failed (no gs), as posix_spawnp's failure was.
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TempDir::TempDir() {
  install_handlers();
  std::string pattern = (fs::temp_directory_path() / "broadside-gs-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw core::Failure({}, "cannot make a temporary folder");
  path_ = pattern;
  slot_ = claim_dir_slot(pattern);
}

TempDir::~TempDir() {
  release_dir_slot(slot_);
  std::error_code ec;
  fs::remove_all(path_, ec);
}

void ghostscript_render(const fs::path& pdf, const std::string& device, int dpi,
                        const std::string& ext, const fs::path& dir,
                        const std::vector<std::string>& extra) {
  const fs::path log = dir / "gs.log";
  std::vector<std::string> args = {"gs",
                                   "-q",
                                   "-dSAFER",
                                   "-dBATCH",
                                   "-dNOPAUSE",
                                   "-sDEVICE=" + device,
                                   "-r" + std::to_string(dpi)};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back("-sOutputFile=" + (dir / ("p%d." + ext)).string());
  args.push_back(pdf.string());
  const int status = run_process(args, log);
  if (status == 0) return;
  std::string why = "is it installed? (Debian: ghostscript)";
  if (status > 0) {
    std::error_code ec;
    core::Diagnostics unread;
    const auto text = fs::exists(log, ec) ? core::read_file(log, core::Limits{}, unread)
                                          : std::optional<std::string>();
    why = text ? text->substr(0, 300) : "exit status " + std::to_string(status);
  }
  throw core::Failure({}, "Ghostscript could not render " + pdf.filename().string() + ": " + why);
}

}  // namespace broadside::prepress
