// vt_test.cpp — `--vt FILE`: a data merge's rows gathered into one PDF for a variable-data press:
// every row's pages in row order, one DPart per record with the row's values, shared objects
// stored once, PDF/VT-1 only over PDF/X-4, and no file at all when a row failed.
#include <nlohmann/json.hpp>

#include "cli_support.hpp"

using namespace broadside::testing;
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

/// The headline (the same on every record, in a font nothing variable uses) and the QR code are
/// what records share; the branch's values, in another font, are what differs.
const char* kDesign = R"(name: vt-branch
page: {size: A6, bleed: 3mm, margins: 8mm}
output: {pdfx: 4}
variables:
  branch.name: {max-length: 30}
styles:
  head: {font: [League Spartan], weight: 700, size: 10pt..18pt, max-lines: 3}
  small: {font: [Inter], size: 9pt}
pages:
  - frames:
      - stack: vertical
        area: margin
        gap: 3mm
        items:
          - {text: "{headline}", style: head}
          - {text: "{branch.name}", style: small}
          - {text: "{event.place}", style: small}
          - {qr: "https://socialism2020.org", height: 20mm}
)";

const char* kRows =
    "branch.name,event.place\n"
    "Detroit,Union Hall\n"
    "Oakland,Library Room 2\n"
    "Leeds,Quaker Meeting House\n"
    "Marseille,Bourse du Travail\n";

const std::vector<std::string> kBranches{"Detroit", "Oakland", "Leeds", "Marseille"};

struct Merge {
  fs::path dir, design, statement, data, manifest, out, vt;

  Merge(const std::string& name, const std::string& rows, const std::string& design_text) {
    dir = scratch_dir(name);
    design = dir / "vt.yaml";
    statement = dir / "statement.md";
    data = dir / "rows.csv";
    manifest = dir / "campaign.yaml";
    out = dir / "out";
    vt = dir / "press" / "all.pdf";
    write_file(design, design_text);
    write_file(statement, read_bytes(source_dir() / "content" / "statement.en.md"));
    write_file(data, rows);
    write_file(manifest,
               "designs: vt.yaml\nstatements: statement.md\ndata: rows.csv\n"
               "outputs: '{branch.name}.pdf'\n");
  }
  RunResult batch() const {
    return run_broadside(
        {"batch", manifest.string(), "--out", out.string(), "-j", "1", "--vt", vt.string()});
  }
};

/// Every object of `pdf` as qpdf's JSON (version 2) gives it: "obj:N 0 R" -> {"value": ...}.
json objects_of(const fs::path& pdf) {
  const auto r = run({"qpdf", "--json=2", "--json-key=qpdf", pdf.string()});
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out)["qpdf"][1];
}

std::vector<json> of_type(const json& objects, const std::string& type) {
  std::vector<json> out;
  for (const auto& [id, object] : objects.items())
    if (object.contains("value") && object["value"].is_object() &&
        object["value"].value("/Type", "") == type)
      out.push_back(object["value"]);
  return out;
}

/// Every page of the VT file has the pixels of its row's own file.
void check_pages_look_like_rows(const Merge& m) {
  for (size_t i = 0; i < kBranches.size(); ++i) {
    const std::string page = std::to_string(i + 1);
    const auto a = run({"pdftoppm", "-r", "40", "-f", page, "-l", page, m.vt.string()});
    const auto b = run({"pdftoppm", "-r", "40", (m.out / (kBranches[i] + ".pdf")).string()});
    CAPTURE(i);
    CHECK(a.out.size() > 1000);
    CHECK(a.out == b.out);
  }
}

size_t count_of(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = 0; (at = text.find(what, at)) != std::string::npos; at += what.size()) ++n;
  return n;
}

/// The file uncompressed, for reading its metadata as text.
std::string qdf_text(const fs::path& pdf) {
  const fs::path qdf = pdf.parent_path() / "check.qdf";
  const auto r = run({"qpdf", "--qdf", "--object-streams=disable", pdf.string(), qdf.string()});
  REQUIRE(r.exit_code == 0);
  std::string text = read_bytes(qdf);
  fs::remove(qdf);
  return text;
}

}  // namespace

