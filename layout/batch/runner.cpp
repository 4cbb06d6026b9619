// runner.cpp — prepare every job on one thread (outputs named, duplicates and current jobs
// found), then render the rest on worker threads, each with its own Engine over one font set.
#include "batch/runner.hpp"

#include <atomic>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "batch/fingerprint.hpp"
#include "batch/input_cache.hpp"
#include "batch/leftovers.hpp"
#include "batch/output_names.hpp"
#include "batch/paths.hpp"
#include "batch/state.hpp"

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

/// A job ready to render, and where its record goes.
struct ReadyJob {
  Job job;
  std::string fingerprint;
  size_t record = 0;
};

/// The output patterns of a job with {design}, {statement}, {lang}, {row}, {job} and the job's
/// variables filled in; the design's formats when it names none.
std::vector<std::string> patterns_for(const PlannedJob& planned, const spec::Design& design) {
  if (!planned.outputs.empty()) return planned.outputs;
  std::vector<std::string> out;
  for (const auto& format : design.output.formats)
    out.push_back("{statement}-{design}" + std::string(planned.row ? "-{row}" : "") + "." + format);
  return out;
}

bool resolve_outputs(const PlannedJob& planned, const spec::Design& design,
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
      diags.error({}, name.error);
    } else if (!format_for(name.path, format)) {
      diags.error({}, "output '" + name.path.string() + "': unknown format",
                  "end the pattern in .pdf, .png or .svg");
    } else {
      job.outputs.push_back({out_dir.empty() ? name.path : out_dir / name.path, format});
    }
  }
  return !diags.has_errors();
}

class Runner {
 public:
  Runner(const RunOptions& options, std::shared_ptr<const text::FontLibrary> fonts)
      : options_(options), fonts_(std::move(fonts)) {
    if (options.incremental == Incremental::on)
      font_set_ = font_set_fingerprint(*fonts_, font_config());
  }

  RunSummary run(const std::vector<PlannedJob>& jobs);

 private:
  void prepare(const PlannedJob& planned);
  /// Names the job's outputs and claims them; false (with errors) when that fails.
  bool claim_outputs(const PlannedJob& planned, Job& job, core::Diagnostics& diags);
  void finish(JobRecord& record);
  void work();

  const RunOptions& options_;
  std::shared_ptr<const text::FontLibrary> fonts_;
  std::string font_set_;
  InputCache inputs_;
  StateStore state_;
  std::unordered_map<std::string, size_t> claimed_;  // output path -> job index
  std::vector<ReadyJob> ready_;
  RunSummary summary_;
  std::atomic<size_t> next_{0};
  std::mutex mutex_;  // guards `done_`, on_job and summary_.diags
  size_t done_ = 0;
  size_t total_ = 0;  // jobs in the shard
};

void Runner::finish(JobRecord& record) {
  std::lock_guard lock(mutex_);
  ++done_;
  if (options_.on_job) options_.on_job(record, done_, total_);
}

bool Runner::claim_outputs(const PlannedJob& planned, Job& job, core::Diagnostics& diags) {
  if (!resolve_outputs(planned, *job.loaded_design, *job.loaded_document, options_.out_dir, job,
                       diags))
    return false;
  for (const auto& output : job.outputs) {
    auto [it, is_new] =
        claimed_.try_emplace(output.path.lexically_normal().string(), planned.index);
    if (!is_new)
      diags.error({},
                  "output '" + output.path.string() + "' is written by job " +
                      std::to_string(it->second + 1) + " already",
                  "add a variable that differs between them to the output pattern");
  }
  return !diags.has_errors();
}

