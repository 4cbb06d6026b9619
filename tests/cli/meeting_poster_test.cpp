// meeting_poster_test.cpp — the local-meeting example end to end: content/campaign.yaml renders
// every branch's poster cleanly with a contact sheet (skipped jobs and PDF-only outputs on it
// too, failures shown with their error), and each poster's QR code carries its row's address.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

#include "cli_support.hpp"
#include "support/png_compare.hpp"

using namespace broadside::testing;
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

/// The branches of content/branches.csv, as their files are named.
const std::vector<std::string> kBranches = {
    "Detroit",     "Los Angeles",      "New York — Queens",    "Oakland & East Bay",
    "Chicago",     "Pittsburgh",       "Minneapolis–St. Paul", "Boston",
    "San Antonio", "Seattle & Tacoma", "Philadelphia",         "Atlanta"};

/// A scratch copy of the example: the manifest, the data and the two statements it names.
fs::path copy_example(const std::string& name) {
  const fs::path dir = scratch_dir(name) / "content";
  fs::create_directories(dir);
  for (const char* f : {"campaign.yaml", "branches.csv", "statement.en.md", "statement.es.md"})
    fs::copy_file(source_dir() / "content" / f, dir / f);
  return dir;
}

/// Pixels of the campaign red (#C8102E, give or take the thumbnails' resampling).
size_t red_pixels(const Image& image) {
  size_t n = 0;
  for (size_t i = 0; i + 2 < image.rgb.size(); i += 3)
    n += std::abs(image.rgb[i] - 0xC8) < 12 && image.rgb[i + 1] < 0x28 &&
                 std::abs(image.rgb[i + 2] - 0x2E) < 16
             ? 1
             : 0;
  return n;
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

/// A small red design whose outputs are PDF only: its thumbnails must be composed again.
const char* kTinyDesign = R"(name: tiny-red
page: {size: A6, bleed: 3mm, margins: 8mm}
variables:
  branch.name: {max-length: 30}
styles:
  head: {font: [League Spartan], weight: 700, size: 10pt..20pt, max-lines: 3, color: "#FFFFFF"}
pages:
  - background: "#C8102E"
    frames:
      - {text: "{branch.name}", style: head}
)";

}  // namespace

TEST_CASE("meeting posters: the example campaign renders every output cleanly, with its sheet") {
  const fs::path dir = copy_example("meeting-example");
  const fs::path out = dir.parent_path() / "out", report = dir.parent_path() / "report.json";
  const fs::path sheet = dir.parent_path() / "sheet.png", sheet_pdf = dir.parent_path() / "s.pdf";
  const std::vector<std::string> args = {"batch",           (dir / "campaign.yaml").string(),
                                         "--out",           out.string(),
                                         "--report",        report.string(),
                                         "--contact-sheet", sheet.string(),
                                         "--contact-sheet", sheet_pdf.string()};
  const auto r = run_broadside(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("50 jobs: 50 written, 0 up to date, 0 failed") != std::string::npos);
  CHECK(r.out.find("contact sheet: " + sheet.string()) != std::string::npos);

  const json j = json::parse(read_bytes(report));
  CHECK(j["summary"]["planned"] == 50);
  CHECK(j["summary"]["done"] == 50);
  CHECK(j["summary"]["failed"] == 0);
  for (const auto& job : j["jobs"]) {
    INFO(job.dump());
    CHECK(job["status"] == "done");
    CHECK(job["diagnostics"].empty());
  }
  std::vector<std::string> expected = {"share-square/en.png", "share-square/es.png"};
  for (const char* design : {"poster-meeting-tabloid", "poster-meeting-a3"})
    for (const char* lang : {"en", "es"})
      for (const auto& branch : kBranches)
        for (const char* ext : {".pdf", ".png"})
          expected.push_back(std::string(design) + "/" + lang + "/" + branch + ext);
  for (const auto& f : expected) {
    INFO(f);
    CHECK(fs::exists(out / f));
  }

  // The sheet: one page, every tile labelled (real text in the PDF), thumbnails drawn.
  const auto image = load_png(sheet);
  REQUIRE(image);
  CHECK(image->width > 2000);
  CHECK(red_pixels(*image) > 50 * 15000);  // every poster and square is mostly red
  CHECK(pdf_info(sheet_pdf)["Pages"] == "1");
  const std::string text = pdf_text(sheet_pdf);
  CHECK(text.find("Contact sheet · campaign.yaml") != std::string::npos);
  CHECK(text.find("50 jobs: 50 written, 0 up to date, 0 failed") != std::string::npos);
  CHECK(text.find("poster-meeting-tabloid/es") != std::string::npos);
  CHECK(count(text, "Oakland & East Bay") == 4);
  CHECK(count(text, "New York — Queens") == 4);

  // Run again: every job is skipped, and every output is still on the sheet.
  const auto again = run_broadside(args);
  REQUIRE(again.exit_code == 0);
  CHECK(again.out.find("50 jobs: 0 written, 50 up to date") != std::string::npos);
  const std::string text2 = pdf_text(sheet_pdf);
  CHECK(count(text2, "Oakland & East Bay") == 4);
  CHECK(count(text2, "up to date") >= 50);
  const auto image2 = load_png(sheet);
  REQUIRE(image2);
  CHECK(red_pixels(*image2) == red_pixels(*image));
}

