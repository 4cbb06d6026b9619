// icc_test.cpp — the bundled profile, profile errors, K-only greys and the ink limit.
#include <doctest/doctest.h>

#include <filesystem>

#include "core/diagnostic.hpp"
#include "prepress/icc.hpp"
#include "prepress_fixture.hpp"

using namespace broadside;
using namespace broadside::prepress;
using namespace broadside::prepress::testing;

namespace {

double total_ink(const core::Cmyk& c) {
  return c.c + c.m + c.y + c.k;
}

/// What loading reports, one line per problem; "" when it loads.
std::string failure_of(const std::function<std::optional<IccProfile>(core::Diagnostics&)>& f) {
  core::Diagnostics diags;
  const bool loaded = f(diags).has_value();
  CHECK(loaded == !diags.has_errors());
  return diags.to_string();
}

}  // namespace

TEST_CASE("icc: the bundled profile is a CMYK printer profile built from FOGRA39 data") {
  const IccProfile& p = bundled_profile();
  CHECK(p.description.find("FOGRA39") != std::string::npos);
  CHECK(p.bytes.size() > 100000);
}

TEST_CASE("icc: a missing file, a non-profile and an RGB profile are refused clearly") {
  const core::Limits limits;
  CHECK(failure_of([&](core::Diagnostics& d) {
          return load_icc_profile("/nonexistent/press.icc", limits, d);
        }).find("/nonexistent/press.icc: error: cannot read the ICC profile (no such file)") == 0);
  CHECK(failure_of([](core::Diagnostics& d) {
          return parse_icc_profile("not a profile", "x.icc", d);
        }).find("x.icc: error: not an ICC profile") == 0);
  const std::filesystem::path srgb = "/usr/share/color/icc/sRGB.icc";
  REQUIRE(std::filesystem::exists(srgb));
  CHECK(failure_of([&](core::Diagnostics& d) {
          return load_icc_profile(srgb, limits, d);
        }).find("not a CMYK profile") != std::string::npos);
}

TEST_CASE("icc: black and greys become K only, matched in lightness") {
  const CmykConverter c(bundled_profile());
  CHECK(c.convert({0, 0, 0}) == core::Cmyk{0, 0, 0, 1});
  CHECK(c.convert({1, 1, 1}) == core::Cmyk{0, 0, 0, 0});
  double previous = 1.0;
  for (int step = 1; step < 10; ++step) {
    const double g = step / 10.0;
    const core::Cmyk k = c.convert({g, g, g});
    CHECK(k.c == 0);
    CHECK(k.m == 0);
    CHECK(k.y == 0);
    CHECK(k.k < previous);  // lighter grey, less K
    CHECK(k.k > 0);
    previous = k.k;
  }
  // 50% sRGB grey (L* 53) is not simply 50% K: the press's K-only black is L* 17 or so, and
  // its tone curve is not linear.
  CHECK(c.gray_to_k(0.5) > 0.45);
  CHECK(c.gray_to_k(0.5) < 0.7);
}

TEST_CASE("icc: colours go through the profile and stay within the 300% ink limit") {
  const CmykConverter c(bundled_profile());
  const core::Cmyk red = c.convert(core::parse_hex_color("#C8102E")->rgb);
  CHECK(red.m > 0.9);
  CHECK(red.c < 0.1);
  for (const core::Rgb rgb : {core::Rgb{0, 0, 0.5}, core::Rgb{0.1, 0, 0.05}, core::Rgb{0, 0.05, 0},
                              core::Rgb{0.2, 0.1, 0.3}, core::Rgb{1, 0, 0}})
    CHECK(total_ink(c.convert(rgb)) <= 3.0 + 1e-3);
}

TEST_CASE("icc: image pixels convert four bytes for three") {
  const CmykConverter c(bundled_profile());
  const std::string rgb{'\0', '\0', '\0', '\xFF', '\xFF', '\xFF'};
  const std::string cmyk = c.convert_pixels(rgb);
  REQUIRE(cmyk.size() == 8);
  CHECK(static_cast<unsigned char>(cmyk[4]) == 0);  // white: no ink
  CHECK(static_cast<unsigned char>(cmyk[7]) == 0);
  CHECK(static_cast<unsigned char>(cmyk[3]) > 200);  // black: heavy K
}
