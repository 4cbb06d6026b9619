// commands.hpp — the CLI's commands; each returns the process exit code.
#pragma once

#include <string>
#include <vector>

namespace broadside::cli {

/// Exit codes: 0 success, 1 a problem with the inputs or outputs, 2 a command-line mistake.
inline constexpr int kExitOk = 0;
inline constexpr int kExitProblem = 1;
inline constexpr int kExitUsage = 2;

struct RenderArgs {
  std::string design;
  std::string content;
  std::vector<std::string> outputs;
  std::vector<std::string> sets;
  int dpi = 0;
  bool timings = false;
};

int render(const RenderArgs& args);
int check(const std::string& design, const std::string& content);
int designs();
int fonts();

}  // namespace broadside::cli
