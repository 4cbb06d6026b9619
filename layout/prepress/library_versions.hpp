// library_versions.hpp — the versions of the libraries prepress runs with, for `--version`.
#pragma once

#include <string>
#include <vector>

namespace broadside::prepress {

/// "name version" for each library prepress converts and writes PDFs with, as loaded at run time.
std::vector<std::string> library_versions();

}  // namespace broadside::prepress
