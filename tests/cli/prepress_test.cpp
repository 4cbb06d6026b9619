// prepress_test.cpp — print output end to end: a CMYK PDF/X-4 of leaflet-a5 with marks, checked
// with qpdf, poppler and Ghostscript the way a print shop's preflight would; marks, colour,
// profiles and PDF/X-1a on small designs written here.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <regex>

#include "cli_support.hpp"
#include "support/png_compare.hpp"

using namespace broadside::testing;
namespace fs = std::filesystem;

namespace {

constexpr double kPtPerMm = 72.0 / 25.4;

struct Print {
  fs::path dir, pdf;
  RunResult result;
  std::string qdf;
};

std::string qdf_of(const fs::path& pdf) {
  return run({"qpdf", "--qdf", "--object-streams=disable", pdf.string(), "-"}).out;
}

/// The leaflet as a print shop gets it: CMYK PDF/X-4 with every mark. Rendered once.
const Print& print() {
  static const Print p = [] {
    Print x;
    x.dir = scratch_dir("prepress-leaflet");
    x.pdf = x.dir / "print.pdf";
    x.result = run_broadside({"render", "leaflet-a5", statement("statement.en.md"), "-o",
                              x.pdf.string(), "--pdfx", "4", "--marks", "all"});
    x.qdf = qdf_of(x.pdf);
    return x;
  }();
  return p;
}

/// Page `n`'s content stream in qdf output.
std::string page_content(const std::string& qdf, int n) {
  const auto start = qdf.find("%% Contents for page " + std::to_string(n));
  if (start == std::string::npos) return "";
  return qdf.substr(start, qdf.find("endstream", start) - start);
}

/// The body of object `id` in qdf output.
std::string object_text(const std::string& qdf, const std::string& id) {
  const auto start = qdf.find("\n" + id + " 0 obj");
  if (start == std::string::npos) return "";
  return qdf.substr(start, qdf.find("endobj", start) - start);
}

/// True when a content stream uses an RGB colour operator.
bool has_rgb_operator(const std::string& content) {
  static const std::regex rgb(R"((^|\s)(rg|RG)(\s|$))");
  return std::regex_search(content, rgb);
}

/// The highest total ink (C+M+Y+K, percent) of any pixel inside the bleed box of any page,
/// rasterised by Ghostscript in CMYK with overprint simulated.
double max_total_ink(const fs::path& pdf, const fs::path& dir) {
  const auto r = run({"gs", "-q", "-dSAFER", "-dUseBleedBox", "-dOverprint=/simulate", "-r72",
                      "-sDEVICE=pamcmyk32", "-o", (dir / "ink-%d.pam").string(), pdf.string()});
  REQUIRE(r.exit_code == 0);
  double max = -1;
  for (int page = 1; fs::exists(dir / ("ink-" + std::to_string(page) + ".pam")); ++page) {
    const std::string pam = read_bytes(dir / ("ink-" + std::to_string(page) + ".pam"));
    const auto data = pam.find("ENDHDR\n");
    REQUIRE(data != std::string::npos);
    for (size_t i = data + 7; i + 3 < pam.size(); i += 4) {
      int sum = 0;
      for (size_t c = 0; c < 4; ++c) sum += static_cast<unsigned char>(pam[i + c]);
      max = std::max(max, sum * 100.0 / 255);
    }
  }
  return max;
}

}  // namespace

