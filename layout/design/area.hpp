// area.hpp — where a page-level frame sits: a keyword, grid cells, or distances from the trim.
#pragma once

#include <optional>
#include <string>

#include "design/design.hpp"
#include "design/page_setup.hpp"
#include "design/yaml_reader.hpp"

namespace broadside::design {

/// The rectangle of grid cells starting at 1-based `column`, `row`, spanning `columns` x `rows`.
Rect grid_cells(const PageSetup& page, const Grid& grid, int column, int row, int columns,
                int rows);

/// Reads `area:` for the frame named `frame` (used in messages); the margin box when absent.
/// An area with no width or height, or reaching outside the bleed, is an error.
std::optional<Rect> read_area(Reader& in, const Field& f, const PageSetup& page, const Grid& grid,
                              const std::string& frame);

}  // namespace broadside::design
