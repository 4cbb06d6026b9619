// raster_ink.hpp — total ink of a PDF we only have as a file: Ghostscript (an external program,
// AGPL, always run as a separate process, never linked) renders it to separations (tiffsep: one
// greyscale plate per process and spot ink, overprint simulated), and every pixel inside each
// page's BleedBox is summed over all plates.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/limits.hpp"

#include "prepress/pdf_inspect.hpp"

namespace broadside::prepress {

/// One printing plate of one page: 8-bit grey, 0 = full ink, 255 = none (as Ghostscript's
/// tiffsep writes it, and as a plate looks).
struct Plate {
  std::string name;  // "Cyan", "Magenta", "Yellow", "Black", or the spot colour's name
  int width = 0, height = 0;
  std::string pixels;
};

struct InkPage {
  int page = 0;
  /// The highest total (sum of every plate, in %) of any pixel inside the BleedBox.
  double max_percent = 0;
  /// How much of the page is above the limit, in mm².
  double area_over = 0;
  /// Where the highest total is, in points from the trim's top-left corner.
  double x = 0, y = 0;
  /// The box round every pixel over the limit, in points from the trim's top-left corner.
  double over_x0 = 0, over_y0 = 0, over_x1 = 0, over_y1 = 0;
  /// The page's plates (kept only when asked for).
  std::vector<Plate> plates;
};

/// Reads an uncompressed 8-bit TIFF with `samples` samples a pixel (1 for a tiffsep plate);
/// core::Failure otherwise.
Plate read_gray_tiff(const std::string& bytes);

/// Total ink per pixel over `plates` within `area` (pixel rectangle, clamped to the plates)
/// measured against `limit` (in %); `pixel_mm` is a pixel's side in mm. Positions come back in
/// pixels. Every pixel counts, registration colour included: inside the bleed it is artwork.
InkPage measure_plates(const std::vector<Plate>& plates, int x0, int y0, int x1, int y1,
                       double limit, double pixel_mm);

/// Renders every page of `pdf` with `gs -sDEVICE=tiffsep` at `dpi` and measures it against
/// `limit` inside its BleedBox (its TrimBox or MediaBox when it has none). Marks are only
/// recognised outside the BleedBox, where they belong. With `keep_plates` each page keeps its
/// plates. core::Failure when Ghostscript is missing or fails, or a plate is over `read_limits`'
/// file-bytes (the run's limits: a plate of a large page at `dpi` can be hundreds of MB, and the
/// message tells the person to raise that limit).
std::vector<InkPage> measure_ink(const std::filesystem::path& pdf, const PdfInspection& inspection,
                                 double limit, int dpi = 72, bool keep_plates = false,
                                 const core::Limits& read_limits = core::Limits{});

}  // namespace broadside::prepress
