// font_pages.cpp — font files told apart by their extension; core drops their pages.
#include "text/font_pages.hpp"

#include <array>

#include "core/ascii.hpp"
#include "core/mapped_pages.hpp"

namespace broadside::text {

bool is_font_file(std::string_view path) {
  static constexpr std::array<std::string_view, 4> kExtensions{".ttf", ".otf", ".ttc", ".otc"};
  for (std::string_view ext : kExtensions)
    if (path.size() > ext.size() && core::ascii_iequals(path.substr(path.size() - ext.size()), ext))
      return true;
  return false;
}

std::size_t release_font_pages() {
  return core::release_mapped_pages(is_font_file);
}

}  // namespace broadside::text
