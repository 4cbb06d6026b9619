// image_libraries.cpp — opens librsvg and gdk-pixbuf with dlopen on first use.
#include "render/image_libraries.hpp"

#include <dlfcn.h>

#include <string>

#include "core/diagnostic.hpp"

namespace broadside::render {

namespace {

/// A library opened for the rest of the process (never closed: its objects may outlive any
/// owner here), and its symbols.
class Library {
 public:
  Library(const char* file, const char* package) : file_(file), package_(package) {
    handle_ = ::dlopen(file, RTLD_NOW | RTLD_LOCAL);
    if (!handle_) error_ = ::dlerror();
  }
  template <class F>
  void get(F& function, const char* name) const {
    if (!handle_) fail(error_);
    function = reinterpret_cast<F>(::dlsym(handle_, name));
    if (!function) fail(std::string("it has no ") + name);
  }

 private:
  [[noreturn]] void fail(const std::string& why) const {
    throw core::Failure(core::SourceLocation{file_}, "cannot open " + file_ + ": " + why,
                        "install the Debian package " + package_ + " (scripts/setup.sh does)");
  }
  std::string file_, package_, error_;
  void* handle_ = nullptr;
};

}  // namespace

const Rsvg& rsvg() {
  static const Rsvg api = [] {
    const Library lib("librsvg-2.so.2", "librsvg2-2");
    Rsvg r{};
    lib.get(r.new_from_data, "rsvg_handle_new_from_data");
    lib.get(r.set_dpi, "rsvg_handle_set_dpi");
    lib.get(r.get_intrinsic_size_in_pixels, "rsvg_handle_get_intrinsic_size_in_pixels");
    lib.get(r.get_intrinsic_dimensions, "rsvg_handle_get_intrinsic_dimensions");
    lib.get(r.render_document, "rsvg_handle_render_document");
    return r;
  }();
  return api;
}

const Pixbuf& pixbuf() {
  static const Pixbuf api = [] {
    const Library lib("libgdk_pixbuf-2.0.so.0", "libgdk-pixbuf-2.0-0");
    Pixbuf p{};
    lib.get(p.loader_new_with_type, "gdk_pixbuf_loader_new_with_type");
    lib.get(p.loader_write, "gdk_pixbuf_loader_write");
    lib.get(p.loader_close, "gdk_pixbuf_loader_close");
    lib.get(p.loader_get_pixbuf, "gdk_pixbuf_loader_get_pixbuf");
    lib.get(p.apply_embedded_orientation, "gdk_pixbuf_apply_embedded_orientation");
    lib.get(p.get_width, "gdk_pixbuf_get_width");
    lib.get(p.get_height, "gdk_pixbuf_get_height");
    lib.get(p.get_n_channels, "gdk_pixbuf_get_n_channels");
    lib.get(p.get_has_alpha, "gdk_pixbuf_get_has_alpha");
    lib.get(p.get_rowstride, "gdk_pixbuf_get_rowstride");
    lib.get(p.read_pixels, "gdk_pixbuf_read_pixels");
    return p;
  }();
  return api;
}

}  // namespace broadside::render
