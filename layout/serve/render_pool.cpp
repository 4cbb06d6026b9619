// render_pool.cpp — a thread per worker process taking tasks from a bounded queue, preferring a
// task its process has the design cached for; a process that dies is forked again.
#include "serve/render_pool.hpp"

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "batch/library.hpp"
#include "batch/preview_wire.hpp"

namespace broadside::serve {

namespace {

/// The first byte of a request to a worker: what follows.
constexpr char kRender = 'r', kRows = 'c';
/// A worker that could not be forked is tried again after this long.
constexpr auto kForkRetry = std::chrono::seconds(1);
/// A render past the job-seconds limit stops at its next stage; one that has not answered this
/// long after the limit is stuck inside a stage, and its worker is killed.
constexpr auto kStuckGrace = std::chrono::seconds(3);
/// How often an idle worker is looked at: one that died while idle is replaced (and reaped)
/// before a request finds it dead.
constexpr auto kLookEvery = std::chrono::seconds(1);

/// What a worker process builds for itself on its first request, after the fork.
struct WorkerState {
  WorkerState(std::shared_ptr<const batch::Session> session,
              const std::vector<std::filesystem::path>& designs,
              const std::vector<std::filesystem::path>& contents)
      : session(std::move(session)),
        library(this->session->options, designs, contents),
        engine(this->session) {}
  std::shared_ptr<const batch::Session> session;
  batch::Library library;
  batch::Engine engine;
};

std::string key_of(const batch::PreviewRequest& r) {
  return r.design + '\n' + r.statement;
}

/// A worker's answer to a request. Its state is made in the worker, on its first request, from
/// values copied at the fork.
batch::WorkerProcess::Serve serve_function(std::shared_ptr<const batch::Session> session,
                                           std::vector<std::filesystem::path> designs,
                                           std::vector<std::filesystem::path> contents) {
  auto state = std::make_shared<std::unique_ptr<WorkerState>>();
  return [state, session = std::move(session), designs = std::move(designs),
          contents = std::move(contents)](const std::string& request,
                                          const std::atomic<bool>& cancel) -> std::string {
    if (!*state) *state = std::make_unique<WorkerState>(session, designs, contents);
    WorkerState& w = **state;
    const std::string body = request.empty() ? std::string() : request.substr(1);
    if (!request.empty() && request[0] == kRender) {
      batch::PreviewRequest r;
      if (!batch::decode_preview_request(body, r)) return {};
      r.cancel = &cancel;
      return batch::encode_preview_result(batch::render_preview(r, w.library, w.engine));
    }
    if (!request.empty() && request[0] == kRows) {
      batch::RowsRequest r;
      if (!batch::decode_rows_request(body, r)) return {};
      r.base.cancel = &cancel;
      return batch::encode_rows_result(batch::render_rows(r, w.library, w.engine));
    }
    return {};
  };
}

}  // namespace

RenderPool::RenderPool(std::shared_ptr<const batch::Session> session,
                       std::vector<std::filesystem::path> design_dirs,
                       std::vector<std::filesystem::path> content_dirs, size_t workers,
                       size_t queue)
    : session_(std::move(session)),
      design_dirs_(std::move(design_dirs)),
      content_dirs_(std::move(content_dirs)),
      capacity_(queue),
      spawner_(batch::WorkerSpawner::start(serve_function(session_, design_dirs_, content_dirs_))),
      slots_(std::max<size_t>(workers, 1)),
      stuck_after_(std::chrono::seconds(session_->options.limits[core::Limit::job_seconds]) +
                   kStuckGrace) {
  if (!spawner_)
    std::fprintf(stderr, "broadside serve: the render processes could not be started: %s\n",
                 std::strerror(errno));
  for (auto& slot : slots_) hold(slot, fork_worker());
  for (size_t i = 0; i < slots_.size(); ++i) threads_.emplace_back([this, i] { work(i); });
}

RenderPool::~RenderPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  threads_.clear();  // joins; each closes its process
}

std::optional<batch::WorkerProcess> RenderPool::fork_worker() {
  if (!spawner_) return std::nullopt;
  return spawner_->spawn();
}

void RenderPool::hold(Slot& slot, std::optional<batch::WorkerProcess> process) {
  slot.process.reset();
  slot.pid = process ? process->pid() : -1;
  if (process) slot.process.emplace(std::move(*process));
}

bool RenderPool::idle_process_ended(size_t slot) {
  if (slot == 0) {
    std::vector<pid_t> known;
    if (spawner_) known.push_back(spawner_->pid());
    for (const Slot& s : slots_)
      if (s.pid > 0) known.push_back(s.pid);
    batch::reap_orphans(known);
  }
  return slots_[slot].process->ended();
}

std::optional<std::future<std::string>> RenderPool::submit_raw(std::string key,
                                                               std::string request) {
  std::lock_guard lock(mutex_);
  if (stopping_ || queue_.size() >= capacity_) return std::nullopt;
  Task task{std::move(key), std::move(request), {}, -1};
  for (size_t i = 0; i < slots_.size(); ++i)
    if (slots_[i].idle && slots_[i].last_key == task.key) task.preferred = static_cast<int>(i);
  queue_.push_back(std::move(task));
  auto future = queue_.back().reply.get_future();
  ready_.notify_all();  // a handful of workers: each looks whether the task is its to take
  return future;
}

