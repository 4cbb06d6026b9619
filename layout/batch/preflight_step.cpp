// preflight_step.cpp — preflight::preflight_rendered, reported the way every other problem is.
#include "batch/preflight_step.hpp"

#include <chrono>

#include "preflight/composition_checks.hpp"
#include "preflight/preflight.hpp"

namespace broadside::batch {

Inspect preflight_inspect(const compose::Composition& composition, const PrintJob& print) {
  const auto wanted = preflight::rendered_inspection(composition, print.profile.has_value());
  return {wanted.images, wanted.colors};
}

double preflight_output(const compose::Composition& composition, const prepress::PdfInspection& pdf,
                        const PrintJob& print, const std::filesystem::path& file,
                        const preflight::Limits& limits, core::Diagnostics& diags) {
  const auto start = std::chrono::steady_clock::now();
  std::optional<prepress::CmykConverter> converter;
  if (print.profile) converter.emplace(*print.profile);
  const preflight::Report report =
      preflight::preflight_rendered(composition, pdf, converter ? &*converter : nullptr, limits);
  const core::SourceLocation where{file.string()};
  for (const auto& [f, more] : preflight::group_alike(report.findings())) {
    // Each image's resolution was already reported by the render's own image check, at the
    // image's line in the design and with the same thresholds; preflight finds it twice more
    // (from the composition and from the PDF), which would make one image three warnings.
    if (f->check == preflight::Check::images) continue;
    // Invisible text and unscannable QR codes were reported by check_visibility, before the
    // render, with how to fix them.
    if (f->check == preflight::Check::color && f->page > 0) continue;
    core::Diagnostic d;
    d.severity = f->severity;
    d.where = where;
    d.message =
        "preflight: " + preflight::describe(*f, more) + " [" + preflight::check_id(f->check) + "]";
    diags.add(std::move(d));
  }
  if (!report.passed())
    diags.add({core::Severity::note, where, "preflight failed, so nothing was written",
               "to see where, render again with --no-preflight, which writes it anyway, then "
               "run `broadside preflight " +
                   file.string() + " --proof proof.png`"});
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

bool check_visibility(const compose::Composition& composition, const std::filesystem::path& design,
                      const preflight::Limits& limits, core::Diagnostics& diags) {
  preflight::Report report(limits);
  // Without a press profile: contrast is judged on the colours as designed, which is what a
  // reader sees on screen and, near enough, on paper.
  preflight::check_composition(composition, nullptr, report);
  bool visible = true;
  for (const auto& f : report.findings()) {
    if (f.check != preflight::Check::color || f.severity != core::Severity::error) continue;
    const bool is_qr = f.object == "the QR code";
    // At the frame when composing knew it, so an editor can jump there.
    diags.error(f.where.is_known() ? f.where : core::SourceLocation{design.string()},
                preflight::describe(f),
                is_qr ? "give the QR frame a dark `color`, or put it on a light `background`"
                      : "change the text's style `color`, or the `background` under it, so the "
                        "two differ");
    visible = false;
  }
  return visible;
}

}  // namespace broadside::batch
