// pdf_inspect.hpp — what preflight reads from a finished PDF (qpdf): page boxes, fonts and
// whether each is embedded, colour spaces, and every placed image with its effective resolution.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "prepress/page_content.hpp"
#include "prepress/pdf_box.hpp"

namespace broadside::prepress {

struct PdfPage {
  int number = 0;  // 1-based
  PdfBox media;
  /// As written on the page; nullopt when the key is absent or not a rectangle.
  std::optional<PdfBox> trim, bleed;
  /// The key is there but is not four numbers: another reader may make anything of it.
  bool trim_malformed = false, bleed_malformed = false;
  /// The CropBox (inherited too) when there is one: viewers and many RIPs show only that.
  std::optional<PdfBox> crop;
  /// /Rotate (inherited too), as written; only multiples of 90 are valid.
  double rotate = 0;
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

  /// What the content streams paint (read with `images`).
  PageContent content;

  // What PDF/X asks of the file's structure.
  /// The header's version, raised by the catalog's /Version: "1.6".
  std::string pdf_version;
  bool encrypted = false;
  /// The permissions of an encrypted file (an owner password): printing at all, and at full
  /// resolution.
  bool may_print = true, may_print_high = true;
  bool has_trailer_id = false;
  /// The Info dictionary's /Trapped ("True", "False", "Unknown"); empty when absent.
  std::string trapped;
  /// The catalog's XMP metadata packet (empty when there is none).
  std::string xmp;
  struct OutputIntent {
    std::string subtype;  // "GTS_PDFX"
    std::string condition;
    bool has_profile = false;
    /// /N of the embedded profile: 4 for CMYK.
    int profile_components = 0;
  };
  std::vector<OutputIntent> output_intents;
  struct Annotation {
    int page = 0;
    std::string subtype;  // "Link"
    std::optional<PdfBox> rect;
  };
  std::vector<Annotation> annotations;
  /// What qpdf had to repair or could not read, opening the file or reading its objects
  /// ("xref not found"); empty for a sound file. Another reader may repair it differently.
  std::vector<std::string> damage;
};

/// Reads `pdf`; core::Failure when it is not a PDF qpdf can read, naming `name` (the user's
/// file; batch's preflight_file reports that for a person's file; for one broadside wrote it is
/// truly exceptional), and saying so when the file needs a password. `images` walks the content
/// streams (placed images and every painted object), `colors` every object for colour spaces
/// (skip them when the caller knows the answer: the page has no image, the file is RGB by
/// choice).
PdfInspection inspect_pdf(const std::string& pdf, bool images = true, bool colors = true,
                          const std::string& name = "the PDF");

}  // namespace broadside::prepress
