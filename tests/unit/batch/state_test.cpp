// state_test.cpp — incremental state: current only when fingerprint and files match; saved,
// reloaded, journaled, resumed after a kill, and merged between processes.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "batch/leftovers.hpp"
#include "batch/state.hpp"
#include "batch_test_support.hpp"

using namespace broadside;
using namespace broadside::batch;
using broadside::batch::testing::scratch;
using broadside::batch::testing::write;
namespace fs = std::filesystem;

TEST_CASE("state: nothing is current before it is recorded") {
  const fs::path dir = scratch("state-empty");
  StateStore s;
  CHECK_FALSE(s.is_current({dir / "a.pdf"}, "h1"));
  CHECK_FALSE(s.is_current({}, "h1"));
}

TEST_CASE("state: a recorded output is current for its fingerprint while its files last") {
  const fs::path dir = scratch("state-record");
  write(dir / "a.pdf", "pdf bytes");
  write(dir / "p.png", "");
  write(dir / "p-1.png", "one");
  write(dir / "p-2.png", "two");
  core::Diagnostics diags;
  {
    StateStore s;
    s.record(dir / "a.pdf", "h1", {dir / "a.pdf"});
    s.record(dir / "p.png", "h1", {dir / "p-1.png", dir / "p-2.png"});
    CHECK(s.is_current({dir / "a.pdf", dir / "p.png"}, "h1"));
    CHECK_FALSE(s.is_current({dir / "a.pdf"}, "h2"));
    s.save(diags);
  }
  CHECK(diags.empty());
  CHECK(fs::exists(dir / kStateFileName));
  StateStore reloaded;
  CHECK(reloaded.is_current({dir / "a.pdf", dir / "p.png"}, "h1"));
  CHECK_FALSE(reloaded.is_current({dir / "a.pdf", dir / "other.png"}, "h1"));

  SUBCASE("a deleted page makes it stale") {
    fs::remove(dir / "p-2.png");
    StateStore s;
    CHECK_FALSE(s.is_current({dir / "p.png"}, "h1"));
    CHECK(s.is_current({dir / "a.pdf"}, "h1"));
  }
  SUBCASE("a file of another size makes it stale") {
    write(dir / "a.pdf", "truncated");
    write(dir / "a.pdf", "pdf");
    StateStore s;
    CHECK_FALSE(s.is_current({dir / "a.pdf"}, "h1"));
  }
  SUBCASE("a damaged state file only means everything runs again") {
    write(dir / kStateFileName, "{not json");
    StateStore s;
    CHECK_FALSE(s.is_current({dir / "a.pdf"}, "h1"));
  }
}

TEST_CASE("state: two stores saving into one folder keep each other's entries") {
  const fs::path dir = scratch("state-merge");
  write(dir / "a.pdf", "a");
  write(dir / "b.pdf", "b");
  core::Diagnostics diags;
  StateStore first, second;
  CHECK_FALSE(first.is_current({dir / "a.pdf"}, "ha"));  // loads the (empty) folder
  CHECK_FALSE(second.is_current({dir / "b.pdf"}, "hb"));
  first.record(dir / "a.pdf", "ha", {dir / "a.pdf"});
  second.record(dir / "b.pdf", "hb", {dir / "b.pdf"});
  first.save(diags);
  second.save(diags);  // must not drop first's entry
  StateStore reloaded;
  CHECK(reloaded.is_current({dir / "a.pdf"}, "ha"));
  CHECK(reloaded.is_current({dir / "b.pdf"}, "hb"));
}

TEST_CASE(
    "state: a run killed after journaling is resumed exactly, and the end folds the journal") {
  const fs::path dir = scratch("state-journal");
  write(dir / "a.pdf", "a");
  write(dir / "b.pdf", "bb");
  core::Diagnostics diags;
  {
    StateStore s;
    s.record(dir / "a.pdf", "ha", {dir / "a.pdf"});
    std::this_thread::sleep_for(StateStore::kSaveInterval + std::chrono::milliseconds(50));
    s.save_if_due(diags);                            // journaled, then "killed": save() never runs
    s.record(dir / "b.pdf", "hb", {dir / "b.pdf"});  // never saved
  }
  CHECK(diags.empty());
  CHECK(fs::exists(dir / kStateJournalName));
  CHECK_FALSE(fs::exists(dir / kStateFileName));
  {
    StateStore resumed;
    CHECK(resumed.is_current({dir / "a.pdf"}, "ha"));
    CHECK_FALSE(resumed.is_current({dir / "b.pdf"}, "hb"));  // renders again
    resumed.record(dir / "b.pdf", "hb", {dir / "b.pdf"});
    resumed.save(diags);
  }
  CHECK(diags.empty());
  CHECK_FALSE(fs::exists(dir / kStateJournalName));  // folded into the state file
  StateStore after;
  CHECK(after.is_current({dir / "a.pdf"}, "ha"));
  CHECK(after.is_current({dir / "b.pdf"}, "hb"));
}