TEST_CASE("print: leaflet-a5 as CMYK PDF/X-4 with marks is a valid PDF/X-4") {
  const Print& p = print();
  INFO(p.result.err);
  REQUIRE(p.result.exit_code == 0);
  CHECK(p.result.err.empty());
  CHECK(files_in(p.dir) == std::vector<std::string>{"print.pdf"});
  const auto check = run({"qpdf", "--check", p.pdf.string()});
  CHECK(check.exit_code == 0);
  CHECK(check.out.find("No syntax or stream encoding errors") != std::string::npos);
  auto info = pdf_info(p.pdf);
  CHECK(info["PDF subtype"] == "PDF/X-4");
  CHECK(info["Pages"] == "2");
  // Output intent with the bundled profile embedded, Trapped, and XMP dates equal to Info's.
  CHECK(p.qdf.find("/S /GTS_PDFX") != std::string::npos);
  CHECK(p.qdf.find("/OutputConditionIdentifier (FOGRA39)") != std::string::npos);
  CHECK(p.qdf.find("/DestOutputProfile") != std::string::npos);
  CHECK(p.qdf.find("/Trapped /False") != std::string::npos);
  CHECK(p.qdf.find("/CreationDate (D:20200217000000+00'00')") != std::string::npos);
  CHECK(p.qdf.find("<xmp:CreateDate>2020-02-17T00:00:00+00:00</xmp:CreateDate>") !=
        std::string::npos);
  CHECK(p.qdf.find("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>") !=
        std::string::npos);
  CHECK(std::regex_search(p.qdf, std::regex(R"(/ID \[\s*<[0-9a-f]{32}>)")));
  CHECK(p.qdf.find("/Subtype /Link") == std::string::npos);  // no annotations on the print
}

TEST_CASE("print: page boxes nest, MediaBox = trim + bleed + slug on every page") {
  auto info = pdf_info(print().pdf, {"-box", "-f", "1", "-l", "2"});
  for (const char* page : {"Page    1", "Page    2"}) {
    INFO(page);
    const std::string prefix = page;
    const auto media = numbers_in(info[prefix + " MediaBox"]);
    const auto bleed = numbers_in(info[prefix + " BleedBox"]);
    const auto trim = numbers_in(info[prefix + " TrimBox"]);
    REQUIRE(media.size() == 4);
    REQUIRE(bleed.size() == 4);
    REQUIRE(trim.size() == 4);
    // A5 148 x 210 mm + 2 x (3 mm bleed + 10 mm slug).
    CHECK(media[2] - media[0] == doctest::Approx(174 * kPtPerMm).epsilon(0.001));
    CHECK(media[3] - media[1] == doctest::Approx(236 * kPtPerMm).epsilon(0.001));
    CHECK(bleed[0] == doctest::Approx(10 * kPtPerMm).epsilon(0.01));
    CHECK(bleed[2] - bleed[0] == doctest::Approx(154 * kPtPerMm).epsilon(0.001));
    CHECK(trim[0] == doctest::Approx(13 * kPtPerMm).epsilon(0.01));
    CHECK(trim[2] - trim[0] == doctest::Approx(148 * kPtPerMm).epsilon(0.001));
    CHECK(trim[3] - trim[1] == doctest::Approx(210 * kPtPerMm).epsilon(0.001));
    for (size_t i : {0, 1}) {
      CHECK(media[i] <= bleed[i]);
      CHECK(bleed[i] <= trim[i]);
      CHECK(trim[i + 2] <= bleed[i + 2]);
      CHECK(bleed[i + 2] <= media[i + 2]);
    }
  }
}

TEST_CASE("print: every font is embedded") {
  const auto r = run({"pdffonts", print().pdf.string()});
  REQUIRE(r.exit_code == 0);
  std::istringstream in(r.out);
  std::string line;
  std::getline(in, line);
  std::getline(in, line);
  int fonts = 0;
  for (; std::getline(in, line); ++fonts) {
    INFO(line);
    CHECK(std::regex_search(line, std::regex(R"(\syes\s+yes\s+(yes|no)\s+\d+\s+\d+$)")));
  }
  CHECK(fonts >= 4);
}

TEST_CASE("print: no RGB anywhere: no rg/RG in any content stream, no RGB colour space") {
  const std::string& qdf = print().qdf;
  REQUIRE(!qdf.empty());
  CHECK_FALSE(has_rgb_operator(qdf));
  CHECK(qdf.find("/DeviceRGB") == std::string::npos);
  CHECK(qdf.find("/CalRGB") == std::string::npos);
  // Transparency groups blend in CMYK.
  CHECK(qdf.find("/CS /DeviceCMYK") != std::string::npos);
}

