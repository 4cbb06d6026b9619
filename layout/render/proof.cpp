// proof.cpp — the guides drawn with cairo in trim coordinates over a page's rendering: cyan
// bleed, magenta trim, green dashed safe zone, blue dashed folds, red boxes round problems.
#include "render/proof.hpp"

#include <cairo.h>

#include <cmath>

#include "core/diagnostic.hpp"
#include "core/handle.hpp"
#include "render/draw.hpp"

namespace broadside::render {

namespace {

using core::Pt;
using Surface = core::Handle<cairo_surface_t, cairo_surface_destroy>;
using Context = core::Handle<cairo_t, cairo_destroy>;

void stroke_rect(cairo_t* cr, const core::Rect& r) {
  cairo_rectangle(cr, r.x.value, r.y.value, r.width.value, r.height.value);
  cairo_stroke(cr);
}

/// Lines a fixed number of device pixels wide, whatever the resolution.
void set_width(cairo_t* cr, double pixels) {
  double w = pixels, unused = 0;
  cairo_device_to_user_distance(cr, &w, &unused);
  cairo_set_line_width(cr, std::abs(w));
}

void draw_guides(cairo_t* cr, const ProofGuides& g) {
  const core::Rect trim{Pt{0}, Pt{0}, g.trim.width, g.trim.height};
  const double dash[] = {4, 3};
  set_width(cr, 1.5);
  cairo_set_source_rgb(cr, 0, 0.65, 0.85);
  stroke_rect(cr, trim.outset(g.bleed));
  cairo_set_source_rgb(cr, 0.85, 0, 0.55);
  stroke_rect(cr, trim);
  cairo_set_dash(cr, dash, 2, 0);
  cairo_set_source_rgb(cr, 0, 0.6, 0.2);
  stroke_rect(cr, trim.inset(core::Insets::uniform(g.safe_zone)));
  cairo_set_source_rgb(cr, 0.1, 0.25, 0.9);
  for (const Pt x : g.folds) {  // through the bleed, where the folder lines up
    cairo_move_to(cr, x.value, -g.bleed.value);
    cairo_line_to(cr, x.value, (g.trim.height + g.bleed).value);
    cairo_stroke(cr);
  }
  cairo_set_dash(cr, nullptr, 0, 0);
  set_width(cr, 2.5);
  cairo_set_source_rgba(cr, 0.9, 0, 0, 0.9);
  for (const auto& r : g.problems) stroke_rect(cr, r.outset(Pt{1.5}));
}

}  // namespace

std::string draw_proof(const std::filesystem::path& page_png, core::Point origin, int dpi,
                       const ProofGuides& guides) {
  Surface page(cairo_image_surface_create_from_png(page_png.c_str()));
  if (cairo_surface_status(page.get()) != CAIRO_STATUS_SUCCESS)
    throw core::Failure({}, "cannot read the page image " + page_png.string());
  {
    Context cr(cairo_create(page.get()));
    const double scale = dpi / 72.0;
    cairo_scale(cr.get(), scale, scale);
    cairo_translate(cr.get(), origin.x.value, origin.y.value);
    draw_guides(cr.get(), guides);
  }
  cairo_surface_flush(page.get());
  std::string bytes;
  if (cairo_surface_write_to_png_stream(page.get(), append_to_string, &bytes) !=
      CAIRO_STATUS_SUCCESS)
    throw core::Failure({}, "cannot write the proof image");
  return bytes;
}

}  // namespace broadside::render
