// ink.hpp — the structural guarantee that nothing is drawn outside its frame or over other text:
// after a frame is placed, every line's ink (what its glyphs cover, not its advance) must lie
// inside the frame, and no line's ink may touch the next line's.
#pragma once

#include "compose/context.hpp"

namespace broadside::compose {

/// Checks the text lines placed on the page since item `first_item` (those of `frame`, whose
/// area is `rect`), reporting each line whose ink leaves the frame or touches the next line's,
/// by frame, line number and text.
void check_ink(const design::Frame& frame, const Rect& rect, size_t first_item, Context& ctx);

}  // namespace broadside::compose
