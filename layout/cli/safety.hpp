// safety.hpp — the run's options from --limit, --allow-path and the environment, and the
// process made safe before any command runs: no death by SIGXFSZ, and fontconfig confined to
// broadside's own fonts.
#pragma once

#include <optional>

#include "batch/session.hpp"
#include "core/options.hpp"

namespace broadside::cli {

/// The run's options (batch::make_options); nullopt after printing every mistake in them, one
/// line each (a usage error).
std::optional<core::Options> options_from(const batch::OptionArgs& args);

/// Called before any command runs: a file size limit (ulimit -f) makes write(2) fail with EFBIG
/// instead of killing the process, so the error names the file and no temporary is left; and
/// the process-wide fontconfig (which librsvg uses for SVG text) reads broadside's
/// configuration only, never the machine's.
void harden_process(const core::Options& options);

}  // namespace broadside::cli