TEST_CASE("print: the black body text is 0 0 0 1 k and overprints") {
  const std::string& qdf = print().qdf;
  const std::string back = page_content(qdf, 2);
  REQUIRE(!back.empty());
  // Every text object set in solid black sets the overprint state before showing text.
  int blocks = 0, lines = 0;
  for (size_t at = back.find("0 0 0 1 k"); at != std::string::npos;
       at = back.find("0 0 0 1 k", at + 1)) {
    const size_t bt = back.find("BT", at), et = back.find("ET", bt);
    if (bt == std::string::npos || et == std::string::npos || bt > at + 12) continue;
    const std::string block = back.substr(bt, et - bt);
    ++blocks;
    const auto gs = block.find("/BSop1 gs");
    REQUIRE(gs != std::string::npos);
    CHECK(gs < block.find("TJ"));
    lines += static_cast<int>(std::count(block.begin(), block.end(), '\n'));
  }
  CHECK(blocks >= 1);
  CHECK(lines > 100);  // the whole two-column statement, not a stray word
  // /BSop1 is fill overprint with OPM 1 (zeros leave the other plates alone).
  std::smatch ref;
  REQUIRE(std::regex_search(qdf, ref, std::regex(R"(/BSop1 (\d+) 0 R)")));
  const std::string state = object_text(qdf, ref[1]);
  CHECK(state.find("/op true") != std::string::npos);
  CHECK(state.find("/OPM 1") != std::string::npos);
  CHECK(state.find("/OP false") != std::string::npos);
  // White never overprints: the white headline on the front has no overprint state (the black
  // call to action beside it does).
  const std::string front = page_content(qdf, 1);
  static const std::regex white_text(R"(0 0 0 0 k\s+BT((?:(?!ET)[\s\S])*)ET)");
  int white = 0;
  for (auto it = std::sregex_iterator(front.begin(), front.end(), white_text);
       it != std::sregex_iterator(); ++it, ++white)
    CHECK((*it)[1].str().find("/BSop1 gs") == std::string::npos);
  CHECK(white >= 1);
}

TEST_CASE("print: the design's red is exactly its CMYK, not a conversion of its preview") {
  // The value the design gives, read from the campaign palette it includes.
  REQUIRE(read_bytes(source_dir() / "designs" / "leaflet-a5.yaml").find("include: campaign") !=
          std::string::npos);
  const std::string yaml = read_bytes(source_dir() / "designs" / "palettes" / "campaign.yaml");
  std::smatch m;
  REQUIRE(
      std::regex_search(yaml, m, std::regex(R"(\nred: \{cmyk: \[(\d+), (\d+), (\d+), (\d+)\]\})")));
  auto component = [&](int i) {  // percent as a content stream writes it: 78 -> "0.78"
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", std::stoi(m[i]) / 100.0);
    std::string s = buf;
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
    return s;
  };
  const std::string red =
      component(1) + " " + component(2) + " " + component(3) + " " + component(4) + " k";
  INFO(red);
  CHECK(page_content(print().qdf, 1).find(red) != std::string::npos);  // the background
  CHECK(page_content(print().qdf, 2).find(red) != std::string::npos);  // the footer band
}

TEST_CASE("print: crop and registration marks print on every plate (/All)") {
  const std::string& qdf = print().qdf;
  CHECK(std::regex_search(qdf, std::regex(R"(\[\s*/Separation\s+/All\s+/DeviceCMYK)")));
  CHECK(std::regex_search(page_content(qdf, 1), std::regex(R"(/BSsep\d+ CS 1 SCN 0\.25 w)")));
  const std::string slug = pdf_text(print().pdf, 1, 1);
  CHECK(slug.find("print.pdf") != std::string::npos);
  CHECK(slug.find("leaflet-a5") != std::string::npos);
  CHECK(slug.find("2020-02-17") != std::string::npos);
  CHECK(slug.find("page 1/2") != std::string::npos);
}

TEST_CASE("print: Ghostscript reads it; ink stays under 300% inside the bleed") {
  const auto r = run({"gs", "-q", "-dSAFER", "-o", "-", "-sDEVICE=inkcov", print().pdf.string()});
  REQUIRE(r.exit_code == 0);
  static const std::regex line(R"(\s*[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+CMYK OK)");
  auto lines =
      std::distance(std::sregex_iterator(r.out.begin(), r.out.end(), line), std::sregex_iterator());
  CHECK(lines == 2);
  const double tac = max_total_ink(print().pdf, scratch_dir("prepress-ink"));
  CHECK(tac > 150);  // the red is there: 0 + 100 + 78 + 18
  CHECK(tac <= 300);
}

