// worker_process.cpp — forked workers: requests (a batch job's number, a web render) go down a
// socket pair and replies come back, each as a length and its bytes; SIGUSR1 cancels the running
// job, SIGUSR2 abandons it.
#include "batch/worker_process.hpp"

#include <dirent.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

#include "batch/wire.hpp"
#include "core/atomic_file.hpp"

namespace broadside::batch {

namespace {

using wire::Reader;
using wire::Writer;
using worker_detail::recv_all;
using worker_detail::send_all;

/// The parent's ends of every worker's socket: a child closes the ones it inherits, or a
/// worker forked later would keep an earlier one's socket open and it would never see the end.
std::mutex g_ends_mutex;
std::vector<int> g_parent_ends;

/// Closes every socket but `keep`: a child forked by a server would otherwise hold its clients'
/// connections open (a client waits for the end of an answer the parent has long closed) and
/// its listening socket. Files stay open: fonts and caches may be reading them.
void close_other_sockets(int keep) {
  std::vector<int> sockets;
  if (DIR* dir = ::opendir("/proc/self/fd")) {
    while (const dirent* e = ::readdir(dir)) {
      const int fd = std::atoi(e->d_name);
      struct stat st {};
      if (fd > 2 && fd != keep && fd != ::dirfd(dir) && ::fstat(fd, &st) == 0 &&
          S_ISSOCK(st.st_mode))
        sockets.push_back(fd);
    }
    ::closedir(dir);
  }
  for (int fd : sockets) ::close(fd);
}

}  // namespace

void worker_detail::close_sockets_but(int keep) {
  close_other_sockets(keep);
}

pid_t worker_detail::fork_with_socket(int fds[2]) {
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) return -1;
  std::fflush(nullptr);
  const pid_t pid = ::fork();
  if (pid < 0) {
    const int saved = errno;
    ::close(fds[0]);
    ::close(fds[1]);
    errno = saved;
  }
  return pid;
}

bool worker_detail::send_all(int fd, const void* data, size_t n) {
  const char* p = static_cast<const char*>(data);
  while (n > 0) {
    // MSG_NOSIGNAL: a dead peer is an error to report, not a SIGPIPE that ends this process.
    const ssize_t k = ::send(fd, p, n, MSG_NOSIGNAL);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) return false;
    p += k;
    n -= static_cast<size_t>(k);
  }
  return true;
}

bool worker_detail::recv_all(int fd, void* data, size_t n) {
  char* p = static_cast<char*>(data);
  while (n > 0) {
    const ssize_t k = ::recv(fd, p, n, 0);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) return false;
    p += k;
    n -= static_cast<size_t>(k);
  }
  return true;
}

namespace {

/// The child's flag for its running job; set from its signal thread.
std::atomic<bool> g_cancel{false};

}  // namespace

[[noreturn]] void worker_detail::serve_requests(int fd, const WorkerProcess::Serve& serve) {
  for (int end : g_parent_ends)
    if (end != fd) ::close(end);
  close_other_sockets(fd);
  // Ctrl-C reaches the whole process group: the parent alone decides what it means, and
  // tells the child with SIGUSR1 (cancel) or SIGUSR2 (abandon).
  ::signal(SIGINT, SIG_IGN);
  ::signal(SIGTERM, SIG_IGN);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigaddset(&set, SIGUSR2);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread([set] {
    for (;;) {
      int sig = 0;
      if (sigwait(&set, &sig) != 0) continue;
      if (sig == SIGUSR1) {
        g_cancel = true;
      } else {
        core::abandon_atomic_writes();
        ::_exit(1);
      }
    }
  }).detach();
  WorkerProcess::Serve local = serve;
  uint64_t n = 0;
  std::string request;
  while (recv_all(fd, &n, sizeof n)) {
    request.resize(n);
    if (!recv_all(fd, request.data(), n)) break;
    const std::string reply = local(request, g_cancel);
    n = reply.size();
    if (!send_all(fd, &n, sizeof n) || !send_all(fd, reply.data(), reply.size())) break;
  }
  // Never exit(): the parent's stdio buffers and static objects are the parent's to flush.
  ::_exit(0);
}

