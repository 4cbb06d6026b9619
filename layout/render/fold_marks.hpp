// fold_marks.hpp — fold marks for folded sheets: dashed lines in the slug above and below each
// fold, where the folder sets its knife, never on the piece (like crop marks).
#pragma once

#include "compose/composition.hpp"
#include "design/design.hpp"

namespace broadside::render {

/// Adds fold marks to every page with folds when any printer's marks are on and the slug has
/// room (call after add_marks, which gives the pages their slug). Each mark starts beyond the
/// bleed, as the crop marks do.
void add_fold_marks(compose::Composition& composition, const design::PrintMarks& marks);

}  // namespace broadside::render
