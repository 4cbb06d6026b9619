// preflight_test.cpp — `broadside preflight` and the preflight after every render, end to end:
// the bundled print file passes, each kind of problem is found and named with its page and
// object, failures exit 1 and write nothing, and the proof shows the guides.
#include <nlohmann/json.hpp>

#include <fstream>

#include "cli_support.hpp"
#include "support/png_compare.hpp"

using namespace broadside::testing;
namespace fs = std::filesystem;

namespace {

/// The leaflet as a print shop gets it (CMYK PDF/X-4, every mark), rendered once.
const fs::path& print_file() {
  static const fs::path pdf = [] {
    const fs::path p = scratch_dir("preflight-print") / "print.pdf";
    const auto r = run_broadside({"render", "leaflet-a5", statement("statement.en.md"), "-o",
                                  p.string(), "--pdfx", "4", "--marks", "all"});
    REQUIRE(r.exit_code == 0);
    return p;
  }();
  return pdf;
}

/// A design with one of every problem: 5pt text, a hairline, text against the trim, 360% ink.
const char* const kFaulty = R"(name: faulty
page: {size: A5, margins: 12mm}
colors:
  heavy: {cmyk: [90, 90, 90, 90]}
styles:
  tiny: {font: [Inter], size: 5pt}
  body: {font: [Inter], size: 9pt}
pages:
  - frames:
      - {box: {}, background: heavy, area: {top: 100mm, height: 30mm}}
      - {text: "{cta.url}", style: tiny, area: {top: 40mm, height: 10mm}}
      - {rule: {thickness: 0.1pt}, area: {top: 60mm, height: 1pt}}
      - {text: "{author}", style: body, area: {top: 1mm, left: 40mm, height: 5mm}}
)";

fs::path write_faulty(const fs::path& dir) {
  std::ofstream(dir / "faulty.yaml") << kFaulty;
  return dir / "faulty.yaml";
}

}  // namespace

TEST_CASE("preflight: the leaflet's PDF/X-4 passes every check a PDF can answer alone") {
  const auto r = run_broadside({"preflight", print_file().string()});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  for (const char* line :
       {"boxes        passed", "fonts        passed", "color        passed", "ink          passed",
        "images       passed", "text-size    passed", "rules        passed", "safe-zone    passed",
        "overprint    passed", "registration passed", "pdfx         passed",
        "folds        not checked", "glyphs       not checked"})
    CHECK(r.out.find(line) != std::string::npos);
  CHECK(r.out.find("(needs --design") != std::string::npos);
  CHECK(r.out.find("print.pdf: preflight passed") != std::string::npos);
}

TEST_CASE("preflight: the print file rewritten by Ghostscript keeps its text sizes") {
  // Ghostscript's pdfwrite keeps Inter in its own 2048 units to the em and sets it at a size
  // that much smaller (the 8pt byline at 2.84 Tf, its capitals 2.076 sizes tall): preflight
  // read 2.8pt and failed a file every print shop makes of a good one.
  const fs::path dir = scratch_dir("preflight-gs");
  const fs::path rewritten = dir / "rewritten.pdf";
  REQUIRE(run({"gs", "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=pdfwrite",
               "-sOutputFile=" + rewritten.string(), print_file().string()})
              .exit_code == 0);
  const auto r = run_broadside({"preflight", rewritten.string()});
  INFO(r.out << r.err);
  CHECK(r.out.find("text-size    passed") != std::string::npos);
  CHECK(r.err.find("text-size") == std::string::npos);
}

