// render_test.cpp — the main job end to end: the bundled leaflet rendered and inspected with
// poppler, qpdf and zbar.
#include <algorithm>
#include <regex>
#include <set>

#include "cli_support.hpp"
#include "support/png_compare.hpp"

using namespace broadside::testing;
namespace fs = std::filesystem;

namespace {

struct Leaflet {
  fs::path dir, pdf, png1, png2;
  RunResult result;
};

/// Renders leaflet-a5 once for all the tests that only read it.
const Leaflet& leaflet() {
  static const Leaflet l = [] {
    Leaflet x;
    x.dir = scratch_dir("leaflet");
    x.pdf = x.dir / "leaflet.pdf";
    x.result = run_broadside({"render", "leaflet-a5", statement("statement.en.md"), "-o",
                              x.pdf.string(), "-o", (x.dir / "leaflet.png").string()});
    x.png1 = x.dir / "leaflet-1.png";
    x.png2 = x.dir / "leaflet-2.png";
    return x;
  }();
  return l;
}

}  // namespace

TEST_CASE("leaflet-a5 renders: exit 0, a PDF and one PNG per page, nothing else") {
  const auto& l = leaflet();
  INFO(l.result.err);
  CHECK(l.result.exit_code == 0);
  CHECK(l.result.err.empty());
  CHECK(files_in(l.dir) ==
        std::vector<std::string>{"leaflet-1.png", "leaflet-2.png", "leaflet.pdf"});
  CHECK(l.result.out.find("wrote " + l.pdf.string()) != std::string::npos);
}