TEST_CASE("batch --vt: one PDF/VT-1 file, every row's page in row order, shared objects once") {
  Merge m("vt-merge", kRows, kDesign);
  const auto r = m.batch();
  INFO(r.err);
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("variable-data PDF: " + m.vt.string() + " (4 records, 4 pages, PDF/VT-1") !=
        std::string::npos);
  CHECK(run({"qpdf", "--check", m.vt.string()}).exit_code == 0);
  CHECK(pdf_info(m.vt)["Pages"] == "4");
  for (size_t i = 0; i < kBranches.size(); ++i) {
    const std::string page = pdf_text(m.vt, static_cast<int>(i + 1), static_cast<int>(i + 1));
    CAPTURE(i);
    for (size_t j = 0; j < kBranches.size(); ++j)
      CHECK((page.find(kBranches[j]) != std::string::npos) == (i == j));
  }

  // Structure: a DPartRoot at record level 1 over one DPart per row, each holding its row's
  // values and its page.
  const json objects = objects_of(m.vt);
  const auto roots = of_type(objects, "/DPartRoot");
  REQUIRE(roots.size() == 1);
  CHECK(roots[0]["/RecordLevel"] == 1);
  const auto parts = of_type(objects, "/DPart");
  REQUIRE(parts.size() == 5);  // the document's node and four records
  std::vector<std::string> names;
  for (const auto& part : parts)
    if (part.contains("/DPM")) names.push_back(part["/DPM"]["/Values"]["/branch.name"]);
  CHECK(names == std::vector<std::string>{"u:Detroit", "u:Oakland", "u:Leeds", "u:Marseille"});
  for (const auto& page : of_type(objects, "/Page")) CHECK(page.contains("/DPart"));

  // What every record shares (the press profile, the headline's font) is stored once.
  std::uintmax_t rows = 0;
  for (const auto& b : kBranches) rows += fs::file_size(m.out / (b + ".pdf"));
  const std::uintmax_t vt = fs::file_size(m.vt);
  INFO("VT file " << vt << " bytes, the rows' files " << rows << " bytes");
  CHECK(vt * 2 < rows);
  size_t profiles = 0;
  for (const auto& [id, object] : objects.items()) {
    if (!object.contains("stream")) continue;
    const json& dict = object["stream"]["dict"];
    if (dict.value("/Type", "") != "/ObjStm" && dict.value("/N", 0) == 4) ++profiles;
  }
  CHECK(profiles == 1);
  const std::string fonts = run({"pdffonts", m.vt.string()}).out;
  size_t headline_fonts = 0;
  for (size_t at = 0; (at = fonts.find("LeagueSpartan", at)) != std::string::npos; ++at)
    ++headline_fonts;
  CHECK(headline_fonts == 1);

  // PDF/VT-1 identification over PDF/X-4's, and the PDF/X-4 claim still holds as a whole.
  const std::string text = qdf_text(m.vt);
  CHECK(text.find("<pdfvtid:GTS_PDFVTVersion>PDF/VT-1</pdfvtid:GTS_PDFVTVersion>") !=
        std::string::npos);
  CHECK(text.find("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>") != std::string::npos);
  CHECK(text.find("%PDF-1.6") == 0);
  // The headline and the QR code, the same on every record, are the records' fixed layer: one
  // form, stored once (as is the content that draws it), that every page draws under its own
  // values (every page is compared with its row's own file below).
  CHECK(count_of(text, "/Subtype /Form") == 1);
  CHECK(count_of(text, "/BSFixed Do") == 1);
  // And every page looks exactly as the row's own file does.
  check_pages_look_like_rows(m);
  const auto preflight = run_broadside({"preflight", m.vt.string()});
  INFO(preflight.out);
  CHECK(preflight.exit_code == 0);
  CHECK(std::regex_search(preflight.out, std::regex(R"(pdfx +passed .*\(as PDF/X-4\))")));

  // An incremental rerun skips every row and gathers the same file again, byte for byte.
  const std::string first = read_bytes(m.vt);
  REQUIRE(m.batch().exit_code == 0);
  CHECK(read_bytes(m.vt) == first);
}

TEST_CASE("batch --vt: when every frame varies, the artwork every record ends with is one form") {
  // The stack is there only for a branch: nothing is fixed, each record is drawn whole, and the
  // QR code every record draws last is found in the pages' content and shared.
  std::string design = kDesign;
  const std::string stack = "      - stack: vertical\n";
  design.insert(design.find(stack) + stack.size(), "        when-set: branch.name\n");
  Merge m("vt-tail", kRows, design);
  const auto r = m.batch();
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("4 pages draw the artwork every record has from one shared form") !=
        std::string::npos);
  const std::string text = qdf_text(m.vt);
  CHECK(count_of(text, "/Subtype /Form") == 1);
  CHECK(count_of(text, "/BSFixed") == 0);
  check_pages_look_like_rows(m);
}

TEST_CASE("batch --vt: a failed row leaves no file, and says why") {
  Merge m("vt-failed",
          std::string(kRows) + "A branch name far longer than thirty characters,Hall\n", kDesign);
  const auto r = m.batch();
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(m.vt.string() +
                   ": error: variable-data PDF not written: 1 job failed (it holds every "
                   "record or none)") != std::string::npos);
  CHECK_FALSE(fs::exists(m.vt));
  CHECK_FALSE(fs::exists(m.vt.parent_path()));
}

TEST_CASE("render --data --vt: without PDF/X-4 the records are joined but no PDF/VT is claimed") {
  Merge m("vt-plain", kRows, kDesign);
  // PDF/X-1a records: the joined file keeps their pages but claims neither PDF/X nor PDF/VT.
  const auto r = run_broadside({"render", m.design.string(), m.statement.string(), "--data",
                                m.data.string(), "-o", (m.out / "{branch.name}.pdf").string(),
                                "--pdfx", "1a", "--vt", m.vt.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("not PDF/VT") != std::string::npos);
  CHECK(pdf_info(m.vt)["Pages"] == "4");
  CHECK(pdf_text(m.vt, 4, 4).find("Marseille") != std::string::npos);
  CHECK(of_type(objects_of(m.vt), "/DPart").size() == 5);
  CHECK(qdf_text(m.vt).find("GTS_PDF") == std::string::npos);
  CHECK(run({"qpdf", "--check", m.vt.string()}).exit_code == 0);

  const auto lone = run_broadside(
      {"render", m.design.string(), "-o", (m.dir / "x.pdf").string(), "--vt", m.vt.string()});
  CHECK(lone.exit_code == 2);
  CHECK(lone.err.find("add --data FILE") != std::string::npos);
}
