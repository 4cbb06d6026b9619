// commands.cpp — render, check, designs, fonts: build jobs, run them, print what happened.
#include "cli/commands.hpp"

#include <glib.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "batch/job.hpp"
#include "batch/paths.hpp"
#include "batch/variable_values.hpp"
#include "cli/print_commands.hpp"
#include "content/document.hpp"
#include "core/limits.hpp"
#include "core/units.hpp"
#include "design/design.hpp"

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

/// Parses --pages ("1", "1,3", "2-4"); false (with a message) on anything else.
bool parse_pages(const std::string& list, std::vector<int>& out) {
  std::stringstream in(list);
  for (std::string item; std::getline(in, item, ',');) {
    int first = 0, last = 0;
    char dash = 0, extra = 0;
    std::istringstream range(item);
    range.imbue(std::locale::classic());
    if (!(range >> first)) first = 0;
    if (range >> dash) {
      if (dash != '-' || !(range >> last) || (range >> extra)) first = 0;
    } else {
      last = first;
    }
    if (first < 1 || last < first || last - first > core::limit(core::Limit::pages)) {
      std::cerr << "broadside: --pages '" << list
                << "': expected page numbers from 1, such as 1 or 1,3 or 2-4\n";
      return false;
    }
    for (int p = first; p <= last; ++p) out.push_back(p);
  }
  return true;
}

/// One line, the stages in the order they run; then what each fitted frame chose and how
/// many layout passes fitting and balancing took.
void print_timings(double font_set_ms, const batch::Timings& t) {
  std::fprintf(stderr,
               "timings (ms): font set %.1f, statement %.1f, design %.1f, font check %.1f, "
               "compose %.1f (%d layout passes), pdf %.1f, png %.1f, prepress %.1f, preflight "
               "%.1f, write %.1f\n",
               font_set_ms, t.statement, t.design, t.fonts, t.compose, t.layout_passes, t.pdf,
               t.png, t.prepress, t.preflight, t.write);
  for (const auto& f : t.fits) std::fprintf(stderr, "  fit: %s\n", f.c_str());
}

std::string size_label(const core::Size& s) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0f x %.0f mm", core::to_mm(s.width), core::to_mm(s.height));
  return buf;
}

}  // namespace

bool parse_set_options(const std::vector<std::string>& sets, core::Variables& out) {
  return parse_sets(sets, out);
}

bool parse_print_options(const RenderArgs& args, batch::PrintOverrides& out) {
  if (args.no_marks) out.marks = design::PrintMarks{};
  if (!args.marks.empty()) {
    design::PrintMarks marks;
    std::stringstream list(args.marks);
    for (std::string word; std::getline(list, word, ',');) {
      if (word == "crop")
        marks.crop = true;
      else if (word == "bleed")
        marks.bleed = true;
      else if (word == "registration")
        marks.registration = true;
      else if (word == "colorbar")
        marks.colorbar = true;
      else if (word == "slug-info")
        marks.slug_info = true;
      else if (word == "all")
        marks = {true, true, true, true, true};
      else if (word != "none") {
        std::cerr << "broadside: --marks: unknown mark '" << word
                  << "' (use crop, bleed, registration, colorbar, slug-info or all)\n";
        return false;
      }
    }
    out.marks = marks;
  }
  if (!args.color.empty())
    out.color = args.color == "cmyk" ? design::ColorMode::cmyk : design::ColorMode::rgb;
  if (!args.pdfx.empty())
    out.pdfx = args.pdfx == "4"    ? design::PdfxMode::x4
               : args.pdfx == "1a" ? design::PdfxMode::x1a
                                   : design::PdfxMode::none;
  out.icc = args.icc;
  const bool wants_cmyk = (out.pdfx && *out.pdfx != design::PdfxMode::none) || !args.icc.empty();
  if (args.color == "rgb" && wants_cmyk) {
    std::cerr << "broadside: --color rgb cannot go with --pdfx or --icc: PDF/X and press "
                 "profiles are CMYK\n";
    return false;
  }
  return true;
}

