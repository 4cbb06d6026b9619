// pdfx_checks.cpp — which PDF/X the file claims, and each requirement of that part of ISO 15930
// that the file's structure shows (the content checks and the font, colour and box checks cover
// the rest). Requirements are named by the standard and their subject.
#include "preflight/pdfx_checks.hpp"

#include <fmt/format.h>

namespace broadside::preflight {

namespace {

enum class Part { x1a, x3, x4, unknown };

struct Claim {
  Part part = Part::unknown;
  std::string version;   // as claimed ("PDF/X-4")
  std::string standard;  // "ISO 15930-7 (PDF/X-4)"
  /// The newest PDF version the part allows.
  std::string max_pdf = "1.6";
};

Claim claim_of(const std::string& version) {
  Claim c;
  c.version = version;
  if (version.find("X-4") != std::string::npos) {
    c.part = Part::x4;
    c.standard = "ISO 15930-7 (PDF/X-4)";
    c.max_pdf = "1.6";
  } else if (version.find("X-1a") != std::string::npos) {
    c.part = Part::x1a;
    const bool y2001 = version.find("2001") != std::string::npos;
    c.standard = y2001 ? "ISO 15930-1 (PDF/X-1a:2001)" : "ISO 15930-4 (PDF/X-1a:2003)";
    c.max_pdf = y2001 ? "1.3" : "1.4";
  } else if (version.find("X-3") != std::string::npos) {
    c.part = Part::x3;
    const bool y2002 = version.find("2002") != std::string::npos;
    c.standard = y2002 ? "ISO 15930-3 (PDF/X-3:2002)" : "ISO 15930-6 (PDF/X-3:2003)";
    c.max_pdf = y2002 ? "1.3" : "1.4";
  } else {
    c.standard = "ISO 15930 (PDF/X)";
  }
  return c;
}

}  // namespace

std::string xmp_property(const std::string& xmp, const std::string& property) {
  // <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>
  const std::string open = "<" + property + ">";
  if (auto at = xmp.find(open); at != std::string::npos) {
    const auto start = at + open.size();
    const auto end = xmp.find("</" + property, start);
    if (end != std::string::npos) return xmp.substr(start, end - start);
  }
  // pdfxid:GTS_PDFXVersion="PDF/X-4"
  const std::string attribute = property + "=";
  if (auto at = xmp.find(attribute);
      at != std::string::npos && at + attribute.size() < xmp.size()) {
    const char quote = xmp[at + attribute.size()];
    const auto start = at + attribute.size() + 1;
    const auto end = xmp.find(quote, start);
    if ((quote == '"' || quote == '\'') && end != std::string::npos)
      return xmp.substr(start, end - start);
  }
  return "";
}

void check_pdfx(const prepress::PdfInspection& pdf, Report& report) {
  const std::string xmp_version = xmp_property(pdf.xmp, "pdfxid:GTS_PDFXVersion");
  bool x_intent = false;
  for (const auto& oi : pdf.output_intents) x_intent = x_intent || oi.subtype == "GTS_PDFX";
  if (pdf.pdfx_version.empty() && xmp_version.empty() && !x_intent) {
    report.skip(Check::pdfx, "the file does not claim PDF/X");
    return;
  }
  const Claim claim = claim_of(!pdf.pdfx_version.empty() ? pdf.pdfx_version : xmp_version);
  auto fail = [&](const std::string& requirement, const std::string& message, int page = 0) {
    report.add({core::Severity::error, Check::pdfx, page, "",
                fmt::format("{}, {}: {}", claim.standard, requirement, message), std::nullopt});
  };

  // Identification: the Info key and (X-4, and any writer since 2003) the XMP property.
  if (claim.part == Part::unknown)
    fail("version identification",
         pdf.pdfx_version.empty() && xmp_version.empty()
             ? "a PDF/X output intent but no GTS_PDFXVersion in the Info dictionary or XMP"
             : "GTS_PDFXVersion '" + claim.version + "' names no PDF/X part preflight knows");
  if (pdf.pdfx_version.empty() && claim.part != Part::unknown)
    fail("version identification", "no GTS_PDFXVersion in the document Info dictionary");
  if (claim.part == Part::x4 && xmp_version.empty())
    fail("metadata", "no pdfxid:GTS_PDFXVersion in the XMP metadata");
  if (!xmp_version.empty() && !pdf.pdfx_version.empty() && xmp_version != pdf.pdfx_version)
    fail("metadata",
         "the XMP says '" + xmp_version + "', the Info dictionary '" + pdf.pdfx_version + "'");

  // Trapping state: True or False, never Unknown or absent; the XMP agrees.
  if (pdf.trapped.empty())
    fail("trapping key", "no /Trapped in the Info dictionary (it must be True or False)");
  else if (pdf.trapped != "True" && pdf.trapped != "False")
    fail("trapping key", "/Trapped is '" + pdf.trapped + "'; it must be True or False");
  const std::string xmp_trapped = xmp_property(pdf.xmp, "pdf:Trapped");
  if (claim.part == Part::x4 && !pdf.trapped.empty() && xmp_trapped != pdf.trapped)
    fail("metadata", "the XMP's pdf:Trapped ('" + xmp_trapped +
                         "') does not match the Info dictionary's /Trapped");

  // File structure.
  if (!pdf.has_trailer_id) fail("file identifier", "no /ID in the trailer");
  if (pdf.encrypted) fail("encryption", "the file is encrypted; PDF/X forbids encryption");
  if (!pdf.pdf_version.empty() && pdf.pdf_version > claim.max_pdf)
    fail("PDF version",
         "the file is PDF " + pdf.pdf_version + "; this part allows up to " + claim.max_pdf);

  // Output intent: one, for PDF/X, with an embedded profile of the printing condition.
  int x_intents = 0;
  for (const auto& oi : pdf.output_intents) {
    if (oi.subtype != "GTS_PDFX") continue;
    ++x_intents;
    if (oi.condition.empty())
      fail("output intent", "the output intent has no OutputConditionIdentifier");
    if (!oi.has_profile)
      fail("output intent",
           "the output intent embeds no DestOutputProfile (the press's ICC profile)");
    else if (oi.profile_components != 4)
      report.add({claim.part == Part::x4 ? core::Severity::warning : core::Severity::error,
                  Check::pdfx, 0, "",
                  fmt::format("{}, output intent: the profile has {} components, not a CMYK "
                              "press profile",
                              claim.standard, oi.profile_components),
                  std::nullopt});
  }
  if (x_intents == 0) fail("output intent", "no GTS_PDFX output intent in the catalog");
  if (x_intents > 1) fail("output intent", "more than one GTS_PDFX output intent");

  // Pages: a TrimBox (or ArtBox) on each, and no annotation in the printed area.
  for (const auto& page : pdf.pages)
    if (!page.trim) fail("page boxes", "the page has no TrimBox", page.number);
  for (const auto& a : pdf.annotations) {
    if (a.subtype == "PrinterMark" || a.subtype == "TrapNet") continue;
    const auto& page = pdf.pages[static_cast<size_t>(a.page - 1)];
    const prepress::PdfBox trim = page.trim ? *page.trim : page.media;
    if (!a.rect || a.rect->overlaps(trim))
      fail("annotations",
           (a.subtype.empty() ? std::string("an") : "a " + a.subtype) +
               " annotation inside the trim (only printer's marks may lie there)",
           a.page);
  }

  // Transparency: X-4 is the part made for it; the older parts forbid it.
  if (claim.part != Part::x4 && claim.part != Part::unknown)
    for (const auto& t : pdf.content.transparency) fail("transparency", t + " is not allowed");

  report.ran(Check::pdfx, "as " + claim.version);
}

}  // namespace broadside::preflight
