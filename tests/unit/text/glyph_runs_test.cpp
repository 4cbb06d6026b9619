// glyph_runs_test.cpp — set lines as plain data: runs whose clusters map back to the text, glyphs
// where Pango puts them, ink boxes from the outlines, missing and empty glyphs, and lines that
// outlive their paragraph.
#include <doctest/doctest.h>
#include <pango/pangocairo.h>

#include <cairo.h>

#include <numeric>

#include "text/pango_paragraph.hpp"
#include "text_fixture.hpp"

using namespace broadside;
using core::Pt;
using text::testing::style;
using text::testing::typesetter;

namespace {

std::shared_ptr<const text::GlyphLine> set_line(const std::string& s, text::ParagraphStyle st,
                                                int index = 0, Pt width = Pt{0}) {
  auto p = typesetter().shape(core::RichText::plain(s), st);
  p->set_width(width);
  return p->glyph_line(index);
}

/// Every run's clusters cover its text and its glyphs exactly, as cairo_show_text_glyphs asks.
void check_clusters(const text::GlyphRun& run) {
  int bytes = 0, glyphs = 0;
  for (const auto& c : run.clusters) {
    CHECK((c.bytes > 0 || c.glyphs > 0));
    bytes += c.bytes;
    glyphs += c.glyphs;
  }
  CHECK(bytes == static_cast<int>(run.text.size()));
  CHECK(glyphs == static_cast<int>(run.glyphs.size()));
}

/// The text each glyph shows, in glyph order, read back through the clusters.
std::vector<std::string> text_per_glyph(const text::GlyphRun& run) {
  std::vector<std::string> out;
  size_t at = run.is_backward ? run.text.size() : 0;
  for (const auto& c : run.clusters) {
    const auto n = static_cast<size_t>(c.bytes);
    if (run.is_backward) at -= n;
    for (int g = 0; g < c.glyphs; ++g) out.push_back(run.text.substr(at, n));
    if (!run.is_backward) at += n;
  }
  return out;
}

}  // namespace

TEST_CASE("glyph runs: the clusters map every glyph back to the text it shows") {
  const auto line = set_line("Stop all raids now!", style({"Inter"}, 12));
  REQUIRE(line->runs.size() == 1);
  const text::GlyphRun& run = line->runs[0];
  CHECK(run.text == "Stop all raids now!");
  CHECK_FALSE(run.is_backward);
  check_clusters(run);
  const auto shown = text_per_glyph(run);
  CHECK(std::accumulate(shown.begin(), shown.end(), std::string()) == run.text);
  CHECK(run.font.family() == "Inter");
  CHECK(run.font.size() == Pt{12});
  CHECK(run.font.file().filename().string().find("Inter") == 0);
  CHECK(run.font.scaled_font() != nullptr);
  CHECK(line->text == "Stop all raids now!");
  CHECK(line->size == Pt{12});
}

TEST_CASE("glyph runs: each glyph sits where Pango puts its character") {
  // Plain Latin, one glyph per character, no ligatures: Pango's own x of each character's
  // leading edge is the glyph's x.
  const std::string s = "Workers of all countries";
  auto p = typesetter().shape(core::RichText::plain(s), style({"Noto Serif"}, 11));
  p->set_width(Pt{0});
  const auto line = p->glyph_line(0);
  REQUIRE(line->runs.size() == 1);
  const text::GlyphRun& run = line->runs[0];
  REQUIRE(run.glyphs.size() == s.size());
  PangoLayoutLine* pl = dynamic_cast<text::PangoParagraph&>(*p).layout_line(0);
  for (size_t i = 0; i < s.size(); ++i) {
    int x = 0;
    pango_layout_line_index_to_x(pl, static_cast<int>(i), FALSE, &x);
    CHECK(run.origin.x + run.glyphs[i].x == Pt{static_cast<double>(x) / PANGO_SCALE});
    CHECK(run.glyphs[i].y == Pt{0});
  }
  // The line's width is the pen's end: the last glyph's x plus its advance.
  cairo_text_extents_t last;
  cairo_glyph_t g{run.glyphs.back().id, 0, 0};
  cairo_scaled_font_glyph_extents(run.font.scaled_font(), &g, 1, &last);
  CHECK((run.glyphs.back().x + Pt{last.x_advance}).value ==
        doctest::Approx(line->width.value).epsilon(1e-3));
}

