// worker_spawner.cpp — the spawner's loop: each byte asks for a worker, forked through a
// short-lived middle process so that it is reparented to the server (its subreaper); the worker's
// socket goes back to the server with SCM_RIGHTS and the worker's pid as the first bytes on it.
#include "batch/worker_spawner.hpp"

#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>

namespace broadside::batch {

namespace {

using worker_detail::recv_all;
using worker_detail::send_all;

/// A one-byte message with room for one descriptor: what send_fd() and receive_fd() exchange.
struct FdMessage {
  char byte = 'w';
  iovec iov{&byte, 1};
  alignas(cmsghdr) char space[CMSG_SPACE(sizeof(int))] = {};
  msghdr msg{};
  FdMessage() {
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = space;
    msg.msg_controllen = sizeof space;
  }
  FdMessage(const FdMessage&) = delete;
  FdMessage& operator=(const FdMessage&) = delete;
};

bool send_fd(int over, int fd) {
  FdMessage m;
  cmsghdr* c = CMSG_FIRSTHDR(&m.msg);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(sizeof(int));
  std::memcpy(CMSG_DATA(c), &fd, sizeof fd);
  ssize_t k;
  do k = ::sendmsg(over, &m.msg, MSG_NOSIGNAL);
  while (k < 0 && errno == EINTR);
  return k == 1;
}

/// The descriptor sent by send_fd(); -1 when the spawner could not make a worker (it sends a
/// byte without one) or is gone.
int receive_fd(int from) {
  FdMessage m;
  ssize_t k;
  do k = ::recvmsg(from, &m.msg, MSG_CMSG_CLOEXEC);
  while (k < 0 && errno == EINTR);
  if (k != 1) return -1;
  for (cmsghdr* c = CMSG_FIRSTHDR(&m.msg); c; c = CMSG_NXTHDR(&m.msg, c))
    if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
      int fd = -1;
      std::memcpy(&fd, CMSG_DATA(c), sizeof fd);
      return fd;
    }
  return -1;
}

/// One worker: forked from a middle process that ends at once, so that the worker's parent
/// becomes the server. The middle process writes the worker's pid on the worker's socket,
/// before anything the worker will answer.
void make_worker(int control, const WorkerProcess::Serve& serve) {
  int fds[2];
  const pid_t middle = worker_detail::fork_with_socket(fds);
  if (middle < 0) {
    if (!send_all(control, "x", 1)) ::_exit(0);
    return;
  }
  if (middle == 0) {
    const pid_t worker = ::fork();
    if (worker == 0) {
      ::prctl(PR_SET_NAME, "broadside-work", 0, 0, 0);
      worker_detail::serve_requests(fds[1], serve);
    }
    const int64_t pid = worker;
    ::_exit(worker > 0 && send_all(fds[1], &pid, sizeof pid) ? 0 : 1);
  }
  int status = 1;
  while (::waitpid(middle, &status, 0) < 0 && errno == EINTR) {
  }
  const bool made = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (!(made ? send_fd(control, fds[0]) : send_all(control, "x", 1))) ::_exit(0);
  ::close(fds[0]);
  ::close(fds[1]);
}

[[noreturn]] void spawner_main(int control, const WorkerProcess::Serve& serve) {
  ::prctl(PR_SET_NAME, "broadside-fork", 0, 0, 0);
  // The server decides what Ctrl-C means; the spawner ends when the server closes its socket
  // (or dies).
  ::signal(SIGINT, SIG_IGN);
  ::signal(SIGTERM, SIG_IGN);
  char byte = 0;
  while (recv_all(control, &byte, 1)) make_worker(control, serve);
  ::_exit(0);
}

}  // namespace

std::optional<WorkerSpawner> WorkerSpawner::start(const WorkerProcess::Serve& serve) {
  // Orphans are reparented to the nearest subreaper: the workers, once their middle process
  // ends, to this one.
  ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
  int fds[2];
  const pid_t pid = worker_detail::fork_with_socket(fds);
  if (pid < 0) return std::nullopt;
  if (pid == 0) {
    // Holding no socket but its own: a server's listening socket or clients kept open here
    // would outlive the server.
    worker_detail::close_sockets_but(fds[1]);
    spawner_main(fds[1], serve);
  }
  ::close(fds[1]);
  return WorkerSpawner(pid, fds[0]);
}

WorkerSpawner::WorkerSpawner(WorkerSpawner&& other) noexcept
    : pid_(other.pid_), control_(other.control_) {
  other.pid_ = -1;
  other.control_ = -1;
}

WorkerSpawner::~WorkerSpawner() {
  if (control_ >= 0) ::close(control_);  // the spawner reads the end and exits
  if (pid_ > 0)
    while (::waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
    }
}

std::optional<WorkerProcess> WorkerSpawner::spawn() {
  std::lock_guard lock(mutex_);
  if (control_ < 0 || !send_all(control_, "w", 1)) return std::nullopt;
  const int fd = receive_fd(control_);
  if (fd < 0) return std::nullopt;
  int64_t pid = -1;
  if (!recv_all(fd, &pid, sizeof pid) || pid <= 0) {
    ::close(fd);
    return std::nullopt;
  }
  return WorkerProcess(static_cast<pid_t>(pid), fd, fd);
}

void reap_orphans(const std::vector<pid_t>& known) {
  // waitid() without WNOWAIT would take a known child's status from whoever waits for it: look
  // first, then reap only an unknown one. A known child that has ended hides the others until
  // its waiter has reaped it.
  for (;;) {
    siginfo_t info{};
    if (::waitid(P_ALL, 0, &info, WEXITED | WNOHANG | WNOWAIT) != 0 || info.si_pid <= 0) return;
    if (std::find(known.begin(), known.end(), info.si_pid) != known.end()) return;
    ::waitpid(info.si_pid, nullptr, WNOHANG);
  }
}

}  // namespace broadside::batch
