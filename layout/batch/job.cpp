// job.cpp — load, check fonts, compose, render to memory, finish, then write atomically.
#include "batch/job.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <future>
#include <set>
#include <sstream>

#include "batch/output_names.hpp"
#include "batch/preflight_step.hpp"
#include "batch/variable_values.hpp"
#include "compose/compose.hpp"
#include "content/document.hpp"
#include "core/ascii.hpp"
#include "core/atomic_file.hpp"
#include "design/design.hpp"
#include "prepress/finish.hpp"
#include "render/image_source.hpp"
#include "render/pdf.hpp"
#include "render/png.hpp"
#include "render/svg.hpp"
#include "text/fontset_memo.hpp"
#include "text/hyphenator.hpp"

namespace broadside::batch {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// Which kinds of body block the statement has: a flow's heading and quote styles are only
/// needed (and their fonts only checked) when there are headings or quotes to set.
struct BodyKinds {
  bool headings = false, quotes = false;
};

void collect_styles(const design::Frame& frame, const BodyKinds& kinds,
                    std::vector<const design::Style*>& out) {
  if (const auto* t = std::get_if<design::TextFrame>(&frame.content)) out.push_back(&t->style);
  if (const auto* l = std::get_if<design::ListFrame>(&frame.content)) out.push_back(&l->style);
  if (const auto* f = std::get_if<design::FlowFrame>(&frame.content)) {
    out.push_back(&f->style);
    if (kinds.headings) out.push_back(&f->heading_style);
    if (kinds.quotes) out.push_back(&f->quote_style);
    if (f->read_more) out.push_back(&f->read_more_style);
  }
  if (const auto* s = std::get_if<design::StackFrame>(&frame.content))
    for (const auto& m : s->items) collect_styles(m, kinds, out);
}

/// Every family a frame uses must be installed, with the face asked for: fontconfig would
/// otherwise substitute silently.
void verify_fonts(const design::Design& design, const content::Document& doc,
                  const text::FontLibrary& fonts, core::Diagnostics& diags) {
  BodyKinds kinds;
  for (const auto& block : doc.body) {
    kinds.headings = kinds.headings || block.kind == content::BlockKind::heading;
    kinds.quotes = kinds.quotes || block.kind == content::BlockKind::quote || block.quoted;
  }
  std::vector<const design::Style*> styles;
  for (const auto& page : design.pages)
    for (const auto& frame : page.frames) collect_styles(frame, kinds, styles);
  std::set<std::pair<std::string, std::string>> seen;
  for (const design::Style* s : styles) {
    std::string key;
    for (const auto& f : s->face.families) key += f + ",";
    key += std::to_string(s->face.weight) + "/" + std::to_string(static_cast<int>(s->face.slant));
    if (seen.insert({s->name, key}).second) fonts.verify(s->face, s->name, s->where, diags);
  }
}

std::string iso_date(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

/// SOURCE_DATE_EPOCH when set, else the statement's date, else the epoch: never "now".
std::string document_date(const content::Document& doc, const core::Options& options) {
  if (options.epoch) return iso_date(static_cast<std::time_t>(*options.epoch));
  if (auto it = doc.variables.find("date"); it != doc.variables.end()) {
    std::tm tm{};
    const std::string& d = it->second.text();
    for (const char* format : {"%Y-%m-%d", "%d %B %Y", "%B %d, %Y"}) {
      tm = {};
      const char* end = strptime(d.c_str(), format, &tm);
      if (end && *end == '\0') return iso_date(timegm(&tm));
    }
  }
  return iso_date(0);
}

std::string stem_for(const Job& job, const design::Design& design) {
  return job.content.stem().string() + "-" + design.name;
}

std::vector<Output> default_outputs(const Job& job, const design::Design& design) {
  std::vector<Output> out;
  for (const auto& f : design.output.formats) {
    Format format;
    const fs::path path = job.default_out_dir / (stem_for(job, design) + "." + f);
    if (format_for(path, format)) out.push_back({path, format});
  }
  return out;
}

/// Whether page `index` (from 0) is among `wanted` (from 1; empty: every page).
bool is_wanted_page(const std::vector<int>& wanted, size_t index) {
  return wanted.empty() ||
         std::find(wanted.begin(), wanted.end(), static_cast<int>(index) + 1) != wanted.end();
}

/// Print wants 300 ppi when a PDF is written; a screen image (PNG, SVG) wants its own dpi.
render::ImageResolution wanted_resolution(const std::vector<Output>& outputs, int dpi) {
  for (const auto& o : outputs)
    if (o.format == Format::pdf) return render::kPrintResolution;
  return {static_cast<double>(dpi), dpi / 2.0};
}

/// True (with an error) when the job must stop before its next stage: it ran over the
/// job-seconds limit, or its batch was interrupted. Layout itself cannot be stopped midway,
/// but every stage is bounded by the other limits.
bool must_stop(const Job& job, Clock::time_point deadline, const core::Limits& limits,
               JobResult& r) {
  if (job.cancel && job.cancel->load()) {
    r.diags.error({},
                  "stopped: the run was interrupted before this job finished; nothing of it "
                  "was written");
    r.interrupted = true;
    return true;
  }
  if (Clock::now() <= deadline) return false;
  r.diags.error({},
                "stopped: the job took longer than allowed (" +
                    limits.over(core::Limit::job_seconds) + "); nothing of it was written",
                core::limit_hint(core::Limit::job_seconds));
  return true;
}

/// Writes every file, or none: when one cannot be written, those already written by this job
/// are removed again, so a failed job never leaves a partial set behind.
void write_all(const std::vector<std::pair<fs::path, std::string>>& files, JobResult& r) {
  for (const auto& [path, bytes] : files) {
    if (!core::write_file_atomically(path, bytes, r.diags)) {
      std::error_code ec;
      for (const auto& written : r.written) fs::remove(written, ec);
      r.written.clear();
      return;
    }
    r.written.push_back(path);
  }
}

/// What rendering a job's outputs needs once it is composed.
struct Rendering {
  const compose::Composition& composition;
  const design::Design* design;
  const content::Document* doc;
  const std::vector<Output>& outputs;
  int dpi;
  Clock::time_point deadline;
};

/// What fitting chose, per frame, for --timings and the batch report.
void record_fits(const compose::Composition& composition, Timings& timings) {
  timings.layout_passes = composition.layout_passes;
  for (const auto& f : composition.fits) {
    char line[160];
    std::snprintf(line, sizeof line, "%s %.2fpt, %d lines, %d passes (%d fitting, %d balancing)",
                  f.frame.c_str(), f.size.value, f.lines, f.passes, f.passes - f.balance_passes,
                  f.balance_passes);
    timings.fits.push_back(line);
  }
}

/// Renders every output to memory (nothing is written yet); false when the job must stop (an
/// error, a failed preflight, an interrupt or the time limit).
bool render_outputs(const Job& job, const Rendering& in, Engine& engine,
                    std::vector<std::pair<fs::path, std::string>>& files, JobResult& r) {
  const core::Options& options = engine.options();
  const compose::Composition& composition = in.composition;
  const auto print = prepare_print(*in.design, in.doc->lang, job.print,
                                   document_date(*in.doc, options), options, r.diags);
  if (!print) return false;
  for (const auto& output : in.outputs) {
    if (must_stop(job, in.deadline, options.limits, r)) return false;
    if (output.format == Format::pdf) {
      // Preflight reads the document finish_pdf holds, not the bytes parsed again.
      std::optional<Inspect> inspect;
      if (job.preflight) inspect = preflight_inspect(composition, *print);
      PrintedPdf pdf =
          print_pdf(composition, *print, output.path, engine.typesetter(), options, inspect);
      r.timings.pdf += pdf.render_ms;
      r.timings.prepress += pdf.prepress_ms;
      if (job.preflight)
        r.timings.preflight += preflight_output(composition, *pdf.inspection, *print, output.path,
                                                job.preflight_limits, r.diags);
      files.emplace_back(output.path, std::move(pdf.bytes));
      continue;
    }
    const auto start = Clock::now();
    const size_t n = composition.pages.size();
    for (size_t i = 0; i < n; ++i) {
      if (!is_wanted_page(job.image_pages, i)) continue;
      const auto& page = composition.pages[i];
      std::optional<std::string> bytes =
          output.format == Format::png ? render::render_png(page, {in.dpi, false}, options, r.diags)
                                       : render::render_svg(page, options);
      if (!bytes) return false;
      files.emplace_back(page_path(output.path, i, n), std::move(*bytes));
    }
    r.timings.png += ms_since(start);
  }
  return !r.diags.has_errors();  // a failed preflight: nothing is written
}

}  // namespace

Engine::Engine(std::shared_ptr<const Session> session)
    : session_(std::move(session)),
      typesetter_(*session_->fonts, session_->options.hyphenation_dir),
      images_(session_->options.limits) {}

bool format_for(const fs::path& path, Format& format) {
  const std::string ext = core::ascii_lower(path.extension().string());
  if (ext == ".pdf")
    format = Format::pdf;
  else if (ext == ".png")
    format = Format::png;
  else if (ext == ".svg")
    format = Format::svg;
  else
    return false;
  return true;
}

bool parse_page_list(const std::string& list, const core::Limits& limits, std::vector<int>& pages) {
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
    if (first < 1 || last < first || last - first > limits[core::Limit::pages]) return false;
    for (int p = first; p <= last; ++p) pages.push_back(p);
  }
  return true;
}

