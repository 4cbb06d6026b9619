// png.hpp — a page as a PNG preview of the trimmed piece, at a chosen resolution.
#pragma once

#include <string>

#include "compose/composition.hpp"

namespace broadside::render {

struct PngOptions {
  int dpi = 150;
  /// Include the bleed around the trim (the trimmed piece is what readers will see).
  bool with_bleed = false;
};

/// The PNG's bytes (8-bit RGB, with the resolution recorded in a pHYs chunk).
std::string render_png(const compose::Page& page, const PngOptions& options);

}  // namespace broadside::render
