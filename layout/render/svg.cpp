// svg.cpp — cairo SVG surface writing to memory.
#include "render/svg.hpp"

#include <cairo-svg.h>

#include "core/diagnostic.hpp"
#include "core/handle.hpp"
#include "render/draw.hpp"

namespace broadside::render {

std::string render_svg(const compose::Page& page, const core::Options& options) {
  std::string bytes;
  const auto trim = page.geometry.trim;
  {
    core::Handle<cairo_surface_t, cairo_surface_destroy> surface(
        cairo_svg_surface_create_for_stream(append_to_string, &bytes, trim.width.value,
                                            trim.height.value));
    cairo_svg_surface_restrict_to_version(surface.get(), CAIRO_SVG_VERSION_1_2);
    core::Handle<cairo_t, cairo_destroy> cr(cairo_create(surface.get()));
    const double offset = page.geometry.media_offset().value;
    cairo_translate(cr.get(), -offset, -offset);
    draw_page(cr.get(), page, Target::raster, options);
    cairo_surface_finish(surface.get());
    // Writing to memory fails only when memory runs out: truly exceptional.
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
      throw core::Failure({}, "cannot write the SVG");
  }
  return bytes;
}

}  // namespace broadside::render
