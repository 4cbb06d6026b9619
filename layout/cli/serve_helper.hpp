// serve_helper.hpp — `broadside serve` handed to the program that links the web server.
#pragma once

namespace broadside::cli {

/// Replaces this process with `name` (found beside this program, or in the install's libexec
/// folder) run with the same arguments and the same bundled data; returns only when it cannot,
/// with the exit code after saying why on stderr.
int exec_helper(const char* name, const char* libexec_dir, char** argv);

}  // namespace broadside::cli
