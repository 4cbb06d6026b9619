// preflight_corpus_test.cpp — `broadside preflight` on a corpus of deliberately broken PDFs made
// here (preflight_corpus.hpp): each kind of break is caught with the right finding, and the good
// files pass with no false alarm. One test case per kind of break.
#include <nlohmann/json.hpp>

#include "preflight_corpus.hpp"

using namespace broadside::testing;
using namespace broadside::testing::corpus;

namespace {

struct Outcome {
  int exit_code = -1;
  nlohmann::json report;
  std::string err;
};

Outcome preflight(const fs::path& pdf) {
  const auto r = run_broadside({"preflight", pdf.string(), "--json"});
  Outcome o{r.exit_code, nullptr, r.err};
  if (!r.out.empty()) o.report = nlohmann::json::parse(r.out);
  return o;
}

/// The findings of `check` whose message holds `text`.
int count(const Outcome& o, const std::string& check, const std::string& severity,
          const std::string& text) {
  int n = 0;
  if (o.report.is_null()) return 0;
  for (const auto& f : o.report["findings"])
    if (f["check"] == check && f["severity"] == severity &&
        f["message"].get<std::string>().find(text) != std::string::npos)
      ++n;
  return n;
}

/// The file fails (exit 1) with an error of `check` saying `text`.
void caught(const fs::path& pdf, const std::string& check, const std::string& text) {
  const Outcome o = preflight(pdf);
  INFO(pdf.filename().string() << ": " << o.report.dump(1) << o.err);
  CHECK(o.exit_code == 1);
  CHECK(count(o, check, "error", text) >= 1);
}

/// The file passes (exit 0) with a warning of `check` saying `text`.
void warned(const fs::path& pdf, const std::string& check, const std::string& text) {
  const Outcome o = preflight(pdf);
  INFO(pdf.filename().string() << ": " << o.report.dump(1) << o.err);
  CHECK(o.exit_code == 0);
  CHECK(count(o, check, "warning", text) >= 1);
}

/// The value a finding of `check` measured.
double measured(const fs::path& pdf, const std::string& check) {
  const Outcome o = preflight(pdf);
  for (const auto& f : o.report["findings"])
    if (f["check"] == check && f.contains("value")) return f["value"];
  return -1;
}

constexpr double kMm = 72 / 25.4;
// The leaflet's TrimBox in PDF space: 36.85 36.85 456.38 632.13.
constexpr double kTrimX0 = 36.85, kTrimY0 = 36.85, kTrimY1 = 632.13;

std::string text_at(double x, double y, const std::string& setup, double size = 10) {
  return "q BT /f-0-0 " + std::to_string(size) + " Tf " + setup + " 1 0 0 1 " + std::to_string(x) +
         " " + std::to_string(y) + " Tm <00410042004300440045> Tj ET Q";
}

}  // namespace

TEST_CASE("preflight corpus: the good files pass with no false alarm") {
  const fs::path dir = scratch_dir("corpus-good");
  const Outcome x4 = preflight(written(dir, "good", good_qdf()));
  INFO(x4.report.dump(1) << x4.err);
  CHECK(x4.exit_code == 0);
  CHECK(x4.report["findings"].empty());
  // Plain cairo with its boxes added: RGB is a warning (no press claimed), nothing else.
  const Outcome plain = preflight(cairo_pdf(dir, "plain", [](cairo_t*) {}));
  INFO(plain.report.dump(1));
  CHECK(plain.exit_code == 0);
  CHECK(plain.report["findings"].size() == 1);
  CHECK(count(plain, "color", "warning", "an RGB file") == 1);
}

