// pdfx_checks.hpp — PDF/X conformance of a file that claims it (a GTS_PDFXVersion, or a GTS_PDFX
// output intent): the document-level requirements of PDF/X-1a (ISO 15930-1 and -4) and PDF/X-4
// (ISO 15930-7), each failure naming the requirement it breaks.
#pragma once

#include "preflight/report.hpp"
#include "prepress/pdf_inspect.hpp"

namespace broadside::preflight {

void check_pdfx(const prepress::PdfInspection& pdf, Report& report);

/// The value of `property` ("pdfxid:GTS_PDFXVersion") in an XMP packet, as an element or an
/// attribute; empty when absent.
std::string xmp_property(const std::string& xmp, const std::string& property);

}  // namespace broadside::preflight
