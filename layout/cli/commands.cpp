// commands.cpp — render, check, designs, fonts: build jobs, run them, print what happened.
#include "cli/commands.hpp"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>

#include "batch/catalogue.hpp"
#include "batch/job.hpp"
#include "batch/leftovers.hpp"
#include "batch/paths.hpp"
#include "batch/variable_values.hpp"
#include "batch/watch.hpp"
#include "cli/print_commands.hpp"

namespace broadside::cli {

namespace fs = std::filesystem;

namespace {

/// One line, the stages in the order they run; then what each fitted frame chose and how
/// many layout passes fitting and balancing took.
void print_timings(double font_set_ms, const batch::Timings& t) {
  std::fprintf(stderr,
               "timings (ms): font set %.1f, statement %.1f, design %.1f, font check %.1f, "
               "compose %.1f (%d layout passes, %d font searches + %d reused), pdf %.1f, png %.1f, "
               "prepress %.1f, preflight "
               "%.1f, write %.1f\n",
               font_set_ms, t.statement, t.design, t.fonts, t.compose, t.layout_passes,
               t.font_searches, t.font_searches_reused, t.pdf, t.png, t.prepress, t.preflight,
               t.write);
  for (const auto& f : t.fits) std::fprintf(stderr, "  fit: %s\n", f.c_str());
}

std::string size_label(const core::Size& s) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0f x %.0f mm", core::to_mm(s.width), core::to_mm(s.height));
  return buf;
}

/// A job's values from --vars and --set; the exit code to use when they cannot be had.
int job_values(const batch::ValueFlags& flags, const core::Options& options, core::Variables& out) {
  core::Diagnostics diags;
  std::string usage;
  auto values = batch::command_values(flags, options.limits, diags, usage);
  print(diags);
  if (!usage.empty()) std::cerr << "broadside: " << core::escape_controls(usage) << "\n";
  if (!values) return usage.empty() ? kExitProblem : kExitUsage;
  out = std::move(*values);
  return kExitOk;
}

}  // namespace

void print(const core::Diagnostics& diags) {
  for (const auto& d : diags.all()) std::cerr << d.to_string() << "\n";
}

std::shared_ptr<const batch::Session> open_session(const core::Options& options) {
  core::Diagnostics diags;
  auto session = batch::open_session(options, diags);
  print(diags);
  return session;
}

void add_value_options(CLI::App* command, batch::ValueFlags& values, std::string_view data_help) {
  command->add_option("--set", values.sets, "variable for the design, key=value; repeatable");
  command->add_option("--vars", values.vars, "YAML file of variable values (--set wins over it)");
  command->add_option("--data", values.data, std::string(data_help));
}

bool parse_set_options(const std::vector<std::string>& sets, core::Variables& out) {
  const std::string error = batch::parse_sets(sets, out);
  if (!error.empty()) std::cerr << "broadside: " << core::escape_controls(error) << "\n";
  return error.empty();
}

