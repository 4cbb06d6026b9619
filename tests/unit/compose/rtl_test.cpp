// rtl_test.cpp — right-to-left statements: columns and stacks run from the right, list markers
// sit on the right, and `mirror-rtl` mirrors frame areas.
#include "compose_fixture.hpp"

using namespace broadside::testing;

namespace {

std::string rtl_statement(const std::vector<std::string>& paragraphs) {
  std::string s =
      "---\nlang: ar\nheadline: h\ndemands: [alpha, beta]\ncta: {url: example.org}\n---\n";
  for (const auto& p : paragraphs) s += p + ".\n\n";
  return s;
}

const std::string kDesign = R"(
page: {size: [220pt, 200pt], bleed: 0mm, margins: 10pt}
styles:
  body: {font: [X], size: 10pt, leading: 1}
pages:
  - frames:
      - {list: "{demands}", style: body, marker: square, marker-gap: 5pt, area: {top: 10pt, height: 30pt}}
      - {flow: body, style: body, columns: 2, gutter: 0pt, area: {top: 50pt}}
)";

/// Marker squares on the page.
std::vector<broadside::compose::Fill> markers(const Composed& c) {
  std::vector<broadside::compose::Fill> out;
  for (const auto& item : c.composition.pages[0].items)
    if (const auto* f = std::get_if<broadside::compose::Fill>(&item)) out.push_back(*f);
  return out;
}

}  // namespace

TEST_CASE("rtl: the first column is the right one") {
  auto c = compose_text(kDesign, rtl_statement({words(80)}));
  REQUIRE_MESSAGE(c.diags.empty(), c.errors());
  const auto* first = c.find("w01 w02 w03 w04 w05");
  const auto* later = c.find("w76 w77 w78 w79 w80.");
  REQUIRE(first);
  REQUIRE(later);
  CHECK(first->x > later->x);
}

TEST_CASE("rtl: list markers sit on the right of their items") {
  auto c = compose_text(kDesign, rtl_statement({"Body"}));
  REQUIRE_MESSAGE(c.diags.empty(), c.errors());
  const auto m = markers(c);
  REQUIRE(m.size() == 2);
  const auto* alpha = c.find("alpha");
  REQUIRE(alpha);
  CHECK(m[0].rect.x.value > 200 - 10);  // at the right margin (the square is 4.2pt wide)
  CHECK(alpha->x < m[0].rect.x.value);
  // Left to right, the same list has its markers at the left margin.
  auto ltr = compose_text(kDesign, statement_with("h", {"Body"}));
  REQUIRE(markers(ltr).size() == 2);
  CHECK(markers(ltr)[0].rect.x.value == doctest::Approx(10));
}

TEST_CASE("rtl: mirror-rtl flips frame areas; without it they stay where the design put them") {
  const std::string design = R"(
page: {size: [300pt, 100pt], bleed: 0mm, margins: 0pt}
mirror-rtl: true
styles:
  s: {font: [X], size: 10pt, leading: 1}
pages:
  - frames:
      - {text: "{headline}", style: s, area: {left: 20pt, width: 100pt, top: 0pt, height: 20pt}}
)";
  auto ar = compose_text(design, rtl_statement({"b"}));
  REQUIRE_MESSAGE(ar.diags.empty(), ar.errors());
  // Mirrored: the frame spans 180..280; the line is set at its start, the right.
  REQUIRE(ar.lines.size() == 1);
  CHECK(ar.lines[0].x >= 180);
  std::string unmirrored = design;
  unmirrored.erase(unmirrored.find("mirror-rtl: true\n"), 17);
  auto plain = compose_text(unmirrored, rtl_statement({"b"}));
  REQUIRE(plain.lines.size() == 1);
  CHECK(plain.lines[0].x < 120);
}
