// preflight.cpp — which checks run where: everything from the composition after a render, the
// file's own checks always, and the design checks on a bare PDF only with --design.
#include "preflight/preflight.hpp"

#include "preflight/composition_checks.hpp"
#include "preflight/pdf_checks.hpp"

namespace broadside::preflight {

namespace {

bool has_images(const compose::Composition& composition) {
  for (const auto& page : composition.pages)
    for (const auto& item : page.items)
      if (std::holds_alternative<compose::Image>(item)) return true;
  return false;
}

}  // namespace

Report preflight_rendered(const compose::Composition& composition, const std::string& pdf,
                          const prepress::CmykConverter* converter, const Limits& limits) {
  Report report(limits);
  PdfCheckOptions options;
  options.cmyk = converter != nullptr;
  // The composition checks every image from its file; the PDF's content streams are only
  // walked when there are images, to see them as the PDF places them.
  options.images = has_images(composition);
  check_pdf(prepress::inspect_pdf(pdf, options.images, *options.cmyk), options, report);
  check_composition(composition, converter, report);
  return report;
}

Report preflight_file(const std::filesystem::path& pdf, const prepress::PdfInspection& inspection,
                      const compose::Composition* composition,
                      const prepress::CmykConverter* converter, const Limits& limits) {
  Report report(limits);
  PdfCheckOptions options;
  options.file = pdf;
  options.raster_ink = true;
  check_pdf(inspection, options, report);
  if (composition) {
    // The file's ink was measured from its pixels; the design's colours say the same less well.
    Report design(limits);
    check_composition(*composition, converter, design);
    for (const auto& f : design.findings())
      if (f.check != Check::ink) report.add(f);
    for (const auto& line : design.summary()) {
      if (line.check == Check::ink || line.check == Check::images) continue;
      if (line.status == Status::skipped)
        report.skip(line.check, line.note);
      else
        report.ran(line.check, line.note + (line.note.empty() ? "" : "; ") + "from --design");
    }
    return report;
  }
  report.skip(Check::text_size, "needs --design: sizes come from the layout, not PDF operators");
  report.skip(Check::rules, "needs --design: rule weights come from the layout");
  report.skip(Check::safe_zone, "needs --design: a PDF does not say what is text, code or logo");
  report.skip(Check::folds, "needs --design: a PDF does not say where it folds");
  report.skip(Check::glyphs, "needs --design: checked when broadside lays the statement out");
  report.skip(Check::overflow, "needs --design: checked when broadside lays the statement out");
  return report;
}

}  // namespace broadside::preflight
