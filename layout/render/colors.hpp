// colors.hpp — the colours a composition draws with, and redrawing it with other RGB values
// (CMYK output draws each exact design colour with a unique RGB key that prepress maps back).
#pragma once

#include <functional>
#include <vector>

#include "compose/composition.hpp"

namespace broadside::render {

/// Every colour the items of every page use, in item order (repeats included).
std::vector<core::Color> colors_of(const compose::Composition& composition);

/// Sets each item colour's RGB to `rgb_for(colour)`; everything else stays as it is.
void redraw_colors(compose::Composition& composition,
                   const std::function<core::Rgb(const core::Color&)>& rgb_for);

}  // namespace broadside::render
