// session.hpp — what every command of one process shares: the run's options, built once from
// the command line and the environment, and the font set, loaded once. The CLI and the web
// server reach the engine through this and the functions of batch/, never past them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/options.hpp"
#include "text/font_library.hpp"

namespace broadside::batch {

/// The settings a person gives for the whole run, as written.
struct OptionArgs {
  /// --limit NAME=N, repeatable.
  std::vector<std::string> limits;
  /// --allow-path DIR, repeatable.
  std::vector<std::string> allow_paths;
};

/// The run's options: the limits (their defaults, then BROADSIDE_LIMIT_*, then --limit), the
/// folders designs may read besides their own, SOURCE_DATE_EPOCH, the data folder. Each
/// mistake in them is one message in `errors` (a bad one is left out).
core::Options make_options(const OptionArgs& args, std::vector<std::string>& errors);

struct Session {
  core::Options options;
  std::shared_ptr<const text::FontLibrary> fonts;
};

/// Loads the font set of `options`' data folder (fonts/broadside.conf); nullptr after reporting
/// why it cannot.
std::shared_ptr<const Session> open_session(core::Options options, core::Diagnostics& diags);

}  // namespace broadside::batch
