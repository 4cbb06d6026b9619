// raster_ink.cpp — Ghostscript's CMYK TIFFs read back with a minimal reader (no libtiff for one
// uncompressed format), and the pixels inside each page's bleed summed.
#include "prepress/raster_ink.hpp"

#include <cmath>
#include <map>

#include "core/atomic_file.hpp"
#include "core/diagnostic.hpp"
#include "prepress/ghostscript.hpp"

namespace broadside::prepress {

namespace {

namespace fs = std::filesystem;

/// Little- or big-endian integers of a TIFF file, bounds-checked.
class TiffBytes {
 public:
  explicit TiffBytes(const std::string& b) : b_(b) {
    if (b.size() < 8 || !(b.compare(0, 2, "II") == 0 || b.compare(0, 2, "MM") == 0))
      throw core::Failure({}, "Ghostscript wrote something that is not a TIFF");
    little_ = b[0] == 'I';
  }
  uint32_t get(size_t at, size_t bytes) const {
    if (at + bytes > b_.size()) throw core::Failure({}, "a TIFF from Ghostscript is cut short");
    uint32_t v = 0;
    for (size_t i = 0; i < bytes; ++i) {
      const auto byte = static_cast<uint8_t>(b_[at + (little_ ? bytes - 1 - i : i)]);
      v = (v << 8) | byte;
    }
    return v;
  }
  /// Value `index` of an IFD entry at `entry` (SHORT or LONG, inline or at an offset).
  uint32_t value(size_t entry, uint32_t index) const {
    const uint32_t type = get(entry + 2, 2), count = get(entry + 4, 4);
    const size_t size = type == 3 ? 2 : 4;
    const size_t base = count * size <= 4 ? entry + 8 : get(entry + 8, 4);
    return get(base + index * size, size);
  }
  uint32_t count(size_t entry) const { return get(entry + 4, 4); }

 private:
  const std::string& b_;
  bool little_ = true;
};

}  // namespace

CmykRaster read_cmyk_tiff(const std::string& bytes) {
  const TiffBytes t(bytes);
  const size_t ifd = t.get(4, 4);
  const uint32_t entries = t.get(ifd, 2);
  std::map<uint32_t, size_t> tags;  // tag -> entry offset
  for (uint32_t i = 0; i < entries; ++i) tags[t.get(ifd + 2 + i * 12, 2)] = ifd + 2 + i * 12;
  auto tag = [&](uint32_t id, uint32_t fallback) {
    return tags.count(id) ? t.value(tags[id], 0) : fallback;
  };
  CmykRaster r;
  r.width = static_cast<int>(tag(256, 0));
  r.height = static_cast<int>(tag(257, 0));
  if (tag(259, 1) != 1 || tag(277, 1) != 4 || tag(258, 8) != 8 || !tags.count(273) ||
      !tags.count(279) || r.width <= 0 || r.height <= 0)
    throw core::Failure({}, "expected an uncompressed 8-bit CMYK TIFF from Ghostscript");
  const size_t expected = static_cast<size_t>(r.width) * static_cast<size_t>(r.height) * 4;
  for (uint32_t s = 0; s < t.count(tags[273]) && r.pixels.size() < expected; ++s) {
    const size_t at = t.value(tags[273], s), n = t.value(tags[279], s);
    if (at + n > bytes.size()) throw core::Failure({}, "a TIFF from Ghostscript is cut short");
    r.pixels.append(bytes, at, n);
  }
  if (r.pixels.size() < expected) throw core::Failure({}, "a TIFF from Ghostscript is cut short");
  return r;
}

InkPage measure_raster(const CmykRaster& raster, int x0, int y0, int x1, int y1, double limit,
                       double pixel_mm) {
  InkPage out;
  x0 = std::max(0, x0);
  y0 = std::max(0, y0);
  x1 = std::min(raster.width, x1);
  y1 = std::min(raster.height, y1);
  long over = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(raster.pixels.data());
  for (int y = y0; y < y1; ++y) {
    const uint8_t* row = p + (static_cast<size_t>(y) * raster.width) * 4;
    for (int x = x0; x < x1; ++x) {
      const uint8_t* px = row + static_cast<size_t>(x) * 4;
      // Every plate full is the registration colour: printer's marks (an imposed sheet's crop
      // marks sit inside its BleedBox), not artwork.
      if (px[0] > 250 && px[1] > 250 && px[2] > 250 && px[3] > 250) continue;
      const double total = (px[0] + px[1] + px[2] + px[3]) * 100.0 / 255.0;
      if (total > limit + 0.5) ++over;  // half a percent: 8-bit rounding of each plate
      if (total > out.max_percent) {
        out.max_percent = total;
        out.x = x;
        out.y = y;
      }
    }
  }
  out.area_over = over * pixel_mm * pixel_mm;
  return out;
}

std::vector<InkPage> measure_ink(const fs::path& pdf, const PdfInspection& inspection, double limit,
                                 int dpi) {
  const TempDir dir;
  // Overprint as the press does it: black text adds its K to the red under it.
  ghostscript_render(pdf, "tiff32nc", dpi, "tif", dir.path(), {"-dOverprint=/enable"});
  std::vector<InkPage> pages;
  const double scale = dpi / 72.0, pixel_mm = 25.4 / dpi;
  for (const PdfPage& page : inspection.pages) {
    const fs::path file = dir.path() / ("p" + std::to_string(page.number) + ".tif");
    // Ghostscript's own output in our temporary folder: the default file-bytes limit bounds it,
    // and a failure to read it is as exceptional as Ghostscript failing.
    core::Diagnostics problems;
    const auto bytes = core::read_file(file, core::Limits{}, problems);
    if (!bytes) throw core::Failure(problems);
    const CmykRaster raster = read_cmyk_tiff(*bytes);
    const PdfBox area = page.bleed ? *page.bleed : page.trim ? *page.trim : page.media;
    const PdfBox trim = page.trim ? *page.trim : page.media;
    // gs draws the MediaBox with its top-left corner at pixel (0, 0).
    InkPage ink = measure_raster(
        raster, static_cast<int>(std::lround((area.x0 - page.media.x0) * scale)),
        static_cast<int>(std::lround((page.media.y1 - area.y1) * scale)),
        static_cast<int>(std::lround((area.x1 - page.media.x0) * scale)),
        static_cast<int>(std::lround((page.media.y1 - area.y0) * scale)), limit, pixel_mm);
    ink.page = page.number;
    ink.x = page.media.x0 + ink.x / scale - trim.x0;
    ink.y = (page.media.y1 - ink.y / scale) * -1 + trim.y1;
    pages.push_back(ink);
  }
  return pages;
}

}  // namespace broadside::prepress
