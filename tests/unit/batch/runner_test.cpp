// runner_test.cpp — batch::run_jobs in the process: records in job order on any number of
// threads, a failing job reported and alone, interrupts, and incremental runs.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <malloc.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <mutex>
#include <set>
#include <thread>

#include "batch/report.hpp"
#include "batch/runner.hpp"
#include "batch/session.hpp"
#include "batch/state.hpp"
#include "batch_test_support.hpp"
#include "core/atomic_file.hpp"
#include "support/test_options.hpp"

using namespace broadside;
using namespace broadside::batch;
using broadside::batch::testing::scratch;
using broadside::batch::testing::write;
namespace fs = std::filesystem;

namespace {

/// One small page: a job takes milliseconds.
constexpr const char* kDesign = R"(name: card
page: {size: A7, margins: 8mm}
styles: {body: {font: [Inter], size: 12pt}}
pages: [{frames: [{text: "{headline} {branch}", style: body, area: margin}]}]
output: {formats: [pdf]}
)";

std::shared_ptr<const Session> session() {
  static const std::shared_ptr<const Session> s = [] {
    core::Diagnostics diags;
    auto opened = open_session(kOptions, diags);
    REQUIRE_MESSAGE(opened, diags.to_string());
    return opened;
  }();
  return s;
}

/// `count` jobs of the card design in `dir`, job i with branch "b<i>" writing "<i>.pdf".
std::vector<PlannedJob> card_jobs(const fs::path& dir, size_t count) {
  write(dir / "card.yaml", kDesign);
  write(dir / "statement.md", "---\nheadline: Join us\n---\nThe body.\n");
  std::vector<PlannedJob> jobs;
  for (size_t i = 0; i < count; ++i) {
    PlannedJob job;
    job.index = i;
    job.design = dir / "card.yaml";
    job.statement = dir / "statement.md";
    job.values["branch"] = core::Value::scalar(fmt::format("b{}", i));
    job.row = static_cast<int>(i + 1);
    job.outputs = {"{row}.pdf"};
    jobs.push_back(std::move(job));
  }
  return jobs;
}

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Raises `signals` SIGINTs the first time a job is done (from the worker that finished it),
/// then holds that worker long enough for the runner's supervisor to see them: the card jobs
/// take about a millisecond, and the supervisor looks every 50.
struct InterruptAfterFirst {
  int signals = 1;
  std::once_flag once;
  void operator()(const JobRecord& r) {
    if (r.status != JobStatus::done) return;
    std::call_once(once, [&] {
      for (int i = 0; i < signals; ++i) std::raise(SIGINT);
      std::this_thread::sleep_for(std::chrono::milliseconds(150));
    });
  }
};

}  // namespace

TEST_CASE("runner: records come in job order whatever the threads, each job reported once") {
  const fs::path dir = scratch("runner-order");
  const auto jobs = card_jobs(dir, 8);
  for (int threads : {1, 3}) {
    RunOptions run;
    run.threads = threads;
    run.out_dir = dir / fmt::format("out-{}", threads);
    std::vector<size_t> done;
    std::set<size_t> seen;
    run.on_job = [&](const JobRecord& r, size_t n, size_t total) {
      CHECK(total == 8);
      done.push_back(n);
      seen.insert(r.index);
    };
    const RunSummary s = run_jobs(jobs, run, session());
    CHECK(s.threads == threads);
    CHECK(s.planned == 8);
    REQUIRE(s.jobs.size() == 8);
    CHECK(done == std::vector<size_t>{1, 2, 3, 4, 5, 6, 7, 8});
    CHECK(seen.size() == 8);
    for (size_t i = 0; i < 8; ++i) {
      INFO("job " << i << ": " << s.jobs[i].diags.to_string());
      CHECK(s.jobs[i].index == i);
      CHECK(s.jobs[i].status == JobStatus::done);
      CHECK(s.jobs[i].outputs ==
            std::vector<fs::path>{run.out_dir / (std::to_string(i + 1) + ".pdf")});
    }
    CHECK(s.count(JobStatus::done) == 8);
  }
  // -j 3 writes the same bytes as -j 1.
  for (int i = 1; i <= 8; ++i) {
    const std::string name = std::to_string(i) + ".pdf";
    CHECK(read(dir / "out-1" / name) == read(dir / "out-3" / name));
  }
}

namespace {
/// How many malloc arenas (heaps) glibc has made in this process so far.
int malloc_heaps() {
  char* text = nullptr;
  size_t size = 0;
  FILE* out = open_memstream(&text, &size);
  REQUIRE(out);
  malloc_info(0, out);
  std::fclose(out);
  int n = 0;
  for (std::string_view s(text, size); s.find("<heap nr=") != std::string_view::npos;
       s.remove_prefix(s.find("<heap nr=") + 1))
    ++n;
  std::free(text);
  return n;
}
}  // namespace

