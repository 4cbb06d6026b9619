// library_versions.cpp — asks each library content links for its version at run time.
#include "content/library_versions.hpp"

#include <cmark.h>

namespace broadside::content {

std::vector<std::string> library_versions() {
  return {std::string("cmark ") + cmark_version_string()};
}

}  // namespace broadside::content
