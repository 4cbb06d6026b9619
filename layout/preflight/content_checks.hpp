// content_checks.hpp — the checks read from what a PDF's content streams paint, so a file from
// any program gets them: text size, hairlines, the safe zone, overprint, registration colour and
// rich black in small text.
#pragma once

#include "preflight/report.hpp"
#include "prepress/pdf_inspect.hpp"

namespace broadside::preflight {

/// Runs the content checks on `pdf.content` (read by prepress::inspect_pdf with images on).
void check_content(const prepress::PdfInspection& pdf, Report& report);

/// `b` in trim coordinates (points from the trim's top-left), for the proof.
core::Rect in_trim(const prepress::PdfPage& page, const prepress::PdfBox& b);

}  // namespace broadside::preflight
