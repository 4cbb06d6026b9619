// images.hpp — images placed in their frames: contain, cover, stretch and the focus point resolved
// once, from the decoded size the measurer gives (compose/image_measurer.hpp).
#pragma once

#include <array>

#include "compose/composition.hpp"
#include "compose/image_measurer.hpp"
#include "design/design.hpp"

namespace broadside::compose {

/// An image of `size` fitted to `frame`: `contain` shows it whole, `cover` fills the frame, both
/// keeping its proportions and putting its `focus` point (fractions of its width and height from
/// its top left) on the same point of the frame; `stretch` fills the frame exactly.
Image fit_image(const Rect& frame, const ImageSize& size, design::ImageFit fit,
                const std::array<double, 2>& focus);

}  // namespace broadside::compose