std::string encode_result(const JobResult& r) {
  Writer w;
  w.u64(r.diags.size());
  for (const auto& d : r.diags.all()) {
    w.i64(static_cast<int64_t>(d.severity));
    w.str(d.where.file);
    w.i64(d.where.line);
    w.i64(d.where.column);
    w.str(d.message);
    w.str(d.hint);
  }
  w.u64(r.written.size());
  for (const auto& p : r.written) w.str(p.string());
  const Timings& t = r.timings;
  for (double v :
       {t.design, t.statement, t.fonts, t.compose, t.pdf, t.png, t.prepress, t.write, t.preflight})
    w.f64(v);
  w.i64(t.layout_passes);
  w.i64(t.font_searches);
  w.i64(t.font_searches_reused);
  w.u64(t.fits.size());
  for (const auto& f : t.fits) w.str(f);
  w.u64(r.interrupted ? 1 : 0);
  w.u64(r.unwritten.size());
  for (const auto& [path, bytes] : r.unwritten) {
    w.str(path.string());
    w.str(bytes);
  }
  return w.take();
}

bool decode_result(const std::string& bytes, JobResult& r) {
  Reader in(bytes);
  r = JobResult{};
  uint64_t n = 0;
  if (!in.u64(n)) return false;
  for (uint64_t i = 0; i < n; ++i) {
    core::Diagnostic d;
    int64_t severity = 0;
    if (!in.i64(severity) || severity < 0 || severity > 2 || !in.str(d.where.file) ||
        !in.i32(d.where.line) || !in.i32(d.where.column) || !in.str(d.message) || !in.str(d.hint))
      return false;
    d.severity = static_cast<core::Severity>(severity);
    r.diags.add(std::move(d));
  }
  if (!in.u64(n)) return false;
  for (uint64_t i = 0; i < n; ++i) {
    std::string p;
    if (!in.str(p)) return false;
    r.written.emplace_back(p);
  }
  Timings& t = r.timings;
  for (double* v : {&t.design, &t.statement, &t.fonts, &t.compose, &t.pdf, &t.png, &t.prepress,
                    &t.write, &t.preflight})
    if (!in.f64(*v)) return false;
  if (!in.i32(t.layout_passes) || !in.i32(t.font_searches) || !in.i32(t.font_searches_reused) ||
      !in.u64(n))
    return false;
  for (uint64_t i = 0; i < n; ++i) {
    std::string f;
    if (!in.str(f)) return false;
    t.fits.push_back(std::move(f));
  }
  uint64_t interrupted = 0;
  if (!in.u64(interrupted) || interrupted > 1) return false;
  r.interrupted = interrupted == 1;
  if (!in.u64(n)) return false;
  for (uint64_t i = 0; i < n; ++i) {
    std::string path, bytes;
    if (!in.str(path) || !in.str(bytes)) return false;
    r.unwritten.emplace_back(path, std::move(bytes));
  }
  return in.done();
}

std::optional<WorkerProcess> WorkerProcess::start(const RunJob& run) {
  return start_serving([run](const std::string& request, const std::atomic<bool>& cancel) {
    uint64_t index = 0;
    if (request.size() != sizeof index) return std::string();  // never sent: run() sends these
    std::memcpy(&index, request.data(), sizeof index);
    return encode_result(run(static_cast<size_t>(index), cancel));
  });
}

std::optional<WorkerProcess> WorkerProcess::start_serving(const Serve& serve) {
  int fds[2];
  std::lock_guard lock(g_ends_mutex);
  const pid_t pid = worker_detail::fork_with_socket(fds);
  if (pid < 0) return std::nullopt;
  if (pid == 0) worker_detail::serve_requests(fds[1], serve);
  ::close(fds[1]);
  g_parent_ends.push_back(fds[0]);
  return WorkerProcess(pid, fds[0], fds[0]);
}

