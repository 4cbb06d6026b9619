// print_pdf.cpp — print settings resolved, marks added, colours keyed, rendered and finished.
#include "batch/print_pdf.hpp"

#include <algorithm>
#include <chrono>
#include <memory>

#include "compose/layers.hpp"
#include "compose/marks.hpp"
#include "core/diagnostic.hpp"
#include "prepress/finish.hpp"
#include "render/colors.hpp"
#include "render/pdf.hpp"
#include "render/same_drawing.hpp"

namespace broadside::batch {

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

prepress::PdfxLevel level_of(design::PdfxMode mode) {
  switch (mode) {
    case design::PdfxMode::x4:
      return prepress::PdfxLevel::x4;
    case design::PdfxMode::x1a:
      return prepress::PdfxLevel::x1a;
    case design::PdfxMode::none:
      break;
  }
  return prepress::PdfxLevel::none;
}

/// Whether two jobs' settings finish a PDF the same (marks and slug are in the composition).
bool is_same_print(const PrintJob& a, const PrintJob& b) {
  if (a.color != b.color || a.pdfx != b.pdfx || a.design_name != b.design_name ||
      a.lang != b.lang || a.date != b.date || a.profile.has_value() != b.profile.has_value())
    return false;
  return !a.profile ||
         (a.profile->bytes == b.profile->bytes && a.profile->description == b.profile->description);
}

bool is_same_inspect(const std::optional<Inspect>& a, const std::optional<Inspect>& b) {
  return a.has_value() == b.has_value() &&
         (!a || (a->images == b->images && a->colors == b->colors));
}

/// The last PDF a thread printed, and what from. One per thread: a batch worker renders its
/// rows one after another, and the memory is one composition and one file.
struct LastPrinted {
  std::unique_ptr<render::Drawing> drawing;
  PrintJob job;
  std::optional<Inspect> inspect;
  PrintedPdf pdf;
};

/// A fixed layer a thread drew, and what from: the rows of a merge share it as long as their
/// fixed items, print settings and colours are the same.
struct KeptFixed {
  std::unique_ptr<render::Drawing> drawing;
  PrintJob job;
  std::vector<core::Color> colors;
  std::unique_ptr<prepress::FixedLayer> layer;
};

/// Fixed layers kept per thread: a merge's rows may move the fixed items between a few places
/// (a meeting place on one line or two moves the headline above it).
constexpr size_t kKeptFixedLayers = 4;

/// The fixed layer of `fixed`, drawn and read only when the thread has not kept it.
const prepress::FixedLayer& fixed_layer(const compose::Composition& fixed, const PrintJob& job,
                                        const std::vector<core::Color>& colors,
                                        const render::PdfOptions& pdf,
                                        const prepress::FinishOptions& finish,
                                        const core::Options& options) {
  thread_local std::vector<KeptFixed> kept;  // the most recently used first
  for (auto it = kept.begin(); it != kept.end(); ++it)
    if (is_same_print(it->job, job) && it->colors == colors &&
        it->drawing->is_same(fixed, options)) {
      std::rotate(kept.begin(), it, it + 1);
      return *kept.front().layer;
    }
  // Pins the images first: one that cannot be read fails here as drawing it would.
  KeptFixed made;
  made.drawing = std::make_unique<render::Drawing>(fixed, options);
  made.layer = std::make_unique<prepress::FixedLayer>(render::render_pdf(fixed, pdf, options),
                                                      finish.cmyk ? &finish.cmyk->profile : nullptr,
                                                      finish.cmyk ? &finish.cmyk->colors : nullptr);
  made.job = job;
  made.colors = colors;
  if (kept.size() == kKeptFixedLayers) kept.pop_back();
  kept.insert(kept.begin(), std::move(made));
  return *kept.front().layer;
}

}  // namespace

std::filesystem::path bundled_icc_profile(const core::Options& options) {
  return options.data_dir / "data" / "icc" / "broadside-fogra39l.icc";
}

