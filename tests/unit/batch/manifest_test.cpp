// manifest_test.cpp — manifests: matrix sizes, inheritance, relative paths, row values, errors.
#include <doctest/doctest.h>

#include "batch/manifest.hpp"
#include "batch/paths.hpp"
#include "batch_test_support.hpp"
#include "support/test_options.hpp"

using namespace broadside;
using namespace broadside::batch;
using broadside::batch::testing::scratch;
using broadside::batch::testing::write;
namespace fs = std::filesystem;

namespace {

const char* kBranches =
    "branch.name,event.place\n"
    "Detroit,Union Hall\n"
    "Oakland,Library\n"
    "Queens,\"Hall, Room 2\"\n";

std::string text(const PlannedJob& job, const std::string& name) {
  auto it = job.values.find(name);
  return it == job.values.end() ? "<unset>" : it->second.text();
}

}  // namespace

TEST_CASE("manifest: designs x statements x rows, paths relative to the manifest's folder") {
  const fs::path dir = scratch("manifest-matrix");
  write(dir / "campaign" / "data" / "branches.csv", kBranches);
  write(dir / "campaign" / "m.yaml",
        "designs: [leaflet-a5, ../designs/custom.yaml]\n"
        "statements: [a.md, sub/b.md]\n"
        "data: data/branches.csv\n"
        "set: {event: {time: 7 pm}}\n"
        "outputs: ['{design}/{lang}/{branch.name}.pdf', '{design}/{branch.name}.png']\n"
        "dpi: 100\n");
  core::Diagnostics diags;
  const auto m = read_manifest(dir / "campaign" / "m.yaml", kOptions, diags);
  INFO(diags.to_string());
  REQUIRE(m);
  CHECK(job_count(*m) == 12);
  const auto jobs = expand(*m);
  REQUIRE(jobs.size() == 12);
  for (size_t i = 0; i < jobs.size(); ++i) CHECK(jobs[i].index == i);
  // Order: designs, then statements, then rows.
  CHECK(jobs[0].design == kOptions.data_dir / "designs" / "leaflet-a5.yaml");
  CHECK(jobs[6].design == dir / "designs" / "custom.yaml");
  CHECK(jobs[0].statement == dir / "campaign" / "a.md");
  CHECK(jobs[3].statement == dir / "campaign" / "sub" / "b.md");
  CHECK(jobs[0].row == 1);
  CHECK(jobs[2].row == 3);
  CHECK(text(jobs[2], "event.place") == "Hall, Room 2");
  CHECK(text(jobs[2], "event.time") == "7 pm");
  CHECK(jobs[5].outputs.size() == 2);
  CHECK(jobs[5].dpi == 100);
}

TEST_CASE("manifest: without data, one job per design x statement") {
  const fs::path dir = scratch("manifest-nodata");
  write(dir / "m.yaml", "designs: leaflet-a5\nstatements: [a.md, b.md, c.md]\n");
  core::Diagnostics diags;
  const auto m = read_manifest(dir / "m.yaml", kOptions, diags);
  REQUIRE(m);
  const auto jobs = expand(*m);
  REQUIRE(jobs.size() == 3);
  CHECK(jobs[1].row == 0);
  CHECK(jobs[1].outputs.empty());  // the design's own formats
}

TEST_CASE("manifest: `jobs:` entries start from the top level and override it") {
  const fs::path dir = scratch("manifest-jobs");
  write(dir / "branches.csv", kBranches);
  write(dir / "m.yaml",
        "statements: [s.en.md, s.es.md]\n"
        "data: branches.csv\n"
        "set: {contact: office, event.time: 7 pm}\n"
        "outputs: '{design}/{lang}/{branch.name}.pdf'\n"
        "jobs:\n"
        "  - designs: poster-a3\n"
        "  - designs: share-square\n"
        "    data:\n"
        "    set: {contact: local}\n"
        "    outputs: ['{design}/{lang}.png']\n");
  core::Diagnostics diags;
  const auto m = read_manifest(dir / "m.yaml", kOptions, diags);
  INFO(diags.to_string());
  REQUIRE(m);
  REQUIRE(m->groups.size() == 2);
  const auto jobs = expand(*m);
  REQUIRE(jobs.size() == 2 * 3 + 2);
  CHECK(jobs[0].design.stem() == "poster-a3");
  CHECK(text(jobs[0], "contact") == "office");
  CHECK(jobs[6].design.stem() == "share-square");
  CHECK(jobs[6].row == 0);  // `data:` with no value turned the data off
  CHECK(text(jobs[6], "contact") == "local");
  CHECK(text(jobs[6], "event.time") == "7 pm");  // `set` merges key by key
  CHECK(jobs[7].outputs == std::vector<std::string>{"{design}/{lang}.png"});
  // Planned alone (a long merge plans each job as it reaches it): the same job as expanded.
  for (size_t i = 0; i < jobs.size(); ++i) {
    const PlannedJob alone = plan_job(*m, i);
    CHECK(alone.index == i);
    CHECK(alone.design == jobs[i].design);
    CHECK(alone.statement == jobs[i].statement);
    CHECK(alone.row == jobs[i].row);
    CHECK(text(alone, "contact") == text(jobs[i], "contact"));
    CHECK(text(alone, "branch.name") == text(jobs[i], "branch.name"));
    CHECK(alone.outputs == jobs[i].outputs);
  }
}

