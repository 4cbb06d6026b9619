// qr_test.cpp — QR codes come out the size the design asks, measured in the PDF (the code's link
// area), with a caption in the statement's language under them. (Arabic is checked by its
// first words: pdftotext writes the lam-alef ligature back in its own order.)
#include <regex>

#include "cli_support.hpp"

using namespace broadside::testing;
namespace fs = std::filesystem;

namespace {

/// Sides, in mm, of the square link areas (a QR code's) in a PDF, from their QuadPoints.
std::vector<double> square_links_mm(const fs::path& pdf) {
  const std::string qdf = run({"qpdf", "--qdf", "--object-streams=disable", pdf.string(), "-"}).out;
  static const std::regex quad(
      R"(/QuadPoints \[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+[\d.]+\s+[\d.]+\s+([\d.]+))");
  std::vector<double> out;
  for (auto it = std::sregex_iterator(qdf.begin(), qdf.end(), quad); it != std::sregex_iterator();
       ++it) {
    const double w = std::stod((*it)[3]) - std::stod((*it)[1]);
    const double h = std::stod((*it)[2]) - std::stod((*it)[4]);
    if (std::abs(w - h) < 0.5) out.push_back(w * 25.4 / 72);
  }
  return out;
}

bool has_side(const std::vector<double>& sides, double mm) {
  for (double s : sides)
    if (std::abs(s - mm) < 0.1) return true;
  return false;
}

}  // namespace

TEST_CASE("qr: a code given width 50mm in a horizontal stack is 50 mm, not the 25 mm default") {
  const fs::path dir = scratch_dir("qr-size");
  write_file(dir / "qr.yaml", R"(name: qr-size
page: {size: A4, margins: 15mm}
styles:
  lead: {font: [Inter], size: 10pt}
pages:
  - frames:
      - stack: horizontal
        area: {top: 20mm, height: 80mm}
        gap: 5mm
        items:
          - {text: "Short", style: lead, grow: true}
          - {qr: "https://example.org", width: 50mm}
)");
  write_file(dir / "s.md", "---\nlang: en\nheadline: x\n---\n\nBody.\n");
  const auto r = run_broadside({"render", (dir / "qr.yaml").string(), (dir / "s.md").string(), "-o",
                                (dir / "q.pdf").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto sides = square_links_mm(dir / "q.pdf");
  CAPTURE(sides.size());
  CHECK(has_side(sides, 50));
}

TEST_CASE("qr: the bundled poster's code is the 50 mm it asks, with its caption") {
  const fs::path dir = scratch_dir("qr-poster");
  const auto r = run_broadside(
      {"render", "poster-a3", statement("statement.en.md"), "-o", (dir / "p.pdf").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(has_side(square_links_mm(dir / "p.pdf"), 50));
  CHECK(pdf_text(dir / "p.pdf").find("Scan to join") != std::string::npos);
}

TEST_CASE("qr: the caption is in the statement's language, and the statement may give its own") {
  const fs::path dir = scratch_dir("qr-caption");
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"statement.en.md", "Scan to join"},
      {"statement.de.md", "Scannen und mitmachen"},
      {"statement.es.md", "Escanea para unirte"},
      {"statement.ar.md", "امسح الرمز"},
      {"statement.zh.md", "扫码加入"}};
  for (const auto& each : cases) {
    const auto& [file, caption] = each;
    CAPTURE(each.first);  // doctest captures by reference, which clang refuses for a binding
    const fs::path pdf = dir / (std::string(file) + ".pdf");
    const auto r = run_broadside({"render", "leaflet-a5", statement(file), "-o", pdf.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    // The caption may take two lines in a narrow column: compare words, not line breaks.
    const std::string front = std::regex_replace(pdf_text(pdf, 1, 1), std::regex(R"(\s+)"), " ");
    CHECK(front.find(caption) != std::string::npos);
  }
  std::string text = read_bytes(statement("statement.en.md"));
  text.replace(text.find("labels:\n"), 8, "labels:\n  scan: \"Scan me now\"\n");
  write_file(dir / "own.md", text);
  const auto r = run_broadside(
      {"render", "leaflet-a5", (dir / "own.md").string(), "-o", (dir / "own.pdf").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(pdf_text(dir / "own.pdf", 1, 1).find("Scan me now") != std::string::npos);
}

TEST_CASE("qr: a long caption is never fitted under the size print allows") {
  // leaflet-a5's caption style runs 5.5pt..7pt: a caption that fitted only at 5.75pt was set
  // there, and preflight then refused the whole leaflet for type under 6pt. The fit now starts
  // at print's least size and, below it, takes the lines it is allowed more.
  const fs::path dir = scratch_dir("qr-caption-print");
  std::string text = read_bytes(statement("statement.en.md"));
  text.replace(text.find("labels:\n"), 8,
               "labels:\n  scan: \"Scannez et rejoignez-nous maintenant\"\n");
  write_file(dir / "long.md", text);
  const auto r = run_broadside(
      {"render", "leaflet-a5", (dir / "long.md").string(), "-o", (dir / "long.pdf").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string front =
      std::regex_replace(pdf_text(dir / "long.pdf", 1, 1), std::regex(R"(\s+)"), " ");
  CHECK(front.find("Scannez et rejoignez-nous maintenant") != std::string::npos);
}
