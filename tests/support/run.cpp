// run.cpp — fork/exec with output captured in files, so large outputs never block a pipe.
#include "run.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
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

RunResult run(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
              const fs::path& cwd) {
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
    if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(126);
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

RunResult run_broadside(const std::vector<std::string>& args,
                        const std::map<std::string, std::string>& env, const fs::path& cwd) {
  std::vector<std::string> all{BROADSIDE_BINARY};
  all.insert(all.end(), args.begin(), args.end());
  return run(all, env, cwd);
}

std::vector<std::string> words_of(const std::string& text) {
  // Join words hyphenated across lines ("de-\nportations"), columns and pages: a hyphen after a
  // letter followed by white space that holds a line break.
  std::string joined;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '-' && i > 0 && std::isalpha(static_cast<unsigned char>(text[i - 1]))) {
      size_t j = i + 1;
      bool newline = false;
      for (; j < text.size() && std::isspace(static_cast<unsigned char>(text[j])); ++j)
        if (text[j] == '\n') newline = true;
      if (newline && j < text.size()) {
        i = j - 1;
        continue;
      }
    }
    joined += text[i];
  }
  // No-break and narrow no-break spaces separate words too (French « guillemets »).
  for (const char* space : {"\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89"})
    for (size_t p; (p = joined.find(space)) != std::string::npos;)
      joined.replace(p, std::string(space).size(), " ");
  std::vector<std::string> words;
  std::istringstream in(joined);
  for (std::string w; in >> w;) {
    // Soft hyphens are invisible; quotes and punctuation are not part of the word.
    for (size_t p; (p = w.find("\xC2\xAD")) != std::string::npos;) w.erase(p, 2);
    // A line-end hyphen cannot be told from a compound's own ("SWAT-|like"): compare words
    // without hyphens; curly and straight apostrophes are the same letter.
    w.erase(std::remove(w.begin(), w.end(), '-'), w.end());
    for (size_t p; (p = w.find("\xE2\x80\x99")) != std::string::npos;) w.replace(p, 3, "'");
    auto is_trim = [](unsigned char c) { return std::ispunct(c) || c >= 0x80; };
    while (!w.empty() && is_trim(static_cast<unsigned char>(w.back()))) w.pop_back();
    size_t b = 0;
    while (b < w.size() && is_trim(static_cast<unsigned char>(w[b]))) ++b;
    w = w.substr(b);
    if (!w.empty()) words.push_back(w);
  }
  return words;
}

fs::path source_dir() {
  return BROADSIDE_SOURCE_DIR;
}

fs::path scratch_dir(const std::string& name) {
  // ctest runs test cases in parallel processes: each gets folders of its own.
  const fs::path dir =
      fs::temp_directory_path() / "broadside-tests" / std::to_string(getpid()) / name;
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
