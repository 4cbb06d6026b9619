// pdf_inspect.hpp — what preflight reads from a finished PDF (qpdf): page boxes, fonts and
// whether each is embedded, colour spaces, and every placed image with its effective resolution.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace broadside::prepress {

/// A rectangle in PDF space (points, y up, as the file gives it).
struct PdfBox {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  /// True when `inner` lies inside, allowing `tolerance` points of rounding.
  bool contains(const PdfBox& inner, double tolerance = 0.01) const;
};

struct PdfPage {
  int number = 0;  // 1-based
  PdfBox media;
  /// As written on the page; nullopt when the key is absent.
  std::optional<PdfBox> trim, bleed;
};

struct PdfFont {
  int page = 0;
  std::string name;  // /BaseFont, subset tag included
  std::string subtype;
  bool embedded = false;
};

/// An image drawn on a page (directly or through form XObjects).
struct PdfImage {
  int page = 0;
  std::string name;  // "object 12"
  int pixels_wide = 0, pixels_high = 0;
  /// Drawn size in points, and the resolution that gives (pixels per inch each way).
  double width = 0, height = 0;
  double ppi_x = 0, ppi_y = 0;
  /// Where it is drawn on the page: its bounding box in PDF space.
  PdfBox bounds;
};

struct PdfInspection {
  std::vector<PdfPage> pages;
  std::vector<PdfFont> fonts;  // each font once per page that uses it
  std::vector<PdfImage> images;
  /// Places RGB is used (colour spaces anywhere, and with `images` the rg, RG and cs operators
  /// of the pages' content), and whether anything is CMYK, a separation or an output intent: a
  /// file meant for a press.
  std::vector<std::string> rgb;
  bool has_cmyk = false;
  bool has_output_intent = false;
  /// /GTS_PDFXVersion, /Lang, as written.
  std::string pdfx_version, lang;
};

/// Reads `pdf`; core::Failure when it is not a PDF qpdf can read (batch's preflight_file reports
/// that for a person's file; for one broadside wrote it is truly exceptional). `images` walks the
/// content streams to find placed images, `colors` every object for colour spaces (skip them when
/// the caller knows the answer: the page has no image, the file is RGB by choice).
PdfInspection inspect_pdf(const std::string& pdf, bool images = true, bool colors = true);

}  // namespace broadside::prepress