TEST_CASE("preflight: broadside's imposition of its own print file passes its own preflight") {
  // The pages' marks and slug lie outside each placed page's BBox and clip: cut away, they are
  // no registration colour on the sheet.
  const fs::path dir = scratch_dir("preflight-imposed");
  for (const std::vector<std::string> layout :
       {std::vector<std::string>{"--layout", "2x1", "--marks"},
        std::vector<std::string>{"--layout", "2x2", "--duplex", "--marks"},
        std::vector<std::string>{"--booklet", "--marks"}}) {
    const fs::path sheet = dir / "sheet.pdf";
    std::vector<std::string> args = {
        "impose", print_file().string(), "-o", sheet.string(), "--sheet", "SRA3"};
    args.insert(args.end(), layout.begin(), layout.end());
    REQUIRE(run_broadside(args).exit_code == 0);
    const auto r = run_broadside({"preflight", sheet.string()});
    INFO(layout[0] << " " << layout[1] << ": " << r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("[registration]") == std::string::npos);
  }
}

TEST_CASE("preflight: the render and `broadside preflight` agree on rich black and registration") {
  const fs::path dir = scratch_dir("preflight-rich-black");
  // 9pt body text in rich black (240 % of ink, under the limit); a bar in registration colour.
  std::ofstream(dir / "rich.yaml") << R"(name: rich
page: {size: A5, margins: 12mm}
colors:
  rich: {cmyk: [60, 40, 40, 100]}
styles:
  body: {font: [Inter], size: 9pt, color: rich}
pages:
  - frames:
      - {text: "{author}", style: body, area: {top: 30mm, height: 10mm}}
)";
  const std::string warning =
      "9pt text in rich black (C60 M40 Y40 K100): the slightest misregistration blurs it";
  const fs::path rich = dir / "rich.pdf";
  const auto rendered =
      run_broadside({"render", (dir / "rich.yaml").string(), statement("statement.en.md"), "-o",
                     rich.string(), "--color", "cmyk"});
  INFO(rendered.err);
  REQUIRE(rendered.exit_code == 0);
  CHECK(rendered.err.find("warning: preflight: page 1, text \u201CNorissa Santa Cruz\u201D: " +
                          warning) != std::string::npos);
  const auto checked = run_broadside({"preflight", rich.string()});
  INFO(checked.out);
  CHECK(checked.exit_code == 0);
  CHECK(checked.out.find("warning: [registration] page 1, text \u201CNorissa Santa Cruz\u201D") !=
        std::string::npos);
  CHECK(checked.out.find(warning) != std::string::npos);

  std::ofstream(dir / "reg.yaml") << R"(name: reg
page: {size: A5, margins: 12mm}
colors:
  reg: {cmyk: [100, 100, 100, 100]}
pages:
  - frames:
      - {box: {}, background: reg, area: {top: 100mm, height: 2mm}}
)";
  const std::string error =
      "registration colour (C100 M100 Y100 K100, every plate) inside the trim";
  const fs::path reg = dir / "reg.pdf";
  const auto refused =
      run_broadside({"render", (dir / "reg.yaml").string(), statement("statement.en.md"), "-o",
                     reg.string(), "--color", "cmyk"});
  INFO(refused.err);
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("error: preflight: page 1, box: " + error) != std::string::npos);
  REQUIRE(run_broadside({"render", (dir / "reg.yaml").string(), statement("statement.en.md"), "-o",
                         reg.string(), "--color", "cmyk", "--no-preflight"})
              .exit_code == 0);
  const auto failed = run_broadside({"preflight", reg.string()});
  INFO(failed.out);
  CHECK(failed.exit_code == 1);
  CHECK(failed.out.find("error: [registration] page 1, shape: " + error) != std::string::npos);
}

TEST_CASE("preflight: with --design it lays the statement out again and checks the page") {
  const auto r =
      run_broadside({"preflight", print_file().string(), "--design", "leaflet-a5", "--json"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["passed"] == true);
  std::map<std::string, std::string> status;
  for (const auto& c : j["checks"]) status[c["id"]] = c["status"];
  CHECK(status["text-size"] == "passed");
  CHECK(status["safe-zone"] == "passed");
  CHECK(status["rules"] == "passed");
  CHECK(status["ink"] == "passed");
  CHECK(status["glyphs"] == "passed");
  CHECK(status["folds"] == "skipped");  // a flat sheet
  // The wrong design for the file is refused, not checked.
  const auto wrong = run_broadside({"preflight", print_file().string(), "--design", "trifold-a4"});
  CHECK(wrong.exit_code == 1);
  CHECK(wrong.err.find("the PDF was not made from this design and statement") != std::string::npos);
}

TEST_CASE("preflight: a trifold's folds are checked from its design") {
  const fs::path pdf = scratch_dir("preflight-trifold") / "t.pdf";
  REQUIRE(run_broadside({"render", "trifold-letter", statement("statement.es.md"), "-o",
                         pdf.string(), "--color", "cmyk"})
              .exit_code == 0);
  const auto r = run_broadside({"preflight", pdf.string(), "--design", "trifold-letter",
                                "--content", statement("statement.es.md")});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("folds        passed") != std::string::npos);
}

