// pdf_checks.cpp — boxes, fonts, colour spaces and images from the qpdf inspection; ink from a
// Ghostscript rendering.
#include "preflight/pdf_checks.hpp"

#include <fmt/format.h>

#include <cmath>

#include "preflight/content_checks.hpp"
#include "prepress/raster_ink.hpp"

namespace broadside::preflight {

namespace {

using prepress::PdfBox;
using prepress::PdfInspection;

std::string mm(double points) {
  return fmt::format("{:.1f}mm", core::to_mm(Pt{points}));
}

/// True when /Rotate turns the page a quarter (90 or 270 degrees): it reads with width and
/// height exchanged.
bool is_turned(const prepress::PdfPage& page) {
  return std::fmod(std::abs(page.rotate), 180) == 90;
}

/// Page `page`'s trim against page 1's. A print shop cuts the same paper whichever way a page
/// is turned, so only a different paper size is a warning; the same paper reading the other
/// way round (by its boxes or its /Rotate) is a note, since imposition places it turned.
void compare_trim(const prepress::PdfPage& first, const prepress::PdfPage& page, Report& report) {
  constexpr double kTolerance = 0.5;  // pt: rounding of boxes written in mm
  const PdfBox& a = *first.trim;
  const PdfBox& b = *page.trim;
  auto near = [&](double x, double y) { return std::abs(x - y) <= kTolerance; };
  const bool same = near(a.width(), b.width()) && near(a.height(), b.height());
  const bool exchanged = near(a.width(), b.height()) && near(a.height(), b.width());
  auto size = [](double w, double h) { return fmt::format("{} x {}", mm(w), mm(h)); };
  if (!same && !exchanged) {
    report.add({core::Severity::warning, Check::boxes, page.number, "",
                fmt::format("trimmed to {}, but page 1 is {}: pages of different sizes",
                            size(b.width(), b.height()), size(a.width(), a.height())),
                std::nullopt});
    return;
  }
  // Landscape or portrait as a reader sees it: the boxes' shape, turned by /Rotate.
  auto is_landscape = [&](const prepress::PdfPage& p, const PdfBox& t) {
    return (t.width() > t.height()) != is_turned(p);
  };
  if (near(a.width(), a.height()) || is_landscape(first, a) == is_landscape(page, b)) return;
  auto way = [&](const prepress::PdfPage& p, const PdfBox& t) {
    return std::string(is_landscape(p, t) ? "landscape" : "portrait") +
           (p.rotate != 0 ? fmt::format(" (/Rotate {:g})", p.rotate) : "");
  };
  report.add({core::Severity::note, Check::boxes, page.number, "",
              fmt::format("the same {} trim as page 1, but it reads {} where page 1 reads {}",
                          size(b.width(), b.height()), way(page, b), way(first, a)),
              std::nullopt});
}

void check_boxes(const PdfInspection& pdf, Report& report) {
  auto error = [&](int page, std::string message) {
    report.add({core::Severity::error, Check::boxes, page, "", std::move(message), std::nullopt});
  };
  for (const auto& page : pdf.pages) {
    if (page.trim_malformed)
      error(page.number,
            "the TrimBox is malformed (not four numbers): the printer cannot tell "
            "the finished size");
    else if (!page.trim)
      error(page.number, "no TrimBox: the printer cannot tell the finished size");
    if (page.bleed_malformed)
      error(page.number,
            "the BleedBox is malformed (not four numbers): the printer cannot tell "
            "how far art bleeds");
    else if (!page.bleed)
      error(page.number, "no BleedBox: the printer cannot tell how far art bleeds");
    if (page.trim && (page.trim->width() <= 0 || page.trim->height() <= 0))
      error(page.number, fmt::format("the TrimBox is {} x {}: a page with no area",
                                     mm(page.trim->width()), mm(page.trim->height())));
    if (page.crop && page.trim && !page.crop->contains(*page.trim, 0.5))
      error(page.number,
            "the CropBox cuts inside the TrimBox: viewers and many RIPs show only "
            "what is inside the CropBox");
    if (std::fmod(page.rotate, 90) != 0)
      error(page.number, fmt::format("/Rotate {:g} is not a multiple of 90: readers turn the page "
                                     "differently or not at all",
                                     page.rotate));
    if (page.bleed && !page.media.contains(*page.bleed))
      error(page.number, "the BleedBox reaches outside the MediaBox");
    if (page.trim && page.bleed && !page.bleed->contains(*page.trim))
      error(page.number, "the TrimBox reaches outside the BleedBox");
    if (page.trim && !page.media.contains(*page.trim))
      error(page.number, "the TrimBox reaches outside the MediaBox");
    if (page.number > 1 && page.trim && pdf.pages.front().trim)
      compare_trim(pdf.pages.front(), page, report);
  }
  report.ran(Check::boxes);
}

void check_fonts(const PdfInspection& pdf, Report& report) {
  for (const auto& f : pdf.fonts)
    if (!f.embedded)
      report.add({core::Severity::error, Check::fonts, f.page, "font " + f.name,
                  "not embedded: the printer's RIP would substitute another", std::nullopt});
  report.ran(Check::fonts, fmt::format("{} font uses", pdf.fonts.size()));
}

void check_color(const PdfInspection& pdf, std::optional<bool> cmyk, Report& report) {
  if (cmyk && !*cmyk) {
    report.skip(Check::color, "RGB output by choice (--color cmyk or --pdfx for a press)");
    return;
  }
  const bool press = cmyk.value_or(pdf.has_cmyk || pdf.has_output_intent);
  if (pdf.rgb.empty()) {
    report.ran(Check::color, press ? "" : "no colour space needs converting");
    return;
  }
  if (!press) {
    report.add({core::Severity::warning, Check::color, 0, "",
                "an RGB file: the print shop's conversion will decide the colours (render with "
                "--color cmyk or --pdfx 4 for offset print)",
                std::nullopt});
    report.ran(Check::color, "an RGB file: the print shop converts its colours");
    return;
  }
  // The first few places are enough to find the cause.
  const size_t shown = std::min<size_t>(pdf.rgb.size(), 5);
  for (size_t i = 0; i < shown; ++i)
    report.add({core::Severity::error, Check::color, 0, pdf.rgb[i],
                "RGB in a file for a CMYK press", std::nullopt});
  if (pdf.rgb.size() > shown)
    report.add({core::Severity::error, Check::color, 0, "",
                fmt::format("and RGB in {} more places", pdf.rgb.size() - shown), std::nullopt});
  report.ran(Check::color);
}

void check_images(const PdfInspection& pdf, Report& report) {
  const Limits& l = report.limits();
  size_t unprinted = 0;
  for (const auto& i : pdf.images) {
    const auto& page = pdf.pages[static_cast<size_t>(i.page - 1)];
    // Wholly outside what is printed (the slug, off the sheet): no one sees its pixels.
    if (!page.bleed.value_or(page.media).overlaps(i.bounds)) {
      ++unprinted;
      continue;
    }
    const double ppi = std::min(i.ppi_x, i.ppi_y);
    if (ppi <= 0 || ppi >= l.good_ppi - 0.5) continue;
    report.add(
        {ppi < l.min_ppi ? core::Severity::error : core::Severity::warning, Check::images, i.page,
         i.name,
         fmt::format("{:.0f}ppi at its printed size ({} x {} pixels over {} x {}); print "
                     "needs {:g}ppi",
                     ppi, i.pixels_wide, i.pixels_high, mm(i.width), mm(i.height), l.good_ppi),
         in_trim(page, i.bounds)});
  }
  report.ran(Check::images,
             fmt::format("{} placed images{}", pdf.images.size(),
                         unprinted ? fmt::format("; {} wholly outside the BleedBox, never "
                                                 "printed, not judged",
                                                 unprinted)
                                   : ""));
}

void check_raster_ink(const PdfInspection& pdf, const PdfCheckOptions& o, Report& report) {
  if (!pdf.content.too_complex.empty()) {
    // Ghostscript would draw every one of the nested forms the walk gave up on, for hours.
    report.skip(Check::ink, "the content is too complex to render");
    return;
  }
  if (!pdf.rgb.empty()) {
    report.skip(Check::ink, "an RGB file: the printer's conversion decides the ink");
    return;
  }
  const Limits& l = report.limits();
  // Fine enough that 9 pt text at 400 % covers whole pixels; coarse enough to stay fast.
  constexpr int kDpi = 100;
  try {
    for (const auto& ink : prepress::measure_ink(o.file, pdf, l.ink, kDpi, false, o.read_limits)) {
      // A few stray pixels on the edge of an overprinted letter are not an area a press smears.
      if (ink.area_over < 0.2) continue;
      const Pt side = core::from_mm(2);
      Finding f{
          core::Severity::error,
          Check::ink,
          ink.page,
          "",
          fmt::format("{:.0f}% of ink at most, {} from the left and {} from the top of "
                      "the trim; {:.1f}mm² is over {:g}%, within {} x {} there",
                      ink.max_percent, mm(ink.x), mm(ink.y), ink.area_over, l.ink,
                      mm(ink.over_x1 - ink.over_x0), mm(ink.over_y1 - ink.over_y0)),
          core::Rect{Pt{ink.over_x0} - side / 2, Pt{ink.over_y0} - side / 2,
                     Pt{ink.over_x1 - ink.over_x0} + side, Pt{ink.over_y1 - ink.over_y0} + side}};
      f.value = ink.max_percent;
      f.limit = l.ink;
      f.unit = "%";
      report.add(std::move(f));
    }
    report.ran(Check::ink, fmt::format("every plate from Ghostscript's tiffsep at {}dpi, "
                                       "overprint on, everywhere inside the BleedBox",
                                       kDpi));
  } catch (const core::Failure& f) {
    report.skip(Check::ink, f.what());
  }
}

}  // namespace

void check_file(const PdfInspection& pdf, Report& report) {
  auto error = [&](std::string message) {
    report.add({core::Severity::error, Check::file, 0, "", std::move(message), std::nullopt});
  };
  if (pdf.pages.empty()) error("the file has no pages: there is nothing to print");
  if (!pdf.may_print)
    error(
        "the file's permissions do not allow printing (an owner password): many RIPs refuse "
        "it; ask for a copy without restrictions");
  else if (!pdf.may_print_high)
    report.add({core::Severity::warning, Check::file, 0, "",
                "the file's permissions allow printing only at low resolution (an owner "
                "password): ask for a copy without restrictions",
                std::nullopt});
  // An error, not a warning: what is checked here is qpdf's repair, and the RIP makes its own.
  if (!pdf.damage.empty())
    report.add(
        {core::Severity::error, Check::file, 0, "",
         fmt::format(
             "the file is damaged (qpdf: {}{}); a print shop's RIP may read it "
             "differently",
             pdf.damage.front(),
             pdf.damage.size() > 1 ? fmt::format(", and {} more", pdf.damage.size() - 1) : ""),
         std::nullopt});
  for (int page : pdf.content.too_complex)
    report.add({core::Severity::error, Check::file, page, "",
                fmt::format("content too complex to check (over {} operations); not checked",
                            pdf.content.max_operations),
                std::nullopt});
  report.ran(Check::file);
}

void check_bleed(const PdfInspection& pdf, Report& report) {
  const double ask = core::from_mm(3).value;
  for (const auto& page : pdf.pages) {
    if (!page.trim || page.trim->width() <= 0 || page.trim->height() <= 0) continue;
    const PdfBox& t = *page.trim;
    const PdfBox b = page.bleed.value_or(t);
    const double bleed = std::min({t.x0 - b.x0, t.y0 - b.y0, b.x1 - t.x1, b.y1 - t.y1});
    if (bleed >= ask - core::from_mm(0.1).value) continue;
    // Only art that reaches the trim edge needs bleed: a white border does not.
    constexpr double kEdge = 0.5;
    bool reaches = false;
    for (const auto& m : pdf.content.marks) {
      if (m.page != page.number || m.kind == prepress::MarkKind::text || m.color.is_white())
        continue;
      const PdfBox& a = m.bounds;
      if (!a.overlaps(t, 0)) continue;
      reaches = a.x0 <= t.x0 + kEdge || a.y0 <= t.y0 + kEdge || a.x1 >= t.x1 - kEdge ||
                a.y1 >= t.y1 - kEdge;
      if (reaches) break;
    }
    if (!reaches) continue;
    report.add({core::Severity::warning, Check::boxes, page.number, "",
                fmt::format("bleed is {:.1f} mm, print shops ask 3 mm: art reaches the trim "
                            "edge, and a cut a little off shows a white edge",
                            core::to_mm(Pt{std::max(0.0, bleed)})),
                std::nullopt});
  }
}

void check_pdf(const PdfInspection& pdf, const PdfCheckOptions& options, Report& report) {
  check_boxes(pdf, report);
  check_fonts(pdf, report);
  check_color(pdf, options.cmyk, report);
  if (options.images) check_images(pdf, report);
  if (options.raster_ink) check_raster_ink(pdf, options, report);
}

}  // namespace broadside::preflight
