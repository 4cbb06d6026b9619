// pdfx.hpp — PDF/X-4 and PDF/X-1a:2003: output intent, identification keys, XMP metadata, and
// the checks that make the claim honest (fonts embedded, no RGB, no transparency for X-1a).
#pragma once

#include <qpdf/QPDF.hh>

#include <string>

#include "prepress/icc.hpp"
#include "prepress/pdfx_level.hpp"

namespace broadside::prepress {

/// The printing condition the output intent names.
struct OutputCondition {
  std::string identifier;  // "FOGRA39", or "Custom"
  std::string condition;   // human-readable
  std::string registry;    // "http://www.color.org" for registered conditions, else empty
};

/// FOGRA39 for a profile that says it is one (the bundled profile is built from the FOGRA39L
/// characterisation data), "Custom" named by its description otherwise. The profile is
/// always embedded, so either is a valid PDF/X output intent.
OutputCondition output_condition_for(const IccProfile& profile);

struct PdfxOptions {
  PdfxLevel level = PdfxLevel::none;
  const IccProfile* profile = nullptr;
  /// Used when the document has no title (PDF/X requires one).
  std::string fallback_title;
  /// Seeds the XMP document and instance IDs; derived from the content so they are stable.
  std::string id_seed;
};

/// Turns an already CMYK `doc` into PDF/X at `options.level`: output intent, Info keys
/// (GTS_PDFXVersion, Trapped, dates in full form), XMP metadata, and no annotations on the
/// printed area (PDF/X forbids them; links mean nothing on paper). core::Failure when the file
/// cannot honestly be PDF/X: a font not embedded, RGB left, or transparency for X-1a.
void make_pdfx(QPDF& doc, const PdfxOptions& options);

/// The PDF version to write for a level ("1.4" for X-1a, "" to keep cairo's).
std::string pdfx_version_for(PdfxLevel level);

}  // namespace broadside::prepress
