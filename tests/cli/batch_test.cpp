// batch_test.cpp — data merge and batch manifests end to end: one file per row with the row's
// text, values printed as they are, failures isolated and reported, incremental reruns, shards
// run with GNU parallel, output independent of -j, and no value escaping the output folder.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <random>
#include <set>

#include "cli_support.hpp"

using namespace broadside::testing;
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

/// A small, fast design that prints every branch variable.
const char* kDesign = R"(name: tiny-branch
page: {size: A6, bleed: 3mm, margins: 8mm}
variables:
  branch.name: {max-length: 30}
  event.date: {format: date}
  note: {default: "-"}
styles:
  head: {font: [League Spartan], weight: 700, size: 10pt..20pt, max-lines: 3}
  small: {font: [Inter], size: 8pt}
pages:
  - frames:
      - stack: vertical
        area: margin
        gap: 3mm
        items:
          - {text: "{branch.name}", style: head}
          - {text: "{event.place}", style: small}
          - {text: "{event.date}", style: small}
          - {text: "{note}", style: small}
)";

const char* kRows =
    "branch.name,event.place,event.date,note\n"
    "Detroit,Union Hall,2026-03-14,\n"
    "Oakland,\"Library, Room 2\",2026-03-21,\n"
    "Tricky,Hall,2026-03-28,\"<b>A & B</b> {headline} {{x}} &amp;\"\n";

/// pdftotext's text with no-break spaces as plain ones and lines joined.
std::string text_of(const fs::path& pdf) {
  std::string s = pdf_text(pdf);
  for (size_t at; (at = s.find("\xC2\xA0")) != std::string::npos;) s.replace(at, 2, " ");
  for (char& c : s)
    if (c == '\n') c = ' ';
  return s;
}

/// A folder with the design, the statement, the data and a manifest over them.
struct Campaign {
  fs::path dir;
  fs::path design, statement, data, manifest, out;

  explicit Campaign(const std::string& name, const std::string& rows = kRows) {
    dir = scratch_dir(name);
    design = dir / "tiny.yaml";
    statement = dir / "statement.md";
    data = dir / "rows.csv";
    manifest = dir / "campaign.yaml";
    out = dir / "out";
    write_file(design, kDesign);
    write_file(statement, read_bytes(source_dir() / "content" / "statement.en.md"));
    write_file(data, rows);
    write_file(manifest,
               "designs: tiny.yaml\nstatements: statement.md\ndata: rows.csv\n"
               "outputs: '{design}/{lang}/{branch.name}.pdf'\n");
  }
  RunResult batch(std::vector<std::string> extra = {}) const {
    std::vector<std::string> args{"batch", manifest.string(), "--out", out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_broadside(args);
  }
};

/// The files in a folder that are outputs (not the hidden state files).
std::vector<std::string> outputs_in(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& f : files_in(dir))
    if (fs::path(f).filename().string()[0] != '.') out.push_back(f);
  return out;
}

json read_json(const fs::path& file) {
  return json::parse(read_bytes(file));  // throws, failing the test, when it is not JSON
}

}  // namespace

TEST_CASE("render --data: one PDF per row, each with its own row's text") {
  Campaign c("data-merge");
  const auto r =
      run_broadside({"render", c.design.string(), c.statement.string(), "--data", c.data.string(),
                     "-o", (c.dir / "o" / "{branch.name}.pdf").string()},
                    {}, c.dir);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(files_in(c.dir / "o") ==
        std::vector<std::string>{"Detroit.pdf", "Oakland.pdf", "Tricky.pdf"});
  const std::string detroit = text_of(c.dir / "o" / "Detroit.pdf");
  CHECK(detroit.find("Detroit") != std::string::npos);
  CHECK(detroit.find("Union Hall") != std::string::npos);
  CHECK(detroit.find("March 14, 2026") != std::string::npos);  // format: date, in English
  CHECK(detroit.find("Oakland") == std::string::npos);
  const std::string oakland = text_of(c.dir / "o" / "Oakland.pdf");
  CHECK(oakland.find("Library, Room 2") != std::string::npos);
  CHECK(oakland.find("March 21, 2026") != std::string::npos);
  CHECK(oakland.find("Union Hall") == std::string::npos);
  CHECK(r.out.find("wrote " + (c.dir / "o" / "Detroit.pdf").string()) != std::string::npos);
}

