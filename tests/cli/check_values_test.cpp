// check_values_test.cpp — `check` takes the values `render` does (--set, --vars, --data) and
// checks the layout with them, writing nothing.
#include "cli_support.hpp"

using namespace broadside::testing;
namespace fs = std::filesystem;

namespace {

const char* kMeeting[] = {"--set", "branch.name=Detroit", "--set", "event.date=2026-03-14",
                          "--set", "event.time=7 pm",     "--set", "event.place=Union Hall"};

}  // namespace

TEST_CASE("check: a design that needs values is checked with --set, like render") {
  const fs::path dir = scratch_dir("check-set");
  // The bundled poster leaves out the frames of a meeting not given (when-set).
  const auto bare = run_broadside({"check", "branch-poster-a4"}, {}, dir);
  CHECK(bare.exit_code == 0);
  // A design whose frame needs a value names it, and is fine once it is given.
  const fs::path design = dir / "venue.yaml";
  write_file(design,
             "page: {size: A5}\n"
             "styles:\n  body: {font: [Inter], size: 10pt}\n"
             "pages:\n  - frames:\n      - {text: \"Meet at {venue}\", style: body}\n");
  const auto unset = run_broadside({"check", design.string()}, {}, dir);
  CHECK(unset.exit_code == 1);
  CHECK(unset.err.find("variable 'venue' is not set") != std::string::npos);
  const auto set = run_broadside({"check", design.string(), "--set", "venue=Union Hall"}, {}, dir);
  INFO(set.err);
  CHECK(set.exit_code == 0);
  fs::remove(design);

  std::vector<std::string> args = {"check", "branch-poster-a4"};
  args.insert(args.end(), std::begin(kMeeting), std::end(kMeeting));
  const auto with = run_broadside(args, {}, dir);
  INFO(with.err);
  CHECK(with.exit_code == 0);
  CHECK(with.out.find(": ok") != std::string::npos);
  CHECK(files_in(dir).empty());  // nothing written

  // A value too long for the design's max-length is found by check too.
  args.push_back("--set");
  args.push_back("event.time=" + std::string(60, 'x'));
  const auto too_long = run_broadside(args, {}, dir);
  CHECK(too_long.exit_code == 1);
  CHECK(too_long.err.find("event.time") != std::string::npos);

  const auto malformed = run_broadside({"check", "leaflet-a5", "--set", "oops"}, {}, dir);
  CHECK(malformed.exit_code == 2);
  CHECK(malformed.err.find("--set 'oops': expected key=value") != std::string::npos);
}

TEST_CASE("check: --vars gives values below --set") {
  const fs::path dir = scratch_dir("check-vars");
  write_file(dir / "meeting.yaml",
             "branch: {name: Detroit}\nevent: {date: 2026-03-14, time: 7 pm, place: Hall}\n");
  const auto ok = run_broadside(
      {"check", "branch-poster-a4", "--vars", (dir / "meeting.yaml").string()}, {}, dir);
  INFO(ok.err);
  CHECK(ok.exit_code == 0);
  const auto missing = run_broadside(
      {"check", "branch-poster-a4", "--vars", (dir / "absent.yaml").string()}, {}, dir);
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("absent.yaml: error: file not found") != std::string::npos);
}

TEST_CASE("check: --data checks every row and names the row that does not fit") {
  const fs::path dir = scratch_dir("check-data");
  const std::string csv = (source_dir() / "examples/branches/branches.csv").string();
  const auto ok = run_broadside({"check", "branch-poster-a4", "--data", csv}, {}, dir);
  INFO(ok.err);
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find("ok (4 rows of") != std::string::npos);
  CHECK(files_in(dir).empty());

  write_file(dir / "rows.csv",
             "branch.name,event.place,event.date,event.time\nDetroit,Hall,2026-03-14,7 pm\n"
             "Oakland,Hall,not a date,7 pm\n");
  const auto bad = run_broadside({"check", "branch-poster-a4", "--data", "rows.csv"}, {}, dir);
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("not a date") != std::string::npos);
  CHECK(fs::exists(dir / "rows.csv"));
  CHECK(files_in(dir).size() == 1);
}

