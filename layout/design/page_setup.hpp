// page_setup.hpp — `page:` (size, orientation, bleed, margins) and `grid:`.
#pragma once

#include "design/design.hpp"
#include "design/yaml_reader.hpp"

namespace broadside::design {

/// The page as the design gives it.
struct PageSetup {
  core::PageGeometry geometry;
  Insets margins;
  PrintMarks marks;
  /// As written; geometry.slug is already resolved.
  std::optional<Pt> slug;
  /// False after an error in `page:`, so frame areas aren't checked against a page that isn't
  /// the one the designer meant.
  bool is_valid = true;
  /// `fold:` — the panels of a folded sheet (spec/folds.hpp), and the page template being read,
  /// whose side (outside, inside) `area: {panel: ...}` refers to.
  Fold fold;
  size_t page_index = 0;

  /// The trim inset by the margins: the default area and what the grid divides.
  Rect margin_box() const { return geometry.trim_rect().inset(margins); }
};

/// Reads `page:`; A4 portrait with 3mm bleed and 10mm margins when absent.
PageSetup read_page(Reader& in, const Field& f);

/// Reads `grid:`, which divides the margin box; one cell when absent.
Grid read_grid(Reader& in, const Field& f, const PageSetup& page);

}  // namespace broadside::design