TEST_CASE("render --data: values are printed as they are: markup, entities and braces") {
  Campaign c("data-literal");
  const auto r = run_broadside({"render", c.design.string(), c.statement.string(), "--data",
                                c.data.string(), "-o", "o/{branch.name}.pdf"},
                               {}, c.dir);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string tricky = text_of(c.dir / "o" / "Tricky.pdf");
  INFO(tricky);
  CHECK(tricky.find("<b>A & B</b> {headline} {{x}} &amp;") != std::string::npos);
  // Not expanded: the statement's headline is not in it.
  CHECK(tricky.find("raids") == std::string::npos);
}

TEST_CASE("render --data and --vars: dates follow the statement's language; --set wins") {
  Campaign c("data-vars");
  std::string es = read_bytes(c.statement);
  es.replace(es.find("lang: en"), 8, "lang: es");
  write_file(c.dir / "statement.es.md", es);
  write_file(c.dir / "vars.yaml", "event:\n  place: From the vars file\n  date: 2026-05-01\n");
  const auto r = run_broadside({"render", c.design.string(), "statement.es.md", "--vars",
                                "vars.yaml", "--set", "branch.name=Set wins", "-o", "one.pdf"},
                               {}, c.dir);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string text = text_of(c.dir / "one.pdf");
  CHECK(text.find("From the vars file") != std::string::npos);
  CHECK(text.find("1 de mayo de 2026") != std::string::npos);
  CHECK(text.find("Set wins") != std::string::npos);
}

TEST_CASE("render --data: -o must name a variable; a missing data file is reported") {
  Campaign c("data-usage");
  auto r = run_broadside({"render", c.design.string(), c.statement.string(), "--data",
                          c.data.string(), "-o", "same.pdf"},
                         {}, c.dir);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("each -o needs a {variable}") != std::string::npos);
  r = run_broadside({"render", c.design.string(), c.statement.string(), "--data", "nope.csv", "-o",
                     "{branch.name}.pdf"},
                    {}, c.dir);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("nope.csv: error: file not found") != std::string::npos);
  CHECK(outputs_in(c.dir) ==
        std::vector<std::string>{"campaign.yaml", "rows.csv", "statement.md", "tiny.yaml"});
}

TEST_CASE("render --data: a failing row never stops the others") {
  Campaign c("data-failures", std::string(kRows) +
                                  "A branch name far longer than thirty,Hall,2026-03-14,\n"
                                  "Ragged,Hall\n"
                                  "Bad date,Hall,next Tuesday,\n"
                                  "Last,Hall,2026-04-04,\n");
  const auto r = run_broadside({"render", c.design.string(), c.statement.string(), "--data",
                                c.data.string(), "-o", "o/{branch.name}.pdf"},
                               {}, c.dir);
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(files_in(c.dir / "o") ==
        std::vector<std::string>{"Detroit.pdf", "Last.pdf", "Oakland.pdf", "Tricky.pdf"});
  CHECK(r.err.find("rows.csv:5: error: variable 'branch.name' is 36 characters long; the design "
                   "allows at most 30") != std::string::npos);
  CHECK(r.err.find("rows.csv:6: error: row 5 has 2 fields, the header has 4") != std::string::npos);
  CHECK(r.err.find("rows.csv:7: error: variable 'event.date' must be a date written YYYY-MM-DD, "
                   "got 'next Tuesday'") != std::string::npos);
  CHECK(r.err.find("3 of 7 jobs failed") != std::string::npos);
}

TEST_CASE("batch: values can never write outside --out") {
  Campaign c("batch-traversal",
             "branch.name,event.place,event.date\n"
             "../../escaped,a,2026-03-14\n"
             "a/b,a,2026-03-14\n"
             ".hidden,a,2026-03-14\n"
             "..,a,2026-03-14\n"
             "/abs/olute,a,2026-03-14\n"
             "\"..\\..\\win\",a,2026-03-14\n");
  write_file(c.manifest,
             "designs: tiny.yaml\nstatements: statement.md\ndata: rows.csv\n"
             "outputs: ['{branch.name}.pdf', '{branch.name}/{branch.name}.pdf']\n");
  const auto r = c.batch();
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::vector<std::string> expected = {"-..-escaped.pdf", "-..-escaped/-..-escaped.pdf",
                                             "-..-win.pdf",     "-..-win/-..-win.pdf",
                                             "-abs-olute.pdf",  "-abs-olute/-abs-olute.pdf",
                                             "_.pdf",           "_/_.pdf",
                                             "a-b.pdf",         "a-b/a-b.pdf",
                                             "hidden.pdf",      "hidden/hidden.pdf"};
  CHECK(outputs_in(c.out) == expected);
  for (const auto& f : files_in(c.out)) CHECK(f.find("..") != 0);
  // Nothing appeared next to or above the output folder.
  CHECK(outputs_in(c.dir).size() == 4 + 12);
  CHECK_FALSE(fs::exists(c.dir.parent_path() / "escaped.pdf"));
  CHECK_FALSE(fs::exists(c.dir / "escaped.pdf"));
  CHECK(fs::exists(c.out / "a-b.pdf"));
  CHECK(fs::exists(c.out / "hidden.pdf"));
  CHECK(fs::exists(c.out / "_.pdf"));
}

