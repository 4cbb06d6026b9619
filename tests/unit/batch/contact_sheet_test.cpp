// contact_sheet_test.cpp — what a contact sheet shows and where: a job's files grouped into
// documents (PDF + PNG, PNG pages), failures first, and tiles paged in a fixed grid.
#include <doctest/doctest.h>

#include "batch/contact_sheet.hpp"
#include "batch/contact_sheet_layout.hpp"
#include "batch/contact_sheet_tiles.hpp"
#include "batch_test_support.hpp"

using namespace broadside;
using namespace broadside::batch;
using namespace broadside::batch::testing;
namespace fs = std::filesystem;

namespace {

JobRecord record(size_t index, int row, JobStatus status, std::vector<fs::path> outputs) {
  JobRecord r;
  r.index = index;
  r.design = "designs/poster.yaml";
  r.statement = "content/statement.es.md";
  r.row = row;
  r.status = status;
  r.outputs = std::move(outputs);
  return r;
}

std::vector<SheetSection> sections_of(size_t tiles_in_first, size_t tiles_in_second) {
  std::vector<SheetSection> sections(2);
  sections[0].name = "a";
  sections[0].tiles.resize(tiles_in_first);
  sections[1].name = "b";
  sections[1].tiles.resize(tiles_in_second);
  return sections;
}

}  // namespace

TEST_CASE("contact sheet: a job's PDF and PNG pages are one tile; failures come first") {
  const fs::path out = scratch("sheet-tiles");
  for (const char* f : {"p/es/Detroit.png", "p/es/Long-1.png", "p/es/Long-2.png", "p/es/Old-1.png",
                        "p/es/Old-2.png", "p/es/Old-3.png"})
    write(out / f, "png");
  RunSummary summary;
  summary.jobs.push_back(
      record(0, 1, JobStatus::done, {out / "p/es/Detroit.pdf", out / "p/es/Detroit.png"}));
  summary.jobs.push_back(
      record(1, 2, JobStatus::done,
             {out / "p/es/Long.pdf", out / "p/es/Long-1.png", out / "p/es/Long-2.png"}));
  // A skipped job lists its outputs as named; its pages are found on disk.
  summary.jobs.push_back(
      record(2, 3, JobStatus::skipped, {out / "p/es/Old.pdf", out / "p/es/Old.png"}));
  summary.jobs.push_back(record(3, 4, JobStatus::failed, {}));
  summary.jobs.back().diags.error({"/x/rows.csv", 5, 0}, "variable 'branch.name' is too long");
  summary.jobs.push_back(record(4, 0, JobStatus::done, {out / "q" / "Only-600.png"}));
  std::vector<PlannedJob> jobs(5);
  for (size_t i = 0; i < jobs.size(); ++i) jobs[i].index = i;

  const auto sections = collect_tiles(summary, jobs, out);
  REQUIRE(sections.size() == 3);
  CHECK(sections[0].failures);
  REQUIRE(sections[0].tiles.size() == 1);
  const SheetTile& failed = sections[0].tiles[0];
  CHECK(failed.state == TileState::failed);
  CHECK(failed.title == "poster · statement.es");
  CHECK(failed.detail == "job 4 · row 4");
  CHECK(failed.problem == "rows.csv:5: variable 'branch.name' is too long");

  CHECK(sections[1].name == "p/es");
  REQUIRE(sections[1].tiles.size() == 3);
  CHECK(sections[1].tiles[0].title == "Detroit");
  CHECK(sections[1].tiles[0].detail == "row 1 · PDF PNG");
  CHECK(sections[1].tiles[0].png == out / "p/es/Detroit.png");
  CHECK(sections[1].tiles[1].title == "Long");
  CHECK(sections[1].tiles[1].detail == "row 2 · PDF PNG · 2 pages");
  CHECK(sections[1].tiles[1].png == out / "p/es/Long-1.png");
  CHECK(sections[1].tiles[2].state == TileState::current);
  CHECK(sections[1].tiles[2].detail == "row 3 · PDF PNG · 3 pages · up to date");
  CHECK(sections[1].tiles[2].png == out / "p/es/Old-1.png");

  // A number in a name is no page number without a page 1; a PNG not on disk (removed since)
  // is composed again from its job.
  CHECK(sections[2].name == "q");
  REQUIRE(sections[2].tiles.size() == 1);
  CHECK(sections[2].tiles[0].title == "Only-600");
  CHECK(sections[2].tiles[0].detail == "PNG");
  CHECK(sections[2].tiles[0].png.empty());
  CHECK(sections[2].tiles[0].job == &jobs[4]);
}

TEST_CASE("contact sheet: tiles in rows of up to twelve, ten rows a page, sections continued") {
  const auto sections = sections_of(130, 3);
  const auto pages = lay_out_sheet(sections);
  REQUIRE(pages.size() == 2);
  CHECK(pages[0].size.width.value == doctest::Approx(2 * 36 + 12 * 150 + 11 * 18));
  CHECK(pages[0].tiles.size() == 120);
  REQUIRE(pages[0].headings.size() == 1);
  CHECK_FALSE(pages[0].headings[0].continued);
  CHECK(pages[1].tiles.size() == 10 + 3);
  REQUIRE(pages[1].headings.size() == 2);
  CHECK(pages[1].headings[0].continued);
  CHECK(pages[1].headings[0].section == &sections[0]);
  CHECK(pages[1].headings[1].section == &sections[1]);
  for (const auto& page : pages) {
    for (size_t i = 0; i < page.tiles.size(); ++i) {
      const core::Rect& box = page.tiles[i].box;
      CHECK(core::Rect{core::Pt{0}, core::Pt{0}, page.size.width, page.size.height}.contains(box));
      for (size_t k = i + 1; k < page.tiles.size(); ++k) {  // no two tiles overlap
        const core::Rect& other = page.tiles[k].box;
        CHECK((box.right() <= other.x || other.right() <= box.x || box.bottom() <= other.y ||
               other.bottom() <= box.y));
      }
    }
  }
  // A short run still gets a sheet four tiles wide.
  CHECK(lay_out_sheet(sections_of(2, 1))[0].size.width.value ==
        doctest::Approx(2 * 36 + 4 * 150 + 3 * 18));
}

TEST_CASE("contact sheet: only .png and .pdf names") {
  CHECK(is_contact_sheet_format("sheet.png"));
  CHECK(is_contact_sheet_format("out/Sheet.PDF"));
  CHECK_FALSE(is_contact_sheet_format("sheet.jpg"));
  CHECK_FALSE(is_contact_sheet_format("sheet"));
}