TEST_CASE("print: the same inputs give byte-identical PDF/X files") {
  const fs::path a = scratch_dir("prepress-same-a"), b = scratch_dir("prepress-same-b");
  for (const auto& dir : {a, b})
    REQUIRE(run_broadside({"render", "leaflet-a5", statement("statement.en.md"), "-o",
                           (dir / "print.pdf").string(), "--pdfx", "4", "--marks", "all"})
                .exit_code == 0);
  CHECK(read_bytes(a / "print.pdf") == read_bytes(b / "print.pdf"));
  CHECK(read_bytes(a / "print.pdf") == read_bytes(print().pdf));
}

TEST_CASE("print: marks stay outside the bleed; the bleed holds only the design") {
  // The leaflet with a fixed 10 mm slug, rendered with every mark and with none: the same media,
  // so the two rasters must be identical inside the bleed box and differ only in the slug.
  const fs::path dir = scratch_dir("prepress-bleed");
  std::string yaml = read_bytes(source_dir() / "designs" / "leaflet-a5.yaml");
  const auto at = yaml.find("  bleed: 3mm\n");
  REQUIRE(at != std::string::npos);
  yaml.insert(at, "  slug: 10mm\n");
  write_file(dir / "leaflet.yaml", yaml);
  for (const char* marks : {"--marks=all", "--no-marks"}) {
    const std::string name = marks[2] == 'm' ? "marked" : "plain";
    const auto r =
        run_broadside({"render", (dir / "leaflet.yaml").string(), statement("statement.en.md"),
                       "-o", (dir / (name + ".pdf")).string(), "--pdfx", "4", marks});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    REQUIRE(run({"pdftoppm", "-r", "72", "-png", "-f", "1", "-l", "1", "-singlefile",
                 (dir / (name + ".pdf")).string(), (dir / name).string()})
                .exit_code == 0);
  }
  const auto marked = load_png(dir / "marked.png"), plain = load_png(dir / "plain.png");
  REQUIRE(marked);
  REQUIRE(plain);
  REQUIRE(marked->width == plain->width);
  REQUIRE(marked->height == plain->height);
  const double slug = 10 * kPtPerMm;  // pixels at 72 dpi
  const int x0 = static_cast<int>(slug), y0 = static_cast<int>(slug);
  const int x1 = static_cast<int>(std::ceil(marked->width - slug));
  const int y1 = static_cast<int>(std::ceil(marked->height - slug));
  size_t inside_differs = 0, slug_marked = 0, slug_plain = 0;
  for (int y = 0; y < marked->height; ++y) {
    for (int x = 0; x < marked->width; ++x) {
      const size_t i = (static_cast<size_t>(y) * marked->width + x) * 3;
      const bool same =
          std::equal(marked->rgb.begin() + i, marked->rgb.begin() + i + 3, plain->rgb.begin() + i);
      const bool in_bleed = x >= x0 && x < x1 && y >= y0 && y < y1;
      if (in_bleed) {
        inside_differs += same ? 0 : 1;
      } else {
        slug_marked += marked->rgb[i] < 128 ? 1 : 0;
        slug_plain += plain->rgb[i] < 200 ? 1 : 0;
      }
    }
  }
  CHECK(inside_differs == 0);
  CHECK(slug_marked > 500);  // marks, colour bar and slug line are there ...
  CHECK(slug_plain == 0);    // ... and only when asked for
}

