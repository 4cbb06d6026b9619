// images_test.cpp — images placed once, when composing: contain, cover and stretch with their
// focus point, from the size the measurer gives (the decoded size, EXIF orientation applied),
// and an image that cannot be read reported at its frame.
#include <fstream>

#include "compose/images.hpp"
#include "compose_fixture.hpp"

using namespace broadside;
using namespace broadside::testing;
using core::Pt;
using core::Rect;

namespace {

const Rect kFrame{Pt{10}, Pt{20}, Pt{100}, Pt{50}};

/// A folder holding a design's image files (empty: the fake measurer never reads them).
std::filesystem::path folder_with(const std::vector<std::string>& files) {
  const auto dir = std::filesystem::temp_directory_path() / "broadside-compose-images";
  std::filesystem::create_directories(dir);
  for (const auto& f : files) std::ofstream(dir / f) << "";
  return dir;
}

}  // namespace

TEST_CASE("images: contain shows the whole image, centred, at one scale") {
  const auto i = compose::fit_image(kFrame, {400, 400, false}, design::ImageFit::contain, {.5, .5});
  CHECK(i.scale_x == doctest::Approx(0.125));
  CHECK(i.scale_y == i.scale_x);
  // 50pt square in a 100 x 50 frame: 25pt of air each side.
  CHECK(i.origin.x.value == doctest::Approx(35));
  CHECK(i.origin.y.value == doctest::Approx(20));
  CHECK(i.rect == kFrame);
  CHECK((i.pixel_width == 400 && i.pixel_height == 400));
}

TEST_CASE("images: cover fills the frame and keeps the focus point in view") {
  // A portrait photo (after its EXIF turn) in a landscape frame: the width decides.
  const compose::ImageSize portrait{200, 300, false};
  const auto centred = compose::fit_image(kFrame, portrait, design::ImageFit::cover, {.5, .5});
  CHECK(centred.scale_x == doctest::Approx(0.5));
  CHECK(centred.scale_y == centred.scale_x);
  CHECK(centred.origin.x.value == doctest::Approx(10));
  CHECK(centred.origin.y.value == doctest::Approx(20 - 50));  // 150pt tall, 100 cut, half above
  const auto top = compose::fit_image(kFrame, portrait, design::ImageFit::cover, {.5, 0});
  CHECK(top.origin.y.value == doctest::Approx(20));
  const auto bottom = compose::fit_image(kFrame, portrait, design::ImageFit::cover, {.5, 1});
  CHECK(bottom.origin.y.value == doctest::Approx(20 - 100));
  // The same image before its EXIF turn would be placed otherwise: the size matters.
  const auto sideways =
      compose::fit_image(kFrame, {300, 200, false}, design::ImageFit::cover, {.5, .5});
  CHECK(sideways.scale_x != doctest::Approx(centred.scale_x));
}

TEST_CASE("images: stretch fills the frame exactly, each axis at its own scale") {
  const auto i = compose::fit_image(kFrame, {200, 100, true}, design::ImageFit::stretch, {0, 0});
  CHECK(i.scale_x == doctest::Approx(0.5));
  CHECK(i.scale_y == doctest::Approx(0.5));
  const auto tall = compose::fit_image(kFrame, {100, 100, true}, design::ImageFit::stretch, {0, 0});
  CHECK(tall.scale_x == doctest::Approx(1.0));
  CHECK(tall.scale_y == doctest::Approx(0.5));
  CHECK(tall.is_vector);
}

TEST_CASE("images: composing places each image from its measured size, once") {
  const char* design = R"(name: i
page: {size: A6, margins: 10mm}
styles: {s: {font: [Inter], size: 9pt}}
pages:
  - frames:
      - {id: photo, image: photo.jpg, fit: cover, focus: [0, 0.5], area: {top: 0, height: 40mm}}
      - {id: logo, image: logo.svg, area: {top: 50mm, height: 20mm}}
)";
  const auto dir = folder_with({"photo.jpg", "logo.svg"});
  const auto c = compose_text(design, statement_with("H"), {},
                              {{"photo.jpg", {80, 120, false}}, {"logo.svg", {200, 100, true}}},
                              dir / "test.yaml");
  REQUIRE_MESSAGE(!c.diags.has_errors(), c.errors());
  std::vector<compose::Image> images;
  for (const auto& item : c.composition.pages[0].items)
    if (const auto* i = std::get_if<compose::Image>(&item)) images.push_back(*i);
  REQUIRE(images.size() == 2);
  CHECK(images[0].file.filename() == "photo.jpg");
  CHECK(images[0].frame == "photo");
  CHECK(images[0].pixel_width == 80);
  CHECK(images[0].origin.x == images[0].rect.x);  // focus on the left edge
  CHECK(images[0].scale_x * 80 >= images[0].rect.width.value - 1e-9);
  CHECK(images[1].is_vector);
}

TEST_CASE("images: an image that cannot be read is an error at its frame, and is left out") {
  const char* design = R"(name: i
page: {size: A6, margins: 10mm}
styles: {s: {font: [Inter], size: 9pt}}
pages:
  - frames:
      - {id: photo, image: gone.jpg, area: {top: 0, height: 40mm}}
)";
  const auto dir = folder_with({"gone.jpg"});
  const auto c = compose_text(design, statement_with("H"), {}, {}, dir / "test.yaml");
  CHECK(c.errors().find("test.yaml:6:9: error: image 'gone.jpg' in frame 'photo': cannot read "
                        "the file") != std::string::npos);
  for (const auto& item : c.composition.pages.at(0).items)
    CHECK_FALSE(std::holds_alternative<compose::Image>(item));
}
