// folds_test.cpp — folded sheets in the composition: each page gets its side's folds (mirrored
// with the frames for right-to-left statements), a flow chains across panels, and text placed
// across a fold is a warning that names the frame.
#include <cmath>

#include "compose/folds.hpp"
#include "compose_fixture.hpp"

using namespace broadside;
using namespace broadside::testing;

namespace {

const char* const kTrifold = R"(name: t
mirror-rtl: true
page: {size: A4, orientation: landscape, fold: trifold, margins: 10mm}
styles:
  body: {font: [Inter], size: 10pt, leading: 1.2}
pages:
  - frames:
      - {text: "{headline}", style: body, id: cover, area: {panel: cover}}
  - frames:
      - {flow: body, style: body, area: {panel: 1, height: 20mm}}
      - {flow: body, style: body, area: {panel: 2, height: 20mm}}
      - {flow: body, style: body, area: {panel: 3}}
)";

std::vector<double> mm(const std::vector<core::Pt>& v) {
  std::vector<double> out;
  for (auto p : v) out.push_back(std::round(core::to_mm(p) * 100) / 100);
  return out;
}

}  // namespace

TEST_CASE("folds: the outside folds at 97 and 197 mm, the inside at 100 and 200 mm") {
  const auto c = compose_text(kTrifold, statement_with("Headline", {words(30)}));
  REQUIRE_MESSAGE(!c.diags.has_errors(), c.errors());
  REQUIRE(c.composition.pages.size() == 2);
  CHECK(mm(c.composition.pages[0].folds) == std::vector<double>{97, 197});
  CHECK(mm(c.composition.pages[1].folds) == std::vector<double>{100, 200});
  // The cover panel is the right one: 197..297 mm, inside 10 mm margins.
  const auto* cover = c.find("Headline");
  REQUIRE(cover);
  CHECK(core::to_mm(core::Pt{cover->x}) == doctest::Approx(207).epsilon(1e-3));
}

TEST_CASE("folds: the body flows from panel to panel, left to right") {
  // 20 mm of 12pt lines holds four lines a panel: the words run on into panels 2 and 3.
  const auto c = compose_text(kTrifold, statement_with("H", {words(200)}));
  REQUIRE_MESSAGE(!c.diags.has_errors(), c.errors());
  const auto inside = c.on_page(1);
  REQUIRE(inside.size() > 8);
  CHECK(core::to_mm(core::Pt{inside[0].x}) < 100);
  CHECK(core::to_mm(core::Pt{inside[4].x}) > 100);
  CHECK(core::to_mm(core::Pt{inside[4].x}) < 200);
  CHECK(core::to_mm(core::Pt{inside.back().x}) > 200);
}

TEST_CASE("folds: a right-to-left statement mirrors the panels and the folds together") {
  const std::string rtl =
      "---\nlang: ar\nheadline: Headline\ndemands: [a]\ncta: {url: example.org}\n---\n" +
      words(200) + ".\n";
  const auto c = compose_text(kTrifold, rtl);
  REQUIRE_MESSAGE(!c.diags.has_errors(), c.errors());
  CHECK(mm(c.composition.pages[0].folds) == std::vector<double>{100, 200});
  CHECK(mm(c.composition.pages[1].folds) == std::vector<double>{97, 197});
  const auto* cover = c.find("Headline");
  REQUIRE(cover);
  CHECK(core::to_mm(core::Pt{cover->x}) < 100);  // the cover is on the left
  const auto inside = c.on_page(1);
  CHECK(core::to_mm(core::Pt{inside[0].x}) > 197);  // and the statement starts on the right
}

TEST_CASE("folds: text placed across a fold is a warning naming the frame, the fold and page") {
  const auto c = compose_text(R"(page: {size: A4, orientation: landscape, fold: bifold}
styles:
  s: {font: [Inter], size: 12pt}
pages:
  - frames:
      - {text: "{headline}", style: s, id: wide, area: {top: 20mm, height: 30mm}}
      - {text: "{headline}", style: s, id: narrow, area: {panel: 1, top: 60mm, height: 30mm}}
)",
                              statement_with(words(20)));
  REQUIRE(c.diags.size() == 1);
  const auto& d = c.diags.all()[0];
  CHECK(d.severity == core::Severity::warning);
  CHECK(d.where.line == 6);
  CHECK(d.message.find("frame 'wide': text \u201Cw01 w02") == 0);
  CHECK(d.message.find("crosses the fold at 148.5mm on page 1") != std::string::npos);
  CHECK(d.hint == "place the frame inside one panel, e.g. area: {panel: 2}");
}