TEST_CASE("runner: jobs on this process's threads add no malloc arena") {
  // A worker and each job's writer thread with arenas of their own scattered a long merge's
  // freed memory over three arenas: its resident set crept up row after row.
  const fs::path dir = scratch("runner-arenas");
  RunOptions run;
  run.threads = 1;
  run.out_dir = dir / "out";
  const int before = malloc_heaps();
  const RunSummary s = run_jobs(card_jobs(dir, 4), run, session());
  CHECK(s.count(JobStatus::done) == 4);
  CHECK(malloc_heaps() == before);
}

TEST_CASE("runner: never more threads than jobs") {
  const fs::path dir = scratch("runner-threads");
  RunOptions run;
  run.threads = 8;
  run.out_dir = dir / "out";
  const RunSummary s = run_jobs(card_jobs(dir, 2), run, session());
  CHECK(s.threads == 2);
  CHECK(s.count(JobStatus::done) == 2);
}

TEST_CASE("runner: a failing job is reported with its problem and writes nothing; others finish") {
  const fs::path dir = scratch("runner-failures");
  auto jobs = card_jobs(dir, 4);
  jobs[1].statement = dir / "missing.md";
  core::Diagnostics ragged;
  ragged.error({"rows.csv", 3}, "row 3 is ragged");
  jobs[2].problem = ragged.all().front();
  RunOptions run;
  run.threads = 2;
  run.out_dir = dir / "out";
  const RunSummary s = run_jobs(jobs, run, session());
  REQUIRE(s.jobs.size() == 4);
  CHECK(s.jobs[0].status == JobStatus::done);
  CHECK(s.jobs[1].status == JobStatus::failed);
  CHECK(s.jobs[1].diags.to_string() == (dir / "missing.md").string() + ": error: file not found\n");
  CHECK(s.jobs[2].status == JobStatus::failed);
  CHECK(s.jobs[2].diags.to_string() == "rows.csv:3: error: row 3 is ragged\n");
  CHECK(s.jobs[3].status == JobStatus::done);
  CHECK(s.count(JobStatus::failed) == 2);
  CHECK(fs::exists(dir / "out" / "1.pdf"));
  CHECK_FALSE(fs::exists(dir / "out" / "2.pdf"));
  CHECK_FALSE(fs::exists(dir / "out" / "3.pdf"));
  CHECK(fs::exists(dir / "out" / "4.pdf"));
}

TEST_CASE(
    "runner: Records::failed keeps only the failed jobs' records, in job order; all counted") {
  const fs::path dir = scratch("runner-records");
  auto jobs = card_jobs(dir, 6);
  jobs[1].statement = dir / "missing.md";
  jobs[4].outputs = {"1.pdf"};  // job 1's file: fails, naming job 1
  RunOptions run;
  run.threads = 1;
  run.out_dir = dir / "out";
  run.records = Records::failed;
  size_t reported = 0;
  run.on_job = [&](const JobRecord&, size_t, size_t) { ++reported; };
  const RunSummary s = run_jobs(jobs, run, session());
  CHECK(reported == 6);  // every record still goes to on_job as its job ends
  REQUIRE(s.jobs.size() == 2);
  CHECK(s.jobs[0].index == 1);
  CHECK(s.jobs[1].index == 4);
  CHECK(s.jobs[1].diags.to_string().find("is written by job 1 already") != std::string::npos);
  CHECK(s.in_shard() == 6);
  CHECK(s.count(JobStatus::done) == 4);
  CHECK(s.count(JobStatus::failed) == 2);
  CHECK(failure_table(s).rfind("2 of 6 jobs failed:\n", 0) == 0);
  // A second run: every good job is up to date, and only counted.
  run.incremental = Incremental::on;
  run_jobs(jobs, run, session());
  const RunSummary again = run_jobs(jobs, run, session());
  CHECK(again.jobs.size() == 2);
  CHECK(again.count(JobStatus::skipped) == 4);
}

TEST_CASE("runner: two jobs writing one file: the second fails, naming the first") {
  const fs::path dir = scratch("runner-clash");
  auto jobs = card_jobs(dir, 2);
  for (auto& j : jobs) j.outputs = {"same.pdf"};
  RunOptions run;
  run.out_dir = dir / "out";
  const RunSummary s = run_jobs(jobs, run, session());
  CHECK(s.jobs[0].status == JobStatus::done);
  CHECK(s.jobs[1].status == JobStatus::failed);
  CHECK(s.jobs[1].diags.to_string().find("is written by job 1 already") != std::string::npos);
}

