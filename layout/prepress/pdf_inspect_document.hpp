// pdf_inspect_document.hpp — inspect_pdf over a document qpdf already holds (prepress-internal:
// finish_pdf inspects what it finished without parsing its bytes again).
#pragma once

#include <qpdf/QPDF.hh>

#include "prepress/pdf_inspect.hpp"

namespace broadside::prepress {

/// What inspect_pdf reads from a PDF's bytes, read from `doc`; `images` and `colors` as there.
void inspect_document(QPDF& doc, bool images, bool colors, PdfInspection& out);

}  // namespace broadside::prepress
