// runner.hpp — runs many jobs: each design and statement read once, the font set loaded once and
// shared, one Engine per worker; with more than one worker each is a forked process (cairo 1.16
// is not safe for text on two threads); a failing job never stops the others.
#pragma once

#include <array>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "batch/job.hpp"
#include "batch/manifest.hpp"
#include "batch/print_pdf.hpp"
#include "batch/session.hpp"
#include "batch/shard.hpp"
#include "core/diagnostic.hpp"

namespace broadside::batch {

/// `interrupted`: not run, or stopped unfinished, because the run was interrupted (Ctrl-C).
enum class JobStatus { done, skipped, failed, interrupted };

/// What became of one job, made when it ends: for on_job, the report and the failure table, so
/// it holds no composition or file contents.
struct JobRecord {
  size_t index = 0;
  std::filesystem::path design, statement;
  int row = 0;
  JobStatus status = JobStatus::failed;
  /// Files written; for a skipped job, the outputs that were already current.
  std::vector<std::filesystem::path> outputs;
  double ms = 0;
  Timings timings;
  core::Diagnostics diags;
};

/// Which records RunSummary::jobs keeps. `failed`: only the failed jobs' (the failure table's),
/// the others only counted, so a long data merge's memory does not grow with its rows (each
/// record still goes to on_job as its job ends).
enum class Records { all, failed };

/// Whether a run keeps `.broadside-state` files and skips jobs whose outputs are current.
enum class Incremental { off, on };

/// What SIGINT and SIGTERM do during a run. `stop`: the first stops taking new jobs and lets
/// the running ones finish; the second stops the running ones at their next stage (they write
/// nothing); a third, or running ones that do not stop within seconds, end the run at once
/// (RunSummary::abandoned). Either way the run returns its summary for the report.
enum class Interrupts { ignore, stop };

struct RunOptions {
  /// Worker threads; 0: one per hardware thread.
  int threads = 0;
  /// Output patterns are relative to this folder; empty: to the current folder, as written.
  std::filesystem::path out_dir;
  Incremental incremental = Incremental::off;
  /// Remove the temporaries a killed run left next to this run's outputs before starting, as an
  /// incremental run always does (`render --data` is not incremental, but is killed the same).
  bool remove_leftovers = false;
  Shard shard;
  /// Print settings from the command line (marks, colour, PDF/X, ICC) for every job.
  PrintOverrides print;
  /// Called once per job of the shard as it ends (from one thread at a time), with the number
  /// of jobs ended so far and the shard's job count.
  std::function<void(const JobRecord&, size_t done, size_t total)> on_job;
  Interrupts interrupts = Interrupts::ignore;
  Records records = Records::all;
  /// Called once, when the first interrupt arrives, with the number of jobs still running.
  std::function<void(size_t running)> on_interrupt;
};

struct RunSummary {
  /// The shard's jobs, in job order; with Records::failed only the failed ones.
  std::vector<JobRecord> jobs;
  /// Jobs that ended in each status (indexed by JobStatus) but are not in `jobs`.
  std::array<size_t, 4> unlisted{};
  /// Jobs in the whole expansion (all shards).
  size_t planned = 0;
  double seconds = 0;
  int threads = 1;
  /// Problems of the run itself (a state file that could not be saved).
  core::Diagnostics diags;
  /// The signal that stopped the run (SIGINT, SIGTERM); 0 when it ran to the end.
  int signal = 0;
  /// Jobs were left running (a third interrupt, or a job past the job-seconds limit that did
  /// not stop): their threads still exist, so the process must end with std::_Exit once it has
  /// reported, without returning from main. Their temporaries are already removed.
  bool abandoned = false;

  size_t count(JobStatus s) const;
  /// The jobs of the shard, listed or not.
  size_t in_shard() const;
};

/// Runs the shard's part of `jobs` (as expand() lists them) under the session's options, over
/// its font set.
RunSummary run_jobs(const std::vector<PlannedJob>& jobs, const RunOptions& options,
                    std::shared_ptr<const Session> session);

/// As above, for every job of `manifest`, each planned only when the run reaches it (memory
/// does not grow with the rows of a data merge).
RunSummary run_jobs(const Manifest& manifest, const RunOptions& options,
                    std::shared_ptr<const Session> session);

}  // namespace broadside::batch
