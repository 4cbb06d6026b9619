// colors.hpp — the colours a composition draws with (CMYK output gives each exact design colour
// a unique RGB key to draw with, which prepress maps back).
#pragma once

#include <vector>

#include "compose/composition.hpp"

namespace broadside::render {

/// Every colour the items of every page use, in item order (repeats included).
std::vector<core::Color> colors_of(const compose::Composition& composition);

}  // namespace broadside::render
