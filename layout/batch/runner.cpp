// runner.cpp — prepare every job on one thread (outputs named, duplicates and current jobs
// found), then render the rest: on one worker thread, or with -j N on N worker processes forked
// after preparing (see worker_process.hpp), each with its own Engine over one font set. Jobs are
// planned one at a time; a prepared job keeps only what its Job and its record are made from
// again when it runs, and a record is made when its job ends, so a 10,000-row merge holds per
// row no more than a waiting job's few pointers and its claimed names' digests.
#include "batch/runner.hpp"

#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <numeric>
#include <optional>
#include <thread>
#include <unordered_map>

#include "batch/fingerprint.hpp"
#include "batch/input_cache.hpp"
#include "batch/interrupt.hpp"
#include "batch/leftovers.hpp"
#include "batch/output_names.hpp"
#include "batch/paths.hpp"
#include "batch/sha256.hpp"
#include "batch/state.hpp"
#include "batch/worker_process.hpp"
#include "core/atomic_file.hpp"

namespace broadside::batch {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// True when `written` is `output` itself or one of its pages ("name.png" -> "name-2.png").
bool is_written_for(const fs::path& written, const fs::path& output) {
  if (written == output) return true;
  if (written.parent_path() != output.parent_path() || written.extension() != output.extension())
    return false;
  const std::string stem = written.stem().string(), prefix = output.stem().string() + "-";
  if (stem.size() <= prefix.size() || stem.compare(0, prefix.size(), prefix) != 0) return false;
  return stem.find_first_not_of("0123456789", prefix.size()) == std::string::npos;
}

/// The first folder between `out_dir` and `file` that is a symbolic link, or empty. Values
/// cannot name folders (they are sanitised), but a link planted inside the output folder
/// would still send every file under it elsewhere; --out itself may be a link.
fs::path linked_folder(const fs::path& out_dir, const fs::path& file) {
  if (out_dir.empty()) return {};
  const fs::path inside = file.lexically_relative(out_dir);
  fs::path at = out_dir;
  for (auto it = inside.begin(); it != inside.end() && std::next(it) != inside.end(); ++it) {
    at /= *it;
    std::error_code ec;
    if (fs::is_symlink(at, ec)) return at;
  }
  return {};
}

/// 128 bits of the SHA-256 of an output's path: what a run keeps of each name it has claimed,
/// instead of the path. Two names share one with odds of 2^-128 a pair: never, in practice.
struct NameDigest {
  std::uint64_t high = 0, low = 0;
  bool operator==(const NameDigest& other) const { return high == other.high && low == other.low; }
};

struct NameDigestHash {
  size_t operator()(const NameDigest& d) const { return static_cast<size_t>(d.low); }
};

NameDigest digest_of(const std::string& name) {
  const std::string hex = sha256_hex(name);
  return {std::stoull(hex.substr(0, 16), nullptr, 16),
          std::stoull(hex.substr(16, 16), nullptr, 16)};
}

/// The jobs of a run, each planned when the run reaches it; at(i).index is i.
struct JobList {
  size_t count = 0;
  std::function<PlannedJob(size_t index)> at;
};

/// A job ready to render: its Job and its record are made again from the plan (make_job,
/// record_of) when it runs, so waiting jobs hold no values, paths, settings or diagnostics.
struct ReadyJob {
  size_t planned = 0;  // index in the JobList
  /// In the run's InputCache, whose entries never move.
  const LoadedDesign* design = nullptr;
  const LoadedStatement* statement = nullptr;
  bool is_ended = false;  // its record is made: it ran, or the run was ended under it
};

/// The output patterns of a job with {design}, {statement}, {lang}, {row}, {job} and the job's
/// variables filled in; the design's formats when it names none.
std::vector<std::string> patterns_for(const PlannedJob& planned, const design::Design& design) {
  if (!planned.outputs.empty()) return planned.outputs;
  std::vector<std::string> out;
  for (const auto& format : design.output.formats)
    out.push_back("{statement}-{design}" + std::string(planned.row ? "-{row}" : "") + "." + format);
  return out;
}

bool resolve_outputs(const PlannedJob& planned, const design::Design& design,
                     const content::Document& doc, const fs::path& out_dir, Job& job,
                     core::Diagnostics& diags) {
  const core::Variables builtins = {
      {"design", core::Value::scalar(design.name)},
      {"statement", core::Value::scalar(planned.statement.stem().string())},
      {"lang", core::Value::scalar(doc.lang)},
      {"row", core::Value::scalar(std::to_string(planned.row))},
      {"job", core::Value::scalar(std::to_string(planned.index + 1))}};
  const NameLookup lookup = [&](const std::string& name) -> const core::Value* {
    for (const core::Variables* source :
         {&builtins, &planned.values, &doc.variables, &design.defaults})
      if (auto it = source->find(name); it != source->end()) return &it->second;
    return nullptr;
  };
  for (const auto& pattern : patterns_for(planned, design)) {
    const ExpandedName name = expand_output_pattern(pattern, lookup);
    Format format;
    if (!name.error.empty()) {
      diags.error(planned.where, name.error);
    } else if (!format_for(name.path, format)) {
      diags.error(planned.where, "output '" + name.path.string() + "': unknown format",
                  "end the pattern in .pdf, .png or .svg");
    } else {
      job.outputs.push_back({out_dir.empty() ? name.path : out_dir / name.path, format});
    }
  }
  return !diags.has_errors();
}

/// How often the supervisor looks at interrupts and running jobs.
constexpr std::chrono::milliseconds kPoll{50};
/// After the second interrupt, running jobs stop at their next stage; a job that has not
/// stopped after this long is abandoned.
constexpr std::chrono::seconds kCancelGrace{3};
/// A job past the job-seconds limit stops at its next stage; one still running this long after
/// the limit is stuck inside a stage, and the run is ended.
constexpr std::chrono::seconds kHangGrace{30};

/// Shared with its worker threads, which may outlive run() when the run is abandoned.
class Runner : public std::enable_shared_from_this<Runner> {
 public:
  Runner(RunOptions options, std::shared_ptr<const Session> session)
      : options_(std::move(options)), session_(std::move(session)), inputs_(session_->options) {
    if (options_.incremental == Incremental::on)
      font_set_ = font_set_fingerprint(*session_->fonts, font_config(session_->options),
                                       session_->options.limits);
  }

