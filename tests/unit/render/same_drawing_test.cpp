// same_drawing_test.cpp — a kept drawing matches only a composition that draws the same bytes.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <memory>

#include "render/pdf.hpp"
#include "render/same_drawing.hpp"

using namespace broadside;
using core::Pt;

namespace {

compose::Composition page_with_text() {
  compose::Composition c;
  const core::PageGeometry g{{core::from_mm(100), core::from_mm(50)}, core::from_mm(3), Pt{0}};
  compose::Page p{"front", g, {}};
  p.items.push_back(
      compose::Fill{g.bleed_rect(), core::Color::from_rgb(0.8, 0.1, 0.2), Pt{0}, false, true});
  auto line = std::make_shared<text::GlyphLine>();
  line->text = "Branch";
  line->runs.push_back({{}, {Pt{0}, Pt{0}}, {{1, Pt{0}, Pt{0}}, {2, Pt{5}, Pt{0}}}, "Br", {}});
  p.items.push_back(compose::TextLine{{Pt{10}, Pt{20}}, line, core::Color::black(), 1, {}});
  p.items.push_back(compose::Link{{Pt{1}, Pt{2}, Pt{3}, Pt{4}}, "https://example.org"});
  c.pages.push_back(p);
  c.metadata.title = "Title";
  return c;
}

compose::TextLine& text_line(compose::Composition& c) {
  return std::get<compose::TextLine>(c.pages[0].items[1]);
}

}  // namespace

TEST_CASE("a drawing is the same as a copy of what it kept, shared lines or equal ones") {
  const core::Options options;
  const auto kept = page_with_text();
  const render::Drawing drawing(kept, options);
  auto copy = page_with_text();  // its lines are new objects with the same values
  CHECK(drawing.is_same(kept, options));
  CHECK(drawing.is_same(copy, options));
}

TEST_CASE("any drawn difference makes another drawing") {
  const core::Options options;
  const render::Drawing drawing(page_with_text(), options);
  auto c = page_with_text();
  SUBCASE("a glyph") {
    auto line = std::make_shared<text::GlyphLine>(*text_line(c).glyphs);
    line->runs[0].glyphs[1].id = 3;
    text_line(c).glyphs = line;
  }
  SUBCASE("a glyph's position, even 0 against -0") {
    auto line = std::make_shared<text::GlyphLine>(*text_line(c).glyphs);
    line->runs[0].glyphs[0].x = Pt{-0.0};
    text_line(c).glyphs = line;
  }
  SUBCASE("a colour's alpha") {
    text_line(c).color.alpha = 0.5;
  }
  SUBCASE("a colour's CMYK") {
    text_line(c).color.cmyk = core::Cmyk{0, 0, 0, 1};
  }
  SUBCASE("a link") {
    std::get<compose::Link>(c.pages[0].items[2]).uri = "https://example.com";
  }
  SUBCASE("an item more") {
    c.pages[0].items.push_back(compose::Link{});
  }
  SUBCASE("the bleed") {
    c.pages[0].geometry.bleed = Pt{0};
  }
  SUBCASE("the title") {
    c.metadata.title = "Other";
  }
  SUBCASE("a page more") {
    c.pages.push_back(c.pages[0]);
  }
  CHECK_FALSE(drawing.is_same(c, options));
}

TEST_CASE("an image file changed on disk at the same path is another drawing") {
  const core::Options options;
  const auto dir = std::filesystem::temp_directory_path() / "broadside-same-drawing";
  std::filesystem::create_directories(dir);
  const auto file = dir / "logo.svg";
  const auto write_svg = [&](const char* fill) {
    std::ofstream(file, std::ios::binary)
        << "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><rect width='10' "
           "height='10' fill='"
        << fill << "'/></svg>";
  };
  write_svg("red");
  compose::Composition c = page_with_text();
  compose::Image image;
  image.rect = {Pt{0}, Pt{0}, Pt{10}, Pt{10}};
  image.file = file;
  image.pixel_width = image.pixel_height = 10;
  image.is_vector = true;
  c.pages[0].items.push_back(image);
  const render::Drawing drawing(c, options);
  CHECK(drawing.is_same(c, options));
  write_svg("blue");  // another size in bytes, so another file to the image cache
  CHECK_FALSE(drawing.is_same(c, options));
  std::filesystem::remove_all(dir);
}
