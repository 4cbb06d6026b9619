// render_pool.cpp — workers taking tasks from a bounded queue; each owns its engine.
#include "serve/render_pool.hpp"

#include <chrono>
#include <cmath>

namespace broadside::serve {

RenderPool::RenderPool(std::shared_ptr<const batch::Session> session, batch::Library& library,
                       size_t workers, size_t queue)
    : session_(std::move(session)),
      library_(library),
      capacity_(queue),
      workers_count_(std::max<size_t>(workers, 1)) {
  for (size_t i = 0; i < workers_count_; ++i) workers_.emplace_back([this] { work(); });
}

RenderPool::~RenderPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  workers_.clear();  // joins
}

std::optional<std::future<batch::PreviewResult>> RenderPool::submit(batch::PreviewRequest request) {
  std::lock_guard lock(mutex_);
  if (stopping_ || queue_.size() >= capacity_) return std::nullopt;
  request.cancel = &stopping_;
  queue_.push_back({std::move(request), {}});
  auto future = queue_.back().result.get_future();
  ready_.notify_one();
  return future;
}

int RenderPool::retry_after_seconds() const {
  size_t waiting = 0;
  {
    std::lock_guard lock(mutex_);
    waiting = queue_.size();
  }
  const double seconds = (waiting + workers_count_) * average_ms_.load() / 1000.0 /
                         static_cast<double>(workers_count_);
  return std::max(1, static_cast<int>(std::ceil(seconds)));
}

void RenderPool::work() {
  // Made on this thread: an engine's typesetter and caches belong to the thread using them.
  batch::Engine engine(session_);
  for (;;) {
    Task task;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, nothing left
      task = std::move(queue_.front());
      queue_.pop_front();
    }
    const auto start = std::chrono::steady_clock::now();
    try {
      task.result.set_value(batch::render_preview(task.request, library_, engine));
    } catch (...) {
      // Out of memory and its like: the request fails, the worker lives on.
      task.result.set_exception(std::current_exception());
    }
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    // An exponential average over roughly the last ten renders.
    average_ms_ = average_ms_.load() * 0.9 + ms * 0.1;
  }
}

}  // namespace broadside::serve