TEST_CASE("state: journal lines replay in order; a line cut short by a kill is skipped") {
  const fs::path dir = scratch("state-journal-cut");
  write(dir / "a.pdf", "a");
  write(dir / "b.pdf", "b");
  core::Diagnostics diags;
  {
    StateStore s;
    s.record(dir / "a.pdf", "old", {dir / "a.pdf"});
    s.save(diags);  // a state file saying a.pdf came from "old"
  }
  write(dir / kStateJournalName,
        "{\"version\":1,\"output\":\"a.pdf\",\"inputs\":\"new\",\"files\":{\"a.pdf\":1}}\n"
        "{\"version\":1,\"output\":\"b.pdf\",\"inputs\":\"hb\",\"fi");
  {
    StateStore resumed;
    CHECK(resumed.is_current({dir / "a.pdf"}, "new"));  // the journal wins over the file
    CHECK_FALSE(resumed.is_current({dir / "a.pdf"}, "old"));
    CHECK_FALSE(resumed.is_current({dir / "b.pdf"}, "hb"));
    // Appending after the cut line must not glue the new line onto it.
    resumed.record(dir / "b.pdf", "hb", {dir / "b.pdf"});
    std::this_thread::sleep_for(StateStore::kSaveInterval + std::chrono::milliseconds(50));
    resumed.save_if_due(diags);
  }
  CHECK(diags.empty());
  StateStore after;
  CHECK(after.is_current({dir / "a.pdf"}, "new"));
  CHECK(after.is_current({dir / "b.pdf"}, "hb"));
}

TEST_CASE("state: the state file reads back a line at a time, and whole when laid out otherwise") {
  const fs::path dir = scratch("state-lines");
  // Names a line reader could trip on: a comma at the end, quotes, braces, non-ASCII.
  const std::vector<std::string> names = {"a,.pdf", "b \"q\".pdf", "c{}.pdf", "Zürich —,.pdf"};
  for (const auto& n : names) write(dir / n, n);
  core::Diagnostics diags;
  {
    StateStore s;
    for (const auto& n : names) s.record(dir / n, "h-" + n, {dir / n});
    s.save(diags);
  }
  CHECK(diags.empty());
  {
    StateStore s;
    for (const auto& n : names) {
      CAPTURE(n);
      CHECK(s.is_current({dir / n}, "h-" + n));
      CHECK_FALSE(s.is_current({dir / n}, "other"));
    }
  }
  SUBCASE("laid out by hand, it is read whole") {
    write(dir / kStateFileName,
          "{\"version\": 1,\n \"outputs\": {\"a,.pdf\": {\"inputs\": \"h-a,.pdf\",\n"
          "   \"files\": {\"a,.pdf\": 6}}}}\n");
    StateStore s;
    CHECK(s.is_current({dir / "a,.pdf"}, "h-a,.pdf"));
    CHECK_FALSE(s.is_current({dir / "c{}.pdf"}, "h-c{}.pdf"));
  }
  SUBCASE("a file of another version counts for nothing") {
    std::ifstream in(dir / kStateFileName);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto at = text.find("\"version\": 1");
    REQUIRE(at != std::string::npos);
    text.replace(at, 12, "\"version\": 9");
    write(dir / kStateFileName, text);
    StateStore s;
    CHECK_FALSE(s.is_current({dir / "a,.pdf"}, "h-a,.pdf"));
  }
}

TEST_CASE("state: a pipe in the journal's place is ignored, not read (it would block the run)") {
  const fs::path dir = scratch("state-journal-pipe");
  write(dir / "a.pdf", "a");
  REQUIRE(::mkfifo((dir / kStateJournalName).c_str(), 0644) == 0);
  StateStore s;
  CHECK_FALSE(s.is_current({dir / "a.pdf"}, "ha"));
}

TEST_CASE("leftovers: a killed run's temporaries of owned outputs are removed, nothing else") {
  const fs::path dir = scratch("leftovers");
  for (const char* f : {"a.pdf", ".a.pdf.Xy12Z9", ".p-2.png.abcdef", ".other.pdf.abcdef",
                        ".a.pdf.short", ".broadside-state", ".a.pdf.ab-def"})
    write(dir / f, "x");
  remove_stale_temporaries({{dir, {"a.pdf", "p.png"}}});
  CHECK(fs::exists(dir / "a.pdf"));
  CHECK_FALSE(fs::exists(dir / ".a.pdf.Xy12Z9"));
  CHECK_FALSE(fs::exists(dir / ".p-2.png.abcdef"));
  CHECK(fs::exists(dir / ".other.pdf.abcdef"));  // another shard's, perhaps still being written
  CHECK(fs::exists(dir / ".a.pdf.short"));
  CHECK(fs::exists(dir / ".broadside-state"));
  CHECK(fs::exists(dir / ".a.pdf.ab-def"));
}