TEST_CASE("--pages draws only the pages asked for as images; a page that is not there fails") {
  const fs::path dir = scratch_dir("pages");
  const auto r = run_broadside({"render", "leaflet-a5", statement("statement.en.md"), "-o",
                                (dir / "x.pdf").string(), "-o", (dir / "x.png").string(), "--pages",
                                "2", "--no-preflight"});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(files_in(dir) == std::vector<std::string>{"x-2.png", "x.pdf"});
  const fs::path none = scratch_dir("pages-none");
  const auto bad = run_broadside({"render", "leaflet-a5", statement("statement.en.md"), "-o",
                                  (none / "x.png").string(), "--pages", "3"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("no page 3") != std::string::npos);
  CHECK(files_in(none).empty());
  CHECK(run_broadside({"render", "leaflet-a5", "--pages", "0-x"}).exit_code == 2);
}

TEST_CASE("the PDF is valid and has two A5 pages with 3 mm bleed and page boxes") {
  const auto& l = leaflet();
  CHECK(run({"qpdf", "--check", l.pdf.string()}).exit_code == 0);
  auto info = pdf_info(l.pdf, {"-box", "-f", "1", "-l", "2"});
  CHECK(info["Pages"] == "2");
  // A5 = 148 x 210 mm; with 3 mm bleed on each side: 154 x 216 mm = 436.54 x 612.28 pt.
  const auto size = numbers_in(info["Page    2 size"]);
  REQUIRE(size.size() >= 2);
  CHECK(size[0] == doctest::Approx(436.54).epsilon(0.001));
  CHECK(size[1] == doctest::Approx(612.28).epsilon(0.001));
  for (const char* key : {"Page    1 TrimBox", "Page    2 TrimBox"}) {
    INFO(key);
    const auto trim = numbers_in(info[key]);
    REQUIRE(trim.size() == 4);
    CHECK(trim[0] == doctest::Approx(8.50).epsilon(0.01));
    CHECK(trim[2] - trim[0] == doctest::Approx(419.53).epsilon(0.001));  // 148 mm
    CHECK(trim[3] - trim[1] == doctest::Approx(595.28).epsilon(0.001));  // 210 mm
  }
  const auto bleed = numbers_in(info["Page    1 BleedBox"]);
  REQUIRE(bleed.size() == 4);
  CHECK(bleed[0] == doctest::Approx(0).epsilon(0.01));
  CHECK(bleed[2] == doctest::Approx(436.54).epsilon(0.001));
}

TEST_CASE("metadata: title is the headline, author and language are set") {
  auto info = pdf_info(leaflet().pdf);
  CHECK(info["Title"] ==
        "Stop all anti-immigrant raids! Abolish ICE and CBP! For a socialist policy of open "
        "borders!");
  CHECK(info["Author"] == "Norissa Santa Cruz");
  CHECK(info["Producer"].rfind("broadside", 0) == 0);
  const auto qdf = run({"qpdf", "--qdf", "--object-streams=disable", leaflet().pdf.string(), "-"});
  CHECK(qdf.out.find("/Lang (en)") != std::string::npos);
}

TEST_CASE("every font is embedded as a subset; only the design's families are used") {
  const auto r = run({"pdffonts", leaflet().pdf.string()});
  REQUIRE(r.exit_code == 0);
  std::istringstream in(r.out);
  std::string line;
  std::getline(in, line);
  std::getline(in, line);  // header and rule
  int fonts = 0;
  for (; std::getline(in, line); ++fonts) {
    INFO(line);
    CHECK(line.find(" yes yes ") != std::string::npos);  // emb and sub
    const bool ours = line.find("LeagueSpartan") != std::string::npos ||
                      line.find("Inter") != std::string::npos ||
                      line.find("NotoSerif") != std::string::npos;
    CHECK(ours);
  }
  CHECK(fonts >= 3);
}

TEST_CASE(
    "big fonts (Noto CJK) are cut down before embedding: small PDF, fonts embedded, text kept") {
  // hb-subset keeps the glyph ids, so the subset draws exactly what the whole font would; the
  // PDF is a fraction of what cairo's own subsetter made from the whole font (720 KB).
  const fs::path dir = scratch_dir("cjk-subset");
  const fs::path pdf = dir / "zh.pdf";
  const auto r =
      run_broadside({"render", "leaflet-a5", statement("statement.zh.md"), "-o", pdf.string()});
  REQUIRE(r.exit_code == 0);
  CHECK(fs::file_size(pdf) < 300'000);
  const auto fonts = run({"pdffonts", pdf.string()});
  REQUIRE(fonts.exit_code == 0);
  int cjk = 0;
  std::istringstream in(fonts.out);
  for (std::string line; std::getline(in, line);) {
    if (line.find("CJK") == std::string::npos) continue;
    INFO(line);
    ++cjk;
    CHECK(line.find(" yes yes yes ") != std::string::npos);  // embedded, subset, ToUnicode
  }
  CHECK(cjk >= 2);
  const std::string text = pdf_text(pdf);
  CHECK(text.find("社会平等党") != std::string::npos);
  CHECK(text.find("socialism2020.org") != std::string::npos);
}

TEST_CASE("every word of the statement's body is in the PDF's text") {
  const auto expected = body_words(source_dir() / "content" / "statement.en.md");
  REQUIRE(expected.size() > 600);
  // A line may end after a closed-up dash ("enemy—" / "capitalism"): one word in the source.
  const std::string text =
      std::regex_replace(pdf_text(leaflet().pdf, 2, 2), std::regex("\u2014[ ]*\n"), "\u2014");
  auto actual = words_of(text);
  std::multiset<std::string> have(actual.begin(), actual.end());
  std::vector<std::string> missing;
  for (const auto& w : expected) {
    auto it = have.find(w);
    if (it == have.end())
      missing.push_back(w);
    else
      have.erase(it);
  }
  std::string list;
  for (const auto& w : missing) list += w + " ";
  INFO("missing: " << list);
  CHECK(missing.empty());
}

TEST_CASE("the front carries the headline, demands and the call to action") {
  const auto words = words_of(pdf_text(leaflet().pdf, 1, 1));
  const std::string front = pdf_text(leaflet().pdf, 1, 1);
  for (const char* w : {"deportations", "Abolish", "socialism2020.org", "citizenship"})
    CHECK(front.find(w) != std::string::npos);
}

TEST_CASE("the QR code on the front decodes to the campaign's address") {
  const auto r = run({"zbarimg", "--quiet", "--raw", leaflet().png1.string()});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "https://socialism2020.org\n");
}

TEST_CASE("the call to action is a clickable link") {
  const auto qdf = run({"qpdf", "--qdf", "--object-streams=disable", leaflet().pdf.string(), "-"});
  CHECK(qdf.out.find("/URI (https://socialism2020.org)") != std::string::npos);
}

TEST_CASE("PNG previews: one per page, trim size at 150 dpi") {
  const auto& l = leaflet();
  for (const auto& png : {l.png1, l.png2}) {
    auto image = load_png(png);
    REQUIRE(image);
    CHECK(image->width == 874);    // 148 mm at 150 dpi
    CHECK(image->height == 1240);  // 210 mm
  }
}

TEST_CASE("the same inputs give byte-identical files") {
  const fs::path dir = scratch_dir("determinism");
  for (const char* name : {"a", "b"}) {
    const auto r =
        run_broadside({"render", "leaflet-a5", statement("statement.en.md"), "-o",
                       (dir / name / "l.pdf").string(), "-o", (dir / name / "l.png").string()});
    REQUIRE(r.exit_code == 0);
  }
  for (const char* f : {"l.pdf", "l-1.png", "l-2.png"}) {
    INFO(f);
    CHECK(read_bytes(dir / "a" / f) == read_bytes(dir / "b" / f));
  }
}

TEST_CASE("the creation date comes from SOURCE_DATE_EPOCH, else from the statement's date") {
  const fs::path dir = scratch_dir("dates");
  auto r = run_broadside(
      {"render", "leaflet-a5", statement("statement.en.md"), "-o", (dir / "e.pdf").string()},
      {{"SOURCE_DATE_EPOCH", "1600000000"}});
  REQUIRE(r.exit_code == 0);
  CHECK(pdf_info(dir / "e.pdf", {"-isodates"})["CreationDate"] == "2020-09-13T12:26:40Z");
  r = run_broadside(
      {"render", "leaflet-a5", statement("statement.en.md"), "-o", (dir / "d.pdf").string()},
      {{"SOURCE_DATE_EPOCH", ""}});
  REQUIRE(r.exit_code == 0);
  CHECK(pdf_info(dir / "d.pdf", {"-isodates"})["CreationDate"] == "2020-02-17T00:00:00Z");
}

TEST_CASE("with no -o, the design's default outputs go to out/<content>-<design>") {
  const fs::path dir = scratch_dir("defaults");
  const auto r = run_broadside({"render", "leaflet-a5", statement("statement.en.md")}, {}, dir);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(files_in(dir) == std::vector<std::string>{"out/statement.en-leaflet-a5-1.png",
                                                  "out/statement.en-leaflet-a5-2.png",
                                                  "out/statement.en-leaflet-a5.pdf"});
}

TEST_CASE("the plain seed statement renders as it is, with its broken paragraphs joined") {
  const fs::path dir = scratch_dir("seed");
  const auto seed = source_dir() / "tests" / "unit" / "content" / "data" / "seed.txt";
  // The seed has no demands or call-to-action text: the command line supplies them.
  const auto r =
      run_broadside({"render", "leaflet-a5", seed.string(), "-o", (dir / "s.pdf").string(), "--set",
                     "demands=End all deportations", "--set", "cta.text=Join the campaign"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string back = pdf_text(dir / "s.pdf", 2, 2);
  const auto words = words_of(back);
  const std::string joined = [&] {
    std::string s;
    for (const auto& w : words) s += w + " ";
    return s;
  }();
  CHECK(joined.find("to suppress and channel popular opposition") != std::string::npos);
  CHECK(joined.find("borders and the persecution of immigrants") != std::string::npos);
}

TEST_CASE("a disc marker is a disc: no line runs to it from the text drawn before") {
  // Text leaves cairo's current point where its last glyph run started; an arc joins it, so a
  // hairline ran from the headline to every disc.
  const fs::path dir = scratch_dir("disc-markers");
  const fs::path design = dir / "discs.yaml";
  write_file(design, R"(page: {size: [100mm, 60mm], bleed: 0mm, margins: 5mm}
styles:
  head: {font: [Inter], size: 12pt, color: "#000000"}
  item: {font: [Inter], size: 10pt, color: "#000000"}
pages:
  - frames:
      - {text: "{headline}", style: head, area: {left: margin, bottom: margin, width: 30mm, height: 10mm}}
      - {list: "{demands}", style: item, marker: disc, marker-color: "#000000", area: {right: margin, top: margin, width: 40mm, height: 20mm}}
)");
  const fs::path md = dir / "s.md";
  write_file(md, "---\nheadline: Strike\ndemands: [One, Two]\n---\nBody.\n");
  // The PDF, as a reader draws it: the line was in the PDF's path, not in broadside's PNG.
  const fs::path pdf = dir / "discs.pdf";
  const auto r = run_broadside({"render", design.string(), md.string(), "-o", pdf.string()});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  REQUIRE(
      run({"pdftoppm", "-r", "100", "-png", "-singlefile", pdf.string(), (dir / "discs").string()})
          .exit_code == 0);
  const auto image = load_png(dir / "discs.png");
  REQUIRE(image);
  // Between the headline (bottom left) and the list (top right) the page is blank.
  size_t ink = 0;
  const int x0 = image->width * 15 / 100, x1 = image->width * 50 / 100;
  const int y0 = image->height * 30 / 100, y1 = image->height * 70 / 100;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x)
      ink += image->rgb[3 * (static_cast<size_t>(y) * image->width + x)] < 250;
  CHECK(ink == 0);
}
