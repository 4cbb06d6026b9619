// composition_checks_test.cpp — preflight's design checks on hand-made compositions: text sizes
// (reversed text by the ground under it), rules, safe zone, folds, ink with overprint, images.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "compose/images.hpp"
#include "preflight/composition_checks.hpp"
#include "prepress/icc.hpp"
#include "unit/compose/fake_typesetter.hpp"

using namespace broadside;
using namespace broadside::preflight;
using compose::Composition;
using core::Color;
using core::from_mm;
using core::Pt;
using core::Rect;

namespace {

const Color kRed = [] {
  Color c = Color::from_cmyk({0, 1, 0.78, 0.18});
  return c;
}();

compose::Page a5_page() {
  compose::Page page;
  page.geometry = {{from_mm(148), from_mm(210)}, from_mm(3), Pt{0}};
  return page;
}

/// A line of `text` at `size`, its baseline's left end at (x, y) mm: a paragraph of its own.
compose::TextLine line(const std::string& text, double size, double x_mm, double y_mm,
                       Color color = Color::black()) {
  static int paragraphs = 0;
  text::ParagraphStyle style;
  style.size = Pt{size};
  testing::FakeParagraph p(text, style);
  p.set_width(Pt{0});
  return compose::TextLine{{from_mm(x_mm), from_mm(y_mm)}, p.glyph_line(0), color, ++paragraphs};
}

Report run(const Composition& c, const prepress::CmykConverter* converter = nullptr) {
  Report r;
  check_composition(c, converter, r);
  return r;
}

std::vector<std::string> messages(const Report& r, Check check) {
  std::vector<std::string> out;
  for (const auto& f : r.findings())
    if (f.check == check) out.push_back(describe(f));
  return out;
}

const prepress::CmykConverter& press() {
  static const prepress::IccProfile profile = [] {
    core::Diagnostics diags;
    auto p = prepress::load_icc_profile(
        std::string(BROADSIDE_SOURCE_DIR) + "/data/icc/broadside-fogra39l.icc", core::Limits{},
        diags);
    REQUIRE_MESSAGE(p, diags.to_string());
    return *p;
  }();
  static const prepress::CmykConverter converter(profile);
  return converter;
}

}  // namespace

TEST_CASE("preflight: text below 6pt is an error naming the page and the text") {
  Composition c;
  c.pages.push_back(a5_page());
  c.pages[0].items.push_back(line("Small print here", 5.5, 20, 50));
  c.pages[0].items.push_back(line("Body text", 8, 20, 60));
  const Report r = run(c);
  CHECK_FALSE(r.passed());
  CHECK(messages(r, Check::text_size) ==
        std::vector<std::string>{
            "page 1, text \u201CSmall print here\u201D: 5.5pt is below the 6pt minimum"});
}

TEST_CASE("preflight: light text on a darker ground needs 7pt") {
  Composition c;
  c.pages.push_back(a5_page());
  auto& items = c.pages[0].items;
  items.push_back(compose::Fill{Rect{Pt{0}, from_mm(180), from_mm(148), from_mm(30)}, kRed});
  items.push_back(line("Contact us", 6.5, 20, 195, Color::white()));  // white on red
  items.push_back(line("Dark on white", 6.5, 20, 100));               // fine at 6.5pt
  const Report r = run(c);
  CHECK(messages(r, Check::text_size) ==
        std::vector<std::string>{"page 1, text \u201CContact us\u201D: 6.5pt is below the 7pt "
                                 "minimum for light text on a darker ground"});
}

TEST_CASE("preflight: rules thinner than 0.25pt") {
  Composition c;
  c.pages.push_back(a5_page());
  c.pages[0].items.push_back(compose::Line{
      {from_mm(20), from_mm(40)}, {from_mm(100), from_mm(40)}, Pt{0.1}, Color::black()});
  c.pages[0].items.push_back(compose::Line{
      {from_mm(20), from_mm(50)}, {from_mm(100), from_mm(50)}, Pt{0.25}, Color::black()});
  const Report r = run(c);
  CHECK(messages(r, Check::rules) ==
        std::vector<std::string>{"page 1, rule: 0.1pt is thinner than 0.25pt: it may not print"});
}