std::optional<PrintJob> prepare_print(const design::Design& design, const std::string& lang,
                                      const PrintOverrides& overrides, std::string date,
                                      const core::Options& options, core::Diagnostics& diags) {
  PrintJob job;
  job.marks = overrides.marks.value_or(design.marks);
  job.slug = overrides.marks ? design::slug_for(design.slug, job.marks) : design.geometry.slug;
  job.pdfx = overrides.pdfx.value_or(design.output.pdfx);
  // An explicit --color rgb wins over the design's PDF/X (which would need CMYK).
  if (overrides.color == design::ColorMode::rgb && !overrides.pdfx)
    job.pdfx = design::PdfxMode::none;
  job.color = overrides.color.value_or(design.output.color);
  // PDF/X allows no RGB without a profile, and a profile is only for CMYK output.
  if (job.pdfx != design::PdfxMode::none || !overrides.icc.empty())
    job.color = design::ColorMode::cmyk;
  if (job.color == design::ColorMode::cmyk) {
    job.profile = prepress::load_icc_profile(
        overrides.icc.empty() ? bundled_icc_profile(options) : overrides.icc, options.limits,
        diags);
    if (!job.profile) return std::nullopt;
  }
  job.design_name = design.name;
  job.lang = lang;
  job.date = std::move(date);
  return job;
}

PrintedPdf print_pdf(const compose::Composition& composition, const PrintJob& job,
                     const std::filesystem::path& file, text::Typesetter& typesetter,
                     const core::Options& options, std::optional<Inspect> inspect) {
  PrintedPdf out;
  auto start = Clock::now();
  const compose::Composition printed = compose::with_marks(
      composition, job.marks, job.slug,
      {file.filename().string(), job.design_name, job.lang, job.date.substr(0, 10)}, typesetter);
  thread_local LastPrinted last;
  if (last.drawing && is_same_inspect(last.inspect, inspect) && is_same_print(last.job, job) &&
      last.drawing->is_same(printed, options)) {
    out = last.pdf;
    out.render_ms = ms_since(start);
    out.prepress_ms = 0;
    out.is_reused = true;
    return out;
  }
  last.drawing.reset();  // stale while this one is made: a throw below leaves no memo
  prepress::FinishOptions finish;
  finish.lang = job.lang;
  finish.producer = "broadside " BROADSIDE_VERSION " (cairo, qpdf)";
  render::PdfOptions pdf{job.date, "broadside " BROADSIDE_VERSION, {}};
  const std::vector<core::Color> colors = render::colors_of(printed);
  if (job.profile) {
    // Exact design colours are drawn with unique RGB keys that prepress turns back into them.
    finish.cmyk = prepress::FinishOptions::Cmyk{*job.profile, prepress::ColorTable(colors)};
    pdf.colors = [&keys = finish.cmyk->colors](const core::Color& c) { return keys.draw_rgb(c); };
    finish.producer = "broadside " BROADSIDE_VERSION " (cairo, qpdf, lcms2)";
  }
  finish.pdfx = level_of(job.pdfx);
  finish.fallback_title = job.design_name;
  for (const auto& page : printed.pages) finish.pages.push_back(page.geometry);
  std::string raw;
  std::optional<compose::Layers> layers;
  if (!printed.pages.empty() && printed.pages.front().varying)
    layers = compose::split_layers(printed);
  // Nothing fixed (every frame varies or lies under one that does): one layer, as a design
  // without variables.
  if (layers && std::all_of(layers->fixed.pages.begin(), layers->fixed.pages.end(),
                            [](const compose::Page& p) { return p.items.empty(); }))
    layers.reset();
  if (layers) {
    finish.fixed = &fixed_layer(layers->fixed, job, colors, pdf, finish, options);
    raw = render::render_pdf(layers->varying, pdf, options);
  } else {
    raw = render::render_pdf(printed, pdf, options);
  }
  out.render_ms = ms_since(start);
  start = Clock::now();
  if (inspect) {
    finish.inspect_images = inspect->images;
    finish.inspect_colors = inspect->colors;
    out.inspection.emplace();
  }
  out.bytes = prepress::finish_pdf(raw, finish, out.inspection ? &*out.inspection : nullptr);
  out.prepress_ms = ms_since(start);
  try {
    last.job = job;
    last.inspect = inspect;
    last.pdf = out;
    last.drawing = std::make_unique<render::Drawing>(printed, options);
  } catch (const core::Failure&) {
    // An image that cannot be read again: this PDF is good, only not kept for the next one.
  }
  return out;
}

}  // namespace broadside::batch
