// raster_ink.cpp — Ghostscript's CMYK TIFFs read back with a minimal reader (no libtiff for one
// uncompressed format), and the pixels inside each page's bleed summed.
#include "prepress/raster_ink.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

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

Plate read_gray_tiff(const std::string& bytes) {
  const TiffBytes t(bytes);
  const size_t ifd = t.get(4, 4);
  const uint32_t entries = t.get(ifd, 2);
  std::map<uint32_t, size_t> tags;  // tag -> entry offset
  for (uint32_t i = 0; i < entries; ++i) tags[t.get(ifd + 2 + i * 12, 2)] = ifd + 2 + i * 12;
  auto tag = [&](uint32_t id, uint32_t fallback) {
    return tags.count(id) ? t.value(tags[id], 0) : fallback;
  };
  Plate r;
  r.width = static_cast<int>(tag(256, 0));
  r.height = static_cast<int>(tag(257, 0));
  if (tag(259, 1) != 1 || tag(277, 1) != 1 || tag(258, 8) != 8 || !tags.count(273) ||
      !tags.count(279) || r.width <= 0 || r.height <= 0)
    throw core::Failure({}, "expected an uncompressed 8-bit greyscale TIFF from Ghostscript");
  const size_t expected = static_cast<size_t>(r.width) * static_cast<size_t>(r.height);
  for (uint32_t s = 0; s < t.count(tags[273]) && r.pixels.size() < expected; ++s) {
    const size_t at = t.value(tags[273], s), n = t.value(tags[279], s);
    if (at + n > bytes.size()) throw core::Failure({}, "a TIFF from Ghostscript is cut short");
    r.pixels.append(bytes, at, n);
  }
  if (r.pixels.size() < expected) throw core::Failure({}, "a TIFF from Ghostscript is cut short");
  r.pixels.resize(expected);
  return r;
}

namespace {

/// /Rotate as quarter turns clockwise, 0 to 3.
int quarters(double rotate) {
  const long q = std::lround(rotate / 90) % 4;
  return static_cast<int>(q < 0 ? q + 4 : q);
}

/// The unturned page (w x h pixels, y down) and the raster Ghostscript draws it in, turned
/// clockwise by `turns` quarters. Boxes are (x0, y0, x1, y1) and come back ordered.
struct Turn {
  int turns = 0;
  double w = 0, h = 0;

  using Box = std::tuple<double, double, double, double>;
  static Box ordered(double x0, double y0, double x1, double y1) {
    return {std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1)};
  }
  Box to_raster(double x0, double y0, double x1, double y1) const {
    switch (turns) {
      case 1:
        return ordered(h - y0, x0, h - y1, x1);
      case 2:
        return ordered(w - x0, h - y0, w - x1, h - y1);
      case 3:
        return ordered(y0, w - x0, y1, w - x1);
      default:
        return ordered(x0, y0, x1, y1);
    }
  }
  Box from_raster(double x0, double y0, double x1, double y1) const {
    switch (turns) {
      case 1:
        return ordered(y0, h - x0, y1, h - x1);
      case 2:
        return ordered(w - x0, h - y0, w - x1, h - y1);
      case 3:
        return ordered(w - y0, x0, w - y1, x1);
      default:
        return ordered(x0, y0, x1, y1);
    }
  }
};

}  // namespace

InkPage measure_plates(const std::vector<Plate>& plates, int x0, int y0, int x1, int y1,
                       double limit, double pixel_mm) {
  InkPage out;
  if (plates.empty()) return out;
  const int width = plates.front().width, height = plates.front().height;
  x0 = std::max(0, x0);
  y0 = std::max(0, y0);
  x1 = std::min(width, x1);
  y1 = std::min(height, y1);
  long over = 0;
  int ox0 = x1, oy0 = y1, ox1 = x0, oy1 = y0;
  std::vector<int> total(static_cast<size_t>(std::max(0, x1 - x0)));
  for (int y = y0; y < y1; ++y) {
    std::fill(total.begin(), total.end(), 0);
    for (const auto& plate : plates) {
      if (plate.width != width || plate.height != height) continue;
      const auto* row = reinterpret_cast<const uint8_t*>(plate.pixels.data()) +
                        static_cast<size_t>(y) * static_cast<size_t>(width);
      for (int x = x0; x < x1; ++x) total[static_cast<size_t>(x - x0)] += 255 - row[x];
    }
    for (int x = x0; x < x1; ++x) {
      const double percent = total[static_cast<size_t>(x - x0)] * 100.0 / 255.0;
      if (percent > limit + 0.5) {  // half a percent: 8-bit rounding of each plate
        ++over;
        ox0 = std::min(ox0, x);
        oy0 = std::min(oy0, y);
        ox1 = std::max(ox1, x + 1);
        oy1 = std::max(oy1, y + 1);
      }
      if (percent > out.max_percent) {
        out.max_percent = percent;
        out.x = x;
        out.y = y;
      }
    }
  }
  out.area_over = over * pixel_mm * pixel_mm;
  if (over > 0) {
    out.over_x0 = ox0;
    out.over_y0 = oy0;
    out.over_x1 = ox1;
    out.over_y1 = oy1;
  }
  return out;
}

