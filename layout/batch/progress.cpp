// progress.cpp — drawing the bar and writing the lines.
#include "batch/progress.hpp"

#include <string>

namespace broadside::batch {

namespace {

using Clock = std::chrono::steady_clock;

/// Redrawing more often than this only costs terminal time: the eye cannot follow it.
constexpr std::chrono::milliseconds kRedrawInterval{100};
constexpr int kBarWidth = 30;

std::string job_label(const JobRecord& r) {
  std::string s = "job " + std::to_string(r.index + 1) + " (" + r.design.stem().string() + ", " +
                  r.statement.filename().string();
  if (r.row) s += ", row " + std::to_string(r.row);
  return s + ")";
}

std::string first_error(const JobRecord& r) {
  for (const auto& d : r.diags.all())
    if (d.severity == core::Severity::error) return d.to_string();
  return "failed";
}

}  // namespace

Progress::Progress(std::FILE* out, ProgressStyle style)
    : out_(out), style_(style), start_(Clock::now()), last_draw_(start_) {}

void Progress::job_done(const JobRecord& record, size_t done, size_t total) {
  failed_ += record.status == JobStatus::failed ? 1 : 0;
  skipped_ += record.status == JobStatus::skipped ? 1 : 0;
  if (style_ == ProgressStyle::bar) {
    if (done == total || Clock::now() - last_draw_ >= kRedrawInterval) draw_bar(done, total);
    return;
  }
  const std::string counter = "[" + std::to_string(done) + "/" + std::to_string(total) + "] ";
  switch (record.status) {
    case JobStatus::done: {
      std::string files;
      for (const auto& o : record.outputs) files += " " + o.string();
      std::fprintf(out_, "%sdone %s:%s (%.0f ms)\n", counter.c_str(), job_label(record).c_str(),
                   files.c_str(), record.ms);
      break;
    }
    case JobStatus::skipped:
      std::fprintf(out_, "%sup to date %s\n", counter.c_str(), job_label(record).c_str());
      break;
    case JobStatus::failed:
      std::fprintf(out_, "%sFAILED %s: %s\n", counter.c_str(), job_label(record).c_str(),
                   first_error(record).c_str());
      break;
    case JobStatus::interrupted:
      std::fprintf(out_, "%sstopped %s (interrupted, nothing written)\n", counter.c_str(),
                   job_label(record).c_str());
      break;
  }
  std::fflush(out_);
}

void Progress::draw_bar(size_t done, size_t total) {
  last_draw_ = Clock::now();
  const int filled = total ? static_cast<int>(kBarWidth * done / total) : kBarWidth;
  std::string bar(static_cast<size_t>(filled), '#');
  bar.resize(kBarWidth, '.');
  const double seconds = std::chrono::duration<double>(last_draw_ - start_).count();
  // \r and "erase to end of line" redraw in place.
  std::fprintf(out_, "\r\033[K[%s] %zu/%zu  %zu failed  %zu up to date  %.1f s", bar.c_str(), done,
               total, failed_, skipped_, seconds);
  std::fflush(out_);
  drawn_ = true;
}

void Progress::finish() {
  if (drawn_) std::fprintf(out_, "\n");
  std::fflush(out_);
}

}  // namespace broadside::batch