  RunSummary run(JobList jobs);

 private:
  /// A worker thread and the job it is running.
  struct Slot {
    bool busy = false;
    Clock::time_point start;
    size_t job = 0;  // in ready_
  };

  void prepare(size_t position, const PlannedJob& planned);
  /// The Job of a prepared job, its outputs named as prepare() named and claimed them.
  Job make_job(const ReadyJob& ready) const;
  /// The record of a prepared job before it runs: what prepare() put in it.
  JobRecord record_of(const ReadyJob& ready, const PlannedJob& planned) const;
  /// What the state store records a job's outputs as made from (Incremental::on).
  std::string fingerprint_of(const PlannedJob& planned, const LoadedDesign& design,
                             const LoadedStatement& statement, const Job& job) const;
  /// Puts an ended job's record in the summary, or only counts it (Records::failed); with
  /// mutex_ held once workers run.
  void keep(size_t position, JobRecord record);
  /// Names the job's outputs and claims them; false (with errors) when that fails.
  bool claim_outputs(const PlannedJob& planned, Job& job, core::Diagnostics& diags);
  void finish(JobRecord& record);  // with mutex_ held once workers run
  void work(size_t slot);
  /// With more than one worker, forks one process per worker (see worker_process.hpp); fewer
  /// when forks fail, and none (one worker thread) when every fork fails.
  void start_processes();
  /// Runs ready_[index] in this process, with its own Engine.
  JobResult run_here(size_t index, Engine& engine, const std::atomic<bool>& cancel);
  void store(size_t index, const ReadyJob& ready, const Job& job, JobResult& result,
             double ms);  // with mutex_ held
  /// Waits for the workers, acting on interrupts and stuck jobs; false when it abandoned them.
  bool supervise(const InterruptWatch* watch);
  void abandon(const Slot* stuck);  // with mutex_ held
  size_t running() const;           // with mutex_ held

