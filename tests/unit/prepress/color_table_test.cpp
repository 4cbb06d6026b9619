// color_table_test.cpp — design colours found again from the RGB cairo prints, collisions kept
// apart, spot names.
#include <doctest/doctest.h>

#include <set>

#include "prepress/color_table.hpp"
#include "prepress_fixture.hpp"

using namespace broadside;
using namespace broadside::prepress;
using namespace broadside::prepress::testing;

namespace {

core::Color cmyk(double c, double m, double y, double k, std::string spot = {}) {
  core::Color out = core::Color::from_cmyk({c, m, y, k});
  out.spot = std::move(spot);
  return out;
}

/// What the PDF holds after cairo prints a colour with six decimals and prepress reads it back.
core::Rgb as_printed(const core::Rgb& rgb) {
  return {std::stod(cairo_number(rgb.r)), std::stod(cairo_number(rgb.g)),
          std::stod(cairo_number(rgb.b))};
}

}  // namespace

TEST_CASE("color table: a CMYK colour is found again from the RGB cairo printed for it") {
  const core::Color red = cmyk(0, 1, 0.85, 0.12);
  const ColorTable table({red, core::Color::white()});
  const core::Color* found = table.find(as_printed(table.draw_rgb(red)));
  REQUIRE(found != nullptr);
  REQUIRE(found->cmyk.has_value());
  CHECK(*found->cmyk == core::Cmyk{0, 1, 0.85, 0.12});    // exact, no RGB round trip
  CHECK(key_of(table.draw_rgb(red)) == key_of(red.rgb));  // no collision: drawn as previewed
}

TEST_CASE("color table: RGB-only colours are not in it and keep their own RGB") {
  const core::Color ink = *core::parse_hex_color("#1A1A1A");
  const ColorTable table({ink, core::Color::black()});
  CHECK(table.empty());
  CHECK(table.draw_rgb(ink) == ink.rgb);
  CHECK(table.find(ink.rgb) == nullptr);
}

TEST_CASE("color table: colours sharing a preview RGB get distinct keys") {
  // Rich black, CMYK black and RGB black all preview as 0 0 0.
  const core::Color rich = cmyk(0.6, 0.4, 0.4, 1), k_only = cmyk(0, 0, 0, 1);
  const core::Color black = core::Color::black();
  const core::Color registration = cmyk(1, 1, 1, 1, "All");
  const ColorTable table({rich, black, k_only, registration});
  std::set<RgbKey> keys;
  for (const auto& c : {rich, black, k_only, registration}) keys.insert(key_of(table.draw_rgb(c)));
  CHECK(keys.size() == 4);
  CHECK(table.draw_rgb(black) == core::Rgb{0, 0, 0});  // the RGB-only colour never moves
  CHECK(table.find({0, 0, 0}) == nullptr);
  for (const auto& c : {rich, k_only, registration}) {
    const core::Color* found = table.find(as_printed(table.draw_rgb(c)));
    REQUIRE(found != nullptr);
    CHECK(*found->cmyk == *c.cmyk);
    CHECK(found->spot == c.spot);
    // The nudge is invisible: at most a few 1/65535 steps.
    CHECK(std::abs(table.draw_rgb(c).b - c.rgb.b) < 1e-4);
  }
}

TEST_CASE("color table: keys do not depend on the order colours were met") {
  const core::Color a = cmyk(0.6, 0.4, 0.4, 1), b = cmyk(0, 0, 0, 1), c = cmyk(0.3, 0.3, 0.3, 1);
  const ColorTable one({a, b, c}), two({c, b, a, b});
  for (const auto& color : {a, b, c}) CHECK(one.draw_rgb(color) == two.draw_rgb(color));
}

TEST_CASE("color table: spot colours are listed by name and found by name") {
  const core::Color pantone = cmyk(0, 0.95, 1, 0, "PANTONE 485 C");
  const ColorTable table({pantone, cmyk(1, 1, 1, 1, "All"), cmyk(0.5, 0, 0, 0)});
  CHECK(table.spot_names() == std::vector<std::string>{"All", "PANTONE 485 C"});
  REQUIRE(table.find_spot("PANTONE 485 C") != nullptr);
  CHECK(*table.find_spot("PANTONE 485 C")->cmyk == core::Cmyk{0, 0.95, 1, 0});
  CHECK(table.find_spot("PANTONE 286 C") == nullptr);
}

TEST_CASE("color table: a 16-bit key survives cairo's six printed decimals") {
  for (int v = 0; v <= 65535; v += 97) {
    const RgbKey key{static_cast<std::uint16_t>(v), 0, 65535};
    CHECK(key_of(as_printed(rgb_of(key))) == key);
  }
}