std::optional<std::future<batch::PreviewResult>> RenderPool::submit(batch::PreviewRequest request) {
  std::string key = key_of(request);
  auto raw = submit_raw(std::move(key), kRender + batch::encode_preview_request(request));
  if (!raw) return std::nullopt;
  return std::async(std::launch::deferred, [f = std::move(*raw)]() mutable {
    batch::PreviewResult out;
    if (!batch::decode_preview_result(f.get(), out))
      throw std::runtime_error("the renderer's answer could not be read");
    return out;
  });
}

std::optional<std::future<batch::RowsResult>> RenderPool::submit(batch::RowsRequest request) {
  std::string key = key_of(request.base);
  auto raw = submit_raw(std::move(key), kRows + batch::encode_rows_request(request));
  if (!raw) return std::nullopt;
  return std::async(std::launch::deferred, [f = std::move(*raw)]() mutable {
    batch::RowsResult out;
    if (!batch::decode_rows_result(f.get(), out))
      throw std::runtime_error("the renderer's answer could not be read");
    return out;
  });
}

int RenderPool::retry_after_seconds() const {
  size_t waiting = 0;
  {
    std::lock_guard lock(mutex_);
    waiting = queue_.size();
  }
  const double workers = static_cast<double>(slots_.size());
  const double seconds = (waiting + workers) * average_ms_.load() / 1000.0 / workers;
  return std::max(1, static_cast<int>(std::ceil(seconds)));
}

bool RenderPool::stopping() const {
  std::lock_guard lock(mutex_);
  return stopping_;
}

std::deque<RenderPool::Task>::iterator RenderPool::pick(size_t slot) {
  const Slot& me = slots_[slot];
  for (auto it = queue_.begin(); it != queue_.end(); ++it)
    if (it->preferred == static_cast<int>(slot) || it->key == me.last_key) return it;
  // Another idle worker has this one's design cached and will take it.
  for (auto it = queue_.begin(); it != queue_.end(); ++it)
    if (it->preferred < 0 || !slots_[it->preferred].idle) return it;
  return queue_.end();
}

void RenderPool::work(size_t slot) {
  for (;;) {
    Task task;
    batch::WorkerProcess* process = nullptr;  // the slot's; only this thread replaces it
    {
      std::unique_lock lock(mutex_);
      if (!slots_[slot].process && !stopping_) {
        lock.unlock();
        auto fresh = fork_worker();
        lock.lock();
        if (fresh) hold(slots_[slot], std::move(fresh));
        if (!slots_[slot].process) {
          ready_.wait_for(lock, kForkRetry, [&] { return stopping_; });
          continue;
        }
      }
      Slot& me = slots_[slot];
      me.idle = true;
      bool ended = false;
      while (!ready_.wait_for(lock, kLookEvery,
                              [&] { return stopping_ || pick(slot) != queue_.end(); }))
        if ((ended = idle_process_ended(slot))) break;
      me.idle = false;
      if (stopping_) return;  // the slot's process is closed with the pool
      if (ended) {
        hold(me, std::nullopt);  // reaped; forked again at the top
        me.last_key.clear();
        continue;
      }
      const auto it = pick(slot);
      task = std::move(*it);
      queue_.erase(it);
      me.last_key = task.key;
      process = &*me.process;
    }
    const auto start = std::chrono::steady_clock::now();
    std::string reply, why;
    using Answer = batch::WorkerProcess::Answer;
    Answer answer = process->call_within(task.request, reply, why, stuck_after_);
    if (answer == Answer::died && !stopping()) {
      // A worker that died while idle (killed by the system, say) costs no request: once more
      // on a fresh one. A request that kills its worker again is answered as failed.
      if (auto fresh = fork_worker()) {
        std::lock_guard lock(mutex_);
        hold(slots_[slot], std::move(fresh));
        process = &*slots_[slot].process;
      }
      answer = process->call_within(task.request, reply, why, stuck_after_);
    }
    const bool answered = answer == Answer::replied;
    if (answered && !reply.empty()) {
      task.reply.set_value(std::move(reply));
    } else {
      const std::string what = answered ? "the renderer could not read the request"
                               : answer == Answer::overdue
                                   ? "it went " +
                                         session_->options.limits.over(core::Limit::job_seconds) +
                                         " inside one stage: " + why
                                   : "the renderer process ended unexpectedly: " + why;
      task.reply.set_exception(std::make_exception_ptr(std::runtime_error(what)));
    }
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    // An exponential average over roughly the last ten renders.
    average_ms_ = average_ms_.load() * 0.9 + ms * 0.1;
    if (!answered) {
      std::lock_guard lock(mutex_);
      hold(slots_[slot], std::nullopt);  // forked again at the top
      slots_[slot].last_key.clear();
    }
  }
}

}  // namespace broadside::serve
