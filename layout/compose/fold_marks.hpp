// fold_marks.hpp — fold marks for folded sheets: dashed lines in the slug above and below each
// fold, where the folder sets its knife, never on the piece (like crop marks). Part of
// with_marks (compose/marks.hpp).
#pragma once

#include "compose/composition.hpp"
#include "design/design.hpp"

namespace broadside::compose {

/// Adds fold marks to every page with folds when any printer's marks are on and the slug has
/// room (after the pages have their slug). Each mark starts beyond the bleed, as the crop marks
/// do.
void add_fold_marks(Composition& composition, const design::PrintMarks& marks);

}  // namespace broadside::compose
