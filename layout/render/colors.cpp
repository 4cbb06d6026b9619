// colors.cpp — one visitor over the item kinds that carry a colour.
#include "render/colors.hpp"

namespace broadside::render {

namespace {

/// Calls `f` on the colour of every item that has one.
template <class Composition, class F>
void for_each_color(Composition& composition, F&& f) {
  for (auto& page : composition.pages) {
    for (auto& item : page.items) {
      std::visit(
          [&](auto& i) {
            if constexpr (requires { i.color; }) f(i.color);
          },
          item);
    }
  }
}

}  // namespace

std::vector<core::Color> colors_of(const compose::Composition& composition) {
  std::vector<core::Color> out;
  for_each_color(composition, [&](const core::Color& c) { out.push_back(c); });
  return out;
}

void redraw_colors(compose::Composition& composition,
                   const std::function<core::Rgb(const core::Color&)>& rgb_for) {
  for_each_color(composition, [&](core::Color& c) { c.rgb = rgb_for(c); });
}

}  // namespace broadside::render
