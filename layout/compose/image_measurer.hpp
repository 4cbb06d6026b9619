// image_measurer.hpp — what composing asks of an image file, through an interface as it asks the
// typesetter about text: render decodes the file and answers; tests give fixed sizes.
#pragma once

#include <filesystem>

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

}  // namespace broadside::compose
