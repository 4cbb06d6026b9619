// images_test.cpp — images in designs end to end: SVG as vectors, PNG and JPEG photos with fit
// and focus, resolution warnings and errors in `check`, corrupt images named, SVGs that may not
// reach other files or the network, and QR codes with a per-row URL read back with zbarimg.
#include <array>
#include <fstream>
#include <sstream>

#include "cli_support.hpp"
#include "support/png_compare.hpp"

using namespace broadside::testing;
namespace fs = std::filesystem;

namespace {

fs::path asset(const char* name) {
  return source_dir() / "tests" / "fuzz" / "assets" / name;
}

const char* kStatement = "---\nlang: en\nheadline: Images\n---\nBody.\n";

/// A design with one page of the given frames, in a folder with the test images.
fs::path design_with(const fs::path& dir, const std::string& frames,
                     const std::string& extra = "") {
  fs::copy_file(asset("photo.jpg"), dir / "photo.jpg", fs::copy_options::overwrite_existing);
  fs::copy_file(asset("logo.svg"), dir / "logo.svg", fs::copy_options::overwrite_existing);
  write_file(dir / "statement.md", kStatement);
  write_file(dir / "d.yaml", "name: images\npage: {size: A6, bleed: 3mm, margins: 8mm}\n" + extra +
                                 "styles: {s: {font: [Inter], size: 9pt}}\npages:\n  - frames:\n" +
                                 frames);
  return dir / "d.yaml";
}

/// A photo whose left half is red and right half blue.
void save_halves(const fs::path& file, int width, int height) {
  Image img{width, height, {}};
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      img.rgb.insert(img.rgb.end(),
                     {uint8_t(x < width / 2 ? 220 : 20), 20, uint8_t(x < width / 2 ? 20 : 220)});
  save_png(file, img);
}

/// The pixel at (x, y) mm of the trim, in a PNG rendered at `dpi`.
std::array<int, 3> pixel_at(const Image& png, double x_mm, double y_mm, int dpi) {
  const int x = static_cast<int>(x_mm / 25.4 * dpi), y = static_cast<int>(y_mm / 25.4 * dpi);
  const size_t at = (static_cast<size_t>(y) * png.width + x) * 3;
  return {png.rgb[at], png.rgb[at + 1], png.rgb[at + 2]};
}

/// photo.jpg (120 x 80) with an EXIF orientation of 6: drawn upright it is 80 x 120.
void save_turned_photo(const fs::path& file) {
  const std::string jpeg = read_bytes(asset("photo.jpg"));
  const std::string exif(
      "\xff\xe1\0\x22"
      "Exif\0\0MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x06\0\0\0\0\0\0",
      36);
  write_file(file, jpeg.substr(0, 2) + exif + jpeg.substr(2));
}

bool is_red(const std::array<int, 3>& p) {
  return p[0] > 150 && p[2] < 80;
}
bool is_blue(const std::array<int, 3>& p) {
  return p[2] > 150 && p[0] < 80;
}

}  // namespace

