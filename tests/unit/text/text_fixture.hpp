// text_fixture.hpp — one font library and Pango typesetter shared by the text tests.
#pragma once

#include "text/font_library.hpp"
#include "text/pango_typesetter.hpp"

namespace broadside::text::testing {

inline const FontLibrary& library() {
  static FontLibrary lib(std::string(BROADSIDE_SOURCE_DIR) + "/fonts/broadside.conf");
  return lib;
}

inline PangoTypesetter& typesetter() {
  static PangoTypesetter t(library());
  return t;
}

inline ParagraphStyle style(std::vector<std::string> families, double size, int weight = 400) {
  ParagraphStyle s;
  s.face.families = std::move(families);
  s.face.weight = weight;
  s.size = core::Pt{size};
  return s;
}

}  // namespace broadside::text::testing
