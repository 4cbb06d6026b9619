// png.hpp — a page as a PNG preview of the trimmed piece, at a chosen resolution.
#pragma once

#include <optional>
#include <string>

#include "compose/composition.hpp"
#include "core/diagnostic.hpp"
#include "core/options.hpp"

namespace broadside::render {

struct PngOptions {
  int dpi = 150;
  /// Include the bleed around the trim (the trimmed piece is what readers will see).
  bool with_bleed = false;
};

/// The PNG's bytes (8-bit RGB, with the resolution recorded in a pHYs chunk); nullopt after
/// reporting a page too large at this resolution (a side over 32767 pixels, or more pixels
/// than the png-pixels limit of `run`).
std::optional<std::string> render_png(const compose::Page& page, const PngOptions& options,
                                      const core::Options& run, core::Diagnostics& diags);

/// 8-bit greyscale `pixels` (row by row, `width` a row) as PNG bytes, resolution `dpi`.
std::string encode_gray_png(int width, int height, const std::string& pixels, int dpi);

}  // namespace broadside::render
