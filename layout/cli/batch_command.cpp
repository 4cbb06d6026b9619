// batch_command.cpp — `broadside batch MANIFEST` and `render --data`: read the jobs, run them on
// every core, show progress, print the failures, write the report, set the exit code.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "batch/command_values.hpp"
#include "batch/manifest.hpp"
#include "batch/paths.hpp"
#include "batch/print_flags.hpp"
#include "batch/progress.hpp"
#include "batch/report.hpp"
#include "batch/runner.hpp"
#include "batch/variable_values.hpp"
#include "batch/vt_file.hpp"
#include "cli/commands.hpp"
#include "cli/contact_sheet_command.hpp"

namespace broadside::cli {

namespace fs = std::filesystem;

namespace {

/// The job group of `render DESIGN CONTENT --data FILE`; nullopt after printing a problem,
/// with `status` the exit code to use.
std::optional<batch::Manifest> rows_manifest(const RenderArgs& args, const core::Options& options,
                                             int& status) {
  status = kExitProblem;
  const fs::path design = batch::resolve_design(args.design, options);
  const fs::path statement =
      args.content.empty() ? batch::sample_statement(options) : fs::path(args.content);
  for (const auto& o : args.outputs) {
    if (o.find('{') != std::string::npos) continue;
    std::cerr << "broadside: with --data, each -o needs a {variable} so that every row gets its "
                 "own file (e.g. -o 'out/{branch.name}.pdf'); '"
              << core::escape_controls(o) << "' has none\n";
    status = kExitUsage;
    return std::nullopt;
  }
  core::Diagnostics diags;
  std::string usage;
  auto manifest = batch::rows_manifest(design, statement, args.values, args.outputs, args.dpi,
                                       options.limits, diags, usage);
  print(diags);
  if (!usage.empty()) {
    std::cerr << "broadside: " << core::escape_controls(usage) << "\n";
    status = kExitUsage;
  }
  return manifest;
}

void print_job_problems(const batch::JobRecord& record) {
  if (record.status != batch::JobStatus::failed && record.diags.empty()) return;
  print(record.diags);
}

/// Ctrl-C stops a run cleanly: running jobs finish, no new ones start, and the run still
/// reports what it did; a second Ctrl-C stops the running jobs too.
void stop_on_interrupt(batch::RunOptions& options) {
  options.interrupts = batch::Interrupts::stop;
  options.on_interrupt = [](size_t running) {
    std::cerr << "\nbroadside: interrupted: " << running << " running job"
              << (running == 1 ? "" : "s")
              << " will finish, no new ones start (interrupt again to stop them now)\n";
  };
}

/// 128 + the signal when interrupted (130 for Ctrl-C), 1 when a job failed, else 0.
int exit_code(const batch::RunSummary& summary) {
  if (summary.signal) return 128 + summary.signal;
  return summary.count(batch::JobStatus::failed) == 0 ? kExitOk : kExitProblem;
}

/// Leaves main: normally, or at once when the runner left job threads running (they must not
/// be waited for, and nothing they hold may be destroyed under them).
int leave(const batch::RunSummary& summary) {
  const int code = exit_code(summary);
  if (summary.abandoned) {
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    std::_Exit(code);
  }
  return code;
}

/// Writes --vt FILE after a run and says what it holds; false after printing why it cannot.
bool write_vt(const std::string& file, const batch::RunSummary& summary,
              const batch::Manifest& manifest, const core::Options& options) {
  if (file.empty() || summary.abandoned) return true;
  core::Diagnostics diags;
  const auto vt = batch::write_vt_file(file, summary, manifest, options, diags);
  print(diags);
  if (!vt) return false;
  std::printf(
      "variable-data PDF: %s (%d records, %d pages, %s; %ju KB, the records' own PDFs "
      "%ju KB",
      file.c_str(), vt->records, vt->pages, batch::describe(vt->conformance),
      (vt->bytes + 1023) / 1024, (vt->record_bytes + 1023) / 1024);
  if (vt->shared_forms)
    std::printf("; %zu pages draw the artwork every record has from one shared form",
                vt->shared_forms);
  std::printf(")\n");
  return true;
}

}  // namespace

int render_rows(const RenderArgs& args, const core::Options& options) {
  int status = kExitOk;
  const auto manifest = rows_manifest(args, options, status);
  if (!manifest) return status;
  auto session = open_session(options);
  if (!session) return kExitProblem;
  batch::RunOptions run;
  if (const std::string error = batch::apply_print_flags(args.print, run.print); !error.empty()) {
    std::cerr << "broadside: " << error << "\n";
    return kExitUsage;
  }
  run.remove_leftovers = true;
  // Only --vt reads every job's record after the run; the failure table needs the failed ones.
  if (args.vt.empty()) run.records = batch::Records::failed;
  run.on_job = [](const batch::JobRecord& r, size_t, size_t) {
    print_job_problems(r);
    for (const auto& p : r.outputs) std::cout << "wrote " << p.string() << "\n";
  };
  stop_on_interrupt(run);
  const auto summary = batch::run_jobs(*manifest, run, std::move(session));
  std::cerr << batch::failure_table(summary);
  if (const size_t n = summary.count(batch::JobStatus::interrupted))
    std::cerr << "interrupted: " << n << " of " << summary.in_shard()
              << " rows were not rendered; run the command again for them\n";
  if (!write_vt(args.vt, summary, *manifest, options) && exit_code(summary) == kExitOk)
    return kExitProblem;
  return leave(summary);
}

int batch(const BatchArgs& args, const core::Options& options) {
  if (!contact_sheet_names_ok(args)) return kExitUsage;
  std::string shard_error;
  batch::RunOptions run;
  if (!args.shard.empty()) {
    const auto shard = batch::parse_shard(args.shard, shard_error);
    if (!shard) {
      std::cerr << "broadside: " << shard_error << "\n";
      return kExitUsage;
    }
    run.shard = *shard;
  }
  core::Diagnostics diags;
  const auto manifest = batch::read_manifest(args.manifest, options, diags);
  print(diags);
  if (!manifest) return kExitProblem;
  auto session = open_session(options);
  if (!session) return kExitProblem;

  run.threads = args.jobs;
  run.out_dir = args.out;
  run.incremental = batch::Incremental::on;
  // The report, the contact sheets and --vt read every job's record after the run; without
  // them only the failed ones are kept (the failure table's), so memory does not grow per row.
  if (args.report.empty() && args.contact_sheets.empty() && args.vt.empty())
    run.records = batch::Records::failed;
  batch::Progress progress(
      stderr, ::isatty(STDERR_FILENO) ? batch::ProgressStyle::bar : batch::ProgressStyle::lines);
  run.on_job = [&](const batch::JobRecord& r, size_t done, size_t total) {
    progress.job_done(r, done, total);
  };
  stop_on_interrupt(run);
  const auto summary = batch::run_jobs(*manifest, run, session);
  progress.finish();
  print(summary.diags);
  std::cerr << batch::failure_table(summary);
  const size_t interrupted = summary.count(batch::JobStatus::interrupted);
  const std::string stopped =
      interrupted ? ", " + std::to_string(interrupted) + " interrupted (run again to finish)" : "";
  std::printf("%zu jobs: %zu written, %zu up to date, %zu failed%s (%.1f s, %d thread%s)\n",
              summary.in_shard(), summary.count(batch::JobStatus::done),
              summary.count(batch::JobStatus::skipped), summary.count(batch::JobStatus::failed),
              stopped.c_str(), summary.seconds, summary.threads, summary.threads == 1 ? "" : "s");
  if (!args.report.empty()) {
    core::Diagnostics unwritten;
    if (!batch::write_report(args.report, summary, {args.manifest, run.shard}, unwritten)) {
      print(unwritten);
      return summary.abandoned ? leave(summary) : kExitProblem;
    }
  }
  if (!write_contact_sheets(args, summary, *manifest, std::move(session))) return kExitProblem;
  if (!write_vt(args.vt, summary, *manifest, options) && exit_code(summary) == kExitOk)
    return kExitProblem;
  return leave(summary);
}

}  // namespace broadside::cli
