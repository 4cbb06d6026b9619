// font_face.cpp — the face reference's parts, and faces opened straight from a file.
#include "text/font_face.hpp"

#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>

#include "core/diagnostic.hpp"
#include "text/font_face_impl.hpp"

namespace broadside::text {

namespace {

const FontFace::Impl& none() {
  static const FontFace::Impl empty;
  return empty;
}

}  // namespace

FontFace::FontFace(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

const std::string& FontFace::family() const {
  return (impl_ ? *impl_ : none()).family;
}

const std::filesystem::path& FontFace::file() const {
  return (impl_ ? *impl_ : none()).file;
}

int FontFace::index() const {
  return impl_ ? impl_->index : 0;
}

core::Pt FontFace::size() const {
  return impl_ ? impl_->size : core::Pt{0};
}

cairo_scaled_font_t* FontFace::scaled_font() const {
  return impl_ ? impl_->scaled_font.get() : nullptr;
}

FontFace load_font_face(const std::filesystem::path& file, int index, core::Pt size) {
  core::Handle<FcPattern, FcPatternDestroy> pattern(FcPatternCreate());
  FcPatternAddString(pattern.get(), FC_FILE, reinterpret_cast<const FcChar8*>(file.c_str()));
  FcPatternAddInteger(pattern.get(), FC_INDEX, index);
  core::Handle<cairo_font_face_t, cairo_font_face_destroy> face(
      cairo_ft_font_face_create_for_pattern(pattern.get()));
  cairo_matrix_t font_matrix, ctm;
  cairo_matrix_init_scale(&font_matrix, size.value, size.value);
  cairo_matrix_init_identity(&ctm);
  core::Handle<cairo_font_options_t, cairo_font_options_destroy> options(
      cairo_font_options_create());
  set_text_options(options.get());
  auto impl = std::make_shared<FontFace::Impl>();
  impl->scaled_font.reset(cairo_scaled_font_create(face.get(), &font_matrix, &ctm, options.get()));
  // cairo opens the file lazily: a glyph's extents make it try now.
  cairo_text_extents_t extents;
  cairo_scaled_font_text_extents(impl->scaled_font.get(), "x", &extents);
  if (cairo_scaled_font_status(impl->scaled_font.get()) != CAIRO_STATUS_SUCCESS)
    throw core::Failure(core::SourceLocation{file.string()}, "cannot open the font");
  impl->file = file;
  impl->index = index;
  impl->size = size;
  FT_Face ft = cairo_ft_scaled_font_lock_face(impl->scaled_font.get());
  if (!ft) throw core::Failure(core::SourceLocation{file.string()}, "cannot open the font");
  impl->family = ft->family_name ? ft->family_name : "";
  cairo_ft_scaled_font_unlock_face(impl->scaled_font.get());
  return FontFace(std::move(impl));
}

}  // namespace broadside::text
