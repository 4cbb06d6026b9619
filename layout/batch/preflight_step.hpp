// preflight_step.hpp — the preflight run after a render: every finding becomes a diagnostic on
// the output file, so a failed preflight fails the job and nothing is written.
#pragma once

#include <filesystem>
#include <string>

#include "batch/print_pdf.hpp"
#include "compose/composition.hpp"
#include "core/diagnostic.hpp"
#include "preflight/report.hpp"

namespace broadside::batch {

/// Preflights the finished PDF written for `file` from `composition`, as `pdf` inspected it
/// (print_pdf with preflight_inspect's flags); findings go to `diags` (errors as errors).
/// Returns the milliseconds it took.
double preflight_output(const compose::Composition& composition, const prepress::PdfInspection& pdf,
                        const PrintJob& print, const std::filesystem::path& file,
                        const preflight::Limits& limits, core::Diagnostics& diags);

/// What preflight_output reads of the PDF printed from `composition` for `print`.
Inspect preflight_inspect(const compose::Composition& composition, const PrintJob& print);

/// What no output can fix, found in the composition before anything is drawn: text in the
/// colour of the ground under it and QR codes that will not scan (preflight's colour check).
/// Errors at `design`, each with how to fix it, so that `check`, a PNG render and a PDF
/// render all report them, once. Returns false when it found one.
bool check_visibility(const compose::Composition& composition, const std::filesystem::path& design,
                      const preflight::Limits& limits, core::Diagnostics& diags);

}  // namespace broadside::batch
