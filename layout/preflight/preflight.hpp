// preflight.hpp — the print shop's checks, run after every render and on any PDF: what the file
// says for itself (boxes, fonts, colour, images, ink) and, when the layout is known, what is on
// the page (text sizes, rules, safe zone, folds).
#pragma once

#include <filesystem>
#include <string>

#include "compose/composition.hpp"
#include "core/limits.hpp"
#include "preflight/report.hpp"
#include "prepress/icc.hpp"
#include "prepress/pdf_inspect.hpp"

namespace broadside::preflight {

/// After a render: the composition it was drawn from, and the finished PDF's bytes. `converter`
/// is the press profile for CMYK output, nullptr for RGB. Cheap enough for every render: the PDF
/// is read once without its content streams (the composition knows every image), and no
/// Ghostscript.
Report preflight_rendered(const compose::Composition& composition, const std::string& pdf,
                          const prepress::CmykConverter* converter, const Limits& limits);

/// What preflight_rendered reads of the PDF for `composition` (inspect_pdf's flags): the
/// content streams only when there are images, the colour spaces only for CMYK output.
struct RenderedInspection {
  bool images = true, colors = true;
};
RenderedInspection rendered_inspection(const compose::Composition& composition, bool cmyk);

/// As above, from an inspection made with rendered_inspection's flags (prepress::finish_pdf
/// inspects the document it finished, so a batch does not parse each PDF it wrote again).
Report preflight_rendered(const compose::Composition& composition,
                          const prepress::PdfInspection& pdf,
                          const prepress::CmykConverter* converter, const Limits& limits);

/// A PDF file on its own. `composition` is the design laid out again (`--design`): with it the
/// checks that need to know what is on the page run too; without it they are listed as not run.
/// Total ink comes from a Ghostscript rendering of the file when it is CMYK, its plates read
/// within `read_limits` (the run's --limit).
Report preflight_file(const std::filesystem::path& pdf, const prepress::PdfInspection& inspection,
                      const compose::Composition* composition,
                      const prepress::CmykConverter* converter, const Limits& limits,
                      const core::Limits& read_limits = core::Limits{});

}  // namespace broadside::preflight