TEST_CASE("preflight: after a render every problem is an error naming page and object") {
  const fs::path dir = scratch_dir("preflight-faulty");
  const fs::path design = write_faulty(dir);
  const fs::path pdf = dir / "faulty.pdf";
  const auto r = run_broadside({"render", design.string(), statement("statement.en.md"), "-o",
                                pdf.string(), "--color", "cmyk"});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_FALSE(fs::exists(pdf));
  const std::string at = pdf.string() + ": error: preflight: page 1, ";
  CHECK(r.err.find(at + "text \u201Csocialism2020.org\u201D: 5pt is below the 6pt minimum "
                        "[text-size]") != std::string::npos);
  CHECK(r.err.find(at + "rule: 0.1pt is thinner than 0.25pt") != std::string::npos);
  CHECK(r.err.find(at + "text \u201CNorissa Santa Cruz\u201D: ") != std::string::npos);
  CHECK(r.err.find("inside the 3.0mm safe zone: the knife may cut it [safe-zone]") !=
        std::string::npos);
  CHECK(r.err.find(at + "box: C90 M90 Y90 K90 is 360% of ink, over the 300% limit [ink]") !=
        std::string::npos);
  CHECK(r.err.find("note: preflight failed, so nothing was written") != std::string::npos);

  // Written anyway on request; then the file alone shows the ink (Ghostscript), and the design
  // the rest.
  REQUIRE(run_broadside({"render", design.string(), statement("statement.en.md"), "-o",
                         pdf.string(), "--color", "cmyk", "--no-preflight"})
              .exit_code == 0);
  const auto alone = run_broadside({"preflight", pdf.string()});
  CHECK(alone.exit_code == 1);
  CHECK(alone.out.find("error: [ink] page 1: 36") != std::string::npos);
  CHECK(alone.out.find("% of ink at most") != std::string::npos);
  // The file alone shows what it prints: the small text, the hairline, the name at the trim.
  CHECK(alone.out.find("[text-size] page 1, text \u201Csocialism2020.org\u201D in ") !=
        std::string::npos);
  CHECK(alone.out.find("[rules] page 1, line in C0 M0 Y0 K100: 0.1pt is thinner") !=
        std::string::npos);
  CHECK(alone.out.find("[safe-zone] page 1, text \u201CNorissa Santa Cruz\u201D") !=
        std::string::npos);
  const auto with_design = run_broadside({"preflight", pdf.string(), "--design", design.string()});
  CHECK(with_design.exit_code == 1);
  CHECK(with_design.out.find(": 5pt is below the 6pt minimum") != std::string::npos);
  // The limits are the print shop's to set.
  const auto lenient =
      run_broadside({"preflight", pdf.string(), "--ink-limit", "380", "--min-text", "4"});
  CHECK(lenient.out.find("[ink]") == std::string::npos);
  CHECK(lenient.out.find("[text-size]") == std::string::npos);
}

