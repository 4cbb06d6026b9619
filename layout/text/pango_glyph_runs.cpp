// pango_glyph_runs.cpp — Pango's runs, glyphs and clusters copied out as plain data, following
// what pango_cairo_show_layout_line does with them (Pango 1.50: pango_renderer_draw_layout_line
// and pango_cairo_renderer_draw_glyph_item / show_text_glyphs).
#include "text/pango_glyph_runs.hpp"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>

#include <algorithm>

#include "text/font_face_impl.hpp"
#include "text/pango_units.hpp"

namespace broadside::text {

namespace {

bool is_missing(PangoGlyph glyph) {
  return (glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0;
}

/// Neither drawn nor counted in a cluster: empty glyphs (default ignorables) and missing ones.
bool is_drawn(PangoGlyph glyph) {
  return glyph != PANGO_GLYPH_EMPTY && !is_missing(glyph);
}

/// The clusters Pango hands cairo_show_text_glyphs: each cluster's bytes, and its glyphs less
/// the ones that are not drawn.
std::vector<TextCluster> clusters_of(PangoGlyphItem* run, const char* text, bool backward) {
  std::vector<TextCluster> out;
  PangoGlyphItemIter iter;
  if (!pango_glyph_item_iter_init_start(&iter, run, text)) return out;
  const PangoGlyphInfo* glyphs = run->glyphs->glyphs;
  do {
    TextCluster c;
    c.bytes = iter.end_index - iter.start_index;
    c.glyphs = backward ? iter.start_glyph - iter.end_glyph : iter.end_glyph - iter.start_glyph;
    for (int i = std::min(iter.start_glyph, iter.end_glyph + 1);
         i < std::max(iter.start_glyph + 1, iter.end_glyph); ++i)
      if (!is_drawn(glyphs[i].glyph)) --c.glyphs;
    out.push_back(c);
  } while (pango_glyph_item_iter_next_cluster(&iter));
  return out;
}

/// The glyphs that draw, the missing characters, and the drawn glyphs' ink.
void set_glyphs(PangoGlyphItem* run, GlyphRun& out, std::vector<char32_t>& missing) {
  PangoFont* font = run->item->analysis.font;
  const PangoGlyphString* glyphs = run->glyphs;
  int x_position = 0;
  for (int i = 0; i < glyphs->num_glyphs; ++i) {
    const PangoGlyphInfo& gi = glyphs->glyphs[i];
    if (is_drawn(gi.glyph)) {
      const Glyph g{gi.glyph, from_pango(x_position + gi.geometry.x_offset),
                    from_pango(gi.geometry.y_offset)};
      out.glyphs.push_back(g);
      PangoRectangle ink;
      pango_font_get_glyph_extents(font, gi.glyph, &ink, nullptr);
      if (ink.width > 0 || ink.height > 0)
        out.ink = core::unite(out.ink, core::Rect{out.origin.x + g.x + from_pango(ink.x),
                                                  out.origin.y + g.y + from_pango(ink.y),
                                                  from_pango(ink.width), from_pango(ink.height)});
    } else if (is_missing(gi.glyph) && gi.glyph != (0x20 | PANGO_GLYPH_UNKNOWN_FLAG)) {
      const PangoGlyph c = gi.glyph & ~PANGO_GLYPH_UNKNOWN_FLAG;
      missing.push_back(c <= 0x10FFFF ? static_cast<char32_t>(c) : U'\uFFFD');
    }
    x_position += gi.geometry.width;
  }
}

}  // namespace

FontFace FontFaces::face_of(PangoFont* font) {
  if (auto it = faces_.find(font); it != faces_.end()) return it->second.face;
  auto impl = std::make_shared<FontFace::Impl>();
  impl->scaled_font.reset(
      cairo_scaled_font_reference(pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font))));
  PangoFontDescription* desc = pango_font_describe_with_absolute_size(font);
  impl->size = from_pango(pango_font_description_get_size(desc));
  if (const char* family = pango_font_description_get_family(desc)) impl->family = family;
  pango_font_description_free(desc);
  if (PANGO_IS_FC_FONT(font)) {
    const FcPattern* pattern = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
    FcChar8* file = nullptr;
    if (FcPatternGetString(pattern, FC_FILE, 0, &file) == FcResultMatch)
      impl->file = reinterpret_cast<const char*>(file);
    FcPatternGetInteger(pattern, FC_INDEX, 0, &impl->index);
  }
  FontFace face(std::move(impl));
  if (faces_.size() >= kMaxFaces) faces_.clear();
  faces_.emplace(
      font,
      Entry{core::Handle<PangoFont, g_object_unref>(static_cast<PangoFont*>(g_object_ref(font))),
            face});
  return face;
}

void set_glyph_runs(PangoLayoutLine* line, const char* text, FontFaces& faces,
                    std::vector<GlyphRun>& runs, std::vector<char32_t>& missing) {
  int x_off = 0;  // the renderer's pen, in Pango units
  for (GSList* l = line->runs; l; l = l->next) {
    auto* run = static_cast<PangoGlyphItem*>(l->data);
    const PangoItem* item = run->item;
    const int width = pango_glyph_string_get_width(run->glyphs);
    x_off += run->start_x_offset;
    GlyphRun out;
    out.font = faces.face_of(item->analysis.font);
    out.origin = {from_pango(x_off), from_pango(-run->y_offset)};
    set_glyphs(run, out, missing);
    out.text.assign(text + item->offset, static_cast<size_t>(item->length));
    out.is_backward = (item->analysis.level & 1) != 0;
    out.clusters = clusters_of(run, text, out.is_backward);
    runs.push_back(std::move(out));
    x_off += width + run->end_x_offset;
  }
}

}  // namespace broadside::text
