// shape_memo_test.cpp — a run shaped again is answered from memory with exactly what HarfBuzz
// itself gives, and a run whose context or font differs is shaped anew.
#include <dlfcn.h>
#include <doctest/doctest.h>
#include <hb.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/handle.hpp"
#include "text/shape_memo.hpp"
#include "text_fixture.hpp"

using namespace broadside;

namespace {

using ShapeFn = void (*)(hb_font_t*, hb_buffer_t*, const hb_feature_t*, unsigned);

struct Shaped {
  std::vector<hb_codepoint_t> glyphs;
  std::vector<uint32_t> clusters, masks;
  std::vector<hb_position_t> advances, offsets;
  bool operator==(const Shaped&) const = default;
};

/// A font of the test font set at `desc` for `lang`, as Pango loads it for a paragraph.
core::Handle<PangoFont, g_object_unref> load_font(const std::string& lang, const char* desc) {
  static const core::Handle<PangoFontMap, g_object_unref> map = [] {
    core::Handle<PangoFontMap, g_object_unref> m(
        pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT));
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(m.get()), text::testing::library().config());
    return m;
  }();
  core::Handle<PangoContext, g_object_unref> context(pango_font_map_create_context(map.get()));
  pango_context_set_language(context.get(), pango_language_from_string(lang.c_str()));
  PangoFontDescription* d = pango_font_description_from_string(desc);
  core::Handle<PangoFont, g_object_unref> font(pango_context_load_font(context.get(), d));
  pango_font_description_free(d);
  return font;
}

/// `text[offset, offset + length)` (all of it when `length` is -1) shaped as Pango does (the whole
/// text added, so what lies either side is context), by the memo or by HarfBuzz itself.
Shaped shape(PangoFont* font, const std::string& text, unsigned offset, int length,
             hb_direction_t direction, bool by_harfbuzz) {
  static const auto harfbuzz = reinterpret_cast<ShapeFn>(dlsym(RTLD_NEXT, "hb_shape"));
  core::Handle<hb_font_t, hb_font_destroy> sub(
      hb_font_create_sub_font(pango_font_get_hb_font(font)));
  core::Handle<hb_buffer_t, hb_buffer_destroy> buffer(hb_buffer_create());
  // Pango always gives the run's length.
  if (length < 0) length = static_cast<int>(text.size() - offset);
  hb_buffer_add_utf8(buffer.get(), text.data(), static_cast<int>(text.size()), offset, length);
  hb_buffer_set_direction(buffer.get(), direction);
  hb_buffer_guess_segment_properties(buffer.get());
  if (by_harfbuzz)
    harfbuzz(sub.get(), buffer.get(), nullptr, 0);
  else
    hb_shape(sub.get(), buffer.get(), nullptr, 0);
  unsigned n = 0;
  const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer.get(), &n);
  const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer.get(), &n);
  Shaped out;
  for (unsigned i = 0; i < n; ++i) {
    out.glyphs.push_back(infos[i].codepoint);
    out.clusters.push_back(infos[i].cluster);
    out.masks.push_back(infos[i].mask);
    out.advances.push_back(positions[i].x_advance);
    out.offsets.push_back(positions[i].x_offset);
  }
  return out;
}

}  // namespace

TEST_CASE("a run shaped again is answered from memory, exactly as HarfBuzz shapes it") {
  auto font = load_font("en", "Noto Sans 12");
  REQUIRE(font);
  const std::string text = "Affordable office rents, fit for everyone";
  const auto before = text::shape_memo_stats();
  const Shaped first = shape(font.get(), text, 0, -1, HB_DIRECTION_LTR, false);
  const Shaped again = shape(font.get(), text, 0, -1, HB_DIRECTION_LTR, false);
  const auto after = text::shape_memo_stats();
  CHECK(after.shaped == before.shaped + 1);
  CHECK(after.reused == before.reused + 1);
  CHECK(first == again);
  CHECK(again == shape(font.get(), text, 0, -1, HB_DIRECTION_LTR, true));
  // A piece of the text, as Pango shapes the parts of an item a line break split.
  CHECK(shape(font.get(), text, 11, 6, HB_DIRECTION_LTR, false) ==
        shape(font.get(), text, 11, 6, HB_DIRECTION_LTR, true));
}

TEST_CASE("a run whose context or font differs is shaped anew") {
  auto arabic = load_font("ar", "Noto Sans Arabic 12");
  REQUIRE(arabic);
  // The same letter, joined to what follows it and standing alone: only the text after the
  // run, HarfBuzz's context, tells them apart.
  const std::string joined = "\u0628\u0628";
  const std::string alone = "\u0628 ";
  const Shaped a = shape(arabic.get(), joined, 0, 2, HB_DIRECTION_RTL, false);
  const Shaped b = shape(arabic.get(), alone, 0, 2, HB_DIRECTION_RTL, false);
  CHECK(a == shape(arabic.get(), joined, 0, 2, HB_DIRECTION_RTL, true));
  CHECK(b == shape(arabic.get(), alone, 0, 2, HB_DIRECTION_RTL, true));
  CHECK(a.glyphs != b.glyphs);
  // The same text at another size.
  auto small = load_font("en", "Noto Sans 9");
  auto large = load_font("en", "Noto Sans 30");
  const Shaped s = shape(small.get(), "Wave", 0, -1, HB_DIRECTION_LTR, false);
  const Shaped l = shape(large.get(), "Wave", 0, -1, HB_DIRECTION_LTR, false);
  CHECK(s.advances != l.advances);
  CHECK(l == shape(large.get(), "Wave", 0, -1, HB_DIRECTION_LTR, true));
}

TEST_CASE("a long run keeps the runs it shapes again and forgets the others, in bounded memory") {
  auto font = load_font("en", "Noto Sans 12");
  REQUIRE(font);
  // A font of the test's own over Pango's face, which nothing else changes while it runs.
  core::Handle<hb_font_t, hb_font_destroy> own(
      hb_font_create(hb_font_get_face(pango_font_get_hb_font(font.get()))));
  const auto shape_own = [&](const std::string& text) {
    core::Handle<hb_font_t, hb_font_destroy> sub(hb_font_create_sub_font(own.get()));
    core::Handle<hb_buffer_t, hb_buffer_destroy> buffer(hb_buffer_create());
    hb_buffer_add_utf8(buffer.get(), text.data(), static_cast<int>(text.size()), 0,
                       static_cast<int>(text.size()));
    hb_buffer_guess_segment_properties(buffer.get());
    hb_shape(sub.get(), buffer.get(), nullptr, 0);
  };
  const std::string kept = "Join the campaign at socialism2020.org";
  const std::string forgotten = "Shaped once and never again";
  shape_own(kept);
  shape_own(forgotten);
  // Like a data merge: every row its own contact line, and the same text again each time.
  size_t most = 0;
  for (int row = 0; row < 30000; ++row) {
    shape_own("Branch " + std::to_string(row) + " meets Tuesdays at 7pm");
    most = std::max(most, text::shape_memo_stats().bytes);
    if (row % 100 == 0) {
      const auto before = text::shape_memo_stats();
      shape_own(kept);
      CHECK(text::shape_memo_stats().reused == before.reused + 1);
    }
  }
  CHECK(most <= size_t{2} << 20);  // two generations of 1 MB
  CHECK(most > size_t{1} << 20);   // the rows filled more than one
  const auto before = text::shape_memo_stats();
  shape_own(forgotten);
  CHECK(text::shape_memo_stats().shaped == before.shaped + 1);
}