/// A business card with its text `margins` from the trim: the headline, the address and a QR code.
std::string card_with_margins(const std::string& margins) {
  return R"(name: card
page: {size: "85mm x 55mm", margins: )" +
         margins + R"(}
fonts:
  include: noto
  display: {based-on: sans, Latn: [League Spartan, Inter], Cyrl: [Inter]}
styles:
  headline: {font: display, weight: 800, size: 6pt..11pt, leading: 1.0, max-lines: 5}
  url: {font: sans, weight: 700, size: 6pt..8pt, max-lines: 1}
pages:
  - frames:
      - stack: horizontal
        area: margin
        gap: 3mm
        items:
          - stack: vertical
            grow: true
            gap: 2mm
            items:
              - {text: "{headline}", style: headline, grow: true, valign: top}
              - {text: "{cta.url}", style: url}
          - {qr: "https://{cta.url}", width: 22mm}
defaults: {cta: {url: socialism2020.org}}
)";
}

TEST_CASE("preflight: a PDF the render passed passes `broadside preflight`: text by its ink") {
  // The file's text is measured where its glyphs put ink (the embedded fonts' outlines), as the
  // render measures the page: not by the font's bounding box, which cairo also writes as the
  // CapHeight (Noto Sans CJK's reaches 1.8 em), so 4mm margins read 2.5mm, and CJK 0.6mm.
  const fs::path dir = scratch_dir("preflight-ink");
  std::ofstream(dir / "card.yaml") << card_with_margins("4mm");
  std::ofstream(dir / "poster.yaml") << R"(name: poster
page: {size: A4, margins: 15mm}
fonts: {include: noto}
styles:
  h: {font: sans, weight: 700, size: 30pt..54pt, max-lines: 6}
pages:
  - frames:
      - {text: "{headline}", style: h, area: margin}
)";
  for (const char* lang : {"en", "zh", "ar", "hi"}) {
    for (const char* design : {"card.yaml", "poster.yaml"}) {
      const fs::path pdf = dir / (std::string(lang) + "-" + design + ".pdf");
      const auto rendered = run_broadside(
          {"render", (dir / design).string(),
           statement(("statement." + std::string(lang) + ".md").c_str()), "-o", pdf.string()});
      INFO(lang << " " << design << ": " << rendered.err);
      REQUIRE(rendered.exit_code == 0);
      const auto r = run_broadside({"preflight", pdf.string()});
      INFO(r.out << r.err);
      CHECK(r.exit_code == 0);
      CHECK(r.out.find("safe-zone    passed") != std::string::npos);
    }
  }
}

TEST_CASE(
    "preflight: the render and `broadside preflight` give text in the safe zone one distance") {
  const fs::path dir = scratch_dir("preflight-same-distance");
  std::ofstream(dir / "card.yaml") << card_with_margins("2mm");
  for (const char* lang : {"en", "zh"}) {
    const fs::path pdf = dir / (std::string(lang) + ".pdf");
    const std::vector<std::string> render = {
        "render", (dir / "card.yaml").string(),
        statement(("statement." + std::string(lang) + ".md").c_str()), "-o", pdf.string()};
    const auto refused = run_broadside(render);
    INFO(lang << ": " << refused.err);
    CHECK(refused.exit_code == 1);
    const std::string distance =
        "2.0mm from the trim, inside the 3.0mm safe zone: the knife may cut it";
    CHECK(refused.err.find(distance) != std::string::npos);
    auto written = render;
    written.push_back("--no-preflight");
    REQUIRE(run_broadside(written).exit_code == 0);
    const auto r = run_broadside({"preflight", pdf.string()});
    INFO(r.out);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("[safe-zone] page 1, text") != std::string::npos);
    CHECK(r.out.find(distance) != std::string::npos);
    // `check` reports what render would: the same refusal, before anything is drawn to disk.
    const auto checked =
        run_broadside({"check", (dir / "card.yaml").string(),
                       statement(("statement." + std::string(lang) + ".md").c_str())});
    CHECK(checked.exit_code == 1);
    CHECK(checked.err.find("card.yaml: error: preflight: page 1, text") != std::string::npos);
    CHECK(checked.err.find(distance) != std::string::npos);
  }
}

