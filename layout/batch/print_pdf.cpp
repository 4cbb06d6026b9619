// print_pdf.cpp — print settings resolved, marks added, colours keyed, rendered and finished.
#include "batch/print_pdf.hpp"

#include <chrono>

#include "compose/marks.hpp"
#include "prepress/finish.hpp"
#include "render/colors.hpp"
#include "render/pdf.hpp"

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
  prepress::FinishOptions finish;
  finish.lang = job.lang;
  finish.producer = "broadside " BROADSIDE_VERSION " (cairo, qpdf)";
  render::PdfOptions pdf{job.date, "broadside " BROADSIDE_VERSION, {}};
  if (job.profile) {
    // Exact design colours are drawn with unique RGB keys that prepress turns back into them.
    finish.cmyk = prepress::FinishOptions::Cmyk{*job.profile,
                                                prepress::ColorTable(render::colors_of(printed))};
    pdf.colors = [&keys = finish.cmyk->colors](const core::Color& c) { return keys.draw_rgb(c); };
    finish.producer = "broadside " BROADSIDE_VERSION " (cairo, qpdf, lcms2)";
  }
  finish.pdfx = level_of(job.pdfx);
  finish.fallback_title = job.design_name;
  for (const auto& page : printed.pages) finish.pages.push_back(page.geometry);
  const std::string raw = render::render_pdf(printed, pdf, options);
  out.render_ms = ms_since(start);
  start = Clock::now();
  if (inspect) {
    finish.inspect_images = inspect->images;
    finish.inspect_colors = inspect->colors;
    out.inspection.emplace();
  }
  out.bytes = prepress::finish_pdf(raw, finish, out.inspection ? &*out.inspection : nullptr);
  out.prepress_ms = ms_since(start);
  return out;
}

}  // namespace broadside::batch
