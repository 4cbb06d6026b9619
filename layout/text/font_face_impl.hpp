// font_face_impl.hpp — what a FontFace holds, for the text/ code that makes faces. Internal to
// text/.
#pragma once

#include <cairo.h>

#include "core/handle.hpp"
#include "text/font_face.hpp"

namespace broadside::text {

struct FontFace::Impl {
  core::Handle<cairo_scaled_font_t, cairo_scaled_font_destroy> scaled_font;
  std::string family;
  std::filesystem::path file;
  int index = 0;
  core::Pt size{0};
};

/// The options every face of broadside is set with: unhinted outlines and metrics, so a glyph's
/// advance does not depend on the output resolution and the PNG matches the PDF.
inline void set_text_options(cairo_font_options_t* options) {
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
}

}  // namespace broadside::text
