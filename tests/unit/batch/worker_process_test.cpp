// worker_process_test.cpp — a job's result survives the trip from a worker process; a worker
// that dies is reported with its signal, never hangs its runner.
#include <doctest/doctest.h>

#include <csignal>

#include "batch/worker_process.hpp"

using namespace broadside;
using namespace broadside::batch;

TEST_CASE("worker process: a result is encoded and decoded whole") {
  JobResult r;
  r.diags.error({"designs/a.yaml", 12, 5}, "unknown key 'colour'", "did you mean 'colors'?");
  r.diags.warning({}, "a warning with\nnewlines and \0 bytes");
  r.written = {"out/a.pdf", "out/b-2.png"};
  r.timings.compose = 12.5;
  r.timings.preflight = 0.25;
  r.timings.layout_passes = 17;
  r.timings.font_searches = 9;
  r.timings.font_searches_reused = 45;
  r.timings.fits = {"headline 51.5pt, 6 lines", ""};
  r.interrupted = true;
  r.unwritten = {{"out/a.pdf", std::string("%PDF-1.5\n\0binary", 17)}, {"out/empty.png", ""}};
  JobResult back;
  REQUIRE(decode_result(encode_result(r), back));
  CHECK(back.diags.to_string() == r.diags.to_string());
  REQUIRE(back.diags.size() == 2);
  CHECK(back.diags.all()[0].where.line == 12);
  CHECK(back.diags.all()[0].hint == "did you mean 'colors'?");
  CHECK(back.written == r.written);
  CHECK(back.timings.compose == 12.5);
  CHECK(back.timings.preflight == 0.25);
  CHECK(back.timings.layout_passes == 17);
  CHECK(back.timings.font_searches == 9);
  CHECK(back.timings.font_searches_reused == 45);
  CHECK(back.timings.fits == r.timings.fits);
  CHECK(back.interrupted);
  CHECK(back.unwritten == r.unwritten);
  const std::string bytes = encode_result(r);
  CHECK_FALSE(decode_result(bytes.substr(0, bytes.size() - 1), back));
  CHECK_FALSE(decode_result(bytes + "x", back));
}

TEST_CASE("worker process: jobs run in the child, in turn; a crash is reported, not hung on") {
  auto process = WorkerProcess::start([](size_t index, const std::atomic<bool>&) {
    // SIGKILL, not SIGSEGV: doctest's and ASan's handlers catch a SEGV in the child and exit
    // instead of dying by it. Now that ctest runs this test (its name has a ';'), it must pass
    // in the sanitizer build too.
    if (index == 3) std::raise(SIGKILL);
    JobResult r;
    r.written.push_back("job-" + std::to_string(index) + ".pdf");
    r.timings.layout_passes = static_cast<int>(getpid());  // the child's, not ours
    return r;
  });
  REQUIRE(process);
  for (size_t i : {1, 2}) {
    JobResult r;
    std::string why;
    REQUIRE(process->run(i, r, why));
    CHECK(r.written == std::vector<std::filesystem::path>{"job-" + std::to_string(i) + ".pdf"});
    CHECK(r.timings.layout_passes != getpid());
  }
  JobResult r;
  std::string why;
  CHECK_FALSE(process->run(3, r, why));
  CHECK(why.find("signal " + std::to_string(SIGKILL)) != std::string::npos);
  CHECK_FALSE(process->run(4, r, why));
}