TEST_CASE("render: a value under a slip of a name the design shows is an error, not lost") {
  // A spreadsheet's "event.plcae" column printed every poster without the meeting's place, and
  // the run passed. A column the design has no use for ("notes") is no slip: it is left alone.
  const fs::path dir = scratch_dir("value-slip");
  write_file(dir / "rows.csv",
             "branch.name,event.plcae,event.date,notes\nLeeds,Civic Hall,2026-03-14,call Sam\n");
  const auto typo = run_broadside(
      {"render", "branch-poster-a4", "--data", "rows.csv", "-o", "{branch.name}.pdf"}, {}, dir);
  CHECK(typo.exit_code == 1);
  CHECK(typo.err.find("rows.csv:2: error: no frame of design 'branch-poster-a4' shows "
                      "'event.plcae' (did you mean 'event.place'?)") != std::string::npos);
  CHECK(typo.err.find("'notes'") == std::string::npos);
  CHECK_FALSE(fs::exists(dir / "Leeds.pdf"));
  const auto set =
      run_broadside({"check", "branch-poster-a4", "--set", "event.plcae=Hall"}, {}, dir);
  CHECK(set.exit_code == 1);
  CHECK(set.err.find("did you mean 'event.place'?") != std::string::npos);
  const auto fine = run_broadside(
      {"check", "branch-poster-a4", "--set", "event.place=Hall", "--set", "notes=x"}, {}, dir);
  INFO(fine.err);
  CHECK(fine.exit_code == 0);
}

TEST_CASE("render: a row's output name problems name its line of the data file") {
  // An empty row and a repeated name said only "variable 'branch.name' is not set" and "written
  // by job 1 already": which line of a spreadsheet of hundreds?
  const fs::path dir = scratch_dir("row-names");
  write_file(dir / "rows.csv", "branch.name,event.place\nLeeds,Hall\n,Library\nLeeds,Church\n");
  const auto r = run_broadside(
      {"render", "branch-poster-a4", "--data", "rows.csv", "-o", "{branch.name}.pdf"}, {}, dir);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("rows.csv:3: error: output pattern '{branch.name}.pdf': variable "
                   "'branch.name' is not set") != std::string::npos);
  CHECK(r.err.find("rows.csv:4: error: output 'Leeds.pdf' is written by job 1 already") !=
        std::string::npos);
}

TEST_CASE("render: temporaries a killed render left next to its outputs are removed") {
  const fs::path dir = scratch_dir("render-leftovers");
  const std::string csv = (source_dir() / "examples/branches/branches.csv").string();
  fs::create_directories(dir / "out");
  // What SIGKILL between creating and renaming a temporary leaves, and a file that is not ours.
  for (const char* name : {".Detroit.pdf.a1B2c3", ".Los Angeles.pdf.Zz9Yy8", ".notes.txt.abcdef"})
    write_file(dir / "out" / name, "half");
  const auto rows = run_broadside(
      {"render", "branch-poster-a4", "--data", csv, "-o", "out/{branch.name}.pdf"}, {}, dir);
  INFO(rows.err);
  REQUIRE(rows.exit_code == 0);
  CHECK_FALSE(fs::exists(dir / "out" / ".Detroit.pdf.a1B2c3"));
  CHECK_FALSE(fs::exists(dir / "out" / ".Los Angeles.pdf.Zz9Yy8"));
  CHECK(fs::exists(dir / "out" / ".notes.txt.abcdef"));

  write_file(dir / "out" / ".one.png.q1w2e3", "half");
  write_file(dir / "out" / ".one-2.png.r4t5y6", "half");
  const auto one =
      run_broadside({"render", "leaflet-a5", "-o", "out/one.png", "--dpi", "20"}, {}, dir);
  REQUIRE(one.exit_code == 0);
  CHECK_FALSE(fs::exists(dir / "out" / ".one.png.q1w2e3"));
  CHECK_FALSE(fs::exists(dir / "out" / ".one-2.png.r4t5y6"));
}