TEST_CASE("preflight: text and QR codes keep 3mm inside the trim") {
  Composition c;
  c.pages.push_back(a5_page());
  c.pages[0].items.push_back(line("Too close", 9, 2, 50));
  compose::QrCode qr;
  qr.rect = Rect{from_mm(120), from_mm(185), from_mm(26), from_mm(26)};  // runs off the foot
  c.pages[0].items.push_back(qr);
  c.pages[0].items.push_back(line("Inside", 9, 20, 50));
  const Report r = run(c);
  const auto found = messages(r, Check::safe_zone);
  REQUIRE(found.size() == 2);
  CHECK(found[0] ==
        "page 1, text \u201CToo close\u201D: 2.0mm from the trim, inside the 3.0mm "
        "safe zone: the knife may cut it");
  // Off the foot: the knife cuts it, as `broadside preflight` of the file says (not "0.0mm").
  CHECK(found[1] == "page 1, the QR code: crosses the trim: the knife cuts it");
}

TEST_CASE("preflight: text across a fold is an error, close to one a warning") {
  Composition c;
  compose::Page page;
  page.geometry = {{from_mm(297), from_mm(210)}, from_mm(3), Pt{0}};
  page.folds = {from_mm(100), from_mm(200)};
  c.pages.push_back(page);
  // 20 characters at 0.5 em of 10pt: 100pt = 35.3 mm wide, from 90 mm: across 100 mm.
  c.pages[0].items.push_back(line("aaaaaaaaaaaaaaaaaaaa", 10, 90, 50));
  c.pages[0].items.push_back(line("bbbb", 10, 190, 80));  // ends 197.1 mm: 2.9 mm from the fold
  const Report r = run(c);
  const auto found = messages(r, Check::folds);
  REQUIRE(found.size() == 2);
  CHECK(found[0] ==
        "page 1, text \u201Caaaaaaaaaaaaaaaaaaaa\u201D: crosses the fold at 100.0mm from the left");
  CHECK(found[1] ==
        "page 1, text \u201Cbbbb\u201D: 2.9mm from the fold at 200.0mm: keep 3.0mm clear");
  CHECK_FALSE(r.passed());
  const auto lines = r.summary();
  CHECK(std::find_if(lines.begin(), lines.end(), [](const auto& l) {
          return l.check == Check::folds && l.status == Status::failed;
        }) != lines.end());
}

TEST_CASE("preflight: ink from the design's CMYK, and black overprinting the red under it") {
  Composition c;
  c.pages.push_back(a5_page());
  auto& items = c.pages[0].items;
  Color heavy = Color::from_cmyk({0.9, 0.9, 0.9, 0.9});  // 360%
  items.push_back(compose::Fill{Rect{from_mm(10), from_mm(10), from_mm(50), from_mm(50)}, heavy});
  items.push_back(compose::Fill{c.pages[0].geometry.bleed_rect(), kRed, Pt{0}, false, true});
  Color black = Color::black();
  black.cmyk = core::Cmyk{0, 0, 0, 1};
  items.push_back(line("Black on red", 9, 20, 100, black));
  SUBCASE("RGB output: only CMYK colours are measured, nothing overprints") {
    const auto found = messages(run(c), Check::ink);
    CHECK(found == std::vector<std::string>{"page 1, box: C90 M90 Y90 K90 is 360% of ink, over "
                                            "the 300% limit"});
  }
  SUBCASE("CMYK output: black text overprints the red, 278% in all") {
    Report r;
    r = Report(Limits{270});
    check_composition(c, &press(), r);
    const auto found = messages(r, Check::ink);
    REQUIRE(found.size() == 2);
    CHECK(found[1] ==
          "page 1, text \u201CBlack on red\u201D: C0 M100 Y78 K100 is 278% of ink, "
          "over the 270% limit");
  }
}

