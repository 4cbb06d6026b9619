// library_versions.cpp — asks each library compose links for its version at run time.
#include "compose/library_versions.hpp"

#include <qrencode.h>

namespace broadside::compose {

std::vector<std::string> library_versions() {
  return {std::string("libqrencode ") + QRcode_APIVersionString()};
}

}  // namespace broadside::compose
