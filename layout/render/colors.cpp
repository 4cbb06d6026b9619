// colors.cpp — one visitor over the item kinds that carry a colour.
#include "render/colors.hpp"

namespace broadside::render {

std::vector<core::Color> colors_of(const compose::Composition& composition) {
  std::vector<core::Color> out;
  for (const auto& page : composition.pages) {
    for (const auto& item : page.items) {
      std::visit(
          [&](const auto& i) {
            if constexpr (requires { i.color; }) out.push_back(i.color);
          },
          item);
    }
  }
  return out;
}

}  // namespace broadside::render
