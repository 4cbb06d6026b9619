// pdf_checks.hpp — the checks a finished PDF can answer on its own: page boxes, embedded fonts,
// RGB in a CMYK file, image resolution, and (with Ghostscript) total ink.
#pragma once

#include <filesystem>
#include <optional>

#include "core/limits.hpp"
#include "preflight/report.hpp"
#include "prepress/pdf_inspect.hpp"

namespace broadside::preflight {

struct PdfCheckOptions {
  /// True: the file must be CMYK (any RGB is an error). False: RGB by choice, not checked.
  /// Unset: judged from the file (an output intent, CMYK or spot colours mean a press file).
  std::optional<bool> cmyk;
  /// Check placed images from the content streams.
  bool images = true;
  /// Measure total ink by rendering `file` with Ghostscript (a CMYK file only).
  bool raster_ink = false;
  std::filesystem::path file;
  /// The run's limits, for reading Ghostscript's plates (--limit file-bytes raises them).
  core::Limits read_limits;
};

/// What a person's file says about itself before any print check: damage qpdf repaired, no
/// pages, printing not allowed, content too complex to walk. Not for broadside's own PDFs.
void check_file(const prepress::PdfInspection& pdf, Report& report);

/// Art that reaches the trim edge with less than 3 mm of bleed (a warning, from the content's
/// painted objects).
void check_bleed(const prepress::PdfInspection& pdf, Report& report);

void check_pdf(const prepress::PdfInspection& pdf, const PdfCheckOptions& options, Report& report);

}  // namespace broadside::preflight