TEST_CASE("runner: incremental runs skip current jobs and redo changed or missing ones") {
  const fs::path dir = scratch("runner-incremental");
  const auto jobs = card_jobs(dir, 3);
  RunOptions run;
  run.threads = 2;
  run.out_dir = dir / "out";
  run.incremental = Incremental::on;
  const RunSummary first = run_jobs(jobs, run, session());
  CHECK(first.count(JobStatus::done) == 3);
  CHECK(fs::exists(dir / "out" / kStateFileName));
  const RunSummary second = run_jobs(jobs, run, session());
  CHECK(second.count(JobStatus::skipped) == 3);
  CHECK(second.jobs[2].outputs == std::vector<fs::path>{dir / "out" / "3.pdf"});
  // A removed output, and a job whose values changed, are made again; the rest stay current.
  fs::remove(dir / "out" / "1.pdf");
  auto changed = jobs;
  changed[1].values["branch"] = core::Value::scalar("elsewhere");
  const RunSummary third = run_jobs(changed, run, session());
  CHECK(third.jobs[0].status == JobStatus::done);
  CHECK(third.jobs[1].status == JobStatus::done);
  CHECK(third.jobs[2].status == JobStatus::skipped);
  CHECK(fs::exists(dir / "out" / "1.pdf"));
  // Without incremental runs, everything is made every time.
  run.incremental = Incremental::off;
  CHECK(run_jobs(jobs, run, session()).count(JobStatus::done) == 3);
}

TEST_CASE("runner: an interrupt stops new jobs; the run still reports every job") {
  const fs::path dir = scratch("runner-interrupt");
  RunOptions run;
  run.threads = 1;
  run.out_dir = dir / "out";
  run.interrupts = Interrupts::stop;
  InterruptAfterFirst interrupt;
  run.on_job = [&](const JobRecord& r, size_t, size_t) { interrupt(r); };
  size_t running_when_interrupted = 99;
  int interrupt_calls = 0;
  run.on_interrupt = [&](size_t running) {
    running_when_interrupted = running;
    ++interrupt_calls;
  };
  const RunSummary s = run_jobs(card_jobs(dir, 200), run, session());
  CHECK(s.signal == SIGINT);
  CHECK_FALSE(s.abandoned);
  CHECK(interrupt_calls == 1);
  CHECK(running_when_interrupted <= 1);
  REQUIRE(s.jobs.size() == 200);
  CHECK(s.count(JobStatus::done) >= 1);
  CHECK(s.count(JobStatus::interrupted) >= 1);
  CHECK(s.count(JobStatus::done) + s.count(JobStatus::interrupted) == 200);
  for (const auto& r : s.jobs) {
    const fs::path file = dir / "out" / (std::to_string(r.index + 1) + ".pdf");
    CHECK(fs::exists(file) == (r.status == JobStatus::done));
  }
}

// Abandoning a run is for a process about to end: it makes every later write fail. So the run is
// abandoned in a process of its own (this test program, running only the skipped case below).
TEST_CASE("runner: abandoned in a process of its own" * doctest::skip()) {
  const fs::path dir = scratch("runner-abandon");
  RunOptions run;
  run.threads = 2;
  run.out_dir = dir / "out";
  run.interrupts = Interrupts::stop;
  InterruptAfterFirst interrupt{3};
  run.on_job = [&](const JobRecord& r, size_t, size_t) { interrupt(r); };
  const RunSummary s = run_jobs(card_jobs(dir, 200), run, session());
  CHECK(s.signal == SIGINT);
  CHECK(s.abandoned);
  CHECK(s.count(JobStatus::done) + s.count(JobStatus::interrupted) == 200);
  for (const auto& r : s.jobs) {
    if (r.status != JobStatus::interrupted || r.diags.empty()) continue;
    INFO("job " << r.index);
    CHECK(r.diags.to_string().find("nothing of it was written") != std::string::npos);
  }
  // Nothing half-written is left, and nothing more is written.
  for (const auto& e : fs::directory_iterator(dir / "out"))
    CHECK(e.path().filename().string().front() != '.');
  core::Diagnostics diags;
  CHECK_FALSE(core::write_file_atomically(dir / "out" / "late.pdf", "x", diags));
  CHECK_FALSE(fs::exists(dir / "out" / "late.pdf"));
  // The abandoned workers stop at their job's next stage and touch nothing more; they are given
  // time to end before this process does (the CLI leaves with std::_Exit instead).
  std::this_thread::sleep_for(std::chrono::seconds(1));
}

TEST_CASE("runner: a third interrupt abandons the run at once, reporting what was running") {
  const fs::path log = scratch("runner-abandon-log") / "out.txt";
  const std::string command = fmt::format(
      "'{}' --no-skip --test-case='runner: abandoned in a process of its own' >'{}' 2>&1",
      fs::read_symlink("/proc/self/exe").string(), log.string());
  const int status = std::system(command.c_str());
  const std::string out = read(log);
  INFO(out);
  CHECK(status == 0);
  // It ran (a name that matches nothing would pass with no assertions) and passed.
  CHECK(out.find("Status: SUCCESS!") != std::string::npos);
  CHECK(out.find("assertions: 0 |") == std::string::npos);
}
