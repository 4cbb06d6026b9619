// images.cpp — the scale and position of an image in its frame.
#include "compose/images.hpp"

#include <algorithm>

namespace broadside::compose {

Image fit_image(const Rect& frame, const ImageSize& size, design::ImageFit fit,
                const std::array<double, 2>& focus) {
  const double w = size.width, h = size.height;
  double sx = frame.width.value / w, sy = frame.height.value / h;
  if (fit == design::ImageFit::contain) sx = sy = std::min(sx, sy);
  if (fit == design::ImageFit::cover) sx = sy = std::max(sx, sy);
  Image out;
  out.rect = frame;
  out.pixel_width = w;
  out.pixel_height = h;
  out.is_vector = size.is_vector;
  // The part left over (contain) or cut off (cover) is shared out so that the focus point sits
  // on the same point of the frame: centred by default.
  out.origin = {Pt{frame.x.value + focus[0] * (frame.width.value - w * sx)},
                Pt{frame.y.value + focus[1] * (frame.height.value - h * sy)}};
  out.scale_x = sx;
  out.scale_y = sy;
  return out;
}

}  // namespace broadside::compose
