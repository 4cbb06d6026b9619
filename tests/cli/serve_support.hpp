// serve_support.hpp — `broadside serve` started as a process on a free port for a test, and
// the requests the serve tests share.
#pragma once

#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/cli_support.hpp"

namespace broadside::testing {

using nlohmann::json;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kIsSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kIsSanitized = true;
#else
constexpr bool kIsSanitized = false;
#endif
#else
constexpr bool kIsSanitized = false;
#endif

/// `broadside serve --port 0 ARGS...` running until the test ends; stopped with SIGTERM.
class Server {
 public:
  explicit Server(const std::vector<std::string>& extra = {}) {
    int out[2];
    REQUIRE(pipe(out) == 0);
    std::vector<std::string> args = {BROADSIDE_BINARY, "serve", "--port", "0"};
    args.insert(args.end(), extra.begin(), extra.end());
    pid_ = fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      close(out[1]);
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(out[1]);
    std::string line;
    char c;
    while (read(out[0], &c, 1) == 1 && c != '\n') line += c;
    close(out[0]);
    first_line = line;
    // "broadside serve: http://127.0.0.1:PORT/" and, with --watch, more after it.
    const auto at = line.find("http://");
    const auto colon = at == std::string::npos ? at : line.find(':', at + 7);
    if (colon == std::string::npos) kill(pid_, SIGTERM);
    REQUIRE_MESSAGE(colon != std::string::npos, "no address printed: " << line);
    port = std::stoi(line.substr(colon + 1));
  }
  ~Server() { stop(); }
  /// SIGTERM, then the exit status (0 for a clean stop).
  int stop() {
    if (pid_ <= 0) return status_;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return status_;
  }
  bool is_alive() const { return pid_ > 0 && kill(pid_, 0) == 0; }
  /// Resident memory in KiB (VmRSS) of the server and its render processes.
  long rss_kib() const {
    long total = 0;
    for (pid_t p : with_workers()) {
      std::ifstream in("/proc/" + std::to_string(p) + "/status");
      for (std::string line; std::getline(in, line);)
        if (line.rfind("VmRSS:", 0) == 0) total += std::stol(line.substr(6));
    }
    return total;
  }
  /// The server's process and every process it forked (its spawner and render processes).
  std::vector<pid_t> with_workers() const {
    std::vector<pid_t> out = children("");
    out.insert(out.begin(), pid_);
    return out;
  }
  /// The server's running children named `name` (as ps shows them), every one when empty:
  /// "broadside-work" for render processes, "broadside-fork" for the one that forks them.
  std::vector<pid_t> children(const std::string& name) const { return scan(name, false); }
  /// The server's children that have ended and not been waited for.
  std::vector<pid_t> zombies() const { return scan("", true); }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port);
    c.set_read_timeout(60, 0);
    return c;
  }

  int port = 0;
  std::string first_line;

 private:
  /// The server's children named `name` (every one when empty) that are zombies or not.
  std::vector<pid_t> scan(const std::string& name, bool zombies) const {
    std::vector<pid_t> out;
    for (const auto& e : std::filesystem::directory_iterator("/proc")) {
      const std::string pid = e.path().filename().string();
      if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
      std::ifstream in(e.path() / "status");
      std::string own_name;
      bool zombie = false;
      for (std::string line; std::getline(in, line);) {
        const auto value = [&] { return line.substr(line.find_first_not_of(" \t", 6)); };
        if (line.rfind("Name:", 0) == 0) own_name = value();
        if (line.rfind("State:", 0) == 0) zombie = value().rfind("Z", 0) == 0;
        if (line.rfind("PPid:", 0) == 0 && std::stol(line.substr(5)) == pid_ && zombie == zombies &&
            (name.empty() || own_name == name))
          out.push_back(std::stoi(pid));
      }
    }
    return out;
  }

  pid_t pid_ = -1;
  int status_ = 0;
};

inline json poster_request(json values = json::object()) {
  json v = {{"branch.name", "Leeds branch"},
            {"event.date", "2026-03-14"},
            {"event.time", "Thursday 7pm"},
            {"event.place", "Leeds Civic Hall"}};
  v.update(values);
  return {{"design", "branch-poster-a4"}, {"statement", "statement.en"}, {"values", v}};
}

inline httplib::Result post(httplib::Client& c, const json& body) {
  return c.Post("/api/render", body.dump(), "application/json");
}

/// The "errors" of a refusal, as field -> message.
inline std::map<std::string, std::string> errors_of(const httplib::Result& r) {
  std::map<std::string, std::string> out;
  const json body = json::parse(r->body);  // kept: a loop over a temporary's member dangles
  for (const auto& e : body["errors"])
    out[e["field"].get<std::string>()] = e["message"].get<std::string>();
  return out;
}

}  // namespace broadside::testing