TEST_CASE("preflight corpus: small text, from Tf, the text matrix and the CTM") {
  const fs::path dir = scratch_dir("corpus-text");
  caught(written(dir, "tf", drawn(good_qdf(), text_at(100, 300, "0 0 0 1 k", 4))), "text-size",
         "4pt is below the 6pt minimum");
  // Just under the limit: to a hundredth, where a tenth would say "6pt is below the 6pt".
  caught(written(dir, "near", drawn(good_qdf(), text_at(100, 300, "0 0 0 1 k", 5.96))), "text-size",
         "5.96pt is below the 6pt minimum");
  caught(written(dir, "tm",
                 drawn(good_qdf(),
                       "q BT /f-0-0 12 Tf 0 0 0 1 k 0.3 0 0 0.3 100 300 Tm "
                       "<00410042> Tj ET Q")),
         "text-size", "3.6pt is below");
  caught(written(dir, "ctm",
                 drawn(good_qdf(),
                       "q 0.4 0 0 0.4 0 0 cm " + text_at(300, 800, "0 0 0 1 k", 10) + " Q")),
         "text-size", "4pt is below");
  caught(cairo_pdf(dir, "cairo",
                   [](cairo_t* cr) {
                     cairo_set_font_size(cr, 4.5);
                     cairo_move_to(cr, 100, 300);
                     cairo_show_text(cr, "small print");
                   }),
         "text-size", "4.5pt is below");
  CHECK(measured(dir / "cairo.pdf", "text-size") == doctest::Approx(4.5));
}

TEST_CASE("preflight corpus: hairlines, widths after the CTM") {
  const fs::path dir = scratch_dir("corpus-rules");
  caught(written(dir, "w", drawn(good_qdf(), "q 0.1 w 0 0 0 1 K 100 200 m 300 200 l S Q")), "rules",
         "0.1pt is thinner than 0.25pt");
  caught(written(dir, "ctm",
                 drawn(good_qdf(),
                       "q 0.1 0 0 0.1 0 0 cm 1 w 0 0 0 1 K 1000 2000 m "
                       "3000 2000 l S Q")),
         "rules", "0.1pt is thinner");
  caught(written(dir, "zero", drawn(good_qdf(), "q 0 w 0 0 0 1 K 100 200 m 300 200 l S Q")),
         "rules", "a 0pt line");
  caught(cairo_pdf(dir, "cairo",
                   [](cairo_t* cr) {
                     cairo_set_line_width(cr, 0.15);
                     cairo_move_to(cr, 100, 400);
                     cairo_line_to(cr, 300, 400);
                     cairo_stroke(cr);
                   }),
         "rules", "0.15pt is thinner");
}

TEST_CASE("preflight corpus: text in the safe zone or across the trim") {
  const fs::path dir = scratch_dir("corpus-safe");
  caught(written(dir, "near", drawn(good_qdf(), text_at(kTrimX0 + 1 * kMm, 300, "0 0 0 1 k"))),
         "safe-zone", "1.0mm from the trim");
  caught(written(dir, "across", drawn(good_qdf(), text_at(100, kTrimY1 - 3, "0 0 0 1 k"))),
         "safe-zone", "crosses the trim");
  caught(cairo_pdf(dir, "cairo",
                   [](cairo_t* cr) {
                     cairo_set_font_size(cr, 10);
                     cairo_move_to(cr, 3 * kMm + 0.5 * kMm, 300);
                     cairo_show_text(cr, "at the edge");
                   }),
         "safe-zone", "inside the 3.0mm safe zone");
}

TEST_CASE("preflight corpus: white set to overprint is an error") {
  const fs::path dir = scratch_dir("corpus-white");
  const std::string qdf = with_resource(good_qdf(), "/ExtGState", "/GSop << /OP true >>");
  caught(written(dir, "fill", drawn(qdf, "q /GSop gs 0 0 0 0 k 100 100 60 60 re f Q")), "overprint",
         "white (C0 M0 Y0 K0) set to overprint");
  caught(written(dir, "text", drawn(qdf, "q /GSop gs " + text_at(100, 300, "1 g", 20) + " Q")),
         "overprint", "white (gray 1) set to overprint");
  caught(written(dir, "stroke", drawn(qdf, "q /GSop gs 2 w 0 0 0 0 K 100 200 m 300 200 l S Q")),
         "overprint", "white (C0 M0 Y0 K0) set to overprint");
}

