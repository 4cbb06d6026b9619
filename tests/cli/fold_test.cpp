// fold_test.cpp — folded formats end to end: the bundled trifolds put each panel's content in its
// panel on the right side of the sheet, the statement flows over the inside, fold marks sit in
// the slug, and text across a fold is a warning (and a preflight failure).
#include <array>
#include <fstream>
#include <set>
#include <sstream>

#include "cli_support.hpp"
#include "support/png_compare.hpp"

using namespace broadside::testing;
namespace fs = std::filesystem;

namespace {

constexpr double kPtPerMm = 72.0 / 25.4;

/// Text in a vertical strip of a page, `from` to `to` mm from the trim's left edge (the PDF's
/// media is the trim plus `bleed` mm).
std::string strip_text(const fs::path& pdf, int page, double from, double to, double bleed,
                       double height_mm) {
  // Lines joined by single spaces: a phrase is found whichever way the panel broke it.
  std::istringstream words(pdf_text(pdf, page, page,
                                    Crop{(from + bleed) * kPtPerMm, 0, (to - from) * kPtPerMm,
                                         (height_mm + 2 * bleed) * kPtPerMm}));
  std::string text;
  for (std::string word; words >> word;) text += (text.empty() ? "" : " ") + word;
  return text;
}

/// The colour of the pixel at (x, y) mm from the media's top-left, at `dpi`.
std::array<int, 3> pixel(const Image& image, double x_mm, double y_mm, int dpi = 72) {
  const int x = static_cast<int>(x_mm / 25.4 * dpi), y = static_cast<int>(y_mm / 25.4 * dpi);
  const size_t at = (static_cast<size_t>(y) * image.width + x) * 3;
  return {image.rgb[at], image.rgb[at + 1], image.rgb[at + 2]};
}

/// The darkest red channel within a pixel either side of (x, y): where a hairline falls.
int darkest(const Image& image, double x_mm, double y_mm, int dpi) {
  int least = 255;
  for (double dx : {-25.4 / dpi, 0.0, 25.4 / dpi})
    least = std::min(least, pixel(image, x_mm + dx, y_mm, dpi)[0]);
  return least;
}

bool is_red(const std::array<int, 3>& c) {
  return c[0] > 180 && c[1] < 60 && c[2] < 90;
}
bool is_rose(const std::array<int, 3>& c) {
  return c[0] > 230 && c[1] > 190 && c[2] > 190 && c[1] < 230;
}

Image render_page(const fs::path& pdf, int page, const std::string& prefix, int dpi = 72) {
  run({"pdftoppm", "-r", std::to_string(dpi), "-f", std::to_string(page), "-l",
       std::to_string(page), "-png", "-singlefile", pdf.string(), prefix});
  auto image = load_png(prefix + ".png");
  REQUIRE(image);
  return *image;
}

}  // namespace

