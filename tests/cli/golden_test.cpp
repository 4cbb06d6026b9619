// golden_test.cpp — every bundled design rendered at 72 dpi and compared with its reference
// PNGs in tests/golden/<design>/. A pixel differs when a channel differs by more than 2; a page
// passes with at most 4 pixels differing (support/png_compare.hpp), so one wrong glyph fails, as
// the last test shows. On failure the test writes expected | difference | actual next to the
// rendering and names it. BROADSIDE_UPDATE_REFS=1 rewrites the references (then look at them
// before committing).
#include <cstdlib>
#include <fstream>
#include <iterator>

#include "cli_support.hpp"
#include "support/png_compare.hpp"

using namespace broadside::testing;
namespace fs = std::filesystem;

namespace {

/// Golden case `design` (English) or `design.lang`, in tests/golden/<case>/; `extra` adds
/// options (a branch's --set values).
void check_design(const std::string& design, const std::string& lang = "en",
                  const std::vector<std::string>& extra = {}) {
  const std::string name = lang == "en" ? design : design + "." + lang;
  const fs::path dir = scratch_dir("golden-" + name);
  std::vector<std::string> args = {"render",
                                   design,
                                   statement(("statement." + lang + ".md").c_str()),
                                   "-o",
                                   (dir / "page.png").string(),
                                   "--dpi",
                                   "72"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto r = run_broadside(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const fs::path refs = source_dir() / "tests" / "golden" / name;
  const bool update = std::getenv("BROADSIDE_UPDATE_REFS") &&
                      std::string(std::getenv("BROADSIDE_UPDATE_REFS")) == "1";
  const auto pages = files_in(dir);
  REQUIRE(!pages.empty());
  if (update) {
    fs::remove_all(refs);
    fs::create_directories(refs);
    for (const auto& page : pages) fs::copy_file(dir / page, refs / page);
    return;
  }
  REQUIRE_MESSAGE(files_in(refs) == pages,
                  "references differ in pages; rerun with BROADSIDE_UPDATE_REFS=1 and look");
  for (const auto& page : pages) {
    INFO(design << " " << page);
    const auto expected = load_png(refs / page);
    const auto actual = load_png(dir / page);
    REQUIRE(expected);
    REQUIRE(actual);
    const auto c = compare(*expected, *actual);
    if (!c.passes()) {
      const fs::path diff = dir / ("diff-" + page);
      save_png(diff, side_by_side(*expected, *actual));
      FAIL_CHECK(page << ": " << c.differing << " pixels differ (" << c.fraction * 100
                      << " %); expected | difference | actual in " << diff.string());
    }
  }
}

}  // namespace

TEST_CASE("golden: leaflet-a5") {
  check_design("leaflet-a5");
}
TEST_CASE("golden: flyer-letter") {
  check_design("flyer-letter");
}
TEST_CASE("golden: poster-a3") {
  check_design("poster-a3");
}
TEST_CASE("golden: share-square") {
  check_design("share-square");
}
TEST_CASE("golden: booklet-a5") {
  check_design("booklet-a5");
}
// Headlines in other scripts: Arabic (right to left, joined), Hindi (conjuncts), Chinese,
// Vietnamese (stacked diacritics).
TEST_CASE("golden: share-square in Arabic") {
  check_design("share-square", "ar");
}
TEST_CASE("golden: share-square in Hindi") {
  check_design("share-square", "hi");
}
TEST_CASE("golden: share-square in Chinese") {
  check_design("share-square", "zh");
}
TEST_CASE("golden: share-square in Vietnamese") {
  check_design("share-square", "vi");
}
TEST_CASE("golden: leaflet-a5 in Arabic") {
  check_design("leaflet-a5", "ar");
}
// The meeting posters, filled in as a branch's row would (the QR code carries its id).
const std::vector<std::string> kDetroit = {
    "--set", "branch.name=Detroit",
    "--set", "branch.id=det",
    "--set", "event.place=UAW Local 600 Hall, 10550 Dix Ave, Dearborn",
    "--set", "event.date=2026-03-14",
    "--set", "event.time=7 pm",
    "--set", "branch.contact=detroit@socialism2020.org"};
TEST_CASE("golden: poster-meeting-tabloid") {
  check_design("poster-meeting-tabloid", "en", kDetroit);
}
TEST_CASE("golden: poster-meeting-a3 in Spanish") {
  check_design("poster-meeting-a3", "es", kDetroit);
}
// Folded: both sides of each trifold, and the A4 one mirrored for a right-to-left statement.
TEST_CASE("golden: trifold-a4") {
  check_design("trifold-a4");
}
TEST_CASE("golden: trifold-letter") {
  check_design("trifold-letter");
}
TEST_CASE("golden: trifold-a4 in Arabic") {
  check_design("trifold-a4", "ar");
}

// The tolerance is tight enough that one wrong letter fails: the leaflet with one letter of its
// body changed to one just as wide ("squads" set as "squabs", so nothing else on the page moves)
// fails against the references on the page with the letter, and passes on the other.
TEST_CASE("golden: one wrong glyph fails the comparison") {
  const fs::path dir = scratch_dir("golden-one-glyph");
  std::ifstream in(statement("statement.en.md"));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const size_t at = text.find("squads");
  REQUIRE(at != std::string::npos);
  text.replace(at, 6, "squabs");
  write_file(dir / "statement.en.md", text);
  const auto r = run_broadside({"render", "leaflet-a5", (dir / "statement.en.md").string(), "-o",
                                (dir / "page.png").string(), "--dpi", "72"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const fs::path refs = source_dir() / "tests" / "golden" / "leaflet-a5";
  const auto unchanged = compare(*load_png(refs / "page-1.png"), *load_png(dir / "page-1.png"));
  CHECK(unchanged.differing == 0);
  CHECK(unchanged.passes());
  const auto changed = compare(*load_png(refs / "page-2.png"), *load_png(dir / "page-2.png"));
  INFO(changed.differing << " pixels differ");
  CHECK(changed.differing > 3 * kMaxDifferingPixels);
  CHECK_FALSE(changed.passes());
}
