// render_pool.hpp — a fixed number of render worker processes, each with its own engine and
// library (typesetter, paragraph and design caches over the one font set loaded before the
// fork), and a bounded queue in front of them: a request that finds the queue full is turned
// away at once instead of waiting without end. Processes, not threads: cairo 1.16's glyph cache
// is process-wide and not safe to fill from two threads (see batch/worker_process.hpp).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "batch/preview.hpp"
#include "batch/rows.hpp"
#include "batch/session.hpp"
#include "batch/worker_process.hpp"
#include "batch/worker_spawner.hpp"

namespace broadside::serve {

class RenderPool {
 public:
  /// Forks the spawner that forks every worker: construct it before the HTTP threads start, so
  /// that each worker, first or replacement, is a copy of a process with one thread.
  RenderPool(std::shared_ptr<const batch::Session> session,
             std::vector<std::filesystem::path> design_dirs,
             std::vector<std::filesystem::path> content_dirs, size_t workers, size_t queue);
  /// Stops taking work, lets each worker finish the render it is on, and ends the processes.
  ~RenderPool();
  RenderPool(const RenderPool&) = delete;
  RenderPool& operator=(const RenderPool&) = delete;

  /// The result to come; nullopt when the queue is full (the caller answers 503). get() throws
  /// when the worker process died on it (it is forked again for the next request).
  std::optional<std::future<batch::PreviewResult>> submit(batch::PreviewRequest request);
  /// One file per row of a data table (see batch/rows.hpp), as one task.
  std::optional<std::future<batch::RowsResult>> submit(batch::RowsRequest request);

  /// Seconds a client turned away should wait: the queue's length times the recent time per
  /// render, spread over the workers; at least 1.
  int retry_after_seconds() const;

 private:
  struct Task {
    /// Design, statement and language: a worker that last rendered the same has it cached.
    std::string key;
    std::string request;
    std::promise<std::string> reply;
    /// A worker that was idle with this key cached when the task came, or -1.
    int preferred = -1;
  };
  struct Slot {
    std::optional<batch::WorkerProcess> process;
    /// The process's pid while the slot holds it (read by other threads under mutex_, unlike
    /// the process, which only the slot's thread uses).
    pid_t pid = -1;
    std::string last_key;
    bool idle = false;
  };
  std::optional<std::future<std::string>> submit_raw(std::string key, std::string request);
  std::optional<batch::WorkerProcess> fork_worker();
  /// Puts `process` (or nothing) in the slot, closing the one it held (mutex_ held).
  void hold(Slot& slot, std::optional<batch::WorkerProcess> process);
  /// Whether the slot's idle process has ended; meanwhile reaps the ended children that are not
  /// the pool's (mutex_ held).
  bool idle_process_ended(size_t slot);
  bool stopping() const;
  void work(size_t slot);
  /// The queued task `slot` should take next; queue_.end() when none (mutex_ held).
  std::deque<Task>::iterator pick(size_t slot);

  std::shared_ptr<const batch::Session> session_;
  std::vector<std::filesystem::path> design_dirs_, content_dirs_;
  const size_t capacity_;
  /// Declared before the slots: it ends after every worker has been closed.
  std::optional<batch::WorkerSpawner> spawner_;
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Task> queue_;
  std::vector<Slot> slots_;
  bool stopping_ = false;
  /// How long a worker may take to answer before it is killed as stuck.
  const std::chrono::milliseconds stuck_after_;
  /// Moving average of a render's milliseconds, for Retry-After.
  std::atomic<double> average_ms_{200};
  std::vector<std::jthread> threads_;
};

}  // namespace broadside::serve