void Runner::prepare(const PlannedJob& planned) {
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
  summary_.jobs.push_back({planned.index, planned.design, planned.statement, planned.row});
  JobRecord& record = summary_.jobs.back();
  const auto fail = [&] {
    record.status = JobStatus::failed;
    finish(record);
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
  ReadyJob ready;
  ready.job.design = planned.design;
  ready.job.content = planned.statement;
  ready.job.variables = planned.values;
  ready.job.dpi = planned.dpi;
  ready.job.print = options_.print;
  ready.job.loaded_design = design.design;
  ready.job.loaded_document = statement.document;
  if (!claim_outputs(planned, ready.job, record.diags)) return fail();
  if (options_.incremental == Incremental::on) {
    JobInputs in{design.fingerprint,
                 statement.fingerprint,
                 &planned.values,
                 {},
                 planned.dpi,
                 font_set_,
                 print_fingerprint(options_.print)};
    // Names relative to --out: the same run from another folder, or with `--out ./out`
    // instead of `--out out`, is still current.
    std::vector<fs::path> paths;
    for (const auto& o : ready.job.outputs) {
      paths.push_back(o.path);
      in.outputs.push_back(o.path.lexically_relative(options_.out_dir));
    }
    ready.fingerprint = job_fingerprint(in);
    if (state_.is_current(paths, ready.fingerprint)) {
      record.status = JobStatus::skipped;
      record.outputs = std::move(paths);
      return finish(record);
    }
  }
  ready.record = summary_.jobs.size() - 1;
  ready_.push_back(std::move(ready));
}

void Runner::work() {
  Engine engine(fonts_);  // this thread's font map and Pango context
  for (size_t i; (i = next_.fetch_add(1)) < ready_.size();) {
    // Taken out of the list, so its values are freed once it has run: memory stays flat.
    const ReadyJob ready = std::move(ready_[i]);
    JobRecord& record = summary_.jobs[ready.record];
    const auto start = Clock::now();
    JobResult result = run_job(ready.job, engine);
    record.ms = ms_since(start);
    record.status = result.ok() ? JobStatus::done : JobStatus::failed;
    record.outputs = std::move(result.written);
    record.timings = std::move(result.timings);
    record.diags.append(result.diags);
    if (result.ok() && options_.incremental == Incremental::on) {
      for (const auto& output : ready.job.outputs) {
        std::vector<fs::path> files;
        for (const auto& w : record.outputs)
          if (is_written_for(w, output.path)) files.push_back(w);
        state_.record(output.path, ready.fingerprint, files);
      }
      core::Diagnostics save;
      state_.save_if_due(save);
      if (!save.empty()) {
        std::lock_guard lock(mutex_);
        summary_.diags.append(save);
      }
    }
    finish(record);
  }
}

RunSummary Runner::run(const std::vector<PlannedJob>& jobs) {
  const auto start = Clock::now();
  summary_.planned = jobs.size();
  size_t in_shard = 0;
  for (const auto& j : jobs) in_shard += options_.shard.contains(j.index) ? 1 : 0;
  total_ = in_shard;
  summary_.jobs.reserve(in_shard);  // records never move: workers hold references to them
  for (const auto& planned : jobs) prepare(planned);
  if (options_.incremental == Incremental::on) {
    // A resumed run first clears what a killed one left half-written.
    OwnedOutputs owned;
    for (const auto& ready : ready_)
      for (const auto& o : ready.job.outputs)
        owned[o.path.parent_path()].insert(o.path.filename().string());
    remove_stale_temporaries(owned);
  }
  const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  const size_t wanted = options_.threads > 0 ? static_cast<size_t>(options_.threads) : hardware;
  summary_.threads = static_cast<int>(std::max<size_t>(1, std::min(wanted, ready_.size())));
  {
    std::vector<std::jthread> workers;
    for (int t = 1; t < summary_.threads; ++t) workers.emplace_back([this] { work(); });
    work();  // the calling thread is a worker too
  }
  if (options_.incremental == Incremental::on) state_.save(summary_.diags);
  summary_.seconds = ms_since(start) / 1000;
  return std::move(summary_);
}

}  // namespace

size_t RunSummary::count(JobStatus s) const {
  size_t n = 0;
  for (const auto& j : jobs) n += j.status == s ? 1 : 0;
  return n;
}

RunSummary run_jobs(const std::vector<PlannedJob>& jobs, const RunOptions& options,
                    std::shared_ptr<const text::FontLibrary> fonts) {
  Runner runner(options, std::move(fonts));
  return runner.run(jobs);
}

}  // namespace broadside::batch
