// image_formats_test.cpp — image formats sniffed from bytes, sizes from headers, truncation, what
// an SVG would load, and the decoded (EXIF-turned) sizes composing places images by.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "render/image_formats.hpp"
#include "render/image_source.hpp"
#include "support/test_options.hpp"

using namespace broadside::render;
namespace fs = std::filesystem;

namespace {

std::string asset(const char* name) {
  std::ifstream in(fs::path(BROADSIDE_SOURCE_DIR) / "tests" / "fuzz" / "assets" / name,
                   std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("PNG and JPEG sizes come from their headers, whatever the file is called") {
  const ImageHeader png = read_image_header(asset("tiny.png"));
  CHECK(png.kind == ImageKind::png);
  CHECK(png.problem.empty());
  CHECK((png.width == 16 && png.height == 16));
  const ImageHeader jpeg = read_image_header(asset("photo.jpg"));
  CHECK(jpeg.kind == ImageKind::jpeg);
  CHECK(jpeg.problem.empty());
  CHECK((jpeg.width == 120 && jpeg.height == 80));
  CHECK(read_image_header(asset("logo.svg")).kind == ImageKind::svg);
}

TEST_CASE("truncated, broken and foreign files are named as such") {
  CHECK(read_image_header(asset("truncated.jpg")).problem ==
        "a truncated JPEG: its end-of-image marker is missing");
  const std::string png = asset("tiny.png");
  CHECK(read_image_header(png.substr(0, png.size() - 12)).problem ==
        "a truncated PNG: its end is missing");
  CHECK(read_image_header(png.substr(0, 20)).problem == "a broken PNG: it has no header chunk");
  CHECK(read_image_header("\xFF\xD8\xFF\xE0").problem.find("a broken or truncated JPEG") == 0);
  CHECK(read_image_header("GIF89a").problem == "not a PNG, JPEG or SVG file");
  CHECK(read_image_header("").problem == "not a PNG, JPEG or SVG file");
  CHECK(read_image_header("\x1F\x8B\x08").problem.find("svgz") != std::string::npos);
}

TEST_CASE("an SVG's external references are found; fragments, data: URLs and links are not") {
  const SvgReferences refs = scan_svg(R"svg(<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
  <style>@import url(theme.css); .a { fill: url(#g) }</style>
  <use xlink:href="#shape"/>
  <image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>
  <image xlink:href = 'file:///etc/passwd'/>
  <rect style="fill:url('other.svg#p')"/>
  <a href="https://socialism2020.org"><text>Join</text></a>
  <feImage href="http://example.org/x.png"/>
</svg>)svg");
  CHECK(refs.has_text);
  REQUIRE(refs.external.size() == 5);
  CHECK(refs.external[0] == "theme.css");
  CHECK(refs.external[1] == "'other.svg#p'");
  CHECK(refs.external[2] == "@import");
  CHECK(refs.external[3] == "file:///etc/passwd");
  CHECK(refs.external[4] == "http://example.org/x.png");
  CHECK(scan_svg(asset("logo.svg")).external.empty());
}

TEST_CASE("images load by content; a corrupt one is an error naming the file") {
  const fs::path dir = fs::path(BROADSIDE_SOURCE_DIR) / "tests" / "fuzz" / "assets";
  const broadside::core::Limits limits;
  const auto photo = load_image(dir / "photo.jpg", limits);
  CHECK(photo->kind() == ImageKind::jpeg);
  CHECK((photo->width() == 120 && photo->height() == 80));
  const auto logo = load_image(dir / "logo.svg", limits);
  CHECK((logo->width() == 200 && logo->height() == 100));
  CHECK_THROWS_WITH(load_image(dir / "corrupt.png", limits), doctest::Contains("corrupt.png"));
  CHECK_THROWS_WITH(load_image(dir / "truncated.jpg", limits), doctest::Contains("truncated JPEG"));
  // The run's own limits: a smaller image-pixels limit refuses the photo, naming the limit.
  broadside::core::Limits small;
  REQUIRE(small.set("image-pixels=9000").empty());
  CHECK_THROWS_WITH(load_image(dir / "photo.jpg", small),
                    doctest::Contains("over the image-pixels limit of 9000 pixels"));
}

TEST_CASE("a JPEG turned by its EXIF orientation measures upright for composing") {
  const fs::path dir = fs::path(BROADSIDE_SOURCE_DIR) / "tests" / "fuzz" / "assets";
  const std::string jpeg = asset("photo.jpg");
  // An APP1 Exif segment right after the start of image: one tag, Orientation = 6 (the camera
  // was turned a quarter clockwise).
  const std::string exif(
      "Exif\0\0MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x06\0\0\0\0\0\0", 32);
  const std::string app1 = std::string("\xff\xe1\0\x22", 4) + exif;
  const fs::path rotated = fs::temp_directory_path() / "broadside-render-rotated.jpg";
  std::ofstream(rotated, std::ios::binary) << jpeg.substr(0, 2) + app1 + jpeg.substr(2);
  // The header says 120 x 80; drawn upright it is 80 x 120, and that is what composing gets.
  CHECK(read_image_header(jpeg.substr(0, 2) + app1 + jpeg.substr(2)).width == 120);
  ImageSizes sizes(::kOptions.limits);
  const broadside::compose::ImageSize size = sizes.measure(rotated);
  CHECK(size.width == 80);
  CHECK(size.height == 120);
  CHECK_FALSE(size.is_vector);
  CHECK(sizes.measure(dir / "logo.svg").is_vector);
  CHECK_THROWS_WITH(sizes.measure(dir / "corrupt.png"), doctest::Contains("corrupt.png"));
}