int render(const RenderArgs& args, const core::Options& options) {
  if (!args.values.data.empty()) return render_rows(args, options);
  if (!args.vt.empty()) {
    std::cerr << "broadside: --vt gathers the rows of a data merge into one PDF; add --data FILE\n";
    return kExitUsage;
  }
  batch::Job job;
  job.design = batch::resolve_design(args.design, options);
  job.content = args.content.empty() ? batch::sample_statement(options) : fs::path(args.content);
  job.dpi = args.dpi;
  if (const int status = job_values(args.values, options, job.variables); status != kExitOk)
    return status;
  if (const std::string error = batch::apply_print_flags(args.print, job.print); !error.empty()) {
    std::cerr << "broadside: " << error << "\n";
    return kExitUsage;
  }
  job.preflight = !args.no_preflight;
  if (!batch::parse_page_list(args.pages, options.limits, job.image_pages)) {
    std::cerr << "broadside: --pages '" << core::escape_controls(args.pages)
              << "': expected page numbers from 1, such as 1 or 1,3 or 2-4\n";
    return kExitUsage;
  }
  if (!args.impose.empty() && !valid_impose_spec(args.impose)) return kExitUsage;
  for (const auto& o : args.outputs) {
    batch::Format format;
    if (!batch::format_for(o, format)) {
      std::cerr << "broadside: cannot tell the format of '" << core::escape_controls(o)
                << "' from its extension (use .pdf, .png or .svg)\n";
      return kExitUsage;
    }
    job.outputs.push_back({o, format});
  }
  // What a render killed while writing left: its temporaries next to these outputs.
  batch::OwnedOutputs owned;
  for (const auto& o : job.outputs) owned[o.path.parent_path()].insert(o.path.filename().string());
  batch::remove_stale_temporaries(owned);
  const auto start = std::chrono::steady_clock::now();
  auto session = open_session(options);
  if (!session) return kExitProblem;
  const double font_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  // Kept until the process ends (reachable, so no leak checker minds): tearing down Pango's
  // and fontconfig's caches would only add milliseconds to a cold render's exit.
  static batch::Engine* const engine = std::make_unique<batch::Engine>(session).release();
  const auto result = batch::run_job(job, *engine);
  print(result.diags);
  for (const auto& p : result.written) std::cout << "wrote " << p.string() << "\n";
  if (args.timings) print_timings(font_ms, result.timings);
  if (result.ok() && !args.impose.empty())
    return impose_written(result.written, args.impose, options);
  return result.ok() ? kExitOk : kExitProblem;
}

int check(const CheckArgs& args, const core::Options& options) {
  const fs::path design = batch::resolve_design(args.design, options);
  const fs::path content =
      args.content.empty() ? batch::sample_statement(options) : fs::path(args.content);
  // The jobs `render` would run with the same values: one, or one per data row.
  std::vector<batch::Job> jobs;
  if (args.values.data.empty()) {
    batch::Job job;
    if (const int status = job_values(args.values, options, job.variables); status != kExitOk)
      return status;
    jobs.push_back(std::move(job));
  } else {
    core::Diagnostics diags;
    std::string usage;
    const auto manifest =
        batch::rows_manifest(design, content, args.values, {}, 0, options.limits, diags, usage);
    print(diags);
    if (!usage.empty()) std::cerr << "broadside: " << core::escape_controls(usage) << "\n";
    if (!manifest) return usage.empty() ? kExitProblem : kExitUsage;
    for (const auto& planned : batch::expand(*manifest)) {
      if (planned.problem) {
        std::cerr << planned.problem->to_string() << "\n";
        return kExitProblem;
      }
      batch::Job job;
      job.variables = planned.values;
      jobs.push_back(std::move(job));
    }
  }
  auto session = open_session(options);
  if (!session) return kExitProblem;
  batch::Engine engine(session);
  bool ok = true;
  for (auto& job : jobs) {
    job.design = design;
    job.content = content;
    // What render would refuse, found as render finds it: the design's outputs are made in
    // memory, never written, and each PDF is preflighted (the safe zone, ink, sizes, from the
    // page composed and from the file). A dry run stopped after composing and missed them.
    job.delivery = batch::Delivery::memory;
    const auto result = batch::run_job(job, engine);
    core::Diagnostics shown;
    bool refused = false;
    for (core::Diagnostic d : result.diags.all()) {
      // Preflight's findings name the file render would write; check writes none, and they
      // are the design's. Render's note says nothing was written and how to see where.
      if (d.message.rfind("preflight", 0) == 0 && d.where.line == 0) {
        if (d.severity == core::Severity::note) {
          refused = true;
          continue;
        }
        d.where = core::SourceLocation{design.string()};
      }
      shown.add(std::move(d));
    }
    if (refused)
      shown.add({core::Severity::note, core::SourceLocation{design.string()},
                 "render would fail its preflight and write nothing",
                 "`render --no-preflight` writes it anyway; `broadside preflight FILE.pdf "
                 "--proof proof.png` then shows where"});
    print(shown);
    ok = ok && result.ok();
  }
  if (!ok) return kExitProblem;
  std::cout << design.string() << ": ok";
  if (!args.values.data.empty())
    std::cout << " (" << jobs.size() << (jobs.size() == 1 ? " row" : " rows") << " of "
              << args.values.data << ")";
  std::cout << "\n";
  return kExitOk;
}

