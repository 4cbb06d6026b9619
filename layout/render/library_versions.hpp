// library_versions.hpp — the versions of the libraries render runs with, for `--version`.
#pragma once

#include <string>
#include <vector>

namespace broadside::render {

/// "name version" for each library render draws with, as loaded at run time.
std::vector<std::string> library_versions();

}  // namespace broadside::render