TEST_CASE("manifest: set > data row > vars file") {
  const fs::path dir = scratch("manifest-precedence");
  write(dir / "d.csv", "a,b\nrow-a,row-b\n");
  write(dir / "v.yaml", "a: vars-a\nb: vars-b\nc: vars-c\n");
  write(dir / "m.yaml",
        "designs: x.yaml\nstatements: s.md\ndata: d.csv\nvars: v.yaml\nset: {a: set-a}\n");
  core::Diagnostics diags;
  const auto m = read_manifest(dir / "m.yaml", kOptions, diags);
  INFO(diags.to_string());
  REQUIRE(m);
  const auto jobs = expand(*m);
  REQUIRE(jobs.size() == 1);
  CHECK(text(jobs[0], "a") == "set-a");
  CHECK(text(jobs[0], "b") == "row-b");
  CHECK(text(jobs[0], "c") == "vars-c");
}

TEST_CASE("manifest: a ragged row becomes a job that fails alone") {
  const fs::path dir = scratch("manifest-ragged");
  write(dir / "d.csv", "a,b\n1,2\n3\n5,6\n");
  write(dir / "m.yaml", "designs: x.yaml\nstatements: s.md\ndata: d.csv\n");
  core::Diagnostics diags;
  const auto m = read_manifest(dir / "m.yaml", kOptions, diags);
  REQUIRE(m);
  const auto jobs = expand(*m);
  REQUIRE(jobs.size() == 3);
  CHECK_FALSE(jobs[0].problem);
  REQUIRE(jobs[1].problem);
  CHECK(jobs[1].problem->message == "row 2 has 1 fields, the header has 2");
  CHECK_FALSE(jobs[2].problem);
}

TEST_CASE("manifest: mistakes are reported at their place and nothing runs") {
  const fs::path dir = scratch("manifest-errors");
  core::Diagnostics diags;
  auto parse = [&](const std::string& yaml) {
    diags = {};
    return parse_manifest(yaml, dir / "m.yaml", kOptions, diags);
  };
  auto has = [&](const std::string& needle) {
    for (const auto& d : diags.all())
      if (d.to_string().find(needle) != std::string::npos) return true;
    FAIL_CHECK("no diagnostic has '" << needle << "':\n" << diags.to_string());
    return false;
  };
  CHECK_FALSE(parse("designs: a.yaml\nstatements: s.md\noutput: x.pdf\n"));
  CHECK(has("m.yaml:3:1: error: unknown key 'output' (did you mean 'outputs'?)"));
  CHECK_FALSE(parse("designs: a.yaml\nstatements: s.md\noutputs: ../x.pdf\n"));
  CHECK(has("climbs out of the output folder"));
  CHECK_FALSE(parse("designs: a.yaml\nstatements: s.md\noutputs: /tmp/x.pdf\n"));
  CHECK(has("is absolute"));
  CHECK_FALSE(parse("statements: s.md\n"));
  CHECK(has("these jobs name no design"));
  CHECK_FALSE(parse("designs: a.yaml\nstatements: s.md\ndata: missing.csv\n"));
  CHECK(has("missing.csv: error: file not found"));
  CHECK_FALSE(parse("designs: a.yaml\nstatements: s.md\njobs: []\n"));
  CHECK(has("'jobs' needs at least one entry"));
  CHECK_FALSE(parse("- just\n- a list\n"));
  CHECK(has("a manifest is a map"));
  CHECK_FALSE(parse("designs: [a.yaml\n"));
  CHECK_FALSE(read_manifest(dir / "absent.yaml", kOptions, diags));
}