TEST_CASE("preflight: RGB in a file meant for a CMYK press is an error; an RGB file a warning") {
  const fs::path dir = scratch_dir("preflight-rgb");
  const fs::path rgb = dir / "rgb.pdf";
  REQUIRE(run_broadside({"render", "poster-a3", statement("statement.en.md"), "-o", rgb.string()})
              .exit_code == 0);
  const auto plain = run_broadside({"preflight", rgb.string()});
  CHECK(plain.exit_code == 0);
  CHECK(plain.out.find("warning: [color] an RGB file") != std::string::npos);
  // The summary's line reads as a sentence: the rule, then what this file is.
  CHECK(plain.out.find("no RGB colour in a file made for a CMYK press (an RGB file: the print "
                       "shop converts its colours)") != std::string::npos);
  // The same file claiming a press (an output intent) must not hold RGB.
  std::string qdf = run({"qpdf", "--qdf", "--object-streams=disable", rgb.string(), "-"}).out;
  const auto at = qdf.find("/Type /Catalog");
  REQUIRE(at != std::string::npos);
  qdf.insert(at, "/OutputIntents [ << /S /GTS_PDFX >> ] ");
  std::ofstream(dir / "claimed.qdf", std::ios::binary) << qdf;
  run({"sh", "-c",
       "fix-qdf < '" + (dir / "claimed.qdf").string() + "' > '" + (dir / "claimed.pdf").string() +
           "'"});
  const auto claimed = run_broadside({"preflight", (dir / "claimed.pdf").string()});
  CHECK(claimed.exit_code == 1);
  CHECK(claimed.out.find("error: [color]") != std::string::npos);
  CHECK(claimed.out.find("RGB in a file for a CMYK press") != std::string::npos);
}

TEST_CASE("preflight: --proof draws trim, bleed, safe zone and folds over each page") {
  const fs::path dir = scratch_dir("preflight-proof");
  const fs::path pdf = dir / "t.pdf";
  REQUIRE(run_broadside({"render", "trifold-a4", statement("statement.en.md"), "-o", pdf.string()})
              .exit_code == 0);
  const auto r = run_broadside({"preflight", pdf.string(), "--design", "trifold-a4", "--proof",
                                (dir / "proof.png").string(), "--proof-dpi", "50"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto proof = load_png(dir / "proof-2.png");
  REQUIRE(proof);
  CHECK_FALSE(fs::exists(dir / "proof-3.png"));
  // 303 x 216 mm (trim and bleed) at 50 dpi.
  CHECK(proof->width == 596);
  CHECK(proof->height == 425);
  auto pixel_at = [&](double x_mm, double y_mm) {
    const int x = static_cast<int>(x_mm / 25.4 * 50), y = static_cast<int>(y_mm / 25.4 * 50);
    const size_t i = (static_cast<size_t>(y) * proof->width + x) * 3;
    return std::array<int, 3>{proof->rgb[i], proof->rgb[i + 1], proof->rgb[i + 2]};
  };
  // Somewhere along a few millimetres of the line (the dashed ones have gaps).
  auto near_colour = [&](double x_mm, double y_mm, std::array<int, 3> want) {
    for (double dy = -3; dy <= 3; dy += 0.5) {
      for (double dx = -0.6; dx <= 0.6; dx += 0.2) {
        const auto c = pixel_at(x_mm + dx, y_mm + dy);
        if (std::abs(c[0] - want[0]) < 60 && std::abs(c[1] - want[1]) < 60 &&
            std::abs(c[2] - want[2]) < 60)
          return true;
      }
    }
    return false;
  };
  CHECK(near_colour(3, 108, {217, 0, 140}));        // the trim, magenta
  CHECK(near_colour(3 + 100, 108, {26, 64, 230}));  // the inside's first fold, blue
  CHECK(near_colour(3 + 3, 60, {0, 153, 51}));      // the safe zone, green
}

TEST_CASE("preflight: its cost after a render is reported with --timings") {
  const fs::path pdf = scratch_dir("preflight-timings") / "x.pdf";
  const auto r = run_broadside(
      {"render", "leaflet-a5", statement("statement.en.md"), "-o", pdf.string(), "--timings"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find(", preflight ") != std::string::npos);
}