TEST_CASE("batch: a manifest's own patterns must stay inside --out") {
  Campaign c("batch-pattern-escape");
  write_file(c.manifest, "designs: tiny.yaml\nstatements: statement.md\noutputs: ../x.pdf\n");
  const auto r = c.batch();
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("campaign.yaml:3:10: error: output pattern '../x.pdf' climbs out of the "
                   "output folder") != std::string::npos);
  CHECK_FALSE(fs::exists(c.out));
}

TEST_CASE("batch: a failing job is in the failure table and the JSON report; others finish") {
  Campaign c("batch-report",
             std::string(kRows) + "A branch name far longer than thirty,x,2026-03-14,\n");
  const fs::path report = c.dir / "report.json";
  const auto r = c.batch({"--report", report.string(), "-j", "2"});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("1 of 4 jobs failed") != std::string::npos);
  CHECK(r.out.find("4 jobs: 3 written, 0 up to date, 1 failed") != std::string::npos);
  CHECK(outputs_in(c.out) == std::vector<std::string>{"tiny-branch/en/Detroit.pdf",
                                                      "tiny-branch/en/Oakland.pdf",
                                                      "tiny-branch/en/Tricky.pdf"});
  const json j = read_json(report);
  CHECK(j["summary"]["planned"] == 4);
  CHECK(j["summary"]["done"] == 3);
  CHECK(j["summary"]["failed"] == 1);
  CHECK(j["shard"] == "1/1");
  REQUIRE(j["jobs"].size() == 4);
  for (size_t i = 0; i < 4; ++i) {
    const json& job = j["jobs"][i];
    CHECK(job["job"] == i + 1);
    CHECK(job["row"] == i + 1);
    CHECK(job["design"] == c.design.string());
    CHECK(job["ms"].is_number());
    CHECK(job["diagnostics"].is_array());
  }
  CHECK(j["jobs"][0]["status"] == "done");
  REQUIRE(j["jobs"][0]["outputs"].size() == 1);
  CHECK(fs::exists(j["jobs"][0]["outputs"][0].get<std::string>()));
  CHECK(j["jobs"][0]["timings_ms"]["compose"].is_number());
  const json& failed = j["jobs"][3];
  CHECK(failed["status"] == "failed");
  CHECK(failed["outputs"].empty());
  REQUIRE(failed["diagnostics"].size() >= 1);
  CHECK(failed["diagnostics"][0]["severity"] == "error");
  CHECK(failed["diagnostics"][0]["line"] == 5);
  CHECK(failed["diagnostics"][0]["message"].get<std::string>().find(
            "variable 'branch.name' is 36 characters long") == 0);
}

