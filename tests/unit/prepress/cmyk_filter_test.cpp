// cmyk_filter_test.cpp — content streams rewritten operator by operator: exact design CMYK,
// K-only greys, overprint for black text and thin rules only, spot separations.
#include <doctest/doctest.h>

#include <regex>

#include "core/diagnostic.hpp"
#include "prepress/cmyk_filter.hpp"
#include "prepress_fixture.hpp"

using namespace broadside;
using namespace broadside::prepress;
using namespace broadside::prepress::testing;

namespace {

std::string rewrite(const std::string& content, const std::vector<core::Color>& colors = {},
                    StreamNeeds* needs_out = nullptr) {
  const InkMap inks = inks_for(colors);
  StreamNeeds needs;
  std::string out = rewrite_to_cmyk(content, inks, needs);
  if (needs_out) *needs_out = needs;
  return out;
}

/// The stream with runs of whitespace made single spaces, for readable comparisons.
std::string squeezed(const std::string& s) {
  return std::regex_replace(s, std::regex(R"(\s+)"), " ");
}

bool has_rgb_operator(const std::string& s) {
  return has_operator(s, "rg") || has_operator(s, "RG");
}

}  // namespace

TEST_CASE("cmyk filter: black text becomes 0 0 0 1 k and overprints") {
  StreamNeeds needs;
  const std::string out =
      rewrite("0 0 0 rg BT\n/f-0-0 1 Tf\n[(Hello)-12(world)]TJ\nET\n", {}, &needs);
  CHECK(squeezed(out) == " 0 0 0 1 k BT /f-0-0 1 Tf /BSop1 gs [(Hello)-12(world)]TJ ET ");
  CHECK(needs.overprint_states == std::set<int>{kOverprintFill});
  CHECK_FALSE(has_rgb_operator(out));
}

TEST_CASE("cmyk filter: the design's CMYK comes out exactly, whatever RGB it previewed as") {
  const core::Color red = core::Color::from_cmyk({0, 1, 0.85, 0.12});
  const ColorTable table({red});
  const std::string content = cairo_rgb(table.draw_rgb(red), "rg") + " 0 0 10 10 re f\n";
  const std::string out = rewrite(content, {red});
  CHECK(squeezed(out) == " 0 1 0.85 0.12 k 0 0 10 10 re f ");
}

TEST_CASE("cmyk filter: white and coloured text never overprint; black fills knock out") {
  StreamNeeds needs;
  const std::string out =
      rewrite("1 1 1 rg BT (white) Tj ET 0.5 0.2 0.1 rg BT (brown) Tj ET 0 0 0 rg 0 0 50 50 re f\n",
              {}, &needs);
  CHECK(squeezed(out).find(" 0 0 0 0 k BT (white) Tj ET") == 0);
  CHECK(out.find(" gs") == std::string::npos);
  CHECK(needs.overprint_states.empty());
  CHECK_FALSE(has_rgb_operator(out));
}

TEST_CASE("cmyk filter: thin black rules overprint, the gs goes before the path") {
  const std::string thin = rewrite("0 0 0 RG 0.5 w\n0 0 m 10 0 l S\n");
  CHECK(squeezed(thin) == " 0 0 0 1 K 0.5 w /BSop2 gs 0 0 m 10 0 l S ");
  const std::string thick = rewrite("0 0 0 RG 6 w\n0 0 m 10 0 l S\n");
  CHECK(thick.find(" gs") == std::string::npos);
}

TEST_CASE("cmyk filter: overprint follows q/Q, and is switched off for the next colour") {
  StreamNeeds needs;
  const std::string out = rewrite(
      "q 0 0 0 rg BT (a) Tj ET Q 0.2 0.4 0.9 rg BT (b) Tj ET 0 0 0 rg BT (c) Tj ET 1 0 0 rg BT "
      "(d) Tj ET\n",
      {}, &needs);
  const std::string s = squeezed(out);
  // After Q the graphics state (overprint off) is back: (b) needs no gs.
  CHECK(s.find("/BSop1 gs (a) Tj ET Q") != std::string::npos);
  CHECK(s.find("k BT (b) Tj") != std::string::npos);
  CHECK(s.find("/BSop1 gs (c) Tj") != std::string::npos);
  CHECK(s.find("/BSop0 gs (d) Tj") != std::string::npos);
  CHECK(needs.overprint_states == std::set<int>{0, kOverprintFill});
}

