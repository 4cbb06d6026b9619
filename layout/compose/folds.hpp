// folds.hpp — folded sheets in the composition: where each page's folds fall, and a warning for
// text, QR codes and images that a fold would run through.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compose/composition.hpp"
#include "core/diagnostic.hpp"
#include "design/design.hpp"

namespace broadside::compose {

/// The folds of composed page `page` (0-based), mirrored when the page is (`mirror-rtl`): the
/// panels move with the frames, so the sheet folds the other way.
std::vector<Pt> fold_lines(const design::Design& design, size_t page, bool mirror);

/// A text line as a reader sees it, for messages: at most about 40 bytes, invisible format
/// characters (word joiners, zero-width spaces, soft hyphens) left out.
std::string line_excerpt(const TextLine& line);

/// The box a text line occupies: its advance width, from the font's ascent to its descent.
Rect text_line_rect(const TextLine& line);

/// Where a text line's glyphs put ink on the page: their outlines' bounding box, which can reach
/// beyond text_line_rect (accents, swashes, a negative side bearing) or fall well inside it.
/// Zero size, at the origin, for a line with no ink.
Rect ink_rect(const TextLine& line);

/// The rectangle an item covers on the page, for checks; nullopt for links.
std::optional<Rect> item_rect(const Item& item);

/// Warns, once per frame and fold, when an item `frame` placed (items[first..]) has text, a QR
/// code or an image across one of the page's folds: a fold through a line or a code breaks it.
void warn_fold_crossings(const design::Frame& frame, const Page& page, size_t first,
                         size_t page_number, core::Diagnostics& diags);

}  // namespace broadside::compose