TEST_CASE("preflight corpus: overprint on a colour that is not black is a warning") {
  const fs::path dir = scratch_dir("corpus-overprint");
  const std::string qdf = with_resource(good_qdf(), "/ExtGState", "/GSop << /op true >>");
  warned(written(dir, "cyan", drawn(qdf, "q /GSop gs 1 0 0 0 k 100 100 60 60 re f Q")), "overprint",
         "C100 M0 Y0 K0 set to overprint");
  // 100 K overprinting is the rule, not a problem.
  const Outcome black =
      preflight(written(dir, "black", drawn(qdf, "q /GSop gs 0 0 0 1 k 100 100 60 60 re f Q")));
  CHECK(black.exit_code == 0);
  CHECK(count(black, "overprint", "warning", "") == 0);
}

TEST_CASE("preflight corpus: registration colour inside the trim, rich black in small text") {
  const fs::path dir = scratch_dir("corpus-registration");
  caught(written(dir, "cmyk", drawn(good_qdf(), "q 1 1 1 1 K 1 w 100 200 m 300 200 l S Q")),
         "registration", "registration colour (C100 M100 Y100 K100");
  const std::string all = with_resource(
      good_qdf(), "/ColorSpace",
      "/CSall [ /Separation /All /DeviceCMYK << /FunctionType 2 /Domain [ 0 1 ] /C0 [ 0 0 0 0 ] "
      "/C1 [ 1 1 1 1 ] /N 1 >> ]");
  caught(written(dir, "all", drawn(all, "q /CSall cs 1 scn 100 100 20 20 re f Q")), "registration",
         "separation All 100%");
  warned(written(dir, "rich", drawn(good_qdf(), text_at(100, 300, "0.6 0.4 0.4 1 k", 8))),
         "registration", "8pt text in rich black (C60 M40 Y40 K100)");
}

TEST_CASE("preflight corpus: total ink everywhere inside the BleedBox") {
  const fs::path dir = scratch_dir("corpus-ink");
  const double box = 21 * kMm;
  auto square = [&](const std::string& color, double x, double y) {
    return "q " + color + " k " + std::to_string(x) + " " + std::to_string(y) + " " +
           std::to_string(box) + " " + std::to_string(box) + " re f Q";
  };
  caught(written(dir, "400", drawn(good_qdf(), square("1 1 1 1", 100, 100))), "ink",
         "400% of ink at most");
  caught(written(dir, "396", drawn(good_qdf(), square("0.99 0.99 0.99 0.99", 100, 100))), "ink",
         "% of ink at most");
  CHECK(measured(dir / "396.pdf", "ink") > 390);
  caught(written(dir, "320", drawn(good_qdf(), square("0.8 0.8 0.8 0.8", 100, 100))), "ink",
         "over 300%");
  // In the bleed, outside the trim: still printed, still counted.
  caught(written(dir, "bleed", drawn(good_qdf(), square("1 1 1 1", kTrimX0 - 6, 300))), "ink",
         "400% of ink at most");
  caught(written(dir, "text", drawn(good_qdf(), text_at(100, 300, "1 1 1 1 k", 9))), "ink",
         "% of ink at most");
}

