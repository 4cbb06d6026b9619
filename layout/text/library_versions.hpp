// library_versions.hpp — the versions of the libraries text runs with, for `--version`.
#pragma once

#include <string>
#include <vector>

namespace broadside::text {

/// "name version" for each library of the text stage (shaping, fonts, line breaking), as loaded at
/// run time.
std::vector<std::string> library_versions();

}  // namespace broadside::text