std::vector<InkPage> measure_ink(const fs::path& pdf, const PdfInspection& inspection, double limit,
                                 int dpi, bool keep_plates, const core::Limits& read_limits) {
  const TempDir dir;
  // Overprint as the press does it: black text adds its K to the red under it.
  ghostscript_render(pdf, "tiffsep", dpi, "tif", dir.path(),
                     {"-dOverprint=/enable", "-sCompression=none"});
  std::vector<InkPage> pages;
  const double scale = dpi / 72.0, pixel_mm = 25.4 / dpi;
  for (const PdfPage& page : inspection.pages) {
    // Ghostscript's own output in our temporary folder: the run's file-bytes limit bounds it (a
    // large page's plates are large), and a failure to read it is as exceptional as Ghostscript
    // failing.
    const std::string stem = "p" + std::to_string(page.number) + "(";
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir.path())) {
      const std::string name = entry.path().filename().string();
      if (name.rfind(stem, 0) == 0 && name.size() > stem.size() + 5) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<Plate> plates;
    for (const auto& file : files) {
      core::Diagnostics problems;
      const auto bytes = core::read_file(file, read_limits, problems);
      if (!bytes) throw core::Failure(problems);
      Plate plate = read_gray_tiff(*bytes);
      const std::string name = file.filename().string();
      plate.name = name.substr(stem.size(), name.size() - stem.size() - 5);  // "Cyan).tif"
      plates.push_back(std::move(plate));
    }
    const PdfBox area = page.bleed ? *page.bleed : page.trim ? *page.trim : page.media;
    const PdfBox trim = page.trim ? *page.trim : page.media;
    // gs draws the MediaBox with its top-left corner at pixel (0, 0), turned by /Rotate as a
    // viewer turns it; the page's boxes are unturned.
    const Turn turn{quarters(page.rotate), page.media.width() * scale, page.media.height() * scale};
    const auto [ax0, ay0, ax1, ay1] =
        turn.to_raster((area.x0 - page.media.x0) * scale, (page.media.y1 - area.y1) * scale,
                       (area.x1 - page.media.x0) * scale, (page.media.y1 - area.y0) * scale);
    InkPage ink = measure_plates(
        plates, static_cast<int>(std::lround(ax0)), static_cast<int>(std::lround(ay0)),
        static_cast<int>(std::lround(ax1)), static_cast<int>(std::lround(ay1)), limit, pixel_mm);
    ink.page = page.number;
    std::tie(ink.x, ink.y, std::ignore, std::ignore) = turn.from_raster(ink.x, ink.y, ink.x, ink.y);
    std::tie(ink.over_x0, ink.over_y0, ink.over_x1, ink.over_y1) =
        turn.from_raster(ink.over_x0, ink.over_y0, ink.over_x1, ink.over_y1);
    // Pixels to points from the trim's top-left.
    const double left = trim.x0 - page.media.x0, top = page.media.y1 - trim.y1;
    ink.x = ink.x / scale - left;
    ink.y = ink.y / scale - top;
    ink.over_x0 = ink.over_x0 / scale - left;
    ink.over_x1 = ink.over_x1 / scale - left;
    ink.over_y0 = ink.over_y0 / scale - top;
    ink.over_y1 = ink.over_y1 / scale - top;
    if (keep_plates) ink.plates = std::move(plates);
    pages.push_back(std::move(ink));
  }
  return pages;
}

}  // namespace broadside::prepress
