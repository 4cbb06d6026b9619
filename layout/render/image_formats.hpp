// image_formats.hpp — what an image file is, read from its bytes before any decoder sees them:
// the format, the pixel size, signs of truncation, and an SVG's references to other files.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace broadside::render {

enum class ImageKind { svg, png, jpeg };

struct ImageHeader {
  ImageKind kind;
  /// Raster images: the pixel size their header declares (before EXIF orientation); 0 for SVG.
  std::uint32_t width = 0, height = 0;
  /// Why the bytes cannot be used ("not a PNG, JPEG or SVG file", "truncated"); empty when fine.
  std::string problem;
};

/// Sniffs PNG, JPEG or SVG from the content, whatever the file is called, and reads the size a
/// raster header declares, so that a decompression bomb is refused before it is decoded.
ImageHeader read_image_header(std::string_view bytes);

/// What an SVG would make librsvg fetch: `href`s of anything but a link that are neither
/// `#fragment` nor `data:`, `url(...)` references of the same kind, and `@import`.
struct SvgReferences {
  std::vector<std::string> external;
  /// It has <text>: librsvg sets it in broadside's fonts, which may not be the designer's.
  bool has_text = false;
};

SvgReferences scan_svg(std::string_view svg);

}  // namespace broadside::render
