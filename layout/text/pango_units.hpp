// pango_units.hpp — points to and from Pango units (1/1024 of a point at our 72 dpi), the one
// place the conversion is written. Internal to text/: Pango units never leave it.
#pragma once

#include <pango/pango.h>

#include "core/units.hpp"

namespace broadside::text {

/// Rounded to the nearest unit.
inline int to_pango(core::Pt p) {
  return static_cast<int>(p.value * PANGO_SCALE + 0.5);
}

/// Divided once, as Pango's own renderer divides: the same doubles it would draw with.
inline core::Pt from_pango(int units) {
  return core::Pt{static_cast<double>(units) / PANGO_SCALE};
}

}  // namespace broadside::text