TEST_CASE("preflight: image resolution at the printed size, as composing placed the image") {
  Composition c;
  c.pages.push_back(a5_page());
  // 300 x 200 pixels over 2 inches: 150 ppi, a warning; over 4 inches: 75 ppi, an error. The
  // check reads the placement, not the file (there is none).
  const compose::ImageSize logo{300, 200, false};
  c.pages[0].items.push_back(
      compose::fit_image(Rect{from_mm(10), from_mm(10), core::from_in(2), core::from_in(2)}, logo,
                         design::ImageFit::contain, {0.5, 0.5}));
  c.pages[0].items.push_back(
      compose::fit_image(Rect{from_mm(10), from_mm(80), core::from_in(4), core::from_in(2.66)},
                         logo, design::ImageFit::contain, {0.5, 0.5}));
  // An SVG has no resolution; a photo given plenty of pixels passes.
  c.pages[0].items.push_back(
      compose::fit_image(Rect{from_mm(10), from_mm(150), core::from_in(4), core::from_in(1)},
                         {300, 200, true}, design::ImageFit::cover, {0.5, 0.5}));
  c.pages[0].items.push_back(
      compose::fit_image(Rect{from_mm(80), from_mm(150), core::from_in(1), core::from_in(1)},
                         {400, 600, false}, design::ImageFit::cover, {0.5, 0.5}));
  const Report r = run(c);
  std::vector<core::Severity> severities;
  for (const auto& f : r.findings())
    if (f.check == Check::images) severities.push_back(f.severity);
  CHECK(severities == std::vector<core::Severity>{core::Severity::warning, core::Severity::error});
  CHECK(messages(r, Check::images)[1].find("75ppi at its printed size (300 pixels across") !=
        std::string::npos);
}

TEST_CASE("preflight: an image wholly outside the bleed is not judged for its resolution") {
  Composition c;
  c.pages.push_back(a5_page());
  // 75 ppi, an error inside the page; right of the 148 mm trim and its 3 mm bleed it never prints.
  const compose::ImageSize logo{300, 200, false};
  const Rect placed{from_mm(152), from_mm(80), core::from_in(4), core::from_in(2.66)};
  c.pages[0].items.push_back(
      compose::fit_image(placed, logo, design::ImageFit::contain, {0.5, 0.5}));
  CHECK(messages(run(c), Check::images).empty());
  // Reaching 1 mm into the bleed it is judged.
  c.pages[0].items.clear();
  c.pages[0].items.push_back(
      compose::fit_image(Rect{from_mm(150), placed.y, placed.width, placed.height}, logo,
                         design::ImageFit::contain, {0.5, 0.5}));
  CHECK(messages(run(c), Check::images).size() == 1);
}

TEST_CASE("preflight: the report lists every check with its status, as text and JSON") {
  Composition c;
  c.pages.push_back(a5_page());
  c.pages[0].items.push_back(line("Fine", 9, 20, 50));
  const Report r = run(c);
  CHECK(r.passed());
  const std::string text = r.text("x.pdf");
  CHECK(text.find("text-size    passed") != std::string::npos);
  CHECK(text.find("folds        not checked no text, QR code or logo across a fold (a flat "
                  "sheet: no folds)") != std::string::npos);
  CHECK(text.find("x.pdf: preflight passed") != std::string::npos);
  const std::string json = r.json("x.pdf");
  CHECK(json.find("\"passed\": true") != std::string::npos);
  CHECK(json.find("\"id\": \"glyphs\"") != std::string::npos);
}

TEST_CASE("preflight: lines too small alike on a page are one finding in the text report") {
  Composition c;
  c.pages.push_back(a5_page());
  c.pages.push_back(a5_page());
  for (int i = 0; i < 40; ++i) c.pages[0].items.push_back(line("Tiny", 4, 20, 20 + i * 4));
  c.pages[0].items.push_back(line("Small", 5, 20, 190));
  c.pages[1].items.push_back(line("Tiny", 4, 20, 30));
  const Report r = run(c);
  // Every line is still a finding (the JSON lists each), but the text says each problem once
  // per page: 4pt on page 1 (40 lines), 5pt on page 1, 4pt on page 2.
  CHECK(messages(r, Check::text_size).size() == 42);
  const auto groups = group_alike(r.findings());
  REQUIRE(groups.size() == 3);
  CHECK(groups[0].more == 39);
  CHECK(groups[1].more == 0);
  CHECK(groups[2].more == 0);
  const std::string text = r.text("x.pdf");
  CHECK(text.find("page 1, text \u201CTiny\u201D: 4pt is below the 6pt minimum (and 39 more like "
                  "it)") != std::string::npos);
  size_t reported = 0;
  for (size_t at = text.find("[text-size]"); at != std::string::npos;
       at = text.find("[text-size]", at + 1))
    ++reported;
  CHECK(reported == 3);
}
