// body_blocks_test.cpp — the body's nested list items and section breaks as the flow sets them.
#include <utility>

#include "compose_fixture.hpp"

using namespace broadside::testing;

namespace {

// One column 200pt wide of 10pt lines, so every block below is a line of its own.
const std::string kDesign = R"(
page: {size: [220pt, 220pt], bleed: 0mm, margins: 10pt}
styles:
  body: {font: [X], size: 10pt, leading: 1}
pages:
  - frames:
      - {flow: body, style: body, area: margin}
)";

}  // namespace

TEST_CASE("flow: a nested list item is one level in, with a dash or its own number") {
  auto c = compose_text(kDesign,
                        "---\nheadline: h\n---\n- top\n  - second\n    - third\n"
                        "  1. first\n  2. next\n- again\n");
  // The fake typesetter moves a hanging indent's first line out of the column (Pango moves the
  // lines after it in), so that is all it may report; and it splits words at ASCII spaces only,
  // so a marker and its word are one.
  for (const auto& d : c.diags.all())
    CHECK_MESSAGE(d.message.find("drawn outside the frame") != std::string::npos, d.to_string());
  CHECK(c.find("\u2022\u2002top"));
  CHECK(c.find("\u2003\u2013\u2002second"));
  CHECK(c.find("\u2003\u2003\u2013\u2002third"));
  CHECK(c.find("\u20031.\u2002first"));
  CHECK(c.find("\u20032.\u2002next"));
  CHECK(c.find("\u2022\u2002again"));
  // A deeper item's hanging indent is an em wider per level (the fake puts the first line at it).
  const auto* top = c.find("\u2022\u2002top");
  const auto* third = c.find("\u2003\u2003\u2013\u2002third");
  REQUIRE(top);
  REQUIRE(third);
  CHECK(top->x - third->x == doctest::Approx(20));
}

TEST_CASE("flow: a thematic break is a centred dinkus, half a line from the text around it") {
  auto c = compose_text(kDesign, "---\nheadline: h\n---\nBefore it.\n\n---\n\nAfter it.\n");
  REQUIRE_MESSAGE(c.diags.empty(), c.errors());
  const auto* before = c.find("Before it.");
  const auto* dinkus = c.find("*\u2003*\u2003*");
  const auto* after = c.find("After it.");
  REQUIRE(before);
  REQUIRE(dinkus);
  REQUIRE(after);
  CHECK(dinkus->y - before->y == doctest::Approx(15));
  CHECK(after->y - dinkus->y == doctest::Approx(15));
}

TEST_CASE("flow: a table or a list inside a quote is set in the quote's style") {
  const std::string design = R"(
page: {size: [220pt, 220pt], bleed: 0mm, margins: 10pt}
styles:
  body: {font: [X], size: 10pt, leading: 1}
  cited: {font: [X], size: 8pt, leading: 1}
pages:
  - frames:
      - {flow: body, style: body, quote-style: cited, area: margin}
)";
  auto c = compose_text(design,
                        "---\nheadline: h\n---\nPlain.\n\n> Said.\n>\n> | a | b |\n> |---|---|\n"
                        ">\n> - listed\n\n| c | d |\n|---|---|\n");
  // Each line and the size it is set at: the quote's 8pt for all the quote holds.
  const std::pair<const char*, double> expected[] = {
      {"Plain.", 10}, {"Said.", 8}, {"a | b", 8}, {"\u2022\u2002listed", 8}, {"c | d", 10}};
  for (const auto& e : expected) {
    CAPTURE(e.first);  // not a structured binding: clang 14 cannot capture one
    const auto* line = c.find(e.first);
    REQUIRE(line);
    CHECK(line->size == e.second);
  }
}
