// versions.hpp — what `broadside --version` prints: its own version and its libraries'.
#pragma once

#include <string>

namespace broadside::batch {

/// "broadside 0.1.0", then one line per library with the version loaded at run time (shared
/// libraries) or built in (header-only ones), so a bug report names the exact stack.
std::string version_text();

}  // namespace broadside::batch
