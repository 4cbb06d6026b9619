// draw.hpp — draws one composed page on a cairo context whose user space is the media in points.
#pragma once

#include <cairo.h>

#include "compose/composition.hpp"
#include "core/options.hpp"

namespace broadside::render {

enum class Target { vector, raster };

/// Draws every item of `page`, offset so trim coordinates land inside the media. Links become
/// PDF link annotations for vector targets. Images are read within `options`' limits.
void draw_page(cairo_t* cr, const compose::Page& page, Target target, const core::Options& options);

/// A cairo write function that appends to the std::string `closure`: PDF, SVG and PNG streams
/// are kept in memory and written atomically by the caller.
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length);

}  // namespace broadside::render
