// composition_checks.hpp — the checks that need to know what is on the page, read from the
// composition broadside printed: text sizes (reversed text by the ground under it), rule
// weights, the safe zone, folds, image resolution, and total ink from the design's colours.
#pragma once

#include "compose/composition.hpp"
#include "preflight/report.hpp"
#include "prepress/icc.hpp"

namespace broadside::preflight {

/// Runs every composition check into `report`. `converter` is the press profile when the PDF
/// is CMYK: RGB colours are measured as they will print, and black text and thin black rules
/// overprint the ground under them (as prepress writes them). Without it (RGB output) only
/// the colours the design gives in CMYK are measured.
void check_composition(const compose::Composition& composition,
                       const prepress::CmykConverter* converter, Report& report);

}  // namespace broadside::preflight