TEST_CASE("fold: trifold-a4 prints the outside and the inside of a 297 x 210 mm sheet") {
  const fs::path dir = scratch_dir("fold-a4");
  const fs::path pdf = dir / "trifold.pdf";
  const auto r =
      run_broadside({"render", "trifold-a4", statement("statement.en.md"), "-o", pdf.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err == "");
  const auto info = pdf_info(pdf, {"-box"});
  CHECK(info.at("Pages") == "2");
  const auto trim = numbers_in(info.at("TrimBox"));
  REQUIRE(trim.size() == 4);
  CHECK(std::abs((trim[2] - trim[0]) / kPtPerMm - 297) < 0.01);
  CHECK(std::abs((trim[3] - trim[1]) / kPtPerMm - 210) < 0.01);

  // Outside, left to right: flap (0-97 mm), back (97-197 mm), cover (197-297 mm).
  const std::string flap = strip_text(pdf, 1, 0, 97, 3, 210);
  const std::string back = strip_text(pdf, 1, 97, 197, 3, 210);
  const std::string cover = strip_text(pdf, 1, 197, 297, 3, 210);
  CHECK(flap.find("WE DEMAND") != std::string::npos);
  CHECK(flap.find("End all deportations") != std::string::npos);
  CHECK(back.find("Join and support") != std::string::npos);
  CHECK(back.find("socialism2020.org") != std::string::npos);
  CHECK(cover.find("Stop all anti") != std::string::npos);
  CHECK(cover.find("Norissa Santa Cruz") != std::string::npos);
  CHECK(cover.find("End all deportations") == std::string::npos);

  // Inside: the statement starts on panel 1 (0-100 mm) and ends on panel 3 (200-297 mm).
  const std::string first = strip_text(pdf, 2, 0, 100, 3, 210);
  const std::string third = strip_text(pdf, 2, 200, 297, 3, 210);
  CHECK(first.find("THE STATEMENT") != std::string::npos);
  CHECK(first.find("As the Socialist Equality Party") != std::string::npos);
  CHECK(third.find("sign up today") != std::string::npos);
}

TEST_CASE("fold: the inside holds every word of the statement, none dropped") {
  const fs::path dir = scratch_dir("fold-words");
  for (const char* design : {"trifold-a4", "trifold-letter"}) {
    INFO(design);
    const fs::path pdf = dir / (std::string(design) + ".pdf");
    REQUIRE(run_broadside({"render", design, statement("statement.en.md"), "-o", pdf.string()})
                .exit_code == 0);
    // A line may break after a dash: compare the words between dashes.
    auto split_dashes = [](std::vector<std::string> words) {
      std::string joined;
      for (const auto& w : words) joined += w + " ";
      joined = std::regex_replace(joined, std::regex("\u2014"), " ");
      return words_of(joined);
    };
    CHECK(missing_words(split_dashes(body_words(statement("statement.en.md"))),
                        split_dashes(words_of(pdf_text(pdf, 2, 2)))) == "");
  }
}

TEST_CASE("fold: the flap is the short panel, and a right-to-left trifold folds the other way") {
  const fs::path dir = scratch_dir("fold-panels");
  for (const char* lang : {"en", "ar"}) {
    INFO(lang);
    const fs::path pdf = dir / (std::string(lang) + ".pdf");
    REQUIRE(run_broadside({"render", "trifold-a4",
                           statement((std::string("statement.") + lang + ".md").c_str()), "-o",
                           pdf.string()})
                .exit_code == 0);
    const Image outside = render_page(pdf, 1, (dir / lang).string());
    // The rose flap is 97 mm wide: it meets the red back at the fold, 97 mm from the left
    // (from the right when the sheet folds the other way). The media starts 3 mm into the bleed.
    const bool rtl = std::string(lang) == "ar";
    const double fold = rtl ? 297 - 97 : 97;
    CHECK(is_rose(pixel(outside, 3 + fold + (rtl ? 1.5 : -1.5), 5)));
    CHECK(is_red(pixel(outside, 3 + fold + (rtl ? -1.5 : 1.5), 5)));
    CHECK(is_red(pixel(outside, 3 + (rtl ? 50 : 250), 5)));  // the cover
  }
}

TEST_CASE("fold: trifold-letter has panels of 3.6875, 3.6875 and 3.625 inches") {
  const fs::path dir = scratch_dir("fold-letter");
  const fs::path pdf = dir / "letter.pdf";
  REQUIRE(
      run_broadside({"render", "trifold-letter", statement("statement.en.md"), "-o", pdf.string()})
          .exit_code == 0);
  const Image outside = render_page(pdf, 1, (dir / "p").string());
  const double bleed = 3.175, fold = 3.625 * 25.4;  // the flap, 3.625 in from the left
  CHECK(is_rose(pixel(outside, bleed + fold - 1.5, 5)));
  CHECK(is_red(pixel(outside, bleed + fold + 1.5, 5)));
}

TEST_CASE("fold: fold marks in the slug at each fold, only with marks") {
  const fs::path dir = scratch_dir("fold-marks");
  const fs::path marked = dir / "marked.pdf", plain = dir / "plain.pdf";
  REQUIRE(run_broadside({"render", "trifold-a4", statement("statement.en.md"), "-o",
                         marked.string(), "--marks", "crop"})
              .exit_code == 0);
  REQUIRE(
      run_broadside({"render", "trifold-a4", statement("statement.en.md"), "-o", plain.string()})
          .exit_code == 0);
  // Media = trim + 3 mm bleed + 10 mm slug; the outside folds at 97 and 197 mm, the inside at
  // 100 and 200 mm. A mark runs from 2pt beyond the bleed outward, dashed 3pt on, 2pt off.
  const double edge = 13;
  for (int page : {1, 2}) {
    INFO("page " << page);
    const Image image =
        render_page(marked, page, (dir / ("m" + std::to_string(page))).string(), 300);
    for (double fold : page == 1 ? std::vector<double>{97, 197} : std::vector<double>{100, 200}) {
      CHECK(darkest(image, edge + fold, edge - 3 - 1.2, 300) < 128);        // above the sheet
      CHECK(darkest(image, edge + fold, edge + 210 + 3 + 1.2, 300) < 128);  // and below it
      CHECK(darkest(image, edge + fold + 6, edge - 3 - 1.2, 300) > 240);    // paper beside it
      CHECK(darkest(image, edge + fold, edge - 3 - 0.3, 300) > 240);        // air at the bleed
    }
  }
  const auto info = pdf_info(plain, {"-box"});
  CHECK(info.at("MediaBox") == info.at("BleedBox"));  // no slug, no marks
}

TEST_CASE("fold: text across a fold is a warning from layout and an error from preflight") {
  const fs::path dir = scratch_dir("fold-crossing");
  std::ofstream(dir / "cross.yaml") << R"(name: cross
page: {size: A4, orientation: landscape, fold: bifold, margins: 10mm}
styles:
  big: {font: [Inter], size: 14pt}
pages:
  - frames:
      - {text: "{headline}", style: big, id: across, area: {top: 20mm, height: 60mm}}
)";
  const fs::path pdf = dir / "cross.pdf";
  const auto r = run_broadside(
      {"render", (dir / "cross.yaml").string(), statement("statement.en.md"), "-o", pdf.string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("cross.yaml:7:9: warning: frame 'across': text \u201CStop all") !=
        std::string::npos);
  CHECK(r.err.find("crosses the fold at 148.5mm on page 1") != std::string::npos);
  CHECK(r.err.find("error: preflight: page 1, text \u201CStop all") != std::string::npos);
  CHECK(r.err.find("[folds]") != std::string::npos);
  CHECK_FALSE(fs::exists(pdf));
  const auto written =
      run_broadside({"render", (dir / "cross.yaml").string(), statement("statement.en.md"), "-o",
                     pdf.string(), "--no-preflight"});
  CHECK(written.exit_code == 0);
  CHECK(written.err.find("warning: frame 'across'") != std::string::npos);
  CHECK(fs::exists(pdf));
}

TEST_CASE("fold: the bundled trifolds are listed") {
  const auto r = run_broadside({"designs"});
  CHECK(r.out.find("trifold-a4     297 x 210 mm") != std::string::npos);
  CHECK(r.out.find("trifold-letter 279 x 216 mm") != std::string::npos);
}

TEST_CASE("fold: without demands the flap carries on the statement, and no panel is left empty") {
  const fs::path dir = scratch_dir("fold-no-demands");
  const std::string full = read_bytes(source_dir() / "content" / "statement.en.md");
  const fs::path file = dir / "statement.en.md";
  write_file(file, std::regex_replace(full, std::regex(R"(demands:\n(  - [^\n]*\n)+)"), ""));
  // The body as one line of words, to find where a panel's text stands in it.
  const std::string body =
      std::regex_replace(std::regex_replace(full.substr(full.find("\n---\n") + 5),
                                            std::regex(R"(\[([^\]]*)\]\([^)]*\))"), "$1"),
                         std::regex(R"(\s+)"), " ");
  struct Trifold {
    const char* design;
    double bleed;                 // mm
    std::array<double, 4> edges;  // panel edges from the trim's left, mm
    double height;
  };
  for (const Trifold& t : {Trifold{"trifold-a4", 3, {0, 100, 200, 297}, 210},
                           Trifold{"trifold-letter", 3.175, {0, 93.6625, 187.325, 279.4}, 215.9}}) {
    const std::string design = t.design;
    CAPTURE(design);
    const fs::path pdf = dir / (design + ".pdf");
    const auto r = run_broadside({"render", t.design, file.string(), "-o", pdf.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const double width = t.edges[3];
    // Reading order: the first inside panel, the flap beside it once the cover is open (the
    // outside's left panel, flap_from..width), then the two panels it uncovers.
    const std::vector<std::string> panels = {
        strip_text(pdf, 2, t.edges[0], t.edges[1], t.bleed, t.height),
        strip_text(pdf, 1, 0, width - t.edges[2], t.bleed, t.height),
        strip_text(pdf, 2, t.edges[1], t.edges[2], t.bleed, t.height),
        strip_text(pdf, 2, t.edges[2], t.edges[3], t.bleed, t.height)};
    size_t last = 0;
    for (size_t p = 0; p < panels.size(); ++p) {
      CAPTURE(p);
      const auto words = words_of(panels[p]);
      CHECK(words.size() >= 60);
      // Where the panel's text is in the statement: four words from its middle, hyphen-free.
      size_t at = std::string::npos;
      for (size_t i = words.size() / 2; i + 4 < words.size() && at == std::string::npos; ++i) {
        const std::string phrase =
            words[i] + " " + words[i + 1] + " " + words[i + 2] + " " + words[i + 3];
        if (phrase.find('-') == std::string::npos) at = body.find(phrase);
      }
      REQUIRE(at != std::string::npos);
      CHECK(at > last);
      last = at;
    }
    CHECK(panels[1].find("WE DEMAND") == std::string::npos);
  }
}
