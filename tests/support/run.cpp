// run.cpp — fork/exec with output captured in files, so large outputs never block a pipe.
#include "run.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace broadside::testing {

namespace fs = std::filesystem;

std::string read_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

RunResult run(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
  static int counter = 0;
  const fs::path dir = fs::temp_directory_path() / ("broadside-run-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const fs::path out = dir / (std::to_string(++counter) + ".out");
  const fs::path err = dir / (std::to_string(counter) + ".err");
  const pid_t pid = fork();
  if (pid == 0) {
    const int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(o, 1);
    dup2(e, 2);
    for (const auto& [k, v] : env) {
      if (v.empty())
        unsetenv(k.c_str());
      else
        setenv(k.c_str(), v.c_str(), 1);
    }
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execvp(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_bytes(out);
  r.err = read_bytes(err);
  fs::remove(out);
  fs::remove(err);
  return r;
}

RunResult broadside(const std::vector<std::string>& args,
                    const std::map<std::string, std::string>& env) {
  std::vector<std::string> all{BROADSIDE_BINARY};
  all.insert(all.end(), args.begin(), args.end());
  return run(all, env);
}

fs::path source_dir() {
  return BROADSIDE_SOURCE_DIR;
}

fs::path scratch_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / "broadside-tests" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::vector<std::string> files_in(const fs::path& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec))
    if (e.is_regular_file()) out.push_back(fs::relative(e.path(), dir).string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace broadside::testing