int watch(const std::string& design, const std::string& content, const batch::ValueFlags& values,
          const std::function<int()>& run, const core::Options& options) {
  const fs::path design_file = batch::resolve_design(design, options);
  const fs::path statement = content.empty() ? batch::sample_statement(options) : fs::path(content);
  while (true) {
    const auto started = fs::file_time_type::clock::now();
    const int status = run();
    if (status == kExitUsage) return status;
    // Read again each time: an edit may add an image or fix a design that could not be read.
    const auto inputs = batch::watched_inputs(
        design_file, statement, {fs::path(values.vars), fs::path(values.data)}, options);
    batch::InputWatcher watcher(inputs);
    if (!watcher.ok()) {
      std::cerr << "broadside: --watch: cannot watch files (inotify): " << std::strerror(errno)
                << "\n";
      return kExitProblem;
    }
    std::cerr << (status == kExitOk ? "" : "the last good files are kept; ") << "watching "
              << inputs.size() << " files for changes (Ctrl-C stops)\n";
    std::cout.flush();
    // An edit saved while the run read its inputs came before the watcher could see it.
    auto changed = batch::modified_since(inputs, started);
    if (changed.empty()) changed = watcher.wait();
    for (const auto& file : changed)
      std::cerr << "changed: " << core::escape_controls(file.string()) << "\n";
  }
}

int designs(const core::Options& options) {
  core::Diagnostics diags;
  const auto designs = batch::bundled_designs(options, diags);
  print(diags);
  for (const auto& d : designs) {
    const std::string pages =
        std::to_string(d.pages) + (d.pages == 1 ? " page" : " pages") + (d.repeats ? "+" : "");
    std::printf("%-14s %-18s %-8s %s\n", d.name.c_str(), size_label(d.trim).c_str(), pages.c_str(),
                d.about.c_str());
  }
  return diags.has_errors() ? kExitProblem : kExitOk;
}

/// The statement's characters the design cannot set: a dry run of the job, as `render` would
/// compose it, reporting what its coverage check found.
int check_design_coverage(const std::shared_ptr<const batch::Session>& session,
                          const std::string& design, const std::string& content) {
  core::Diagnostics diags;
  const auto problems = batch::design_coverage_problems(session, design, content, diags);
  if (!problems) {
    print(diags);  // it never got as far as composing: the design or statement is wrong
    return kExitProblem;
  }
  for (const auto& d : *problems) std::cerr << d.to_string() << "\n";
  if (!problems->empty()) return kExitProblem;
  std::cout << content << ": every character is covered by the faces of " << design << "\n";
  return kExitOk;
}

int fonts(const std::string& check_content, const std::string& design,
          const core::Options& options) {
  auto session = open_session(options);
  if (!session) return kExitProblem;
  if (!design.empty()) return check_design_coverage(session, design, check_content);
  if (!check_content.empty()) {
    core::Diagnostics diags;
    const auto missing = batch::uncovered_characters(*session, check_content, diags);
    print(diags);
    if (!missing) return kExitProblem;
    for (const auto& m : *missing)
      std::fprintf(stderr, "%s: error: no installed font has U+%04X\n", m.where.c_str(),
                   static_cast<unsigned>(m.character));
    if (!missing->empty()) return kExitProblem;
    std::cout << check_content << ": every character is covered\n";
    return kExitOk;
  }
  for (const auto& f : batch::font_families(*session)) {
    std::string styles, scripts;
    for (const auto& s : f.styles) styles += (styles.empty() ? "" : ", ") + s;
    for (const auto& s : f.scripts) scripts += (scripts.empty() ? "" : " ") + s;
    std::printf("%-30s %-44s %s\n", f.family.c_str(), styles.c_str(), scripts.c_str());
  }
  return kExitOk;
}

}  // namespace broadside::cli