TEST_CASE("batch: a second run skips everything; changed inputs render again") {
  Campaign c("batch-incremental");
  auto r = c.batch();
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("3 jobs: 3 written, 0 up to date, 0 failed") != std::string::npos);
  const fs::path detroit = c.out / "tiny-branch" / "en" / "Detroit.pdf";
  const auto first_time = fs::last_write_time(detroit);
  const std::string first_bytes = read_bytes(detroit);

  r = c.batch();
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("3 jobs: 0 written, 3 up to date, 0 failed") != std::string::npos);
  CHECK(fs::last_write_time(detroit) == first_time);

  SUBCASE("a changed statement renders every job again, to the same names") {
    write_file(c.statement, read_bytes(c.statement) + "\nOne more paragraph.\n");
    r = c.batch();
    CHECK(r.out.find("3 jobs: 3 written, 0 up to date") != std::string::npos);
  }
  SUBCASE("a changed row renders only that row") {
    std::string rows = kRows;
    rows.replace(rows.find("Union Hall"), 10, "Union Hall B");
    write_file(c.data, rows);
    r = c.batch();
    CHECK(r.out.find("3 jobs: 1 written, 2 up to date") != std::string::npos);
    CHECK(text_of(detroit).find("Union Hall B") != std::string::npos);
  }
  SUBCASE("a changed design renders again") {
    write_file(c.design, std::string(kDesign) + "# a comment changes the bytes\n");
    r = c.batch();
    CHECK(r.out.find("3 jobs: 3 written, 0 up to date") != std::string::npos);
  }
  SUBCASE("a deleted output is made again, and only it") {
    fs::remove(detroit);
    r = c.batch();
    CHECK(r.out.find("3 jobs: 1 written, 2 up to date") != std::string::npos);
    CHECK(read_bytes(detroit) == first_bytes);
  }
  SUBCASE("a lost state file only costs a re-render") {
    fs::remove(c.out / "tiny-branch" / "en" / ".broadside-state");
    r = c.batch();
    CHECK(r.out.find("3 jobs: 3 written, 0 up to date") != std::string::npos);
    CHECK(read_bytes(detroit) == first_bytes);
  }
}

TEST_CASE("batch: output is byte-identical whatever -j is") {
  Campaign c("batch-threads", std::string(kRows) +
                                  "Dearborn,Hall,2026-04-01,\nFlint,Hall,2026-04-02,\n"
                                  "Toledo,Hall,2026-04-03,\n");
  write_file(c.manifest,
             "designs: tiny.yaml\nstatements: statement.md\ndata: rows.csv\n"
             "outputs: ['{branch.name}.pdf', '{branch.name}.png']\ndpi: 36\n");
  const auto one =
      run_broadside({"batch", c.manifest.string(), "--out", (c.dir / "j1").string(), "-j", "1"});
  const auto two =
      run_broadside({"batch", c.manifest.string(), "--out", (c.dir / "j2").string(), "-j", "2"});
  REQUIRE(one.exit_code == 0);
  REQUIRE(two.exit_code == 0);
  CHECK(two.out.find("2 threads") != std::string::npos);
  const auto files = outputs_in(c.dir / "j1");
  CHECK(files.size() == 12);
  CHECK(outputs_in(c.dir / "j2") == files);
  for (const auto& f : files) {
    INFO(f);
    CHECK(read_bytes(c.dir / "j1" / f) == read_bytes(c.dir / "j2" / f));
  }
}

