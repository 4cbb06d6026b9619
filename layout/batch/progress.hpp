// progress.hpp — a batch's progress: a bar redrawn in place on a terminal, one plain line per
// job otherwise (logs, CI, pipes).
#pragma once

#include <chrono>
#include <cstdio>

#include "batch/runner.hpp"

namespace broadside::batch {

enum class ProgressStyle { bar, lines };

class Progress {
 public:
  Progress(std::FILE* out, ProgressStyle style);
  /// Call with the runner's on_job arguments (one thread at a time).
  void job_done(const JobRecord& record, size_t done, size_t total);
  /// Ends the bar's line.
  void finish();

 private:
  void draw_bar(size_t done, size_t total);

  std::FILE* out_;
  ProgressStyle style_;
  std::chrono::steady_clock::time_point start_, last_draw_;
  size_t failed_ = 0, skipped_ = 0;
  bool drawn_ = false;
};

}  // namespace broadside::batch
