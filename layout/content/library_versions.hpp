// library_versions.hpp — the versions of the libraries content runs with, for `--version`.
#pragma once

#include <string>
#include <vector>

namespace broadside::content {

/// "name version" for each library content reads statements with, as loaded at run time.
std::vector<std::string> library_versions();

}  // namespace broadside::content
