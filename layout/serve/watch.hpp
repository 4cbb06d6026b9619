// watch.hpp — the designer page's event streams (--watch): a design, the files it includes
// (palettes, font classes) and a statement checked for changes on disk a few times a second; each
// change is rendered and its outcome (the number of pages, or every problem as file:line:column)
// pushed to the browser as a server-sent event.
#pragma once

#include <atomic>
#include <filesystem>
#include <string>
#include <vector>

#include "batch/library.hpp"
#include "serve/render_pool.hpp"

namespace httplib {
struct Response;
}

namespace broadside::serve {

class Watchers {
 public:
  /// Streams open at once: each holds an HTTP thread for as long as its page is open.
  static constexpr size_t kMaxStreams = 8;

  Watchers(batch::Library& library, RenderPool& pool) : library_(library), pool_(pool) {}

  /// Answers GET /api/watch?design=...&statement=...: an event stream, 404 for unknown names,
  /// 503 when kMaxStreams are open.
  void stream(const std::string& design, const std::string& statement, httplib::Response& res);

  /// Ends every stream (the server is stopping).
  void stop() { stopping_ = true; }

 private:
  /// The design, the statement, and the files the design includes as last read.
  std::vector<std::filesystem::path> watched_files(const std::filesystem::path& design,
                                                   const std::filesystem::path& statement);

  batch::Library& library_;
  RenderPool& pool_;
  std::atomic<size_t> open_{0};
  std::atomic<bool> stopping_{false};
};

}  // namespace broadside::serve
