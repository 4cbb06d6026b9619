// safety.cpp — options checked and the process hardened; every message one line on stderr.
#include "cli/safety.hpp"

#include <csignal>
#include <cstdlib>
#include <iostream>

#include "batch/paths.hpp"

namespace broadside::cli {

std::optional<core::Options> options_from(const batch::OptionArgs& args) {
  std::vector<std::string> errors;
  core::Options options = batch::make_options(args, errors);
  for (const auto& message : errors) std::cerr << "broadside: " << message << "\n";
  if (!errors.empty()) return std::nullopt;
  return options;
}

void harden_process(const core::Options& options) {
  std::signal(SIGXFSZ, SIG_IGN);
  // Overwritten, not defaulted: a FONTCONFIG_FILE from the environment would let SVG text
  // read the machine's font configuration and fonts.
  ::setenv("FONTCONFIG_FILE", batch::font_config(options).c_str(), 1);
}

}  // namespace broadside::cli
