// reap_orphans_test.cpp — a subreaper reaps the ended processes it adopted and leaves the
// children someone else waits for.
#include <doctest/doctest.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <thread>

#include "batch/worker_spawner.hpp"

using namespace broadside::batch;

namespace {

/// Whether `pid` is still a child of this process to be waited for (ended or not).
bool waitable(pid_t pid) {
  siginfo_t info{};
  return ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0;
}

/// Waits until `pid` has ended (without reaping it).
void await_end(pid_t pid) {
  for (int i = 0; i < 500; ++i) {
    siginfo_t info{};
    if (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
        info.si_pid == pid)
      return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

}  // namespace

TEST_CASE("reap orphans: an adopted process that ended is reaped, a known child is left") {
  ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
  // A known child that has ended: its waiter reaps it, not reap_orphans.
  const pid_t known = ::fork();
  if (known == 0) ::_exit(3);
  REQUIRE(known > 0);
  await_end(known);
  reap_orphans({known});
  CHECK(waitable(known));
  int status = 0;
  REQUIRE(::waitpid(known, &status, 0) == known);
  CHECK(WEXITSTATUS(status) == 3);

  // A grandchild whose parent ended (a worker killed while Ghostscript ran) is adopted by this
  // process, which nobody tells of it.
  int report[2], release[2];
  REQUIRE(::pipe(report) == 0);
  REQUIRE(::pipe(release) == 0);
  const pid_t middle = ::fork();
  if (middle == 0) {
    const pid_t orphan = ::fork();
    if (orphan == 0) {
      ::close(release[1]);
      char byte;
      while (::read(release[0], &byte, 1) < 0 && errno == EINTR) {
      }
      ::_exit(0);  // ends when the test closes its end of `release`
    }
    ::_exit(::write(report[1], &orphan, sizeof orphan) == sizeof orphan ? 0 : 1);
  }
  REQUIRE(middle > 0);
  REQUIRE(::waitpid(middle, nullptr, 0) == middle);
  pid_t orphan = -1;
  REQUIRE(::read(report[0], &orphan, sizeof orphan) == sizeof orphan);
  ::close(report[0]);
  ::close(report[1]);
  ::close(release[0]);
  CHECK(waitable(orphan));  // adopted
  reap_orphans({});
  CHECK(waitable(orphan));  // still running: not reaped
  ::close(release[1]);
  await_end(orphan);
  reap_orphans({});
  CHECK_FALSE(waitable(orphan));
  CHECK(::waitpid(orphan, nullptr, WNOHANG) < 0);
  CHECK(errno == ECHILD);
}
