// overlaps.hpp — frames drawn over each other: text over text or a QR code, or a box, image or
// code over text, which a reader would not be able to read.
#pragma once

#include <vector>

#include "compose/composition.hpp"
#include "core/diagnostic.hpp"
#include "design/design.hpp"

namespace broadside::compose {

/// A frame placed on the page and the items it drew, [begin, end).
struct PlacedFrame {
  const design::Frame* frame = nullptr;
  size_t begin = 0, end = 0;
};

/// Reports, once per pair of frames, where what `placed` drew covers what an earlier frame on
/// the same page drew: text over text or over a QR code, a box or QR code over text (errors: a
/// flow that ran over a caption is text lost as surely as text cut off), an image over text (a
/// warning: its transparency is not known here). Ink that only grazes (under a point deep) is
/// type, not a fault.
void check_overlaps(const PlacedFrame& placed, const std::vector<PlacedFrame>& earlier,
                    const Page& page, size_t page_number, core::Diagnostics& diags);

}  // namespace broadside::compose
