// library_versions.cpp — asks each library render links for its version at run time.
#include "render/library_versions.hpp"

#include <cairo.h>
#include <png.h>

namespace broadside::render {

std::vector<std::string> library_versions() {
  return {std::string("cairo ") + cairo_version_string(),
          std::string("libpng ") + png_get_libpng_ver(nullptr)};
}

}  // namespace broadside::render