TEST_CASE("print: --icc with a missing file fails clearly and writes nothing") {
  const fs::path dir = scratch_dir("prepress-icc-missing");
  const auto r = run_broadside({"render", "leaflet-a5", "-o", (dir / "x.pdf").string(), "-o",
                                (dir / "x.png").string(), "--icc", (dir / "none.icc").string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        (dir / "none.icc").string() + ": error: cannot read the ICC profile (no such file)\n");
  CHECK(files_in(dir).empty());
}

TEST_CASE("print: --icc with an RGB profile is refused; another CMYK profile is used") {
  const fs::path dir = scratch_dir("prepress-icc-other");
  const auto rgb = run_broadside({"render", "leaflet-a5", "-o", (dir / "x.pdf").string(), "--icc",
                                  "/usr/share/color/icc/sRGB.icc"});
  CHECK(rgb.exit_code == 1);
  CHECK(rgb.err.find("not a CMYK profile") != std::string::npos);
  CHECK(files_in(dir).empty());

  const fs::path swop = "/usr/share/color/icc/ghostscript/default_cmyk.icc";
  REQUIRE(fs::exists(swop));
  const auto r = run_broadside({"render", "leaflet-a5", "-o", (dir / "x.pdf").string(), "--pdfx",
                                "4", "--icc", swop.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string qdf = qdf_of(dir / "x.pdf");
  CHECK(qdf.find("/OutputConditionIdentifier (Custom)") != std::string::npos);
  CHECK_FALSE(has_rgb_operator(qdf));
  CHECK(qdf.find("0 1 0.78 0.18 k") != std::string::npos);  // exact whatever the profile
  CHECK(qdf.find("0 0 0 1 k") != std::string::npos);
  // Its profile, not the bundled one, names the output condition.
  CHECK(qdf.find("/OutputCondition (Artifex CMYK SWOP Profile)") != std::string::npos);
  CHECK(qdf.find("FOGRA39") == std::string::npos);
}

TEST_CASE("print: spot colours, exact rich black, K-only text and raster images in CMYK") {
  const fs::path dir = scratch_dir("prepress-swatches");
  // 600 x 120 pixels over the 89 x 20 mm frame: above the 150 ppi a print image needs.
  Image photo{600, 120, {}};
  for (int i = 0; i < 600 * 120; ++i)
    photo.rgb.insert(photo.rgb.end(), {uint8_t(40 * (i % 6)), 120, 200});
  save_png(dir / "photo.png", photo);
  write_file(dir / "swatches.yaml", R"(name: swatches
page: {size: A6, bleed: 3mm, margins: 8mm, marks: [crop, registration], slug: 8mm}
colors:
  rich: {cmyk: [60, 40, 40, 100]}
  brand: {spot: PANTONE 485 C, cmyk: [0, 95, 100, 0]}
styles:
  body: {font: [Inter], size: 9pt}
  brand: {font: [Inter], weight: 700, size: 14pt, color: brand}
output: {color: cmyk}
pages:
  - frames:
      - {box: {}, background: rich, area: {top: -3mm, height: 30mm, left: -3mm, right: -3mm}}
      - {text: "Spot colour", style: brand, area: {top: 35mm, height: 10mm}}
      - {text: "Black text, K only", style: body, area: {top: 50mm, height: 10mm}}
      - {image: photo.png, fit: stretch, area: {top: 65mm, height: 20mm}}
)");
  const auto r = run_broadside(
      {"render", (dir / "swatches.yaml").string(), "-o", (dir / "out" / "s.pdf").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string qdf = qdf_of(dir / "out" / "s.pdf");
  CHECK_FALSE(has_rgb_operator(qdf));
  CHECK(qdf.find("/DeviceRGB") == std::string::npos);
  // Rich black and black text share the preview 0 0 0 but keep their own values.
  CHECK(qdf.find("0.6 0.4 0.4 1 k") != std::string::npos);
  CHECK(std::regex_search(qdf, std::regex(R"(0 0 0 1 k\s+BT)")));
  CHECK(std::regex_search(
      qdf, std::regex(R"(\[\s*/Separation\s+/PANTONE#20485#20C\s+/DeviceCMYK\s+\d+ 0 R\s*\])")));
  CHECK(std::regex_search(qdf, std::regex(R"(/BSsep\d+ cs 1 scn)")));
  CHECK(std::regex_search(qdf, std::regex(R"(/C1 \[\s*0\s+0?\.95\s+1\s+0\s*\])")));
  CHECK(
      std::regex_search(qdf, std::regex(R"(/ColorSpace /DeviceCMYK[\s\S]{0,200}/Subtype /Image)")));
  // Media = A6 + 2 x (3 mm + 8 mm) from the design's own `slug`.
  auto info = pdf_info(dir / "out" / "s.pdf", {"-box", "-f", "1", "-l", "1"});
  const auto media = numbers_in(info["Page    1 MediaBox"]);
  REQUIRE(media.size() == 4);
  CHECK(media[2] == doctest::Approx((105 + 22) * kPtPerMm).epsilon(0.001));
}

TEST_CASE("print: PDF/X-1a when there is no transparency, a clear refusal when there is") {
  const fs::path dir = scratch_dir("prepress-x1a");
  const auto r = run_broadside({"render", "leaflet-a5", "-o", (dir / "x1a.pdf").string(), "--pdfx",
                                "1a", "--marks", "crop"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto info = pdf_info(dir / "x1a.pdf");
  CHECK(info["PDF subtype"] == "PDF/X-1a:2003");
  CHECK(info["PDF version"] == "1.4");
  CHECK(run({"qpdf", "--check", (dir / "x1a.pdf").string()}).exit_code == 0);
  const std::string qdf = qdf_of(dir / "x1a.pdf");
  CHECK(qdf.find("/S /Transparency") == std::string::npos);
  CHECK(qdf.find("/GTS_PDFXVersion (PDF/X-1a:2003)") != std::string::npos);

  write_file(dir / "glass.yaml", R"(name: glass
page: {size: A6}
pages:
  - frames:
      - {box: {}, background: "#C8102E80", area: {top: 10mm, height: 20mm}}
)");
  const fs::path out = dir / "out";
  const auto refused = run_broadside(
      {"render", (dir / "glass.yaml").string(), "-o", (out / "g.pdf").string(), "--pdfx", "1a"});
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("PDF/X-1a forbids transparency") != std::string::npos);
  CHECK(refused.err.find("--pdfx 4") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  CHECK(run_broadside({"render", (dir / "glass.yaml").string(), "-o", (out / "g.pdf").string(),
                       "--pdfx", "4"})
            .exit_code == 0);
}

TEST_CASE("print: plain output stays RGB; bad print options are command-line mistakes") {
  const fs::path dir = scratch_dir("prepress-options");
  REQUIRE(run_broadside({"render", "leaflet-a5", "-o", (dir / "rgb.pdf").string()}).exit_code == 0);
  const std::string qdf = qdf_of(dir / "rgb.pdf");
  CHECK(has_rgb_operator(qdf));
  CHECK(qdf.find("/OutputIntents") == std::string::npos);
  auto media =
      numbers_in(pdf_info(dir / "rgb.pdf", {"-box", "-f", "1", "-l", "1"})["Page    1 MediaBox"]);
  REQUIRE(media.size() == 4);
  CHECK(media[2] == doctest::Approx(154 * kPtPerMm).epsilon(0.001));  // no marks, no slug

  const auto mixed = run_broadside(
      {"render", "leaflet-a5", "-o", (dir / "x.pdf").string(), "--color", "rgb", "--pdfx", "4"});
  CHECK(mixed.exit_code == 2);
  CHECK(mixed.err.find("--color rgb cannot go with --pdfx") != std::string::npos);
  const auto unknown =
      run_broadside({"render", "leaflet-a5", "-o", (dir / "x.pdf").string(), "--marks", "cropp"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("unknown mark 'cropp'") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "x.pdf"));
}

TEST_CASE("print: marks and slug in the design are checked like every other key") {
  const fs::path dir = scratch_dir("prepress-design-keys");
  write_file(dir / "bad.yaml", R"(name: bad
page: {size: A6, marks: [crop, cropp], slug: 2mm}
pages:
  - frames: []
)");
  const auto r = run_broadside({"check", (dir / "bad.yaml").string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("bad.yaml:2:32: error: unknown mark 'cropp'") != std::string::npos);
  CHECK(r.err.find("did you mean 'crop'?") != std::string::npos);
  CHECK(r.err.find("marks need a slug of at least 5mm") != std::string::npos);
}
