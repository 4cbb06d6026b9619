// render_test.cpp — drawing a hand-made composition: PDF pages and sizes, PNG size and
// resolution, deterministic bytes.
#include <doctest/doctest.h>

#include <cstring>

#include "render/pdf.hpp"
#include "render/png.hpp"

using namespace broadside;
using core::Pt;

namespace {

compose::Composition two_pages() {
  compose::Composition c;
  const core::PageGeometry g{{core::from_mm(100), core::from_mm(50)}, core::from_mm(3), Pt{0}};
  for (int i = 0; i < 2; ++i) {
    compose::Page p{"p", g, {}};
    p.items.push_back(
        compose::Fill{g.bleed_rect(), core::Color::from_rgb(0.8, 0.1, 0.2), Pt{0}, false, true});
    p.items.push_back(
        compose::Line{{Pt{10}, Pt{10}}, {Pt{100}, Pt{10}}, Pt{1}, core::Color::black()});
    c.pages.push_back(p);
  }
  c.metadata.title = "Title";
  return c;
}

uint32_t be32(const std::string& s, size_t at) {
  return (uint32_t(uint8_t(s[at])) << 24) | (uint32_t(uint8_t(s[at + 1])) << 16) |
         (uint32_t(uint8_t(s[at + 2])) << 8) | uint32_t(uint8_t(s[at + 3]));
}

}  // namespace

TEST_CASE("a PDF has one page per composed page, media = trim + bleed, and fixed bytes") {
  const core::Options options;
  const auto pdf = render::render_pdf(two_pages(), {"2020-02-17T00:00:00Z", "test"}, options);
  CHECK(pdf.rfind("%PDF-", 0) == 0);
  size_t pages = 0;
  for (size_t at = 0; (at = pdf.find("/Type /Page\n", at)) != std::string::npos; ++at) ++pages;
  for (size_t at = 0; (at = pdf.find("/Type /Page ", at)) != std::string::npos; ++at) ++pages;
  CHECK(pages == 2);
  CHECK(pdf.find("/MediaBox [ 0 0 300.472") != std::string::npos);  // 106 mm
  CHECK(pdf == render::render_pdf(two_pages(), {"2020-02-17T00:00:00Z", "test"}, options));
}

TEST_CASE("a PNG is the trimmed page at the chosen resolution, and says so") {
  const auto page = two_pages().pages[0];
  const core::Options options;
  core::Diagnostics diags;
  const auto rendered = render::render_png(page, {150, false}, options, diags);
  REQUIRE(rendered);
  const std::string& png = *rendered;
  REQUIRE(png.size() > 33);
  CHECK(png.compare(1, 3, "PNG") == 0);
  CHECK(be32(png, 16) == 591);  // 100 mm at 150 dpi
  CHECK(be32(png, 20) == 295);  // 50 mm
  const auto phys = png.find("pHYs");
  REQUIRE(phys != std::string::npos);
  CHECK(be32(png, phys + 4) == 5906);  // 150 dpi in pixels per metre
  const auto bleed = render::render_png(page, {150, true}, options, diags);
  REQUIRE(bleed);
  CHECK(be32(*bleed, 16) == 626);  // with 3 mm on each side
  CHECK(png == render::render_png(page, {150, false}, options, diags));
  CHECK(diags.empty());
  // Over the run's png-pixels limit: an error naming it, and no image.
  core::Options small;
  REQUIRE(small.limits.set("png-pixels=1000").empty());
  CHECK_FALSE(render::render_png(page, {150, false}, small, diags));
  CHECK(diags.to_string().find("the PNG would be 591 x 295 pixels, over the png-pixels limit of "
                               "1000 pixels") != std::string::npos);
}
