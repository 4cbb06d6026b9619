// interrupt_test.cpp — Ctrl-C during a batch: the run stops taking jobs, finishes or stops the
// running ones, reports what finished (exit 130), leaves no partial or temporary file, and a
// rerun completes the set identical to an uninterrupted run.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <thread>

#include "cli_support.hpp"

using namespace broadside::testing;
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

/// A campaign of `rows` small posters.
fs::path campaign(const fs::path& dir, int rows) {
  write_file(dir / "tiny.yaml", R"(name: tiny
page: {size: A6, bleed: 3mm, margins: 8mm}
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
)");
  write_file(dir / "statement.md", read_bytes(source_dir() / "content" / "statement.en.md"));
  std::string csv = "branch.name,event.place\n";
  for (int i = 1; i <= rows; ++i)
    csv += "Branch " + std::to_string(i) + ",Hall " + std::to_string(i) + "\n";
  write_file(dir / "rows.csv", csv);
  write_file(dir / "campaign.yaml",
             "designs: tiny.yaml\nstatements: statement.md\ndata: rows.csv\n"
             "outputs: ['{branch.name}.pdf', '{branch.name}.png']\n");
  return dir / "campaign.yaml";
}

/// broadside running in the background, its output in files.
class Background {
 public:
  explicit Background(const std::vector<std::string>& args, const fs::path& log) {
    pid_ = fork();
    if (pid_ == 0) {
      const FILE* out = freopen((log.string() + ".out").c_str(), "w", stdout);
      const FILE* err = freopen((log.string() + ".err").c_str(), "w", stderr);
      if (!out || !err) _exit(126);
      std::vector<char*> argv{const_cast<char*>(BROADSIDE_BINARY)};
      for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
  }
  void signal(int sig) const { ::kill(pid_, sig); }
  /// The exit code, 128 + signal when killed.
  int wait() const {
    int status = 0;
    waitpid(pid_, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

 private:
  pid_t pid_;
};

size_t count_pdfs(const fs::path& dir) {
  size_t n = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    n += e.path().extension() == ".pdf" && e.path().filename().string()[0] != '.' ? 1 : 0;
  return n;
}

/// Waits until `n` PDFs are in `dir` (the run is under way), at most 60 s.
void wait_for_pdfs(const fs::path& dir, size_t n) {
  for (int i = 0; i < 6000 && count_pdfs(dir) < n; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

void check_no_temporaries(const fs::path& dir) {
  for (const auto& f : files_in(dir)) {
    const std::string name = fs::path(f).filename().string();
    CHECK((name[0] != '.' || name == ".broadside-state"));
  }
}

void check_same_files(const fs::path& out, const fs::path& reference) {
  const auto expected = files_in(reference);
  for (const auto& f : expected) {
    if (fs::path(f).filename().string()[0] == '.') continue;
    INFO(f);
    CHECK(read_bytes(out / f) == read_bytes(reference / f));
  }
}

}  // namespace

TEST_CASE("interrupt: Ctrl-C finishes the running jobs, starts no new ones, reports, exits 130") {
  const fs::path dir = scratch_dir("interrupt-once");
  const fs::path manifest = campaign(dir, 60);
  const fs::path reference = dir / "reference";
  REQUIRE(run_broadside({"batch", manifest.string(), "--out", reference.string()}).exit_code == 0);

  const fs::path out = dir / "out", report = dir / "report.json";
  const Background run(
      {"batch", manifest.string(), "--out", out.string(), "-j", "2", "--report", report.string()},
      dir / "run");
  wait_for_pdfs(out, 2);
  run.signal(SIGINT);
  CHECK(run.wait() == 130);
  const std::string err = read_bytes(dir / "run.err");
  CHECK(err.find("broadside: interrupted:") != std::string::npos);
  CHECK(read_bytes(dir / "run.out").find(" interrupted (run again to finish)") !=
        std::string::npos);
  check_no_temporaries(out);

  // The report says what finished; every file it lists is there, whole.
  const json j = json::parse(read_bytes(report));
  CHECK(j["stopped_by_signal"] == SIGINT);
  const size_t done = j["summary"]["done"], stopped = j["summary"]["interrupted"];
  CHECK(done >= 2);
  CHECK(stopped > 0);
  CHECK(done + stopped == 60);
  size_t listed = 0;
  for (const auto& job : j["jobs"]) {
    if (job["status"] != "done") {
      CHECK(job["outputs"].empty());
      continue;
    }
    for (const auto& o : job["outputs"]) {
      ++listed;
      const fs::path file = o.get<std::string>();
      CHECK(read_bytes(file) == read_bytes(reference / file.filename()));
    }
  }
  CHECK(listed == 2 * done);
  CHECK(count_pdfs(out) == done);

  // Run again: only the rest is rendered, and the set is the uninterrupted one.
  const auto again = run_broadside({"batch", manifest.string(), "--out", out.string()});
  CHECK(again.exit_code == 0);
  CHECK(again.out.find(std::to_string(stopped) + " written, " + std::to_string(done) +
                       " up to date") != std::string::npos);
  CHECK(files_in(out) == files_in(reference));
  check_same_files(out, reference);
}

TEST_CASE("interrupt: a second Ctrl-C stops the running jobs too; nothing partial is left") {
  const fs::path dir = scratch_dir("interrupt-twice");
  const fs::path manifest = campaign(dir, 40);
  const fs::path reference = dir / "reference";
  REQUIRE(run_broadside({"batch", manifest.string(), "--out", reference.string()}).exit_code == 0);
  const fs::path out = dir / "out";
  const Background run({"batch", manifest.string(), "--out", out.string(), "-j", "2"}, dir / "run");
  wait_for_pdfs(out, 1);
  run.signal(SIGINT);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  run.signal(SIGINT);
  CHECK(run.wait() == 130);
  check_no_temporaries(out);
  // Every file there is whole: byte for byte the reference's.
  for (const auto& f : files_in(out))
    if (fs::path(f).filename().string()[0] != '.')
      CHECK(read_bytes(out / f) == read_bytes(reference / f));
  const auto again = run_broadside({"batch", manifest.string(), "--out", out.string()});
  CHECK(again.exit_code == 0);
  CHECK(files_in(out) == files_in(reference));
  check_same_files(out, reference);
}

TEST_CASE("interrupt: render --data stops the same way") {
  const fs::path dir = scratch_dir("interrupt-render-data");
  // Rows enough that a loaded machine cannot render them all before the signal lands (40
  // once all went out between the first file and the signal).
  campaign(dir, 200);
  const fs::path out = dir / "out";
  const Background run(
      {"render", (dir / "tiny.yaml").string(), (dir / "statement.md").string(), "--data",
       (dir / "rows.csv").string(), "-o", (out / "{branch.name}.pdf").string()},
      dir / "run");
  wait_for_pdfs(out, 1);
  run.signal(SIGINT);
  CHECK(run.wait() == 130);
  CHECK(read_bytes(dir / "run.err").find("rows were not rendered; run the command again") !=
        std::string::npos);
  check_no_temporaries(out);
  CHECK(count_pdfs(out) < 200);
}
