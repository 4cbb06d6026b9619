// draw.hpp — draws one composed page on a cairo context whose user space is the media in points.
#pragma once

#include <cairo.h>

#include <functional>

#include "compose/composition.hpp"
#include "core/options.hpp"

namespace broadside::render {

enum class Target { vector, raster };

/// The RGB a colour is drawn with, when it is not its own: CMYK output draws each exact design
/// colour with a unique RGB key that prepress maps back (prepress/color_table.hpp).
using ColorMap = std::function<core::Rgb(const core::Color&)>;

/// The scaled font a run's face is drawn with, when not its own (a PDF's subset fonts,
/// render/font_subsets.hpp).
using FontMap = std::function<cairo_scaled_font_t*(const text::FontFace&)>;

/// Draws every item of `page`, offset so trim coordinates land inside the media, with `colors`
/// and `fonts` when set. Links become PDF link annotations for vector targets. Images are read
/// within `options`' limits.
void draw_page(cairo_t* cr, const compose::Page& page, Target target, const core::Options& options,
               const ColorMap& colors = {}, const FontMap& fonts = {});

/// A cairo write function that appends to the std::string `closure`: PDF, SVG and PNG streams
/// are kept in memory and written atomically by the caller.
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length);

}  // namespace broadside::render
