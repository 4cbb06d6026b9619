// preflight.cpp — which checks run where: everything from the composition after a render, the
// file's own checks always, and the design checks on a bare PDF only with --design.
#include "preflight/preflight.hpp"

#include "preflight/composition_checks.hpp"
#include "preflight/content_checks.hpp"
#include "preflight/pdf_checks.hpp"
#include "preflight/pdfx_checks.hpp"

namespace broadside::preflight {

namespace {

bool has_images(const compose::Composition& composition) {
  for (const auto& page : composition.pages)
    for (const auto& item : page.items)
      if (std::holds_alternative<compose::Image>(item)) return true;
  return false;
}

}  // namespace

RenderedInspection rendered_inspection(const compose::Composition& composition, bool cmyk) {
  // The composition checks every image from its file; the PDF's content streams are only
  // walked when there are images, to see them as the PDF places them.
  return {has_images(composition), cmyk};
}

Report preflight_rendered(const compose::Composition& composition, const std::string& pdf,
                          const prepress::CmykConverter* converter, const Limits& limits) {
  const RenderedInspection wanted = rendered_inspection(composition, converter != nullptr);
  return preflight_rendered(composition, prepress::inspect_pdf(pdf, wanted.images, wanted.colors),
                            converter, limits);
}

Report preflight_rendered(const compose::Composition& composition,
                          const prepress::PdfInspection& pdf,
                          const prepress::CmykConverter* converter, const Limits& limits) {
  Report report(limits);
  PdfCheckOptions options;
  options.cmyk = converter != nullptr;
  options.images = rendered_inspection(composition, *options.cmyk).images;
  check_pdf(pdf, options, report);
  check_composition(composition, converter, report);
  return report;
}

Report preflight_file(const std::filesystem::path& pdf, const prepress::PdfInspection& inspection,
                      const compose::Composition* composition,
                      const prepress::CmykConverter* converter, const Limits& limits,
                      const core::Limits& read_limits) {
  Report report(limits);
  PdfCheckOptions options;
  options.file = pdf;
  options.read_limits = read_limits;
  options.raster_ink = true;
  check_file(inspection, report);
  check_pdf(inspection, options, report);
  check_bleed(inspection, report);
  check_content(inspection, report);
  check_pdfx(inspection, report);
  if (composition) {
    // The file says what it prints; the design adds only what a PDF cannot say: where it
    // folds, which characters had no glyph, what text did not fit.
    Report design(limits);
    check_composition(*composition, converter, design);
    auto from_design = [](Check c) {
      return c == Check::folds || c == Check::glyphs || c == Check::overflow;
    };
    for (const auto& f : design.findings())
      if (from_design(f.check)) report.add(f);
    for (const auto& line : design.summary()) {
      if (!from_design(line.check)) continue;
      if (line.status == Status::skipped)
        report.skip(line.check, line.note);
      else
        report.ran(line.check, line.note + (line.note.empty() ? "" : "; ") + "from --design");
    }
    return report;
  }
  report.skip(Check::folds, "needs --design: a PDF does not say where it folds");
  report.skip(Check::glyphs, "needs --design: checked when broadside lays the statement out");
  report.skip(Check::overflow, "needs --design: checked when broadside lays the statement out");
  return report;
}

}  // namespace broadside::preflight
