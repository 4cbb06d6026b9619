// ghostscript.cpp — posix_spawn with stdout and stderr to a log file, waited for.
#include "prepress/ghostscript.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include "core/atomic_file.hpp"
#include "core/diagnostic.hpp"

extern char** environ;

namespace broadside::prepress {

namespace fs = std::filesystem;

namespace {

/// Runs `args` (found in PATH) with stdout and stderr to `log`; its exit status, or -1 when it
/// could not be started or did not exit normally.
int run_process(const std::vector<std::string>& args, const fs::path& log) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return -1;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "broadside-gs-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw core::Failure({}, "cannot make a temporary folder");
  path_ = pattern;
}

TempDir::~TempDir() {
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
