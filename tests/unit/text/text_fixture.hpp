// text_fixture.hpp — one font library and Pango typesetter shared by the text tests.
#pragma once

#include "text/font_library.hpp"
#include "text/pango_typesetter.hpp"

namespace broadside::text::testing {

/// Debian's hyphenation dictionaries (hyphen-* packages).
inline const std::filesystem::path kHyphenationDir = "/usr/share/hyphen";

inline const FontLibrary& library() {
  static const std::shared_ptr<const FontLibrary> lib = [] {
    core::Diagnostics diags;
    auto loaded =
        FontLibrary::load(std::string(BROADSIDE_SOURCE_DIR) + "/fonts/broadside.conf", diags);
    if (!loaded) throw core::Failure(diags);  // the test setup itself is broken
    return loaded;
  }();
  return *lib;
}

inline PangoTypesetter& typesetter() {
  static PangoTypesetter t(library(), kHyphenationDir);
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
