// library_versions.hpp — the versions of the libraries compose runs with, for `--version`.
#pragma once

#include <string>
#include <vector>

namespace broadside::compose {

/// "name version" for each library compose draws QR codes with, as loaded at run time.
std::vector<std::string> library_versions();

}  // namespace broadside::compose
