// images.hpp — images placed in their frames: composing asks for each file's decoded size through
// an interface (render decodes; tests use fixed sizes), as it measures text through the
// typesetter, and resolves contain, cover, stretch and the focus point once.
#pragma once

#include <array>
#include <filesystem>

#include "compose/composition.hpp"
#include "design/design.hpp"

namespace broadside::compose {

/// What composing needs to know of an image file.
struct ImageSize {
  /// Pixels after a JPEG's EXIF orientation; an SVG's intrinsic size in CSS px.
  double width = 0, height = 0;
  /// An SVG: drawn as vectors, so it has no resolution to check.
  bool is_vector = false;
};

class ImageMeasurer {
 public:
  virtual ~ImageMeasurer() = default;
  /// The size of `file` as it will be drawn. Throws core::Failure saying what is wrong when the
  /// file cannot be read or decoded.
  virtual ImageSize measure(const std::filesystem::path& file) = 0;
};

/// An image of `size` fitted to `frame`: `contain` shows it whole, `cover` fills the frame, both
/// keeping its proportions and putting its `focus` point (fractions of its width and height from
/// its top left) on the same point of the frame; `stretch` fills the frame exactly.
Image fit_image(const Rect& frame, const ImageSize& size, design::ImageFit fit,
                const std::array<double, 2>& focus);

}  // namespace broadside::compose
