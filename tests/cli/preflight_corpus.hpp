// preflight_corpus.hpp — deliberately broken PDFs made at test time: broadside's own PDF/X-4
// leaflet edited with qpdf (QDF text, then fix-qdf) and pages drawn by plain cairo, each with one
// thing a print shop's preflight stops.
#pragma once

#include <cairo-pdf.h>
#include <cairo.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "cli_support.hpp"

namespace broadside::testing::corpus {

namespace fs = std::filesystem;

/// The good print file (leaflet-a5, PDF/X-4, every mark) as QDF text. Rendered once per build
/// of broadside and shared by the test processes (written to a temporary name, then renamed).
inline const std::string& good_qdf() {
  static const std::string text = [] {
    const fs::path binary = BROADSIDE_BINARY;
    const auto stamp = fs::last_write_time(binary).time_since_epoch().count();
    const fs::path dir = fs::temp_directory_path() / "broadside-preflight-corpus";
    fs::create_directories(dir);
    const fs::path qdf = dir / ("leaflet-" + std::to_string(stamp) + ".qdf");
    if (!fs::exists(qdf)) {
      const fs::path tmp = scratch_dir("corpus-base");
      const auto r = run_broadside({"render", "leaflet-a5", statement("statement.en.md"), "-o",
                                    (tmp / "good.pdf").string(), "--pdfx", "4", "--marks", "all"});
      REQUIRE(r.exit_code == 0);
      const auto q = run({"qpdf", "--qdf", "--object-streams=disable", (tmp / "good.pdf").string(),
                          (tmp / "good.qdf").string()});
      REQUIRE(q.exit_code == 0);
      fs::rename(tmp / "good.qdf", qdf);
    }
    return read_bytes(qdf);
  }();
  return text;
}

/// `qdf` with `from` replaced by `to` (the first time after `after`); the test fails when
/// `from` is not there.
inline std::string replaced(std::string qdf, const std::string& from, const std::string& to,
                            const std::string& after = "") {
  const size_t start = after.empty() ? 0 : qdf.find(after);
  REQUIRE(start != std::string::npos);
  const size_t at = qdf.find(from, start);
  REQUIRE_MESSAGE(at != std::string::npos, "not in the QDF: " << from);
  return qdf.replace(at, from.size(), to);
}

/// `qdf` with `snippet` drawn over page 1, in PDF's default coordinates (the page's own content
/// is wrapped in q … Q, since cairo leaves its flipped CTM in place).
inline std::string drawn(std::string qdf, const std::string& snippet) {
  const size_t page = qdf.find("%% Contents for page 1");
  REQUIRE(page != std::string::npos);
  const size_t start = qdf.find("stream\n", page) + 7;
  const size_t end = qdf.find("endstream", start);
  qdf.insert(end, "\nQ\n" + snippet + "\n");
  qdf.insert(start, "q\n");
  return qdf;
}

/// `qdf` with `entry` ("/GSop << /op true >>") added to page 1's `/Kind <<` resources.
inline std::string with_resource(const std::string& qdf, const std::string& kind,
                                 const std::string& entry) {
  return replaced(qdf, kind + " <<\n", kind + " <<\n" + entry + "\n", "%% Page 1");
}

/// Writes `qdf` as `dir/name.pdf` through fix-qdf.
inline fs::path written(const fs::path& dir, const std::string& name, const std::string& qdf) {
  const fs::path q = dir / (name + ".qdf"), pdf = dir / (name + ".pdf");
  std::ofstream(q, std::ios::binary) << qdf;
  const auto r = run({"sh", "-c", "fix-qdf < '" + q.string() + "' > '" + pdf.string() + "'"});
  REQUIRE(r.exit_code == 0);
  return pdf;
}

/// A page drawn by plain cairo (A5 with 3 mm bleed, RGB like every cairo PDF); `draw` paints on
/// it in points from the media's top-left. Boxes are added with qpdf when `boxes`.
inline fs::path cairo_pdf(const fs::path& dir, const std::string& name,
                          const std::function<void(cairo_t*)>& draw, bool boxes = true) {
  constexpr double kMm = 72 / 25.4, kBleed = 3 * kMm;
  const double w = 148 * kMm + 2 * kBleed, h = 210 * kMm + 2 * kBleed;
  const fs::path raw = dir / (name + "-cairo.pdf");
  cairo_surface_t* surface = cairo_pdf_surface_create(raw.c_str(), w, h);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 0.85, 0.07, 0.12);
  cairo_rectangle(cr, 0, 0, w, h);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size(cr, 24);
  cairo_move_to(cr, kBleed + 20 * kMm, kBleed + 40 * kMm);
  cairo_show_text(cr, "Stop the raids");
  draw(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  if (!boxes) return raw;
  std::string qdf = run({"qpdf", "--qdf", "--object-streams=disable", raw.string(), "-"}).out;
  const std::string trim = "[ " + std::to_string(kBleed) + " " + std::to_string(kBleed) + " " +
                           std::to_string(w - kBleed) + " " + std::to_string(h - kBleed) + " ]";
  const std::string media = "[ 0 0 " + std::to_string(w) + " " + std::to_string(h) + " ]";
  qdf = replaced(qdf, "  /Type /Page\n",
                 "  /TrimBox " + trim + "\n  /BleedBox " + media + "\n  /Type /Page\n");
  return written(dir, name, qdf);
}

}  // namespace broadside::testing::corpus
