// worker_spawner.hpp — a one-thread process that forks a server's render workers for it. A
// process with threads must not fork: the child inherits every lock another thread held at that
// moment (the allocator's, fontconfig's, a sanitizer's) with nobody left to release it.
#pragma once

#include <sys/types.h>

#include <mutex>
#include <optional>
#include <vector>

#include "batch/worker_process.hpp"

namespace broadside::batch {

class WorkerSpawner {
 public:
  /// Forks the spawner, a copy of this process as it is now: call it while this process has
  /// one thread. This process becomes the subreaper of the workers, so it waits for each as for
  /// a child of its own. nullopt (errno set) when the fork or the socket fails.
  static std::optional<WorkerSpawner> start(const WorkerProcess::Serve& serve);

  WorkerSpawner(WorkerSpawner&& other) noexcept;
  WorkerSpawner& operator=(WorkerSpawner&&) = delete;
  WorkerSpawner(const WorkerSpawner&) = delete;
  /// Ends the spawner (the workers it made live on until they are closed).
  ~WorkerSpawner();

  /// A new worker answering with the `serve` given to start(); nullopt when the spawner is gone
  /// or could not fork. Any thread may call it.
  std::optional<WorkerProcess> spawn();
  pid_t pid() const { return pid_; }

 private:
  WorkerSpawner(pid_t pid, int control) : pid_(pid), control_(control) {}

  pid_t pid_ = -1;
  int control_ = -1;
  std::mutex mutex_;
};

/// Reaps the ended children of this process that are not in `known`: as the workers' subreaper
/// it inherits what a worker had running when it was killed (Ghostscript, say), and nobody else
/// waits for those. A known child is left for the one who waits for it.
void reap_orphans(const std::vector<pid_t>& known);

}  // namespace broadside::batch