TEST_CASE("glyph runs: right-to-left runs read their clusters from the end") {
  const auto line =
      set_line("\u0627\u0644\u0639\u0645\u0627\u0644 \u0645\u062a\u062d\u062f\u0648\u0646", [] {
        auto s = style({"Noto Sans Arabic"}, 14);
        s.lang = "ar";
        return s;
      }());
  REQUIRE_FALSE(line->runs.empty());
  for (const auto& run : line->runs) {
    CHECK(run.is_backward);
    check_clusters(run);
    // Drawn left to right: x grows along the glyphs, inside the line.
    for (size_t i = 1; i < run.glyphs.size(); ++i) CHECK(run.glyphs[i].x >= run.glyphs[i - 1].x);
    CHECK(run.origin.x >= Pt{0});
    CHECK(run.origin.x <= line->width);
  }
  const auto shown = text_per_glyph(line->runs[0]);
  REQUIRE_FALSE(shown.empty());
  // The first glyph drawn (leftmost) shows the last letter of the text.
  CHECK(shown.front() == "\u0646");
}

TEST_CASE("glyph runs: the ink box is the glyphs' outlines, not the line box") {
  const auto line = set_line("gypsy", style({"Inter"}, 20));
  REQUIRE(line->runs.size() == 1);
  const text::GlyphRun& run = line->runs[0];
  // Descenders reach below the baseline, x-height letters stay under the ascent.
  CHECK(line->ink.bottom() > Pt{3});
  CHECK(line->ink.y < Pt{0});
  CHECK(-line->ink.y < line->ascent);
  CHECK(line->ink == run.ink);
  // The same box from cairo's own extents of the drawn glyphs.
  std::vector<cairo_glyph_t> glyphs;
  for (const auto& g : run.glyphs)
    glyphs.push_back({g.id, (run.origin.x + g.x).value, (run.origin.y + g.y).value});
  cairo_text_extents_t e;
  cairo_scaled_font_glyph_extents(run.font.scaled_font(), glyphs.data(),
                                  static_cast<int>(glyphs.size()), &e);
  constexpr double kPangoUnit = 1.0 / PANGO_SCALE;  // Pango rounds each glyph's box to it
  CHECK(std::abs(line->ink.x.value - e.x_bearing) <= 2 * kPangoUnit);
  CHECK(std::abs(line->ink.y.value - e.y_bearing) <= 2 * kPangoUnit);
  CHECK(std::abs(line->ink.width.value - e.width) <= 3 * kPangoUnit);
  CHECK(std::abs(line->ink.height.value - e.height) <= 3 * kPangoUnit);
  // A line of spaces puts no ink anywhere.
  CHECK(set_line("   ", style({"Inter"}, 20))->ink.is_empty());
}

TEST_CASE("glyph runs: empty and missing glyphs are never drawn, and missing ones are listed") {
  // A word joiner is an empty glyph: its bytes stay in the text, in a cluster of no glyph.
  const auto joined = set_line("over\u2060time", style({"Inter"}, 12));
  REQUIRE(joined->runs.size() == 1);
  check_clusters(joined->runs[0]);
  CHECK(joined->runs[0].glyphs.size() == 8);
  CHECK(joined->missing.empty());
  // A control character no font has would be Pango's hex box: listed, not drawn.
  const auto boxed = set_line("a\u0007b", style({"Inter"}, 12));
  CHECK(boxed->missing == std::vector<char32_t>{U'\u0007'});
  size_t glyphs = 0;
  for (const auto& run : boxed->runs) {
    check_clusters(run);
    glyphs += run.glyphs.size();
    for (const auto& g : run.glyphs) CHECK((g.id & PANGO_GLYPH_UNKNOWN_FLAG) == 0);
  }
  CHECK(glyphs == 2);
}

TEST_CASE("glyph runs: a hyphen Pango adds at a soft hyphen is drawn, its text kept") {
  auto s = style({"Noto Serif"}, 10);
  s.hyphenate = true;
  auto p = typesetter().shape(core::RichText::plain("internationalism internationalism"), s);
  p->set_width(Pt{60});
  REQUIRE(p->line_count() >= 2);
  const auto first = p->glyph_line(0);
  CHECK(first->text.back() == '-');
  const text::GlyphRun& run = first->runs.back();
  check_clusters(run);
  CHECK(run.text.find("\u00AD") != std::string::npos);
}

TEST_CASE("glyph runs: a set line is data that outlives its paragraph and its later changes") {
  auto p =
      typesetter().shape(core::RichText::plain("Unity of the working class"), style({"Inter"}, 12));
  p->set_width(Pt{0});
  const auto before = p->glyph_line(0);
  const auto glyphs = before->runs.at(0).glyphs.size();
  const Pt width = before->width;
  p->set_size(Pt{30});
  p->set_width(Pt{80});
  REQUIRE(p->line_count() > 1);
  p.reset();
  CHECK(before->runs.at(0).glyphs.size() == glyphs);
  CHECK(before->width == width);
  CHECK(before->size == Pt{12});
  CHECK(cairo_scaled_font_status(before->runs[0].font.scaled_font()) == CAIRO_STATUS_SUCCESS);
}
