// serve.hpp — `broadside serve`: the web page and JSON API over batch/, the one entry point the
// command line calls.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/options.hpp"

namespace broadside::serve {

struct ServeArgs {
  /// Loopback unless another address is asked for explicitly.
  std::string host = "127.0.0.1";
  /// 0: any free port (printed on the first line of stdout).
  int port = 8080;
  /// Folders of designs and statements requests may name; empty: the bundled ones.
  std::vector<std::filesystem::path> designs, contents;
  /// --watch: the designer page, which redraws when a design or statement file changes.
  bool watch = false;
  /// Render workers; 0: one per hardware thread.
  int workers = 0;
  /// Renders waiting for a worker before requests are turned away (503).
  int queue = 16;
  /// Bytes of a request body (413 beyond).
  size_t max_body = 64 * 1024;
  /// One line per request on stderr.
  bool log = false;
};

/// Serves until SIGINT or SIGTERM; the process exit code (1 when it cannot start).
int run(const ServeArgs& args, const core::Options& options);

}  // namespace broadside::serve