TEST_CASE("batch: shards run with GNU parallel produce every file exactly once") {
  Campaign c("batch-shards", std::string(kRows) +
                                 "Dearborn,Hall,2026-04-01,\nFlint,Hall,2026-04-02,\n"
                                 "Toledo,Hall,2026-04-03,\nLansing,Hall,2026-04-04,\n");
  const std::string reports = (c.dir / "report-{}.json").string();
  const auto r =
      run({"parallel", "--will-cite", BROADSIDE_BINARY, "batch", c.manifest.string(), "--out",
           c.out.string(), "--shard", "{}/3", "--report", reports, ":::", "1", "2", "3"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::multiset<std::string> written;
  size_t jobs = 0;
  for (int k = 1; k <= 3; ++k) {
    const json j = read_json(c.dir / ("report-" + std::to_string(k) + ".json"));
    CHECK(j["shard"] == std::to_string(k) + "/3");
    CHECK(j["summary"]["planned"] == 7);
    jobs += j["jobs"].size();
    for (const auto& job : j["jobs"])
      for (const auto& o : job["outputs"])
        written.insert(fs::relative(o.get<std::string>(), c.out).string());
  }
  CHECK(jobs == 7);
  const auto files = outputs_in(c.out);
  CHECK(files.size() == 7);
  CHECK(std::vector<std::string>(written.begin(), written.end()) == files);  // each once
  // The shards shared one state file, and each kept the others' entries: nothing to redo.
  const auto again = c.batch();
  CHECK(again.out.find("7 jobs: 0 written, 7 up to date") != std::string::npos);
}

TEST_CASE("batch: mistakes in the command line or the manifest") {
  Campaign c("batch-mistakes");
  auto r = c.batch({"--shard", "4/3"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--shard '4/3': K must be between 1 and N") != std::string::npos);
  r = run_broadside({"batch", (c.dir / "absent.yaml").string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("absent.yaml: error: file not found") != std::string::npos);
  write_file(c.manifest, "designs: tiny.yaml\nstatement: statement.md\n");
  r = c.batch();
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("campaign.yaml:2:1: error: unknown key 'statement' (did you mean "
                   "'statements'?)") != std::string::npos);
}

TEST_CASE("batch: the bundled example renders every output cleanly") {
  const fs::path out = scratch_dir("batch-example");
  const auto r =
      run_broadside({"batch", (source_dir() / "examples" / "branches" / "campaign.yaml").string(),
                     "--out", out.string(), "--report", (out / "report.json").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("0 failed") != std::string::npos);
  const json j = read_json(out / "report.json");
  for (const auto& job : j["jobs"]) {
    INFO(job.dump());
    CHECK(job["status"] == "done");
    CHECK(job["diagnostics"].empty());
  }
  const auto files = outputs_in(out);
  CHECK(std::count(files.begin(), files.end(), "branch-poster-a4/en/Detroit.pdf") == 1);
  CHECK(std::count(files.begin(), files.end(), "branch-poster-a4/es/Oakland & East Bay.png") == 1);
  CHECK(std::count(files.begin(), files.end(), "share-square/es.png") == 1);
  const std::string detroit = text_of(out / "branch-poster-a4" / "en" / "Detroit.pdf");
  CHECK(detroit.find("Saturday, March 14, 2026") != std::string::npos);
  const std::string spanish = text_of(out / "branch-poster-a4" / "es" / "Detroit.pdf");
  CHECK(spanish.find("sábado, 14 de marzo de 2026") != std::string::npos);
}

TEST_CASE("batch: a run killed with SIGKILL resumes to the same files as an uninterrupted one") {
  std::string rows = "branch.name,event.place,event.date\n";
  for (int i = 1; i <= 40; ++i)
    rows += "Branch " + std::to_string(i) + ",Hall " + std::to_string(i) + ",2026-03-14\n";
  Campaign c("batch-kill", rows);
  const fs::path reference = c.dir / "reference";
  REQUIRE(run_broadside({"batch", c.manifest.string(), "--out", reference.string()}).exit_code ==
          0);
  const auto expected = outputs_in(reference);
  REQUIRE(expected.size() == 40);
  // Killed at several random points (timeout sends SIGKILL), each run resuming the last, then
  // run to the end. The seed is printed, so a failure can be replayed.
  const unsigned seed = std::random_device{}();
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> ms(50, 1500);
  for (int kill = 0; kill < 5; ++kill) {
    const std::string after = std::to_string(ms(random) / 1000.0);
    INFO("seed " << seed << ", killed after " << after << " s");
    const auto killed = run({"timeout", "-s", "KILL", after, BROADSIDE_BINARY, "batch",
                             c.manifest.string(), "--out", c.out.string(), "-j", "2"});
    CHECK((killed.exit_code == 137 || killed.exit_code == 0));
    // Whatever is there already is whole: byte for byte the uninterrupted run's.
    for (const auto& f : outputs_in(c.out))
      CHECK(read_bytes(c.out / f) == read_bytes(reference / f));
  }
  const auto resumed = c.batch();
  INFO(resumed.err);
  REQUIRE(resumed.exit_code == 0);
  CHECK(outputs_in(c.out) == expected);
  // No temporary a kill left behind survives the resumed run.
  for (const auto& f : files_in(c.out)) {
    const std::string name = fs::path(f).filename().string();
    CHECK((name[0] != '.' || name == ".broadside-state"));
  }
  for (const auto& f : expected) {
    INFO(f);
    CHECK(read_bytes(c.out / f) == read_bytes(reference / f));
  }
  CHECK(c.batch().out.find("40 jobs: 0 written, 40 up to date") != std::string::npos);
}

TEST_CASE("batch: two jobs naming the same file: the second fails, in every shard alike") {
  Campaign c("batch-clash", std::string(kRows) + "Detroit,Other Hall,2026-05-01,\n");
  const auto whole =
      run_broadside({"batch", c.manifest.string(), "--out", (c.dir / "whole").string()});
  CHECK(whole.exit_code == 1);
  CHECK(whole.err.find("is written by job 1 already") != std::string::npos);
  CHECK(text_of(c.dir / "whole" / "tiny-branch" / "en" / "Detroit.pdf").find("Union Hall") !=
        std::string::npos);
  // Job 4 is in shard 2 of 2, job 1 in shard 1: shard 2 still sees the clash.
  const auto shard = run_broadside(
      {"batch", c.manifest.string(), "--out", (c.dir / "shard").string(), "--shard", "2/2"});
  CHECK(shard.exit_code == 1);
  CHECK(shard.err.find("is written by job 1 already") != std::string::npos);
}

TEST_CASE("batch: a job's file is the same whatever ran before it on its thread, and as render") {
  // Each thread keeps what it measured and laid out for the jobs after it; none of that may
  // change a file.
  const fs::path dir = scratch_dir("batch-order");
  const std::string en = (source_dir() / "content" / "statement.en.md").string();
  const std::string es = (source_dir() / "content" / "statement.es.md").string();
  auto manifest = [&](const std::string& name, const std::string& first,
                      const std::string& second) {
    const fs::path file = dir / name;
    write_file(file, "designs: [leaflet-a5, booklet-a5]\nstatements: ['" + first + "', '" + second +
                         "']\noutputs: '{design}-{lang}.pdf'\n");
    return file.string();
  };
  const auto forward = run_broadside(
      {"batch", manifest("forward.yaml", en, es), "--out", (dir / "a").string(), "-j", "1"});
  const auto backward = run_broadside(
      {"batch", manifest("backward.yaml", es, en), "--out", (dir / "b").string(), "-j", "1"});
  REQUIRE(forward.exit_code == 0);
  REQUIRE(backward.exit_code == 0);
  const auto files = outputs_in(dir / "a");
  REQUIRE(files.size() == 4);
  for (const auto& f : files) {
    INFO(f);
    CHECK(read_bytes(dir / "a" / f) == read_bytes(dir / "b" / f));
  }
  const auto alone =
      run_broadside({"render", "booklet-a5", es, "-o", (dir / "alone.pdf").string()});
  REQUIRE(alone.exit_code == 0);
  CHECK(read_bytes(dir / "alone.pdf") == read_bytes(dir / "a" / "booklet-a5-es.pdf"));
}

TEST_CASE("batch: many languages at -j 2, twice, give every file, each as -j 1 makes it") {
  // Many fonts at many sizes fill cairo 1.16's process-wide glyph cache, whose eviction is not
  // safe between threads: two worker threads crashed here. Each worker is now a process.
  const fs::path dir = scratch_dir("batch-languages-j2");
  // Every bundled language: fewer fonts did not fill the cache often enough to crash.
  std::string statements;
  size_t count = 0;
  for (const auto& entry : fs::directory_iterator(source_dir() / "content")) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with("statement.") || entry.path().extension() != ".md") continue;
    if (count++) statements += ", ";
    statements += "'";
    statements += entry.path().string();
    statements += "'";
  }
  REQUIRE(count >= 10);
  const fs::path manifest = dir / "languages.yaml";
  write_file(manifest,
             "designs: leaflet-a5\nstatements: [" + statements + "]\noutputs: '{lang}.pdf'\n");
  const auto one =
      run_broadside({"batch", manifest.string(), "--out", (dir / "j1").string(), "-j", "1"});
  REQUIRE(one.exit_code == 0);
  const auto files = outputs_in(dir / "j1");
  REQUIRE(files.size() == count);
  for (const char* run_name : {"j2-first", "j2-again"}) {
    INFO(run_name);
    const fs::path report = dir / (std::string(run_name) + ".json");
    const auto two = run_broadside({"batch", manifest.string(), "--out", (dir / run_name).string(),
                                    "-j", "2", "--report", report.string()});
    REQUIRE(two.exit_code == 0);
    const json j = read_json(report);
    CHECK(j["threads"] == 2);
    REQUIRE(j["jobs"].size() == count);
    for (const auto& job : j["jobs"]) CHECK(job["status"] == "done");
    CHECK(outputs_in(dir / run_name) == files);
    for (const auto& f : files) {
      INFO(f);
      const fs::path pdf = dir / run_name / f;
      CHECK(read_bytes(pdf) == read_bytes(dir / "j1" / f));
      CHECK(run({"pdffonts", pdf.string()}).out.find(" no ") == std::string::npos);
      CHECK(pdf_text(pdf).find("socialism2020.org") != std::string::npos);
    }
  }
}
