// commands.cpp — render, check, designs, fonts: build jobs, run them, print what happened.
#include "cli/commands.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <set>

#include "batch/job.hpp"
#include "batch/paths.hpp"
#include "core/units.hpp"
#include "spec/design.hpp"

namespace broadside::cli {

namespace fs = std::filesystem;

namespace {

void print(const core::Diagnostics& diags) {
  for (const auto& d : diags.all()) std::cerr << d.to_string() << "\n";
}

std::shared_ptr<const text::FontLibrary> load_fonts(core::Diagnostics& diags) {
  try {
    return std::make_shared<const text::FontLibrary>(batch::font_config());
  } catch (const core::Failure& f) {
    diags.append(f.diagnostics());
    return nullptr;
  }
}

/// Parses `key=value` pairs from --set; false (with a message) on a malformed one.
bool parse_sets(const std::vector<std::string>& sets, core::Variables& out) {
  for (const auto& s : sets) {
    const auto eq = s.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::cerr << "broadside: --set '" << s << "': expected key=value\n";
      return false;
    }
    out[s.substr(0, eq)] = core::Value::scalar(s.substr(eq + 1), {"--set " + s.substr(0, eq)});
  }
  return true;
}

void print_timings(const batch::Timings& t) {
  std::fprintf(stderr,
               "timings (ms): design %.1f, statement %.1f, fonts %.1f, compose %.1f (%d layout "
               "passes), pdf %.1f, prepress %.1f, png %.1f, write %.1f\n",
               t.design, t.statement, t.fonts, t.compose, t.layout_passes, t.pdf, t.prepress, t.png,
               t.write);
  for (const auto& f : t.fits) std::fprintf(stderr, "  fit: %s\n", f.c_str());
}

std::string size_label(const core::Size& s) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0f x %.0f mm", core::to_mm(s.width), core::to_mm(s.height));
  return buf;
}

}  // namespace

int render(const RenderArgs& args) {
  batch::Job job;
  job.design = batch::resolve_design(args.design);
  job.content = args.content.empty() ? batch::sample_statement() : fs::path(args.content);
  job.dpi = args.dpi;
  if (!parse_sets(args.sets, job.variables)) return kExitUsage;
  for (const auto& o : args.outputs) {
    batch::Format format;
    if (!batch::format_for(o, format)) {
      std::cerr << "broadside: cannot tell the format of '" << o
                << "' from its extension (use .pdf, .png or .svg)\n";
      return kExitUsage;
    }
    job.outputs.push_back({o, format});
  }
  const auto start = std::chrono::steady_clock::now();
  core::Diagnostics diags;
  auto fonts = load_fonts(diags);
  if (!fonts) {
    print(diags);
    return kExitProblem;
  }
  const double font_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  batch::Engine engine(fonts);
  const auto result = batch::run_job(job, engine);
  print(result.diags);
  for (const auto& p : result.written) std::cout << "wrote " << p.string() << "\n";
  if (args.timings) {
    std::fprintf(stderr, "timings (ms): font set %.1f\n", font_ms);
    print_timings(result.timings);
  }
  return result.ok() ? kExitOk : kExitProblem;
}

int check(const std::string& design, const std::string& content) {
  batch::Job job;
  job.design = batch::resolve_design(design);
  job.content = content.empty() ? batch::sample_statement() : fs::path(content);
  job.dry_run = true;
  core::Diagnostics diags;
  auto fonts = load_fonts(diags);
  if (!fonts) {
    print(diags);
    return kExitProblem;
  }
  batch::Engine engine(fonts);
  const auto result = batch::run_job(job, engine);
  print(result.diags);
  if (!result.ok()) return kExitProblem;
  std::cout << job.design.string() << ": ok\n";
  return kExitOk;
}

int designs() {
  const fs::path dir = batch::data_dir() / "designs";
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".yaml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  int status = kExitOk;
  for (const auto& f : files) {
    core::Diagnostics diags;
    const auto d = spec::load_design(f, diags);
    if (!d) {
      print(diags);
      status = kExitProblem;
      continue;
    }
    const bool repeats =
        std::any_of(d->pages.begin(), d->pages.end(), [](const auto& p) { return p.repeat; });
    size_t fixed = 0;
    for (const auto& p : d->pages) fixed += p.repeat ? 0 : 1;
    std::string pages =
        std::to_string(fixed) + (fixed == 1 ? " page" : " pages") + (repeats ? "+" : "");
    std::printf("%-14s %-18s %-8s %s\n", d->name.c_str(), size_label(d->geometry.trim).c_str(),
                pages.c_str(), d->about.c_str());
  }
  return status;
}

int fonts() {
  core::Diagnostics diags;
  auto lib = load_fonts(diags);
  if (!lib) {
    print(diags);
    return kExitProblem;
  }
  std::map<std::string, std::set<std::string>> families;
  for (const auto& f : lib->faces()) families[f.family].insert(f.style);
  for (const auto& [family, styles] : families) {
    std::string list;
    for (const auto& s : styles) list += (list.empty() ? "" : ", ") + s;
    std::printf("%-32s %s\n", family.c_str(), list.c_str());
  }
  return kExitOk;
}

}  // namespace broadside::cli
