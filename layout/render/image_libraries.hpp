// image_libraries.hpp — librsvg and gdk-pixbuf, opened when the first SVG or JPEG is read.
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <librsvg/rsvg.h>

namespace broadside::render {

/// The librsvg functions broadside calls. Most documents have no SVG or JPEG, and linking the
/// two libraries (with libxml2, ICU and GIO behind them) would cost every process a few
/// milliseconds at start; they are opened the first time an image needs them instead.
struct Rsvg {
  decltype(&rsvg_handle_new_from_data) new_from_data;
  decltype(&rsvg_handle_set_dpi) set_dpi;
  decltype(&rsvg_handle_get_intrinsic_size_in_pixels) get_intrinsic_size_in_pixels;
  decltype(&rsvg_handle_get_intrinsic_dimensions) get_intrinsic_dimensions;
  decltype(&rsvg_handle_render_document) render_document;
};

/// The gdk-pixbuf functions broadside calls (JPEG decoding).
struct Pixbuf {
  decltype(&gdk_pixbuf_loader_new_with_type) loader_new_with_type;
  decltype(&gdk_pixbuf_loader_write) loader_write;
  decltype(&gdk_pixbuf_loader_close) loader_close;
  decltype(&gdk_pixbuf_loader_get_pixbuf) loader_get_pixbuf;
  decltype(&gdk_pixbuf_apply_embedded_orientation) apply_embedded_orientation;
  decltype(&gdk_pixbuf_get_width) get_width;
  decltype(&gdk_pixbuf_get_height) get_height;
  decltype(&gdk_pixbuf_get_n_channels) get_n_channels;
  decltype(&gdk_pixbuf_get_has_alpha) get_has_alpha;
  decltype(&gdk_pixbuf_get_rowstride) get_rowstride;
  decltype(&gdk_pixbuf_read_pixels) read_pixels;
};

/// The libraries, opened once per process; core::Failure (naming the library and the Debian
/// package) when one cannot be opened.
const Rsvg& rsvg();
const Pixbuf& pixbuf();

}  // namespace broadside::render