TEST_CASE("contact sheet: PDF-only outputs are composed again, failures show their error") {
  const fs::path dir = scratch_dir("sheet-pdf-only");
  write_file(dir / "tiny.yaml", kTinyDesign);
  write_file(dir / "s.md", read_bytes(source_dir() / "content" / "statement.en.md"));
  write_file(dir / "rows.csv",
             "branch.name\nDetroit\nOakland\nA branch name far longer than thirty\nToledo\n");
  write_file(
      dir / "m.yaml",
      "designs: tiny.yaml\nstatements: s.md\ndata: rows.csv\noutputs: '{branch.name}.pdf'\n");
  const std::vector<std::string> args = {"batch",           (dir / "m.yaml").string(),
                                         "--out",           (dir / "out").string(),
                                         "--contact-sheet", (dir / "sheet.png").string(),
                                         "--contact-sheet", (dir / "sheet.pdf").string()};
  for (int run = 1; run <= 2; ++run) {  // the second run skips the three good jobs
    INFO("run " << run);
    const auto r = run_broadside(args);
    INFO(r.err);
    CHECK(r.exit_code == 1);  // a job failed; the sheet is still written
    const auto image = load_png(dir / "sheet.png");
    REQUIRE(image);
    // Three red A6 thumbnails (~150 x 213 pt at 1.5 px/pt) and no PNG to read them from.
    CHECK(red_pixels(*image) > 3 * 60000);
    const std::string text = pdf_text(dir / "sheet.pdf");
    CHECK(text.find("Failed") != std::string::npos);
    CHECK(text.find("1 job failed") != std::string::npos);
    CHECK(text.find("FAILED") != std::string::npos);
    CHECK(text.find("rows.csv:4:") != std::string::npos);
    CHECK(text.find("Toledo") != std::string::npos);
    CHECK(count(text, "up to date") == (run == 1 ? 1 : 4));  // the summary line, and tiles
  }
}

TEST_CASE("contact sheet: a name that is not .png or .pdf is a command-line mistake") {
  const fs::path dir = scratch_dir("sheet-usage");
  const auto r =
      run_broadside({"batch", (source_dir() / "content" / "campaign.yaml").string(), "--out",
                     (dir / "out").string(), "--contact-sheet", (dir / "sheet.jpg").string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("a contact sheet is a .png or a .pdf file") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "out"));
}

TEST_CASE("meeting posters: each QR code decodes to its row's address, ?ref= its branch.id") {
  const fs::path dir = scratch_dir("meeting-qr");
  // Rows 1, 2 and 5 of the example: ids "det", none (the design's default), "chi".
  std::ifstream in(source_dir() / "content" / "branches.csv");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  REQUIRE(lines.size() == 13);
  write_file(dir / "rows.csv",
             lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n" + lines[5] + "\n");
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"Detroit", "https://socialism2020.org/?ref=det"},
      {"Los Angeles", "https://socialism2020.org/?ref=poster"},
      {"Chicago", "https://socialism2020.org/?ref=chi"}};
  for (const char* design : {"poster-meeting-tabloid", "poster-meeting-a3"}) {
    const auto r = run_broadside({"render", design, statement("statement.en.md"), "--data",
                                  (dir / "rows.csv").string(), "-o",
                                  (dir / design / "{branch.name}.png").string(), "--dpi", "72"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    for (const auto& row : expected) {
      // Plain references, not structured bindings: INFO captures them in a lambda (clang 14).
      const std::string& branch = row.first;
      const std::string& url = row.second;
      INFO(design << " " << branch);
      const auto qr =
          run({"zbarimg", "--quiet", "--raw", (dir / design / (branch + ".png")).string()});
      CHECK(qr.exit_code == 0);
      CHECK(qr.out == url + "\n");
    }
  }
}