  RunOptions options_;
  std::shared_ptr<const Session> session_;
  std::string font_set_;
  InputCache inputs_;
  StateStore state_;
  JobList plan_;
  std::unordered_map<NameDigest, size_t, NameDigestHash> claimed_;  // output path -> job index
  /// The outputs of the jobs to run, when leftovers are removed before they start.
  OwnedOutputs owned_;
  std::vector<ReadyJob> ready_;
  RunSummary summary_;
  std::vector<size_t> positions_;  // the JobList index of each of summary_.jobs
  std::atomic<size_t> next_{0};
  /// Guards everything workers report (records, on_job, summary_.diags), slots_, active_ and
  /// abandoned_.
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Slot> slots_;
  /// One per slot when jobs run in worker processes; empty when they run on threads here.
  std::vector<WorkerProcess> processes_;
  size_t active_ = 0;  // workers not yet ended
  bool abandoned_ = false;
  std::atomic<bool> stop_{false};    // take no new job
  std::atomic<bool> cancel_{false};  // running jobs stop at their next stage
  size_t done_ = 0;
  size_t total_ = 0;  // jobs in the shard
};

void Runner::finish(JobRecord& record) {
  ++done_;
  if (options_.on_job) options_.on_job(record, done_, total_);
}

bool Runner::claim_outputs(const PlannedJob& planned, Job& job, core::Diagnostics& diags) {
  if (!resolve_outputs(planned, *job.loaded_design, *job.loaded_document, options_.out_dir, job,
                       diags))
    return false;
  for (const auto& output : job.outputs) {
    if (const fs::path link = linked_folder(options_.out_dir, output.path); !link.empty())
      diags.error({output.path.string()},
                  "folder '" + link.string() +
                      "' is a symbolic link; broadside never writes "
                      "through one",
                  "remove the link from the output folder");
    auto [it, is_new] =
        claimed_.try_emplace(digest_of(output.path.lexically_normal().string()), planned.index);
    if (!is_new)
      diags.error(planned.where,
                  "output '" + output.path.string() + "' is written by job " +
                      std::to_string(it->second + 1) + " already",
                  "add a variable that differs between them to the output pattern");
  }
  return !diags.has_errors();
}

void Runner::keep(size_t position, JobRecord record) {
  if (options_.records == Records::failed && record.status != JobStatus::failed) {
    ++summary_.unlisted[static_cast<size_t>(record.status)];
    return;
  }
  positions_.push_back(position);
  summary_.jobs.push_back(std::move(record));
}

void Runner::prepare(size_t position, const PlannedJob& planned) {
  if (!options_.shard.contains(planned.index)) {
    // Other shards' jobs still claim their outputs, so that every shard reports a clash
    // between two jobs exactly as a whole run would.
    const LoadedStatement& statement = inputs_.statement(planned.statement);
    if (planned.problem || !statement.document) return;
    const LoadedDesign& design = inputs_.design(planned.design, statement.document->lang);
    if (!design.design) return;
    Job job;
    job.loaded_design = design.design;
    job.loaded_document = statement.document;
    core::Diagnostics ignored;
    claim_outputs(planned, job, ignored);
    return;
  }
  JobRecord record{planned.index, planned.design, planned.statement, planned.row};
  const auto fail = [&] {
    record.status = JobStatus::failed;
    finish(record);
    keep(position, std::move(record));
  };
  if (planned.problem) {
    record.diags.add(*planned.problem);
    return fail();
  }
  // The statement first: its language decides how the design resolves.
  const LoadedStatement& statement = inputs_.statement(planned.statement);
  record.diags.append(statement.diags);
  if (!statement.document) return fail();
  const LoadedDesign& design = inputs_.design(planned.design, statement.document->lang);
  record.diags.append(design.diags);
  if (!design.design) return fail();
  ReadyJob ready{position, &design, &statement};
  Job job;
  job.loaded_design = design.design;
  job.loaded_document = statement.document;
  if (!claim_outputs(planned, job, record.diags)) return fail();
  if (options_.incremental == Incremental::on) {
    std::vector<fs::path> paths;
    for (const auto& o : job.outputs) paths.push_back(o.path);
    if (state_.is_current(paths, fingerprint_of(planned, design, statement, job))) {
      record.status = JobStatus::skipped;
      record.outputs = std::move(paths);
      finish(record);
      return keep(position, std::move(record));
    }
  }
  if (options_.incremental == Incremental::on || options_.remove_leftovers)
    for (const auto& o : job.outputs)
      owned_[o.path.parent_path()].insert(o.path.filename().string());
  ready_.push_back(std::move(ready));
}

Job Runner::make_job(const ReadyJob& ready) const {
  const PlannedJob planned = plan_.at(ready.planned);
  Job job;
  job.design = planned.design;
  job.content = planned.statement;
  job.variables = planned.values;
  job.dpi = planned.dpi;
  job.print = options_.print;
  job.loaded_design = ready.design->design;
  job.loaded_document = ready.statement->document;
  // The same names prepare() claimed: they depend only on the plan and the loaded inputs.
  core::Diagnostics unexpected;
  resolve_outputs(planned, *job.loaded_design, *job.loaded_document, options_.out_dir, job,
                  unexpected);
  return job;
}

std::string Runner::fingerprint_of(const PlannedJob& planned, const LoadedDesign& design,
                                   const LoadedStatement& statement, const Job& job) const {
  JobInputs in{design.fingerprint,
               statement.fingerprint,
               &planned.values,
               {},
               planned.dpi,
               font_set_,
               print_fingerprint(options_.print, session_->options.limits),
               session_->options.epoch};
  // Names relative to --out: the same run from another folder, or with `--out ./out` instead
  // of `--out out`, is still current.
  for (const auto& o : job.outputs)
    in.outputs.push_back(o.path.lexically_relative(options_.out_dir));
  return job_fingerprint(in);
}

JobRecord Runner::record_of(const ReadyJob& ready, const PlannedJob& planned) const {
  JobRecord record{planned.index, planned.design, planned.statement, planned.row};
  record.status = JobStatus::interrupted;  // until it has run: an interrupt may come first
  record.diags.append(ready.statement->diags);
  record.diags.append(ready.design->diags);
  return record;
}

JobResult Runner::run_here(size_t index, Engine& engine, const std::atomic<bool>& cancel) {
  // Taken out of the list, so what it holds is freed once it has run: memory stays flat.
  const ReadyJob ready = std::move(ready_[index]);
  Job job = make_job(ready);
  job.cancel = &cancel;
  job.defer_write = true;  // the parent writes the files (Runner::work)
  return run_job(job, engine);
}

void Runner::start_processes() {
  for (size_t t = 0; t < slots_.size(); ++t) {
    // Runs in the child, over its copy of this Runner; its Engine is made on its first job.
    auto engine = std::make_shared<std::unique_ptr<Engine>>();
    auto process =
        WorkerProcess::start([this, engine](size_t index, const std::atomic<bool>& cancel) {
          if (!*engine) *engine = std::make_unique<Engine>(session_);
          return run_here(index, **engine, cancel);
        });
    if (process) processes_.push_back(std::move(*process));
  }
  slots_.resize(std::max<size_t>(1, processes_.size()));
  summary_.threads = static_cast<int>(slots_.size());
}

void Runner::work(size_t slot) {
  WorkerProcess* process = processes_.empty() ? nullptr : &processes_[slot];
  std::unique_ptr<Engine> engine;  // this thread's font map and Pango context
  if (!process) engine = std::make_unique<Engine>(session_);
  // A job's files are written and fsynced (I/O waits) on a thread of their own while this one
  // lays out the next job (or its worker process does); one job at most waits to be written,
  // so memory stays flat.
  std::thread writer;
  const auto end_writer = [&] {
    if (!writer.joinable()) return;
    bool abandoned;
    {
      std::lock_guard lock(mutex_);
      abandoned = abandoned_;
    }
    abandoned ? writer.detach() : writer.join();
  };
  for (size_t i; !stop_.load() && (i = next_.fetch_add(1)) < ready_.size();) {
    // Taken out of the list, so what it holds is freed once it has run: memory stays flat.
    ReadyJob ready = std::move(ready_[i]);
    // A worker process makes its own; this one is for the state store then.
    Job job = make_job(ready);
    // end_writer() takes the lock itself: it is called without it.
    bool abandoned = false;
    {
      std::lock_guard lock(mutex_);
      abandoned = abandoned_;
      if (!abandoned) slots_[slot] = {true, Clock::now(), i};
    }
    if (abandoned) return end_writer();
    const auto start = Clock::now();
    JobResult result;
    bool lost = false;
    if (process) {
      std::string why;
      if (!process->run(i, result, why)) {
        result = JobResult{};
        result.diags.error({}, "the worker process running this job ended unexpectedly: " + why,
                           "run it again with -j 1 to see the error; please report it");
        lost = true;
      }
    } else {
      job.cancel = &cancel_;
      job.defer_write = true;
      result = run_job(job, *engine);
    }
    // A worker process hands its job's files back unwritten too: this thread's writer writes
    // them while the process lays out the next job.
    if (!lost) {
      {
        std::lock_guard lock(mutex_);
        abandoned = abandoned_;
        if (!abandoned) slots_[slot].busy = false;
      }
      if (abandoned) return end_writer();
      end_writer();
      writer = std::thread([self = shared_from_this(), i, ready = std::move(ready),
                            job = std::move(job), result = std::move(result), start]() mutable {
        write_outputs(result);
        std::lock_guard lock(self->mutex_);
        if (!self->abandoned_) self->store(i, ready, job, result, ms_since(start));
      });
      continue;
    }
    // The worker process was lost: the other workers take the rest.
    {
      std::lock_guard lock(mutex_);
      abandoned = abandoned_;
      if (!abandoned) {
        slots_[slot].busy = false;
        store(i, ready, job, result, ms_since(start));
      }
    }
    // The run was given up: its report is written already; the last job's writer is let go.
    if (abandoned) return end_writer();
    break;
  }
  end_writer();
  std::lock_guard lock(mutex_);
  --active_;
  changed_.notify_all();
}

void Runner::store(size_t index, const ReadyJob& ready, const Job& job, JobResult& result,
                   double ms) {
  ready_[index].is_ended = true;
  const PlannedJob planned = plan_.at(ready.planned);
  JobRecord record = record_of(ready, planned);
  record.ms = ms;
  record.status = result.interrupted ? JobStatus::interrupted
                  : result.ok()      ? JobStatus::done
                                     : JobStatus::failed;
  record.outputs = std::move(result.written);
  record.timings = std::move(result.timings);
  // What fitting chose is for a lone render's --timings; a run keeps a record per job, so it
  // keeps no more than the report reads.
  record.timings.fits = {};
  record.diags.append(result.diags);
  if (result.ok() && options_.incremental == Incremental::on) {
    // Made again rather than kept from prepare(): waiting jobs hold no fingerprint.
    const std::string fingerprint = fingerprint_of(planned, *ready.design, *ready.statement, job);
    for (const auto& output : job.outputs) {
      std::vector<fs::path> files;
      for (const auto& w : record.outputs)
        if (is_written_for(w, output.path)) files.push_back(w);
      state_.record(output.path, fingerprint, files);
    }
    state_.save_if_due(summary_.diags);
  }
  finish(record);
  keep(ready.planned, std::move(record));
}

size_t Runner::running() const {
  size_t n = 0;
  for (const auto& slot : slots_) n += slot.busy ? 1 : 0;
  return n;
}

bool Runner::supervise(const InterruptWatch* watch) {
  std::unique_lock lock(mutex_);
  const auto stuck_after =
      std::chrono::seconds(session_->options.limits[core::Limit::job_seconds]) + kHangGrace;
  Clock::time_point cancelled_at;
  while (active_ > 0) {
    changed_.wait_for(lock, kPoll);
    if (active_ == 0) break;
    const int signals = watch ? watch->count() : 0;
    if (signals > 0 && !stop_.load()) {
      stop_ = true;
      summary_.signal = watch->signal();
      if (options_.on_interrupt) options_.on_interrupt(running());
    }
    if (signals > 1 && !cancel_.load()) {
      cancel_ = true;
      for (const auto& process : processes_) process.cancel();
      cancelled_at = Clock::now();
    }
    const Slot* stuck = nullptr;
    for (const auto& slot : slots_)
      if (slot.busy && Clock::now() - slot.start > stuck_after) stuck = &slot;
    const bool overdue = cancel_.load() && Clock::now() - cancelled_at > kCancelGrace;
    if (signals > 2 || overdue || stuck) {
      abandon(stuck);
      return false;
    }
  }
  return true;
}

void Runner::abandon(const Slot* stuck) {
  abandoned_ = true;
  stop_ = true;
  cancel_ = true;
  core::abandon_atomic_writes();  // no half-written temporary survives the exit
  for (const auto& process : processes_) process.abandon();
  for (const auto& slot : slots_) {
    if (!slot.busy) continue;
    ReadyJob& ready = ready_[slot.job];
    ready.is_ended = true;
    JobRecord record = record_of(ready, plan_.at(ready.planned));
    if (&slot == stuck) {
      record.status = JobStatus::failed;
      record.diags.error({},
                         "the job ran " + std::to_string(kHangGrace.count()) +
                             " s past the time limit (" +
                             session_->options.limits.over(core::Limit::job_seconds) +
                             ") and could not be stopped, so the run was ended; nothing of it "
                             "was written",
                         core::limit_hint(core::Limit::job_seconds));
    } else {
      record.status = JobStatus::interrupted;
      record.diags.error({},
                         "stopped unfinished when the run was ended; nothing of it was written");
    }
    keep(ready.planned, std::move(record));
  }
  summary_.abandoned = true;
}

RunSummary Runner::run(JobList jobs) {
  const auto start = Clock::now();
  plan_ = std::move(jobs);
  summary_.planned = plan_.count;
  size_t in_shard = 0;
  for (size_t i = 0; i < plan_.count; ++i) in_shard += options_.shard.contains(i) ? 1 : 0;
  total_ = in_shard;
  ready_.reserve(in_shard);
  for (size_t i = 0; i < plan_.count; ++i) prepare(i, plan_.at(i));
  // A resumed run first clears what a killed one left half-written.
  remove_stale_temporaries(owned_);
  owned_ = {};
  const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  const size_t wanted = options_.threads > 0 ? static_cast<size_t>(options_.threads) : hardware;
  summary_.threads = static_cast<int>(std::max<size_t>(1, std::min(wanted, ready_.size())));
  std::optional<InterruptWatch> watch;
  if (options_.interrupts == Interrupts::stop) watch.emplace();
  // This thread only supervises: it must stay free to see interrupts and stuck jobs.
  slots_.resize(static_cast<size_t>(summary_.threads));
  // Before any thread starts: a child is a copy of this one thread.
  if (slots_.size() > 1) start_processes();
  // Jobs on threads of this process: glibc would give the worker and each job's writer thread
  // malloc arenas of their own, and a long run's freed memory then scatters over three arenas'
  // fragments (a 10,000-row merge grew 6 MiB, not 2.6). The writer allocates little, so
  // sharing the main arena costs no waiting; worker processes are one thread each anyway.
  if (processes_.empty()) mallopt(M_ARENA_MAX, 1);
  active_ = slots_.size();
  std::vector<std::thread> workers;
  for (size_t t = 0; t < slots_.size(); ++t)
    workers.emplace_back([self = shared_from_this(), t] { self->work(t); });
  const bool ended = supervise(watch ? &*watch : nullptr);
  for (auto& w : workers) ended ? w.join() : w.detach();
  if (ended) processes_.clear();  // each waits for its child to end
  std::lock_guard lock(mutex_);   // abandoned workers may still be running; they report nothing
  for (auto& ready : ready_) {
    if (ready.is_ended) continue;
    // Not taken, because the run was interrupted, or because every worker process ended
    // before it came up; or (an abandoned run) written but not yet recorded.
    JobRecord record = record_of(ready, plan_.at(ready.planned));
    if (!summary_.signal && !summary_.abandoned) {
      record.status = JobStatus::failed;
      record.diags.error({}, "not run: every worker process of the run ended unexpectedly");
    }
    keep(ready.planned, std::move(record));
  }
  // Records come as jobs end; the summary lists them in job order.
  std::vector<size_t> order(summary_.jobs.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return positions_[a] < positions_[b]; });
  std::vector<JobRecord> sorted;
  sorted.reserve(order.size());
  for (const size_t k : order) sorted.push_back(std::move(summary_.jobs[k]));
  summary_.jobs = std::move(sorted);
  if (options_.incremental == Incremental::on) state_.save(summary_.diags);
  summary_.seconds = ms_since(start) / 1000;
  return std::move(summary_);
}

}  // namespace

size_t RunSummary::count(JobStatus s) const {
  size_t n = unlisted[static_cast<size_t>(s)];
  for (const auto& j : jobs) n += j.status == s ? 1 : 0;
  return n;
}

size_t RunSummary::in_shard() const {
  size_t n = jobs.size();
  for (const size_t u : unlisted) n += u;
  return n;
}

RunSummary run_jobs(const std::vector<PlannedJob>& jobs, const RunOptions& options,
                    std::shared_ptr<const Session> session) {
  // Planned index i is jobs[i] only when the list is a whole expansion; keep any list's order.
  return std::make_shared<Runner>(options, std::move(session))
      ->run({jobs.size(), [&jobs](size_t i) { return jobs[i]; }});
}

RunSummary run_jobs(const Manifest& manifest, const RunOptions& options,
                    std::shared_ptr<const Session> session) {
  return std::make_shared<Runner>(options, std::move(session))
      ->run({job_count(manifest), [&manifest](size_t i) { return plan_job(manifest, i); }});
}

}  // namespace broadside::batch
