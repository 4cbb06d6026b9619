// finish.hpp — the PDF as a print shop wants it (qpdf post-pass over cairo's output): TrimBox and
// BleedBox on every page, the document language, a deterministic /ID, and on request CMYK
// colour and PDF/X.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "prepress/color_table.hpp"
#include "prepress/fixed_layer.hpp"
#include "prepress/icc.hpp"
#include "prepress/pdf_inspect.hpp"
#include "prepress/pdfx_level.hpp"

namespace broadside::prepress {

struct FinishOptions {
  /// One geometry per page, in page order.
  std::vector<core::PageGeometry> pages;
  /// BCP 47 tag for the catalog's /Lang.
  std::string lang;
  std::string producer = "broadside";
  /// CMYK output: the press profile, and the design's colours by the RGB they were drawn with
  /// (ColorTable::draw_rgb). Without it the PDF stays RGB.
  struct Cmyk {
    IccProfile profile;
    ColorTable colors;
  };
  std::optional<Cmyk> cmyk;
  /// PDF/X needs `cmyk`.
  PdfxLevel pdfx = PdfxLevel::none;
  /// The PDF/X title when the document has none.
  std::string fallback_title;
  /// Drawn under every page (prepress/fixed_layer.hpp): the part of the document a data
  /// merge writes once; `pdf` is then only what varies. Kept by the caller.
  const FixedLayer* fixed = nullptr;
  /// inspect_pdf's `images` and `colors`, for finish_pdf's `inspection`.
  bool inspect_images = true, inspect_colors = true;
};

/// Returns the finished PDF's bytes; throws core::Failure when qpdf cannot read `pdf`, or when
/// the CMYK or PDF/X output asked for cannot honestly be made. Truly exceptional: `pdf` is what
/// cairo wrote from a checked composition, and cairo writes nothing the conversion cannot take
/// (batch reports it as the job's error). With `inspection`, also fills it with what
/// inspect_pdf would read from the returned bytes, read from the finished document in memory:
/// preflighting every file of a batch then costs no second parse.
std::string finish_pdf(const std::string& pdf, const FinishOptions& options,
                       PdfInspection* inspection = nullptr);

}  // namespace broadside::prepress
