// overlaps_test.cpp — frames drawn over each other: text over text or a QR code, a box over text,
// a rule through text, each reported once at the frame drawn on top; text on a box and frames
// that only touch pass.
#include "compose_fixture.hpp"

using namespace broadside;
using namespace broadside::testing;

namespace {

std::string design_with(const std::string& frames) {
  return "page: {size: A5, margins: 10mm}\ncolors: {rose: \"#F4C2C2\"}\nstyles:\n"
         "  s: {font: [Inter], size: 12pt}\npages:\n  - frames:\n" +
         frames;
}

struct Case {
  const char* name;
  std::string frames;
  const char* headline;
  /// The one error expected, whole or (ending in "…") its start; "" when the frames pass.
  std::string error;
};

const std::string kA =
    "      - {text: \"{headline}\", style: s, id: a, area: {top: 20mm, height: 20mm}}\n";
const std::string kCode =
    "      - {qr: \"https://example.org\", id: code, area: {top: 50mm, left: 10mm, width: 30mm, "
    "height: 30mm}}\n";
const std::string kPanel =
    "      - {box: {}, background: rose, id: panel, area: {top: 10mm, height: 40mm}}\n";

const std::string kStrike =
    "      - {rule: {thickness: 0.5pt}, id: strike, area: {top: 22mm, height: 0.5pt}}\n";

const Case kCases[] = {
    {"text over another frame's text names both frames",
     kA + "      - {text: \"{headline}\", style: s, id: b, area: {top: 20mm, height: 20mm}}\n",
     "Meet us on Saturday",
     "frame 'b': text \u201CMeet us on Saturday\u201D is drawn over text \u201CMeet us on "
     "Saturday\u201D of frame 'a' on page 1"},
    {"a box drawn after text covers it", kA + kPanel, "Meet us on Saturday",
     "frame 'panel': its box is drawn over text…"},
    {"text on a box is what boxes are for", kPanel + kA, "Meet us on Saturday", ""},
    {"frames one under the other, and text beside a QR code",
     "      - {text: \"{headline}\", style: s, id: a, area: {top: 20mm, height: 10mm}}\n"
     "      - {text: \"{headline}\", style: s, id: b, area: {top: 30mm, height: 10mm}}\n" +
         kCode +
         "      - {text: \"Scan\", style: s, id: c, area: {top: 50mm, left: 45mm, height: 10mm}}\n",
     "Meet us", ""},
    {"text over a QR code would not scan",
     kCode + "      - {text: \"Scan me\", style: s, id: c, area: {top: 60mm, height: 10mm}}\n",
     "Meet us",
     "frame 'c': text \u201CScan me\u201D is drawn over the QR code of frame 'code' on page 1"},
    // A hairline is thinner than the graze allowed, but through the middle of a line it strikes
    // it out, whichever is drawn last; one below the text, or on a box, is a rule's job.
    {"a rule drawn through text strikes it out", kA + kStrike, "Meet us on Saturday",
     "frame 'strike': its rule is drawn over text \u201CMeet us on Saturday\u201D of frame 'a' "
     "on page 1"},
    {"text drawn over a rule is struck out too", kStrike + kA, "Meet us on Saturday",
     "frame 'a': text \u201CMeet us on Saturday\u201D is drawn over the rule of frame 'strike' "
     "on page 1"},
    {"a rule under the text and on a box passes",
     kPanel + kA + "      - {rule: {thickness: 0.5pt}, area: {top: 42mm, height: 0.5pt}}\n",
     "Meet us on Saturday", ""},
    // b lies over a, and c over b, on purpose: only c over a is reported.
    {"a frame that says overlap: true may lie over others",
     kA + "      - {text: \"{headline}\", style: s, id: b, overlap: true,\n"
          "         area: {top: 20mm, height: 20mm}}\n"
          "      - {text: \"{headline}\", style: s, id: c, area: {top: 20mm, height: 20mm}}\n",
     "Meet us on Saturday",
     "frame 'c': text \u201CMeet us on Saturday\u201D is drawn over text \u201CMeet us on "
     "Saturday\u201D of frame 'a' on page 1"},
};

}  // namespace

TEST_CASE("overlaps: what is drawn over what, told once at the frame on top") {
  for (const Case& k : kCases) {
    CAPTURE(k.name);
    const auto c = compose_text(design_with(k.frames), statement_with(k.headline));
    if (k.error.empty()) {
      CHECK_MESSAGE(c.diags.size() == 0, c.errors());
      continue;
    }
    REQUIRE(c.diags.size() == 1);
    const auto& d = c.diags.all()[0];
    CHECK(d.severity == core::Severity::error);
    if (k.error.ends_with("…"))
      CHECK(d.message.starts_with(k.error.substr(0, k.error.size() - std::string("…").size())));
    else
      CHECK(d.message == k.error);
  }
}

TEST_CASE("overlaps: the error points at the frame drawn on top") {
  const auto c =
      compose_text(design_with(kA + "      - {text: \"{headline}\", style: s, id: b, area: {top: "
                                    "20mm, height: 20mm}}\n"),
                   statement_with("Meet us on Saturday"));
  REQUIRE(c.diags.size() == 1);
  CHECK(c.diags.all()[0].where.line == 8);
}
