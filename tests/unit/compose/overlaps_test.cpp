// overlaps_test.cpp — frames drawn over each other: text over text or a QR code, a box over text,
// each reported once at the frame drawn on top; text on a box and frames that only touch pass.
#include "compose_fixture.hpp"

using namespace broadside;
using namespace broadside::testing;

namespace {

std::string design_with(const std::string& frames) {
  return "page: {size: A5, margins: 10mm}\ncolors: {rose: \"#F4C2C2\"}\nstyles:\n"
         "  s: {font: [Inter], size: 12pt}\npages:\n  - frames:\n" +
         frames;
}

}  // namespace

TEST_CASE("overlaps: text over another frame's text is an error naming both frames") {
  const auto c = compose_text(
      design_with(
          "      - {text: \"{headline}\", style: s, id: a, area: {top: 20mm, height: 20mm}}\n"
          "      - {text: \"{headline}\", style: s, id: b, area: {top: 20mm, height: 20mm}}\n"),
      statement_with("Meet us on Saturday"));
  REQUIRE(c.diags.size() == 1);
  const auto& d = c.diags.all()[0];
  CHECK(d.severity == core::Severity::error);
  CHECK(d.where.line == 8);
  CHECK(d.message ==
        "frame 'b': text \u201CMeet us on Saturday\u201D is drawn over text \u201CMeet us on "
        "Saturday\u201D of frame 'a' on page 1");
}

TEST_CASE("overlaps: a box drawn after text covers it; text on a box is what boxes are for") {
  const auto covered = compose_text(
      design_with(
          "      - {text: \"{headline}\", style: s, id: a, area: {top: 20mm, height: 20mm}}\n"
          "      - {box: {}, background: rose, id: panel, area: {top: 10mm, height: 40mm}}\n"),
      statement_with("Meet us on Saturday"));
  REQUIRE(covered.diags.size() == 1);
  CHECK(covered.diags.all()[0].message.find("frame 'panel': its box is drawn over text") == 0);
  const auto under = compose_text(
      design_with(
          "      - {box: {}, background: rose, id: panel, area: {top: 10mm, height: 40mm}}\n"
          "      - {text: \"{headline}\", style: s, id: a, area: {top: 20mm, height: 20mm}}\n"),
      statement_with("Meet us on Saturday"));
  CHECK_MESSAGE(under.diags.size() == 0, under.errors());
}

TEST_CASE("overlaps: frames one under the other, and text beside a QR code, pass") {
  const auto c = compose_text(
      design_with(
          "      - {text: \"{headline}\", style: s, id: a, area: {top: 20mm, height: 10mm}}\n"
          "      - {text: \"{headline}\", style: s, id: b, area: {top: 30mm, height: 10mm}}\n"
          "      - {qr: \"https://example.org\", id: code, area: {top: 50mm, left: 10mm, "
          "width: 30mm, height: 30mm}}\n"
          "      - {text: \"Scan\", style: s, id: c, area: {top: 50mm, left: 45mm, "
          "height: 10mm}}\n"),
      statement_with("Meet us"));
  CHECK_MESSAGE(c.diags.size() == 0, c.errors());
}

TEST_CASE("overlaps: text over a QR code is an error, since the code would not scan") {
  const auto c = compose_text(
      design_with(
          "      - {qr: \"https://example.org\", id: code, area: {top: 50mm, left: 10mm, "
          "width: 30mm, height: 30mm}}\n"
          "      - {text: \"Scan me\", style: s, id: c, area: {top: 60mm, height: 10mm}}\n"),
      statement_with("Meet us"));
  REQUIRE(c.diags.size() == 1);
  CHECK(c.diags.all()[0].message ==
        "frame 'c': text \u201CScan me\u201D is drawn over the QR code of frame 'code' on page 1");
}

TEST_CASE("overlaps: a frame that says overlap: true may lie over others") {
  const auto c = compose_text(
      design_with(
          "      - {text: \"{headline}\", style: s, id: a, area: {top: 20mm, height: 20mm}}\n"
          "      - {text: \"{headline}\", style: s, id: b, overlap: true,\n"
          "         area: {top: 20mm, height: 20mm}}\n"
          "      - {text: \"{headline}\", style: s, id: c, area: {top: 20mm, height: 20mm}}\n"),
      statement_with("Meet us on Saturday"));
  // Only c over a is reported: b lies over a, and c over b, on purpose.
  REQUIRE(c.diags.size() == 1);
  CHECK(c.diags.all()[0].message.find("frame 'c': text") == 0);
  CHECK(c.diags.all()[0].message.find("of frame 'a'") != std::string::npos);
}