TEST_CASE("preflight corpus: PDF/X-4 identification, trapping and metadata") {
  const fs::path dir = scratch_dir("corpus-pdfx-keys");
  caught(
      written(dir, "no-info-version", replaced(good_qdf(), "  /GTS_PDFXVersion (PDF/X-4)\n", "")),
      "pdfx", "no GTS_PDFXVersion in the document Info dictionary");
  caught(
      written(dir, "no-xmp-version",
              replaced(good_qdf(), "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>", "")),
      "pdfx", "no pdfxid:GTS_PDFXVersion in the XMP");
  caught(written(dir, "mismatch",
                 replaced(good_qdf(), "<pdfxid:GTS_PDFXVersion>PDF/X-4<",
                          "<pdfxid:GTS_PDFXVersion>PDF/X-4p<")),
         "pdfx", "the XMP says 'PDF/X-4p'");
  caught(written(dir, "no-trapped", replaced(good_qdf(), "  /Trapped /False\n", "")), "pdfx",
         "no /Trapped in the Info dictionary");
  caught(
      written(dir, "unknown-trapped", replaced(good_qdf(), "/Trapped /False", "/Trapped /Unknown")),
      "pdfx", "/Trapped is 'Unknown'");
}

TEST_CASE("preflight corpus: PDF/X output intent") {
  const fs::path dir = scratch_dir("corpus-pdfx-intent");
  caught(written(dir, "none", replaced(good_qdf(), "/S /GTS_PDFX", "/S /GTS_PDFA1")), "pdfx",
         "no GTS_PDFX output intent");
  caught(written(dir, "no-profile",
                 replaced(good_qdf(), "/DestOutputProfile 7 0 R", "/DestOutputProfileX 7 0 R")),
         "pdfx", "embeds no DestOutputProfile");
  caught(written(dir, "no-condition",
                 replaced(good_qdf(), "/OutputConditionIdentifier", "/OutputConditionIdentifierX")),
         "pdfx", "no OutputConditionIdentifier");
}

TEST_CASE("preflight corpus: PDF/X file structure: ID, encryption, version, boxes, annotations") {
  const fs::path dir = scratch_dir("corpus-pdfx-structure");
  const std::string qdf = good_qdf();
  const size_t id = qdf.find("  /ID [", qdf.rfind("trailer"));
  REQUIRE(id != std::string::npos);
  caught(written(dir, "no-id", qdf.substr(0, id) + qdf.substr(qdf.find('\n', id) + 1)), "pdfx",
         "no /ID in the trailer");
  const fs::path good = written(dir, "good", good_qdf());
  REQUIRE(run({"qpdf", "--encrypt", "", "owner", "256", "--", good.string(),
               (dir / "encrypted.pdf").string()})
              .exit_code == 0);
  caught(dir / "encrypted.pdf", "pdfx", "PDF/X forbids encryption");
  caught(written(dir, "version", replaced(good_qdf(), "%PDF-1.", "%PDF-1.7\n%")), "pdfx",
         "this part allows up to 1.6");
  caught(written(dir, "annotation",
                 replaced(good_qdf(), "  /Type /Page\n",
                          "  /Annots [ << /Type /Annot /Subtype /Link /Rect [ 100 100 200 120 ] "
                          "/A << /S /URI /URI (https://socialism2020.org) >> >> ]\n  /Type /Page\n",
                          "%% Page 1")),
         "pdfx", "a Link annotation inside the trim");
  caught(written(dir, "no-trim", replaced(good_qdf(), "  /TrimBox", "  /TrimBoxX", "%% Page 2")),
         "pdfx", "the page has no TrimBox");
}

TEST_CASE("preflight corpus: PDF/X-1a forbids transparency and newer PDF versions") {
  const fs::path dir = scratch_dir("corpus-x1a");
  std::string qdf =
      replaced(good_qdf(), "/GTS_PDFXVersion (PDF/X-4)", "/GTS_PDFXVersion (PDF/X-1a:2001)");
  qdf = replaced(qdf, ">PDF/X-4<", ">PDF/X-1a:2001<");
  qdf = with_resource(qdf, "/ExtGState", "/GShalf << /ca 0.5 >>");
  const fs::path pdf =
      written(dir, "x1a", drawn(qdf, "q /GShalf gs 1 0 0 0 k 100 100 50 50 re f Q"));
  caught(pdf, "pdfx", "ISO 15930-1 (PDF/X-1a:2001), transparency: opacity below 1");
  caught(pdf, "pdfx", "this part allows up to 1.3");
}

