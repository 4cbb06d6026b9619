// proof.hpp — proof images for a designer: each page of a PDF as Ghostscript renders it, with the
// trim, the bleed's edge, the safe zone, the folds and a box round every finding drawn over it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "preflight/report.hpp"
#include "prepress/pdf_inspect.hpp"

namespace broadside::preflight {

/// PNG bytes, one per page of `pdf`, at `dpi`; `folds` gives each page's folds (empty without
/// --design). core::Failure when Ghostscript fails.
std::vector<std::string> proof_from_pdf(const std::filesystem::path& pdf,
                                        const prepress::PdfInspection& inspection,
                                        const std::vector<std::vector<core::Pt>>& folds,
                                        const Report& report, int dpi);

/// One greyscale PNG per plate of each page, as Ghostscript's tiffsep separates it (overprint
/// simulated): file names (`p1-Cyan.png`) and PNG bytes, dark where the plate carries ink.
/// core::Failure when Ghostscript fails.
std::vector<std::pair<std::string, std::string>> separations_from_pdf(
    const std::filesystem::path& pdf, const prepress::PdfInspection& inspection, int dpi);

}  // namespace broadside::preflight