int render(const RenderArgs& args) {
  if (!args.data.empty()) return render_rows(args);
  batch::Job job;
  job.design = batch::resolve_design(args.design);
  job.content = args.content.empty() ? batch::sample_statement() : fs::path(args.content);
  job.dpi = args.dpi;
  if (!args.vars.empty()) {
    core::Diagnostics diags;
    auto vars = batch::read_vars_file(args.vars, diags);
    print(diags);
    if (!vars) return kExitProblem;
    job.variables = std::move(*vars);  // --set, parsed next, wins over the file
  }
  if (!parse_sets(args.sets, job.variables)) return kExitUsage;
  if (!parse_print_options(args, job.print)) return kExitUsage;
  job.preflight = !args.no_preflight;
  if (!parse_pages(args.pages, job.image_pages)) return kExitUsage;
  if (!args.impose.empty() && !valid_impose_spec(args.impose)) return kExitUsage;
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
  // Kept until the process ends (reachable, so no leak checker minds): tearing down Pango's
  // and fontconfig's caches would only add milliseconds to a cold render's exit.
  static batch::Engine* const engine = std::make_unique<batch::Engine>(fonts).release();
  const auto result = batch::run_job(job, *engine);
  print(result.diags);
  for (const auto& p : result.written) std::cout << "wrote " << p.string() << "\n";
  if (args.timings) print_timings(font_ms, result.timings);
  if (result.ok() && !args.impose.empty()) return impose_written(result.written, args.impose);
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
    const auto d = design::load_design(f, diags);
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

/// Every character of a statement no font in the set has, with the first place it occurs.
int check_coverage(const text::FontLibrary& lib, const std::string& content) {
  core::Diagnostics diags;
  const auto doc = content::load_statement(content, diags);
  print(diags);
  if (!doc) return kExitProblem;
  std::vector<std::pair<std::string, std::string>> texts;  // where, text
  for (const auto& [name, value] : doc->variables)
    for (const auto& item : value.items) texts.emplace_back(value.where.to_string(), item);
  for (const auto& block : doc->body) texts.emplace_back(block.where.to_string(), block.text.text);
  std::set<char32_t> reported;
  int missing = 0;
  for (const auto& [where, text] : texts) {
    for (const char* p = text.c_str(); *p;) {
      const char32_t c = g_utf8_get_char(p);
      p = g_utf8_next_char(p);
      if (g_unichar_isspace(c) || g_unichar_iscntrl(c) || g_unichar_type(c) == G_UNICODE_FORMAT ||
          lib.covers(c) || !reported.insert(c).second)
        continue;
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
      std::cerr << where << ": error: no installed font has " << code << "\n";
      ++missing;
    }
  }
  if (missing > 0) return kExitProblem;
  std::cout << content << ": every character is covered\n";
  return kExitOk;
}

/// The statement's characters the design cannot set: a dry run of the job, as `render` would
/// compose it, reporting what its coverage check found.
int check_design_coverage(std::shared_ptr<const text::FontLibrary> lib, const std::string& design,
                          const std::string& content) {
  batch::Job job;
  job.design = batch::resolve_design(design);
  job.content = content;
  job.dry_run = true;
  job.keep_composition = std::make_shared<compose::Composition>();
  batch::Engine engine(lib);
  const auto result = batch::run_job(job, engine);
  const auto& problems = job.keep_composition->character_problems;
  if (problems.empty() && result.diags.has_errors() && job.keep_composition->pages.empty()) {
    print(result.diags);  // it never got as far as composing: the design or statement is wrong
    return kExitProblem;
  }
  for (const auto& d : problems) std::cerr << d.to_string() << "\n";
  if (!problems.empty()) return kExitProblem;
  std::cout << content << ": every character is covered by the faces of " << design << "\n";
  return kExitOk;
}

int fonts(const std::string& check_content, const std::string& design) {
  core::Diagnostics diags;
  auto lib = load_fonts(diags);
  if (!lib) {
    print(diags);
    return kExitProblem;
  }
  if (!design.empty()) return check_design_coverage(lib, design, check_content);
  if (!check_content.empty()) return check_coverage(*lib, check_content);
  std::map<std::string, std::set<std::string>> families;
  for (const auto& f : lib->faces()) families[f.family].insert(f.style);
  for (const auto& [family, styles] : families) {
    std::string list, scripts;
    for (const auto& s : styles) list += (list.empty() ? "" : ", ") + s;
    for (const auto& s : lib->scripts_of(family)) scripts += (scripts.empty() ? "" : " ") + s;
    std::printf("%-30s %-44s %s\n", family.c_str(), list.c_str(), scripts.c_str());
  }
  return kExitOk;
}

}  // namespace broadside::cli