TEST_CASE("preflight corpus: a password-protected file or no PDF at all: said, naming the file") {
  const fs::path dir = scratch_dir("corpus-unreadable");
  const fs::path good = written(dir, "good", good_qdf());
  REQUIRE(run({"qpdf", "--encrypt", "secret", "owner", "256", "--", good.string(),
               (dir / "locked.pdf").string()})
              .exit_code == 0);
  auto r = run_broadside({"preflight", (dir / "locked.pdf").string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find((dir / "locked.pdf").string() + ": error: the PDF is protected by a password") !=
        std::string::npos);
  write_file(dir / "junk.pdf", "%PDF-1.4\nthis is not a PDF at all\n");
  r = run_broadside({"preflight", (dir / "junk.pdf").string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find((dir / "junk.pdf").string()) != std::string::npos);
  CHECK(r.err.find("/tmp/broadside-gs") == std::string::npos);
}

TEST_CASE("preflight corpus: RGB, fonts, boxes and images (the checks that were there)") {
  const fs::path dir = scratch_dir("corpus-classic");
  caught(written(dir, "rgb", drawn(good_qdf(), "q 1 0 0 rg 100 100 50 50 re f Q")), "color",
         "RGB in a file for a CMYK press");
  caught(written(dir, "font", replaced(good_qdf(), "/FontFile", "/FontFileX")), "fonts",
         "not embedded");
  caught(written(dir, "no-bleed", replaced(good_qdf(), "  /BleedBox", "  /BleedBoxX")), "boxes",
         "no BleedBox");
  caught(
      written(dir, "bleed-outside",
              replaced(good_qdf(), "  /BleedBox [\n    28.346457\n", "  /BleedBox [\n    -20\n")),
      "boxes", "the BleedBox reaches outside the MediaBox");
  caught(cairo_pdf(
             dir, "no-boxes", [](cairo_t*) {}, false),
         "boxes", "no TrimBox");
  // A 40 x 40 pixel image over 50 mm: about 20 ppi; 400 pixels over 50 mm: about 200 ppi.
  for (int pixels : {40, 400}) {
    const fs::path pdf = cairo_pdf(dir, "image" + std::to_string(pixels), [&](cairo_t* cr) {
      cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pixels, pixels);
      cairo_t* icr = cairo_create(image);
      cairo_set_source_rgb(icr, 0.2, 0.4, 0.8);
      cairo_paint(icr);
      cairo_destroy(icr);
      cairo_save(cr);
      cairo_translate(cr, 100, 200);
      cairo_scale(cr, 50 * kMm / pixels, 50 * kMm / pixels);
      cairo_set_source_surface(cr, image, 0, 0);
      cairo_paint(cr);
      cairo_restore(cr);
      cairo_surface_destroy(image);
    });
    if (pixels == 40)
      caught(pdf, "images", "20ppi at its printed size");
    else
      warned(pdf, "images", "203ppi at its printed size");
  }
}

TEST_CASE("preflight corpus: a word space written as a move in TJ is a space in the text quoted") {
  // Ghostscript writes some word spaces as moves: the finding quoted "Tocontact theWSWWS".
  const fs::path dir = scratch_dir("corpus-tj");
  const Outcome o = preflight(written(dir, "tj",
                                      drawn(good_qdf(),
                                            "q BT /f-0-0 4 Tf 0 0 0 1 k 1 0 0 1 100 300 Tm "
                                            "[<00410042>-40<0043>-300<00440045>] TJ ET Q")));
  std::string quoted;
  for (const auto& f : o.report["findings"])
    if (f["check"] == "text-size") quoted = f.dump();
  INFO(o.report.dump(1));
  // The move of 0.3 em is a space; the kern of 0.04 em is none.
  CHECK(quoted.find("ABC DE") != std::string::npos);
}