TEST_CASE("images: SVG stays vector, PNG and JPEG are embedded, each where its frame is") {
  const fs::path dir = scratch_dir("images-kinds");
  save_halves(dir / "halves.png", 1600, 400);
  const fs::path d = design_with(
      dir, R"(      - {image: logo.svg, area: {top: 8mm, height: 20mm, left: 8mm, right: 8mm}}
      - {image: photo.jpg, fit: cover, area: {top: 25mm, height: 10mm, left: 8mm, width: 15mm}}
      - {image: halves.png, fit: contain, area: {top: 40mm, height: 20mm, left: 8mm, right: 8mm}}
)");
  const auto r = run_broadside({"render", d.string(), (dir / "statement.md").string(), "-o",
                                (dir / "out" / "x.pdf").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // Two raster images (the JPEG, the PNG); the SVG's shapes and gradient are vectors.
  const auto list = run({"pdfimages", "-list", (dir / "out" / "x.pdf").string()});
  size_t images = 0;
  std::istringstream lines(list.out);
  for (std::string line; std::getline(lines, line);)
    images += line.find(" image ") != std::string::npos ? 1 : 0;
  CHECK(images == 2);
  CHECK(list.out.find("1600   400") != std::string::npos);
  CHECK(list.out.find("120    80") != std::string::npos);
}

TEST_CASE("images: cover keeps the focus point in view; contain centres by default") {
  const fs::path dir = scratch_dir("images-focus");
  save_halves(dir / "halves.png", 1600, 400);
  // Three tall frames: each shows a quarter of the wide photo's width.
  const fs::path d = design_with(
      dir,
      R"(      - {image: halves.png, fit: cover, focus: [0, 0.5], area: {top: 10mm, left: 5mm, width: 20mm, height: 40mm}}
      - {image: halves.png, fit: cover, focus: [1, 0.5], area: {top: 10mm, left: 40mm, width: 20mm, height: 40mm}}
      - {image: halves.png, fit: cover, area: {top: 10mm, left: 75mm, width: 20mm, height: 40mm}}
)");
  const auto r = run_broadside({"render", d.string(), (dir / "statement.md").string(), "-o",
                                (dir / "out" / "x.png").string(), "--dpi", "150"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto png = load_png(dir / "out" / "x.png");
  REQUIRE(png);
  CHECK(is_red(pixel_at(*png, 15, 30, 150)));   // focus on the left: the red half
  CHECK(is_blue(pixel_at(*png, 50, 30, 150)));  // focus on the right: the blue half
  CHECK(is_red(pixel_at(*png, 80, 30, 150)));   // centred: red left of the middle,
  CHECK(is_blue(pixel_at(*png, 90, 30, 150)));  // blue right of it
}

TEST_CASE("images: check warns under 300 ppi, fails under 150, naming the image and frame") {
  const fs::path dir = scratch_dir("images-ppi");
  // photo.jpg is 120 x 80 pixels: 15 mm wide is 203 ppi, 30 mm wide 101 ppi. Inside the safe
  // zone: check preflights what render would, and an image at the trim fails it.
  const fs::path sharp =
      design_with(dir,
                  "      - {id: photo, image: photo.jpg, area: {top: 8mm, left: 8mm, width: 15mm, "
                  "height: 10mm}}\n");
  auto r = run_broadside({"check", sharp.string(), (dir / "statement.md").string()});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("d.yaml:6:9: warning: image 'photo.jpg' in frame 'photo': 203 ppi where it is "
                   "printed (120 x 80 pixels); 300 ppi print sharply") != std::string::npos);
  const fs::path soft = design_with(
      dir, "      - {id: photo, image: photo.jpg, area: {top: 0, width: 30mm, height: 20mm}}\n");
  r = run_broadside({"check", soft.string(), (dir / "statement.md").string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("error: image 'photo.jpg' in frame 'photo': only 101 ppi where it is printed") !=
        std::string::npos);
  // A screen image (PNG only) needs its own dpi, not print's 300.
  const fs::path screen =
      design_with(dir, "      - {id: photo, image: photo.jpg, area: {top: 0, width: 15mm}}\n",
                  "output: {formats: [png], dpi: 150}\n");
  r = run_broadside({"check", screen.string(), (dir / "statement.md").string()});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
}

TEST_CASE("images: a corrupt image fails the job, naming the file and the frame; nothing written") {
  const fs::path dir = scratch_dir("images-corrupt");
  fs::copy_file(asset("truncated.jpg"), dir / "truncated.jpg");
  const fs::path d =
      design_with(dir, "      - {id: hero, image: truncated.jpg, area: {top: 0, height: 20mm}}\n");
  const auto r =
      run_broadside({"render", d.string(), (dir / "statement.md").string(), "-o",
                     (dir / "out" / "x.pdf").string(), "-o", (dir / "out" / "x.png").string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("d.yaml:6:9: error: image 'truncated.jpg' in frame 'hero': cannot be used as "
                   "an image: a truncated JPEG") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "out"));
}

TEST_CASE("images: an SVG cannot make broadside read /etc/passwd or fetch a URL") {
  const fs::path dir = scratch_dir("images-svg-escape");
  write_file(
      dir / "evil.svg",
      R"(<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">
  <image href="/etc/passwd" width="10" height="10"/>
  <image xlink:href="http://127.0.0.1:9/track.png" width="10" height="10"/>
  <image xlink:href="../../../../etc/hostname" width="10" height="10"/>
</svg>)");
  const fs::path d = design_with(dir, "      - {image: evil.svg, area: {top: 0, height: 20mm}}\n");
  const auto r = run_broadside({"render", d.string(), (dir / "statement.md").string(), "-o",
                                (dir / "out" / "x.pdf").string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("the SVG refers to '/etc/passwd', 'http://127.0.0.1:9/track.png', "
                   "'../../../../etc/hostname', which broadside does not load") !=
        std::string::npos);
  CHECK_FALSE(fs::exists(dir / "out"));
  // Nor can the design itself name a file outside its folder, unless --allow-path allows it.
  fs::create_directories(dir / "shared");
  fs::copy_file(asset("logo.svg"), dir / "shared" / "logo.svg");
  fs::create_directories(dir / "designs");
  write_file(dir / "designs" / "d.yaml",
             "name: x\npage: {size: A6}\nstyles: {s: {font: [Inter], size: 9pt}}\n"
             "pages: [{frames: [{image: ../shared/logo.svg, area: {top: 10mm, left: 10mm, width: "
             "30mm, height: 20mm}}]}]\n");  // in the safe zone: check preflights as render does
  const std::vector<std::string> args = {"check", (dir / "designs" / "d.yaml").string(),
                                         (dir / "statement.md").string()};
  auto refused = run_broadside(args);
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("is outside the design's folder") != std::string::npos);
  auto allowed = args;
  allowed.insert(allowed.end(), {"--allow-path", (dir / "shared").string()});
  CHECK(run_broadside(allowed).exit_code == 0);
}

TEST_CASE("QR: a per-row URL decodes from each row's PNG with zbarimg") {
  const fs::path dir = scratch_dir("qr-rows");
  write_file(dir / "statement.md", kStatement);
  write_file(dir / "qr.yaml", R"(name: qr-rows
page: {size: A6, margins: 10mm}
styles: {s: {font: [Inter], size: 10pt}}
pages:
  - frames:
      - {qr: "https://socialism2020.org/?ref={branch.id}", area: {top: 10mm, left: 10mm, width: 50mm, height: 50mm}}
      - {text: "{branch.name}", style: s, area: {top: 70mm, height: 10mm}}
)");
  write_file(
      dir / "rows.csv",
      "branch.id,branch.name\ndet-01,Detroit\noak%20east,Oakland & East Bay\nny&x=1,New York\n");
  const auto r =
      run_broadside({"render", (dir / "qr.yaml").string(), (dir / "statement.md").string(),
                     "--data", (dir / "rows.csv").string(), "-o",
                     (dir / "out" / "{branch.name}.png").string(), "--dpi", "150"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"Detroit", "det-01"}, {"Oakland & East Bay", "oak%20east"}, {"New York", "ny&x=1"}};
  for (const auto& row : rows) {
    // Plain references, not structured bindings: INFO captures them in a lambda (clang 14).
    const std::string& name = row.first;
    const std::string& id = row.second;
    INFO(name);
    const auto z = run({"zbarimg", "--raw", "-q", (dir / "out" / (name + ".png")).string()});
    CHECK(z.exit_code == 0);
    CHECK(z.out == "https://socialism2020.org/?ref=" + id + "\n");
  }
}

TEST_CASE("images: a photo turned by its EXIF orientation is placed and checked upright") {
  const fs::path dir = scratch_dir("images-exif");
  save_turned_photo(dir / "turned.jpg");
  // 80 pixels across 6 mm is 338 ppi, covering a 6 x 9 mm frame exactly. Read sideways from its
  // header (120 x 80), cover would scale it by the height: 226 ppi, a false warning.
  const fs::path d = design_with(
      dir,
      "      - {id: photo, image: turned.jpg, fit: cover, area: {top: 10mm, left: 10mm, "
      "width: 6mm, height: 9mm}}\n");
  auto r = run_broadside({"render", d.string(), (dir / "statement.md").string(), "-o",
                          (dir / "out" / "x.pdf").string()});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("ppi") == std::string::npos);
  // Preflight of the file with its design lays it out again: the same placement.
  r = run_broadside({"preflight", (dir / "out" / "x.pdf").string(), "--design", d.string(),
                     "--content", (dir / "statement.md").string()});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("226") == std::string::npos);
  // Too large a frame names the upright size.
  const fs::path big = design_with(
      dir, "      - {id: photo, image: turned.jpg, area: {top: 0, width: 20mm, height: 30mm}}\n");
  r = run_broadside({"check", big.string(), (dir / "statement.md").string()});
  CHECK(r.err.find("image 'turned.jpg' in frame 'photo': only 101 ppi where it is printed (80 x "
                   "120 pixels)") != std::string::npos);
}