TEST_CASE("cmyk filter: greys written as rg or g become K only") {
  const std::string out = rewrite("0.4 0.4 0.4 rg 0 0 1 1 re f 0.4 G 0 0 m 1 1 l S\n");
  CHECK(std::regex_search(out, std::regex(R"(^\s*0 0 0 0\.\d+ k)")));
  CHECK(std::regex_search(out, std::regex(R"(\s0 0 0 0\.\d+ K\s)")));
  CHECK_FALSE(has_rgb_operator(out));
  CHECK_FALSE(has_operator(out, "G"));
}

TEST_CASE("cmyk filter: spot colours become their Separation, registration is /All") {
  core::Color pantone = core::Color::from_cmyk({0, 0.95, 1, 0});
  pantone.spot = "PANTONE 485 C";
  core::Color registration = core::Color::from_cmyk({1, 1, 1, 1});
  registration.spot = "All";
  const ColorTable table({pantone, registration});
  StreamNeeds needs;
  const std::string content = cairo_rgb(table.draw_rgb(pantone), "rg") + " 0 0 5 5 re f " +
                              cairo_rgb(table.draw_rgb(registration), "RG") + " 0 0 m 5 5 l S\n";
  const std::string out = rewrite(content, {pantone, registration}, &needs);
  // Spots are numbered in name order: All = 0, PANTONE 485 C = 1.
  CHECK(squeezed(out) == " /BSsep1 cs 1 scn 0 0 5 5 re f /BSsep0 CS 1 SCN 0 0 m 5 5 l S ");
  CHECK(needs.spots == std::set<size_t>{0, 1});
}

TEST_CASE("cmyk filter: DeviceRGB set with cs/scn is converted too") {
  const std::string out = rewrite("/DeviceRGB cs 0 0 0 scn 0 0 1 1 re f\n");
  CHECK(squeezed(out) == " 0 0 0 1 k 0 0 0 1 k 0 0 1 1 re f ");
  CHECK(out.find("DeviceRGB") == std::string::npos);
}

TEST_CASE("cmyk filter: what is not colour passes through untouched") {
  const std::string content =
      "q 1 0 0 -1 0 612 cm /a0 gs BT 9 0 0 -9 40 70 Tm /f-0-0 1 Tf [(S)12(t)]TJ ET /x5 Do Q\n";
  CHECK(rewrite(content) == content);
}

TEST_CASE("cmyk filter: a path left unpainted at the end of a stream is kept") {
  CHECK(rewrite("q 0 0 m 10 10 l") == "q 0 0 m 10 10 l");
}

TEST_CASE("cmyk filter: a grey inline image passes through byte for byte") {
  const std::string content = std::string("q BI /W 2 /H 1 /CS /G /BPC 8 ID \x80 EI Q\n");
  CHECK(rewrite(content) == content);
}

TEST_CASE("cmyk filter: an inline RGB image is refused, not left RGB") {
  CHECK_THROWS_AS(rewrite("BI /W 1 /H 1 /CS /RGB /BPC 8 ID \x01\x02\x03 EI\n"), core::Failure);
}

TEST_CASE("cmyk filter: numbers are written without locale or trailing zeros") {
  CHECK(pdf_number(0.85) == "0.85");
  CHECK(pdf_number(1) == "1");
  CHECK(pdf_number(0) == "0");
  CHECK(pdf_number(-0.0000001) == "0");
  CHECK(pdf_number(0.123456789) == "0.123457");
}