JobResult run_job(const Job& job, Engine& engine) {
  JobResult r;
  const core::Options& options = engine.options();
  // The statement first: its language decides which of the design's `scripts:` changes apply.
  auto start = Clock::now();
  const auto deadline = start + std::chrono::seconds(options.limits[core::Limit::job_seconds]);
  std::optional<content::Document> read_doc;
  const content::Document* doc = job.loaded_document.get();
  if (!doc && (read_doc = content::load_statement(job.content, options, r.diags))) doc = &*read_doc;
  r.timings.statement = ms_since(start);
  // The hyphenation dictionary loads on another core while the design is read and the fonts
  // are checked (a cold render's largest single cost); the first paragraph that needs it waits.
  std::future<void> dictionary;
  if (doc && !text::Hyphenator::is_loaded(doc->lang, options.hyphenation_dir))
    dictionary = std::async(std::launch::async, [lang = doc->lang, &options] {
      text::Hyphenator::for_language(lang, options.hyphenation_dir);
    });
  start = Clock::now();
  std::optional<design::Design> read_design;
  const design::Design* design = job.loaded_design.get();
  const std::string lang = doc ? doc->lang : std::string();
  if (!design && (read_design = design::load_design(job.design, options, r.diags, lang)))
    design = &*read_design;
  r.timings.design = ms_since(start);
  if (!design || !doc) return r;
  start = Clock::now();
  verify_fonts(*design, *doc, engine.fonts(), r.diags);
  r.timings.fonts = ms_since(start);
  if (r.diags.has_errors()) return r;

  // Declared variables formatted (dates) and checked (max-length) before anything is laid out.
  const core::Variables variables = resolve_variables(*design, *doc, job.variables, r.diags);
  check_given_names(*design, job.variables, r.diags);
  if (r.diags.has_errors()) return r;
  start = Clock::now();
  const auto searches_before = text::fontset_memo_stats();
  const auto composition =
      compose::compose(*design, *doc, variables, engine.typesetter(), engine.images(), r.diags);
  r.timings.compose = ms_since(start);
  {
    // Pango searches on threads of its own; one still running is counted by the next job.
    const auto searches = text::fontset_memo_stats();
    r.timings.font_searches = static_cast<int>(searches.searches - searches_before.searches);
    r.timings.font_searches_reused = static_cast<int>(searches.reused - searches_before.reused);
  }
  if (job.keep_composition) *job.keep_composition = composition;
  r.pages = composition.pages.size();
  record_fits(composition, r.timings);
  if (r.diags.has_errors() || must_stop(job, deadline, options.limits, r)) return r;

  const std::vector<Output> outputs =
      job.outputs.empty() ? default_outputs(job, *design) : job.outputs;
  const int dpi = job.dpi > 0 ? job.dpi : design->output.dpi;
  // Measured before anything is drawn, so that `check` reports them too.
  render::check_images(composition, wanted_resolution(outputs, dpi), options, r.diags);
  if (job.preflight) check_visibility(composition, job.design, job.preflight_limits, r.diags);
  if (r.diags.has_errors() || job.dry_run) return r;
  for (int p : job.image_pages)
    if (p > static_cast<int>(composition.pages.size())) {
      r.diags.error(job.image_pages_origin, "there is no page " + std::to_string(p) +
                                                "; the document has " +
                                                std::to_string(composition.pages.size()));
      return r;
    }
  std::vector<std::pair<fs::path, std::string>> files;
  try {
    if (!render_outputs(job, {composition, design, doc, outputs, dpi, deadline}, engine, files, r))
      return r;
  } catch (const core::Failure& f) {
    // Only what is truly exceptional gets here (stage entry points report problems as
    // diagnostics): the PDF's CMYK conversion meeting something cairo should never write,
    // out of memory, an image changed on disk since it was checked.
    r.diags.append(f.diagnostics());
    return r;
  }
  if (must_stop(job, deadline, options.limits, r)) return r;
  if (job.delivery == Delivery::memory) {
    for (auto& [path, bytes] : files) r.files.push_back({path, std::move(bytes)});
    return r;
  }
  if (job.defer_write) {
    r.unwritten = std::move(files);
    return r;
  }
  start = Clock::now();
  write_all(files, r);
  r.timings.write = ms_since(start);
  return r;
}

void write_outputs(JobResult& r) {
  if (r.unwritten.empty()) return;
  const auto start = Clock::now();
  write_all(r.unwritten, r);
  r.unwritten.clear();
  r.timings.write = ms_since(start);
}

}  // namespace broadside::batch
