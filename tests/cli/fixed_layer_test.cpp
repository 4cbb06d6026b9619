// fixed_layer_test.cpp — a design that draws given values (--set, a data row) is written as a
// fixed layer every row shares and the row's own items over it: the same file from a merge as
// from a lone render, the same pixels as the design with the values written in, a whole PDF.
#include <sstream>

#include "cli_support.hpp"

using namespace broadside::testing;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kContacts{"Detroit branch meets Tuesdays: det@example.org",
                                         "Leeds branch, Quaker Meeting House: leeds@example.org",
                                         "Oakland: oak@example.org"};

size_t count_of(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = 0; (at = text.find(what, at)) != std::string::npos; at += what.size()) ++n;
  return n;
}

/// The file's objects as text, streams uncompressed.
std::string qdf_of(const fs::path& pdf) {
  const auto r = run({"qpdf", "--qdf", "--object-streams=disable", pdf.string(), "-"});
  REQUIRE(r.exit_code == 0);
  return r.out;
}

std::string pixels(const fs::path& pdf, int page) {
  const std::string p = std::to_string(page);
  return run({"pdftoppm", "-r", "60", "-f", p, "-l", p, pdf.string()}).out;
}

}  // namespace

TEST_CASE(
    "fixed layer: a merge's files are a lone render's, and draw what the values written in do") {
  const fs::path dir = scratch_dir("fixed-layer");
  const fs::path statement = source_dir() / "content" / "statement.en.md";
  std::string rows = "n,contact\n";
  for (size_t i = 0; i < kContacts.size(); ++i)
    rows += std::to_string(i + 1) + ",\"" + kContacts[i] + "\"\n";
  write_file(dir / "rows.csv", rows);
  const std::string leaflet = read_bytes(source_dir() / "designs" / "leaflet-a5.yaml");
  const std::string variable = "text: \"{contact}\"";
  REQUIRE(leaflet.find(variable) != std::string::npos);

  for (const std::string color : {"rgb", "pdfx"}) {
    CAPTURE(color);
    const std::vector<std::string> print =
        color == "pdfx" ? std::vector<std::string>{"--pdfx", "4"} : std::vector<std::string>{};
    const fs::path out = dir / color;
    std::vector<std::string> merge{"render",
                                   "leaflet-a5",
                                   statement.string(),
                                   "--data",
                                   (dir / "rows.csv").string(),
                                   "-o",
                                   (out / "leaflet-{n}.pdf").string()};
    merge.insert(merge.end(), print.begin(), print.end());
    const auto r = run_broadside(merge);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    for (size_t i = 0; i < kContacts.size(); ++i) {
      CAPTURE(i);
      const fs::path file = out / ("leaflet-" + std::to_string(i + 1) + ".pdf");
      // A lone render of the row: the same bytes.
      std::vector<std::string> lone{"render",
                                    "leaflet-a5",
                                    statement.string(),
                                    "--set",
                                    "contact=" + kContacts[i],
                                    "-o",
                                    (out / "lone.pdf").string()};
      lone.insert(lone.end(), print.begin(), print.end());
      REQUIRE(run_broadside(lone).exit_code == 0);
      CHECK(read_bytes(file) == read_bytes(out / "lone.pdf"));

      // Two layers: the fixed one a form every page draws first, stored once a page.
      const std::string qdf = qdf_of(file);
      CHECK(count_of(qdf, "/BSFixed Do") == 2);
      CHECK(count_of(qdf, "/Subtype /Form") == 2);
      CHECK(run({"qpdf", "--check", file.string()}).exit_code == 0);
      CHECK(run({"pdffonts", file.string()}).out.find(" no ") == std::string::npos);
      const std::string text = pdf_text(file);
      std::istringstream words(kContacts[i]);
      for (std::string word; words >> word;) CHECK(text.find(word) != std::string::npos);
      CHECK(text.find("socialism2020.org") != std::string::npos);
      const auto preflight = run_broadside({"preflight", file.string()});
      INFO(preflight.out);
      CHECK(preflight.exit_code == 0);

      // The design with this row's contact written in draws no given value: one layer, and
      // the same pixels.
      std::string written = leaflet;
      written.replace(written.find(variable), variable.size(), "text: \"" + kContacts[i] + "\"");
      write_file(out / "written.yaml", written);
      std::vector<std::string> plain{"render", (out / "written.yaml").string(), statement.string(),
                                     "-o", (out / "written.pdf").string()};
      plain.insert(plain.end(), print.begin(), print.end());
      const auto w = run_broadside(plain);
      INFO(w.err);
      REQUIRE(w.exit_code == 0);
      CHECK(count_of(qdf_of(out / "written.pdf"), "/BSFixed") == 0);
      for (int page = 1; page <= 2; ++page) {
        CAPTURE(page);
        const std::string a = pixels(file, page);
        CHECK(a.size() > 10000);
        CHECK(a == pixels(out / "written.pdf", page));
      }
    }
  }
}
