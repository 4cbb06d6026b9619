// decompose_uncovered_test.cpp — a letter the first font lacks precomposed is set as its base and
// marks in that font, never in the next family; letters the font has stay as they are.
#include <doctest/doctest.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "text/decompose_uncovered.hpp"
#include "text_fixture.hpp"

using namespace broadside;
using core::Pt;
using text::testing::library;
using text::testing::style;
using text::testing::typesetter;

namespace {

/// Yoruba "aṣíkiri" (immigrants), precomposed: League Spartan has "í" but not "ṣ" (U+1E63), and
/// has "s" and the dot below (U+0323).
const std::string kYoruba = "a\u1E63\u00EDkiri";

/// A headline style in the display class's Latin faces (designs/fonts: League Spartan, Inter).
text::ParagraphStyle display() {
  auto s = style({"League Spartan", "Inter"}, 40, 800);
  s.lang = "yo";
  return s;
}

/// A context over the library's fonts, as the typesetter makes one.
core::Handle<PangoContext, g_object_unref> context() {
  static core::Handle<PangoFontMap, g_object_unref> map = [] {
    core::Handle<PangoFontMap, g_object_unref> m(
        pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT));
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(m.get()), library().config());
    return m;
  }();
  return core::Handle<PangoContext, g_object_unref>(pango_font_map_create_context(map.get()));
}

}  // namespace

TEST_CASE("decompose uncovered: a Yoruba word in League Spartan is set in League Spartan only") {
  auto p = typesetter().shape(core::RichText::plain(kYoruba), display());
  p->set_width(Pt{0});
  const auto line = p->glyph_line(0);
  REQUIRE_FALSE(line->runs.empty());
  for (const auto& run : line->runs) CHECK(run.font.family() == "League Spartan");
  CHECK(line->missing.empty());
  CHECK(p->coverage_problems().empty());
  // Set as "s" and the dot below: canonically the same word.
  CHECK(line->text == "as\u0323\u00EDkiri");
}

TEST_CASE("decompose uncovered: letters the first font has are never decomposed") {
  // Vietnamese letters with two marks, all precomposed in League Spartan.
  const std::string vietnamese = "Ng\u01B0\u1EDDi Vi\u1EC7t";
  auto s = display();
  s.lang = "vi";
  auto p = typesetter().shape(core::RichText::plain(vietnamese), s);
  p->set_width(Pt{0});
  CHECK(p->line_text(0) == vietnamese);
  const auto line = p->glyph_line(0);
  for (const auto& run : line->runs) CHECK(run.font.family() == "League Spartan");
}

TEST_CASE("decompose uncovered: a letter's spelling in the first font") {
  auto ctx = context();
  text::FirstFontSpellings firsts;
  auto s = display();
  text::FontSpellings& spartan = firsts.of(ctx.get(), s, nullptr);
  CHECK(spartan.spelling(0x1E63) == "s\u0323");  // ṣ
  CHECK(spartan.spelling('s').empty());
  CHECK(spartan.spelling(0x00ED).empty());  // í: the font has it
  CHECK(spartan.spelling(0x1EC7).empty());  // ệ: the font has it
  CHECK(spartan.spelling(0x0253).empty());  // ɓ: no decomposition
  // ṩ (s, dot below, dot above): as far as the font needs, "ṣ" itself being missing.
  CHECK(spartan.spelling(0x1E69) == "s\u0323\u0307");
  // Looked up once per face: the same spellings for another size.
  s.size = Pt{12};
  CHECK(&firsts.of(ctx.get(), s, nullptr) == &spartan);
}

TEST_CASE("decompose uncovered: runs and hyphenation points follow the text") {
  auto ctx = context();
  text::FirstFontSpellings firsts;
  const auto s = display();
  // "ṩ" (3 bytes) becomes "s", dot below, dot above (5 bytes); "ṣ" stays 3 bytes long.
  const std::string two_marks = "a\u1E69\u00EDkiri";
  core::RichText t = core::RichText::plain(two_marks + " " + kYoruba);
  t.runs.push_back({.start = 1, .end = 4, .link = "https://example.org"});  // "ṩ"
  t.runs.push_back({.start = 11, .end = 21, .emphasis = true});             // the second word
  std::vector<size_t> points{1, 4, 15};  // "a-ṩíkiri", "aṩ-íkiri", "aṣ-íkiri"
  const auto out = text::decompose_uncovered(
      t,
      [&](const core::StyleRun* run) -> text::FontSpellings& {
        return firsts.of(ctx.get(), s, run);
      },
      points);
  CHECK(out.text == "as\u0323\u0307\u00EDkiri as\u0323\u00EDkiri");
  REQUIRE(out.runs.size() == 2);
  CHECK(out.runs[0].start == 1);
  CHECK(out.runs[0].end == 6);
  CHECK(out.runs[1].start == 13);
  CHECK(out.runs[1].end == 23);
  CHECK(points == std::vector<size_t>{1, 6, 17});
}
