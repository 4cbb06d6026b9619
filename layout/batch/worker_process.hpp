// worker_process.hpp — a batch worker in a child process of its own. cairo 1.16 keeps one
// process-wide glyph page cache: a thread adding a glyph evicts pages of fonts another thread
// is reading (its eviction test reads the other font's lock state without taking the lock), so
// two threads setting text crash once many fonts and sizes fill it. Processes share no cache.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "batch/job.hpp"

namespace broadside::batch {

/// JobResult as bytes and back, for the pipe between a worker process and its runner.
std::string encode_result(const JobResult& result);
/// False when `bytes` is not what encode_result() makes.
bool decode_result(const std::string& bytes, JobResult& result);

/// A forked child that runs jobs by number (or answers requests), one at a time. Fork it before the
/// process starts threads of its own: the child is a copy of the parent at that moment, jobs and
/// all.
class WorkerProcess {
 public:
  /// Runs a job in the child, given its number; `cancel` is the child's flag, set when the
  /// parent calls cancel().
  using RunJob = std::function<JobResult(size_t index, const std::atomic<bool>& cancel)>;

  /// Answers a request (bytes the parent chose) in the child.
  using Serve =
      std::function<std::string(const std::string& request, const std::atomic<bool>& cancel)>;

  /// Forks; the child loops over the numbers it is sent and never returns from here.
  /// nullopt (with errno set) when the fork or a pipe fails.
  static std::optional<WorkerProcess> start(const RunJob& run);
  /// Forks a child that answers requests with `serve` (a long-running server's renderer). A
  /// parent with threads may call it if the child touches nothing another thread could hold
  /// locked at the fork: `serve` builds what it needs in the child.
  static std::optional<WorkerProcess> start_serving(const Serve& serve);

  WorkerProcess(WorkerProcess&& other) noexcept;
  WorkerProcess& operator=(WorkerProcess&&) = delete;
  WorkerProcess(const WorkerProcess&) = delete;
  ~WorkerProcess();

  /// Runs job `index` in the child and waits for its result; false when the child has died
  /// (`why` then says how).
  bool run(size_t index, JobResult& result, std::string& why);
  /// Sends `request` to a start_serving() child and waits for its reply; false when the child
  /// has died (`why` then says how).
  bool call(const std::string& request, std::string& reply, std::string& why);
  /// What call_within() came to.
  enum class Answer { replied, died, overdue };
  /// As call(), but a child that has not answered within `limit` is stuck inside a stage (it
  /// checks its own time limit between stages): it is killed, and `why` says so.
  Answer call_within(const std::string& request, std::string& reply, std::string& why,
                     std::chrono::milliseconds limit);
  /// The running job stops at its next stage and writes nothing (a second Ctrl-C).
  void cancel() const;
  /// Removes the child's half-written temporaries and ends it at once; returns once it has
  /// ended (two seconds at most, then it is killed).
  void abandon() const;
  /// No more jobs: the child ends after the one it is running; waits for it.
  void close();
  /// Whether the child has ended (it is left for close() or a call to reap and describe).
  bool ended() const;
  pid_t pid() const { return pid_; }

 private:
  friend class WorkerSpawner;
  WorkerProcess(pid_t pid, int to_child, int from_child)
      : pid_(pid), to_child_(to_child), from_child_(from_child) {}
  std::string exit_description();

  pid_t pid_ = -1;
  int to_child_ = -1, from_child_ = -1;
};

namespace worker_detail {
/// A child's life from its first instruction: closes the sockets it inherited but `keep` (a
/// server's clients, the parent's ends of other workers), then answers requests on `keep` with
/// `serve` until the other end closes it.
[[noreturn]] void serve_requests(int keep, const WorkerProcess::Serve& serve);
/// Closes every socket this process holds but `keep`; files stay open (fonts may be reading them).
void close_sockets_but(int keep);
/// Makes a socket pair and forks: the pid (0 in the child), with fds[0] the parent's end and
/// fds[1] the child's; -1 (errno kept, nothing left open) when either fails. Flushes stdio
/// first, so nothing buffered is written twice.
pid_t fork_with_socket(int fds[2]);
/// All `n` bytes over a socket, retrying after signals; false when the peer is gone (never
/// SIGPIPE).
bool send_all(int fd, const void* data, size_t n);
/// All `n` bytes from a socket; false at its end or on an error.
bool recv_all(int fd, void* data, size_t n);
}  // namespace worker_detail

}  // namespace broadside::batch
