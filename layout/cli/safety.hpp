// safety.hpp — process-wide safety settings made before any command runs: limits, the folders
// designs may read, no death by SIGXFSZ, and fontconfig confined to broadside's own fonts.
#pragma once

#include <string>
#include <vector>

namespace broadside::cli {

/// --limit NAME=N and --allow-path DIR, both repeatable, accepted before or after the command.
struct SafetyArgs {
  std::vector<std::string> limits;
  std::vector<std::string> allow_paths;
};

/// Called first thing in main, before any library starts: a file size limit (ulimit -f) makes
/// write(2) fail with EFBIG instead of killing the process, so the error names the file and no
/// temporary is left; and the process-wide fontconfig (which librsvg uses for SVG text) reads
/// broadside's configuration only, never the machine's.
void harden_process();

/// Applies --limit, BROADSIDE_LIMIT_* and --allow-path; prints what is wrong and returns the
/// exit code for a usage error, or 0.
int apply_safety(const SafetyArgs& args);

}  // namespace broadside::cli
