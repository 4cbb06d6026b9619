// pango_glyph_runs.hpp — a line Pango laid out, turned into plain glyph runs placed exactly where
// pango_cairo_show_layout_line would draw them. Internal to text/.
#pragma once

#include <pango/pango.h>

#include <unordered_map>
#include <vector>

#include "core/handle.hpp"
#include "text/glyph_run.hpp"

namespace broadside::text {

/// The face reference of each Pango font one thread has used, made once per font.
class FontFaces {
 public:
  FontFace face_of(PangoFont* font);

 private:
  /// Each entry keeps a Pango font alive; a long batch of many sizes starts afresh past this.
  static constexpr size_t kMaxFaces = 1024;
  struct Entry {
    core::Handle<PangoFont, g_object_unref> font;  // keeps the key's address from being reused
    FontFace face;
  };
  std::unordered_map<PangoFont*, Entry> faces_;
};

/// The runs of `line`, whose layout's text is `text`, with their clusters and ink, in the order
/// and at the positions Pango 1.50's cairo renderer gives them (pangocairo-render.c,
/// pango-renderer.c): glyph x = run start + (advances before it + its x offset), in Pango units
/// divided once, so the drawn coordinates are the same doubles. Missing glyphs (Pango's hex boxes)
/// are left out of the runs and listed in `missing`; a missing space draws nothing in Pango
/// either, so it is not listed.
void set_glyph_runs(PangoLayoutLine* line, const char* text, FontFaces& faces,
                    std::vector<GlyphRun>& runs, std::vector<char32_t>& missing);

}  // namespace broadside::text
