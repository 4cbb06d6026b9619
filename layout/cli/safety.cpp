// safety.cpp — applying the safety settings; every message one line on stderr.
#include "cli/safety.hpp"

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "batch/paths.hpp"
#include "cli/commands.hpp"
#include "core/access.hpp"
#include "core/limits.hpp"

namespace broadside::cli {

void harden_process() {
  std::signal(SIGXFSZ, SIG_IGN);
  // Overwritten, not defaulted: a FONTCONFIG_FILE from the environment would let SVG text
  // read the machine's font configuration and fonts.
  ::setenv("FONTCONFIG_FILE", batch::font_config().c_str(), 1);
}

int apply_safety(const SafetyArgs& args) {
  bool ok = true;
  for (const auto& message : core::limit_environment_errors()) {
    std::cerr << "broadside: " << message << "\n";
    ok = false;
  }
  for (const auto& assignment : args.limits) {
    if (const std::string error = core::set_limit(assignment); !error.empty()) {
      std::cerr << "broadside: " << error << "\n";
      ok = false;
    }
  }
  for (const auto& dir : args.allow_paths) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
      std::cerr << "broadside: --allow-path '" << dir << "': not a folder\n";
      ok = false;
      continue;
    }
    core::allow_path(dir);
  }
  return ok ? kExitOk : kExitUsage;
}

}  // namespace broadside::cli
