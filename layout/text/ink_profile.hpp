// ink_profile.hpp — a laid-out line's ink as a skyline: how far its glyphs reach above and
// below the baseline, strip by strip across the line, so two lines are only kept apart where
// their ink actually stands one over the other (a Vietnamese double accent over a space, not
// over a descender, needs no more leading).
#pragma once

#include <pango/pango.h>

#include <vector>

#include "core/units.hpp"

namespace broadside::text {

using core::Pt;

struct InkProfile {
  Pt strip{1};
  /// Per strip of `strip` width from the layout's left edge: the ink's reach above and below
  /// the baseline; negative when the strip has no ink.
  std::vector<double> above, below;
};

/// The profile of `line`, whose left edge is `x` from the layout's (strips `strip` wide).
InkProfile ink_profile(PangoLayoutLine* line, Pt x, Pt strip);

/// The least baseline-to-baseline distance at which the ink of `upper` does not reach the ink of
/// `lower` anywhere; 0 when no ink of one stands over ink of the other.
Pt ink_pitch(const InkProfile& upper, const InkProfile& lower);

}  // namespace broadside::text
