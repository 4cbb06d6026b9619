// impose_test.cpp — `broadside impose` and `render --impose` end to end: sheets of the right size,
// every cell showing the right page, vectors and fonts kept, read back with poppler and qpdf.
#include "cli_support.hpp"

using namespace broadside::testing;
namespace fs = std::filesystem;

namespace {

constexpr double kPtPerMm = 72.0 / 25.4;

/// The leaflet, rendered once for the tests here.
const fs::path& leaflet() {
  static const fs::path pdf = [] {
    const fs::path p = scratch_dir("impose-source") / "leaflet.pdf";
    const auto r =
        run_broadside({"render", "leaflet-a5", statement("statement.en.md"), "-o", p.string()});
    REQUIRE(r.exit_code == 0);
    return p;
  }();
  return pdf;
}

/// Text of the left or right half of an A4 landscape sheet.
std::string half(const fs::path& pdf, int page, bool right) {
  return pdf_text(pdf, page, page,
                  Crop{right ? 148.5 * kPtPerMm : 0, 0, 148.5 * kPtPerMm, 210 * kPtPerMm});
}

}  // namespace

TEST_CASE("impose: 2 x A5 leaflet on A4, duplex: fronts on one side, backs behind them") {
  const fs::path out = scratch_dir("impose-2up") / "sheet.pdf";
  const auto r = run_broadside({"impose", leaflet().string(), "-o", out.string(), "--sheet", "A4",
                                "--layout", "2x1", "--duplex"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("wrote " + out.string() + " (2 sheet sides)") != std::string::npos);
  // The sheet has no room for the leaflet's 3 mm bleed: said, not silently clipped.
  CHECK(r.err.find("warning: the sheet leaves 0.5mm beyond the trim") != std::string::npos);
  const auto info = pdf_info(out, {"-box"});
  CHECK(info.at("Pages") == "2");
  const auto media = numbers_in(info.at("MediaBox"));
  REQUIRE(media.size() == 4);
  CHECK(std::abs(media[2] / kPtPerMm - 297) < 0.1);  // turned to landscape
  CHECK(std::abs(media[3] / kPtPerMm - 210) < 0.1);
  // The sheet's TrimBox is the block of cells (two A5 side by side), its marks outside it.
  const auto trim = numbers_in(info.at("TrimBox"));
  REQUIRE(trim.size() == 4);
  CHECK(std::abs((trim[2] - trim[0]) / kPtPerMm - 296) < 0.2);
  CHECK(std::abs((trim[3] - trim[1]) / kPtPerMm - 210) < 0.2);
  for (bool right : {false, true}) {
    CHECK(half(out, 1, right).find("anti-immigrant") != std::string::npos);
    CHECK(half(out, 1, right).find("As the Socialist Equality") == std::string::npos);
    CHECK(half(out, 2, right).find("As the Socialist Equality") != std::string::npos);
  }
  // Vectors kept: no image, every font embedded, a clean file.
  CHECK(run({"pdfimages", "-list", out.string()}).out.find("image") == std::string::npos);
  CHECK(run({"pdffonts", out.string()}).out.find(" no ") == std::string::npos);
  CHECK(run({"qpdf", "--check", out.string()}).exit_code == 0);
}

TEST_CASE("impose: cut-and-stack keeps pages in order down each pile") {
  const fs::path dir = scratch_dir("impose-cut-stack");
  const fs::path booklet = dir / "booklet.pdf";
  REQUIRE(
      run_broadside({"render", "booklet-a5", statement("statement.en.md"), "-o", booklet.string()})
          .exit_code == 0);
  const int pages = std::stoi(pdf_info(booklet).at("Pages"));
  REQUIRE(pages >= 3);
  const fs::path out = dir / "sheets.pdf";
  REQUIRE(run_broadside({"impose", booklet.string(), "-o", out.string(), "--sheet", "A4",
                         "--layout", "2x1", "--cut-stack"})
              .exit_code == 0);
  const int sheets = (pages + 1) / 2;
  CHECK(std::stoi(pdf_info(out).at("Pages")) == sheets);
  // Sheet s: page s on the left, page s + sheets on the right.
  for (int s = 1; s <= sheets; ++s) {
    INFO("sheet " << s);
    const auto left = words_of(half(out, s, false));
    const auto page = words_of(pdf_text(booklet, s, s));
    CHECK(left == page);
    if (s + sheets <= pages)
      CHECK(words_of(half(out, s, true)) == words_of(pdf_text(booklet, s + sheets, s + sheets)));
  }
}

TEST_CASE("impose: render --impose writes the imposed sheet, checked before imposing") {
  const fs::path out = scratch_dir("render-impose") / "sheet.pdf";
  const auto r = run_broadside({"render", "leaflet-a5", statement("statement.en.md"), "-o",
                                out.string(), "--impose", "SRA4:2x1:duplex:marks"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("imposed " + out.string() + " on 2 sheet sides") != std::string::npos);
  CHECK(r.err == "");  // SRA4 holds both leaflets with their bleed and marks
  const auto media = numbers_in(pdf_info(out, {"-box"}).at("MediaBox"));
  REQUIRE(media.size() == 4);
  CHECK(std::abs(media[2] / kPtPerMm - 320) < 0.1);
  CHECK(std::abs(media[3] / kPtPerMm - 225) < 0.1);
  // A CMYK PDF/X file stays one: its output intent carries over to the sheets.
  const fs::path x4 = out.parent_path() / "x4.pdf";
  REQUIRE(run_broadside({"render", "leaflet-a5", statement("statement.en.md"), "-o", x4.string(),
                         "--pdfx", "4", "--impose", "SRA4:2x1:duplex:marks"})
              .exit_code == 0);
  const std::string qdf = run({"qpdf", "--qdf", "--object-streams=disable", x4.string(), "-"}).out;
  CHECK(qdf.find("/OutputIntents") != std::string::npos);
  CHECK(qdf.find("/GTS_PDFXVersion") != std::string::npos);
  const auto preflight = run_broadside({"preflight", x4.string()});
  INFO(preflight.out);
  CHECK(preflight.exit_code == 0);
}

TEST_CASE("impose: mistakes are named") {
  const fs::path out = scratch_dir("impose-errors") / "x.pdf";
  const auto bad_layout =
      run_broadside({"impose", leaflet().string(), "-o", out.string(), "--layout", "2by1"});
  CHECK(bad_layout.exit_code == 2);
  CHECK(bad_layout.err.find("--layout '2by1': expected columns x rows") != std::string::npos);
  const auto too_many =
      run_broadside({"impose", leaflet().string(), "-o", out.string(), "--layout", "3x1"});
  CHECK(too_many.exit_code == 1);
  CHECK(too_many.err.find("3 x 1 pages of 148.0mm x 210.0mm do not fit on a 210.0mm x 297.0mm "
                          "sheet") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  const auto bad_sheet =
      run_broadside({"impose", leaflet().string(), "-o", out.string(), "--sheet", "B9"});
  CHECK(bad_sheet.exit_code == 2);
  const auto bad_spec = run_broadside(
      {"render", "leaflet-a5", statement("statement.en.md"), "-o", out.string(), "--impose", "A4"});
  CHECK(bad_spec.exit_code == 2);
  CHECK(bad_spec.err.find("expected SHEET:LAYOUT") != std::string::npos);
}
