// proof.cpp — Ghostscript renders the pages (the file as it will print), render::draw_proof draws
// the guides from the PDF's boxes and the report's findings.
#include "preflight/proof.hpp"

#include "prepress/ghostscript.hpp"
#include "prepress/raster_ink.hpp"
#include "render/png.hpp"
#include "render/proof.hpp"

namespace broadside::preflight {

std::vector<std::string> proof_from_pdf(const std::filesystem::path& pdf,
                                        const prepress::PdfInspection& inspection,
                                        const std::vector<std::vector<core::Pt>>& folds,
                                        const Report& report, int dpi) {
  const prepress::TempDir dir;
  prepress::ghostscript_render(pdf, "png16m", dpi, "png", dir.path());
  std::vector<std::string> out;
  for (const auto& page : inspection.pages) {
    const prepress::PdfBox trim = page.trim.value_or(page.media);
    const prepress::PdfBox bleed = page.bleed.value_or(trim);
    render::ProofGuides g;
    g.trim = {Pt{trim.width()}, Pt{trim.height()}};
    g.bleed = Pt{std::max(0.0, trim.x0 - bleed.x0)};
    g.safe_zone = report.limits().safe_zone;
    if (static_cast<size_t>(page.number - 1) < folds.size()) g.folds = folds[page.number - 1];
    for (const auto& f : report.findings())
      if (f.page == page.number && f.rect) g.problems.push_back(*f.rect);
    // Ghostscript draws the MediaBox with its top-left corner at pixel (0, 0).
    const core::Point origin{Pt{trim.x0 - page.media.x0}, Pt{page.media.y1 - trim.y1}};
    out.push_back(render::draw_proof(dir.path() / ("p" + std::to_string(page.number) + ".png"),
                                     origin, dpi, g));
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> separations_from_pdf(
    const std::filesystem::path& pdf, const prepress::PdfInspection& inspection, int dpi) {
  std::vector<std::pair<std::string, std::string>> out;
  // No limit to beat: the plates are what is wanted.
  for (const auto& page : prepress::measure_ink(pdf, inspection, 400, dpi, true))
    for (const auto& plate : page.plates)
      out.emplace_back("p" + std::to_string(page.page) + "-" + plate.name + ".png",
                       render::encode_gray_png(plate.width, plate.height, plate.pixels, dpi));
  return out;
}

}  // namespace broadside::preflight
