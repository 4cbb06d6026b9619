// render_pool.hpp — a fixed number of render workers, each with its own engine (typesetter and
// paragraph caches, over the one shared font set), and a bounded queue in front of them: a
// request that finds the queue full is turned away at once instead of waiting without end.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "batch/preview.hpp"
#include "batch/session.hpp"

namespace broadside::serve {

class RenderPool {
 public:
  RenderPool(std::shared_ptr<const batch::Session> session, batch::Library& library, size_t workers,
             size_t queue);
  /// Stops taking work, cancels what is queued or running, and joins the workers.
  ~RenderPool();
  RenderPool(const RenderPool&) = delete;
  RenderPool& operator=(const RenderPool&) = delete;

  /// The result to come; nullopt when the queue is full (the caller answers 503).
  std::optional<std::future<batch::PreviewResult>> submit(batch::PreviewRequest request);

  /// Seconds a client turned away should wait: the queue's length times the recent time per
  /// render, spread over the workers; at least 1.
  int retry_after_seconds() const;

 private:
  struct Task {
    batch::PreviewRequest request;
    std::promise<batch::PreviewResult> result;
  };
  void work();

  std::shared_ptr<const batch::Session> session_;
  batch::Library& library_;
  const size_t capacity_;
  const size_t workers_count_;
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Task> queue_;
  std::atomic<bool> stopping_{false};
  /// Moving average of a render's milliseconds, for Retry-After.
  std::atomic<double> average_ms_{200};
  std::vector<std::jthread> workers_;
};

}  // namespace broadside::serve
