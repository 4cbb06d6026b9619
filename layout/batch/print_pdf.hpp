// print_pdf.hpp — a composition as a print PDF: marks in the slug (compose's last step), then
// cairo, then prepress (page boxes, CMYK with the design's exact colours, PDF/X). Settings come
// from the design, and the command line overrides them.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "compose/composition.hpp"
#include "design/design.hpp"
#include "prepress/icc.hpp"
#include "prepress/pdf_inspect.hpp"
#include "text/typesetter.hpp"

namespace broadside::batch {

/// Command-line print settings; unset ones come from the design.
struct PrintOverrides {
  std::optional<design::PrintMarks> marks;
  std::optional<design::ColorMode> color;
  std::optional<design::PdfxMode> pdfx;
  /// Empty: the bundled press profile (data/icc).
  std::filesystem::path icc;
};

/// Everything a job's PDFs share, resolved once per job.
struct PrintJob {
  design::PrintMarks marks;
  core::Pt slug{0};
  design::ColorMode color = design::ColorMode::rgb;
  design::PdfxMode pdfx = design::PdfxMode::none;
  /// Set for CMYK output.
  std::optional<prepress::IccProfile> profile;
  std::string design_name, lang;
  /// ISO 8601 creation date.
  std::string date;
};

/// Resolves the settings (PDF/X implies CMYK; marks give the slug a default) and reads the ICC
/// profile when CMYK is wanted or one is named; nullopt after reporting a profile that cannot
/// be used, before anything is rendered.
std::optional<PrintJob> prepare_print(const design::Design& design, const std::string& lang,
                                      const PrintOverrides& overrides, std::string date,
                                      const core::Options& options, core::Diagnostics& diags);

/// The bundled press profile, in `options.data_dir`.
std::filesystem::path bundled_icc_profile(const core::Options& options);

struct PrintedPdf {
  std::string bytes;
  /// With print_pdf's `inspect`: what inspect_pdf would read from `bytes`.
  std::optional<prepress::PdfInspection> inspection;
  double render_ms = 0, prepress_ms = 0;
  /// The bytes (and inspection) of this thread's previous PDF, which drew the same: nothing
  /// was drawn or finished again.
  bool is_reused = false;
};

/// What of the finished PDF to inspect (inspect_pdf's flags), for a preflight.
struct Inspect {
  bool images = true, colors = true;
};

/// Renders `composition` for `file` (named in the slug line) and finishes it for print; with
/// `inspect`, inspects the finished document too (in memory, no second parse). When the marked
/// composition draws the same as the thread's previous one with the same settings (a data
/// merge's rows that do not use their values), returns that PDF's bytes again: the same bytes
/// drawing and finishing would give, at a fraction of the cost.
PrintedPdf print_pdf(const compose::Composition& composition, const PrintJob& job,
                     const std::filesystem::path& file, text::Typesetter& typesetter,
                     const core::Options& options, std::optional<Inspect> inspect = std::nullopt);

}  // namespace broadside::batch
