// layers.hpp — a composition cut in two for a PDF: the items every row of a merge draws alike,
// and the rest (compose/varying.hpp says which frames those are).
#pragma once

#include "compose/composition.hpp"

namespace broadside::compose {

struct Layers {
  /// Each page's items that do not vary, without links (a form cannot hold annotations) and
  /// without metadata: what a data merge draws once.
  Composition fixed;
  /// Each page's items that vary, then the page's other links; the metadata.
  Composition varying;
};

/// Only for a composition whose pages have `varying` set.
Layers split_layers(const Composition& composition);

}  // namespace broadside::compose
