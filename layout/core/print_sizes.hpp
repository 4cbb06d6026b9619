// print_sizes.hpp — the least type sizes print allows: preflight's defaults, which the design
// and the fitting also keep to, so a style is told at its size rather than failed line by line.
#pragma once

#include "core/color.hpp"
#include "core/units.hpp"

namespace broadside::core {

/// Type below this is too small to read in print (preflight's --min-text).
inline constexpr Pt kMinPrintTypeSize{6};
/// Light type knocked out of a darker ground fills in sooner.
inline constexpr Pt kMinPrintReversedTypeSize{7};

/// The least size type of `color` can print at. Light type is taken to stand on a darker
/// ground: on a light one it would not be read at all.
inline Pt least_print_size(const Color& color) {
  return lightness(color) > 0.5 ? kMinPrintReversedTypeSize : kMinPrintTypeSize;
}

}  // namespace broadside::core
