// raster_ink.hpp — total ink of a PDF we only have as a file: Ghostscript (an external program,
// AGPL, always run as a separate process, never linked) renders it to CMYK, and every pixel
// inside each page's bleed is summed.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "prepress/pdf_inspect.hpp"

namespace broadside::prepress {

struct InkPage {
  int page = 0;
  /// The highest total (C + M + Y + K, in %) of any pixel inside the BleedBox.
  double max_percent = 0;
  /// How much of the page is above the limit, in mm².
  double area_over = 0;
  /// Where the highest total is, in points from the trim's top-left corner.
  double x = 0, y = 0;
};

/// A CMYK raster: 4 bytes a pixel, row by row.
struct CmykRaster {
  int width = 0, height = 0;
  std::string pixels;
};

/// Reads an uncompressed, 8-bit, 4-sample TIFF (Ghostscript's tiff32nc); core::Failure otherwise.
CmykRaster read_cmyk_tiff(const std::string& bytes);

/// Total ink per pixel within `area` (pixel rectangle, clamped to the raster) measured against
/// `limit` (in %); `pixel_mm` is a pixel's side in mm. Positions come back in pixels. Pixels in
/// the registration colour (every plate full) are marks and are left out.
InkPage measure_raster(const CmykRaster& raster, int x0, int y0, int x1, int y1, double limit,
                       double pixel_mm);

/// Renders every page of `pdf` with `gs -sDEVICE=tiff32nc` at `dpi` and measures it against
/// `limit` inside its BleedBox (its TrimBox or MediaBox when it has none: never the slug, whose
/// registration marks print on every plate). core::Failure when Ghostscript is missing or fails.
std::vector<InkPage> measure_ink(const std::filesystem::path& pdf, const PdfInspection& inspection,
                                 double limit, int dpi = 72);

}  // namespace broadside::prepress