WorkerProcess::WorkerProcess(WorkerProcess&& other) noexcept
    : pid_(other.pid_), to_child_(other.to_child_), from_child_(other.from_child_) {
  other.pid_ = -1;
  other.to_child_ = other.from_child_ = -1;
}

WorkerProcess::~WorkerProcess() {
  close();
}

bool WorkerProcess::run(size_t index, JobResult& result, std::string& why) {
  const uint64_t i = index;
  std::string reply;
  if (!call(std::string(reinterpret_cast<const char*>(&i), sizeof i), reply, why)) return false;
  if (decode_result(reply, result)) return true;
  why = "its answer could not be read";
  return false;
}

bool WorkerProcess::call(const std::string& request, std::string& reply, std::string& why) {
  uint64_t n = request.size();
  bool ok = to_child_ >= 0 && send_all(to_child_, &n, sizeof n) &&
            send_all(to_child_, request.data(), request.size()) &&
            recv_all(from_child_, &n, sizeof n);
  if (ok) {
    reply.resize(n);
    ok = recv_all(from_child_, reply.data(), n);
  }
  if (ok) return true;
  why = exit_description();
  return false;
}

WorkerProcess::Answer WorkerProcess::call_within(const std::string& request, std::string& reply,
                                                 std::string& why,
                                                 std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  const uint64_t n = request.size();
  if (to_child_ < 0 || !send_all(to_child_, &n, sizeof n) ||
      !send_all(to_child_, request.data(), request.size())) {
    why = exit_description();
    return Answer::died;
  }
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    pollfd p{from_child_, POLLIN, 0};
    const int ready = left.count() > 0 ? ::poll(&p, 1, static_cast<int>(left.count())) : 0;
    if (ready < 0 && errno == EINTR) continue;
    if (ready > 0) break;  // the answer, or the end of a child that died
    if (ready < 0) {
      why = std::string("its answer could not be awaited: ") + std::strerror(errno);
      return Answer::died;
    }
    ::kill(pid_, SIGKILL);
    exit_description();
    why = "it was still working " + std::to_string(limit.count() / 1000) +
          " s after the request, and was stopped";
    return Answer::overdue;
  }
  uint64_t size = 0;
  if (recv_all(from_child_, &size, sizeof size)) {
    reply.resize(size);
    if (recv_all(from_child_, reply.data(), size)) return Answer::replied;
  }
  why = exit_description();
  return Answer::died;
}

std::string WorkerProcess::exit_description() {
  if (pid_ < 0) return "it was not running";
  int status = 0;
  pid_t got;
  do got = ::waitpid(pid_, &status, 0);
  while (got < 0 && errno == EINTR);
  pid_ = -1;
  if (got < 0) return "it could not be waited for";
  if (WIFSIGNALED(status))
    return std::string("it was killed by signal ") + std::to_string(WTERMSIG(status)) + " (" +
           strsignal(WTERMSIG(status)) + ")";
  return "it exited with status " + std::to_string(WEXITSTATUS(status));
}

void WorkerProcess::cancel() const {
  if (pid_ > 0) ::kill(pid_, SIGUSR1);
}

void WorkerProcess::abandon() const {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGUSR2);
  // Waits (without reaping: its runner thread does that) until the child has removed its
  // temporaries and ended, so that nothing half-written is left when this process ends.
  for (int i = 0; i < 200; ++i) {
    siginfo_t info{};
    if (::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) != 0 ||
        info.si_pid == pid_)
      return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ::kill(pid_, SIGKILL);  // stuck inside a stage: end it all the same
}

bool WorkerProcess::ended() const {
  if (pid_ <= 0) return true;
  siginfo_t info{};
  return ::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) != 0 ||
         info.si_pid == pid_;
}

void WorkerProcess::close() {
  if (to_child_ >= 0) {
    ::shutdown(to_child_, SHUT_WR);  // the child reads the end and exits
    if (pid_ > 0) exit_description();
    std::lock_guard lock(g_ends_mutex);
    std::erase(g_parent_ends, to_child_);
    ::close(to_child_);
  }
  to_child_ = from_child_ = -1;
  pid_ = -1;
}

}  // namespace broadside::batch
