// pdfx_level.hpp — which PDF/X standard to write; kept apart from pdfx.hpp so callers of
// finish_pdf need no qpdf headers.
#pragma once

namespace broadside::prepress {

/// none: a plain PDF; x4: PDF/X-4 (ISO 15930-7); x1a: PDF/X-1a:2003 (ISO 15930-4).
enum class PdfxLevel { none, x4, x1a };

}  // namespace broadside::prepress
