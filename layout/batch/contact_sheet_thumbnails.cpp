// contact_sheet_thumbnails.cpp — scaling a PNG down with cairo's box filter, or drawing a page
// composed again straight at thumbnail size (sharper than any downscale, and no pdftoppm).
#include "batch/contact_sheet_thumbnails.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>

#include "batch/variable_values.hpp"
#include "compose/compose.hpp"
#include "render/draw.hpp"

namespace broadside::batch {

namespace {

using Context = core::Handle<cairo_t, cairo_destroy>;

/// The largest size with the proportions of `width` × `height` inside the box, in pixels.
std::pair<int, int> fitted(double width, double height, int max_width, int max_height) {
  const double scale = std::min(max_width / width, max_height / height);
  return {std::max(1, static_cast<int>(std::lround(width * scale))),
          std::max(1, static_cast<int>(std::lround(height * scale)))};
}

Surface blank(int width, int height) {
  Surface s(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
  Context cr(cairo_create(s.get()));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);  // paper, under pages that leave parts unprinted
  cairo_paint(cr.get());
  return s;
}

Thumbnail from_png(const std::filesystem::path& file, int max_width, int max_height) {
  Surface page(cairo_image_surface_create_from_png(file.c_str()));
  if (cairo_surface_status(page.get()) != CAIRO_STATUS_SUCCESS)
    return {nullptr, "cannot read " + file.filename().string()};
  const int w = cairo_image_surface_get_width(page.get());
  const int h = cairo_image_surface_get_height(page.get());
  const auto [tw, th] = fitted(w, h, max_width, max_height);
  Surface thumb = blank(tw, th);
  Context cr(cairo_create(thumb.get()));
  cairo_scale(cr.get(), static_cast<double>(tw) / w, static_cast<double>(th) / h);
  cairo_set_source_surface(cr.get(), page.get(), 0, 0);
  // GOOD averages every source pixel when shrinking; BILINEAR would alias fine print badly.
  cairo_pattern_set_filter(cairo_get_source(cr.get()), CAIRO_FILTER_GOOD);
  cairo_paint(cr.get());
  cairo_surface_flush(thumb.get());
  return {std::move(thumb), {}};
}

/// Width × height from a PNG's header, without decoding it; 0 when it is not a PNG.
double png_pixels(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  unsigned char header[24] = {};
  if (!in.read(reinterpret_cast<char*>(header), sizeof header)) return 0;
  const auto be32 = [&](int at) {
    return double(header[at]) * 16777216.0 + header[at + 1] * 65536.0 + header[at + 2] * 256.0 +
           header[at + 3];
  };
  return be32(16) * be32(20);  // IHDR: width, then height
}

}  // namespace

bool ThumbnailMaker::reads_png(const SheetTile& tile) {
  // cairo decodes a whole PNG into memory: a poster written at 300 dpi or more is cheaper and
  // safer to compose again, when its job is known.
  return !tile.png.empty() && (!tile.job || png_pixels(tile.png) <= kLargestPngToRead);
}

void ThumbnailMaker::prepare(const SheetTile& tile) {
  if (reads_png(tile) || !tile.job || inputs_.count(tile.job)) return;
  Inputs in;
  const LoadedStatement& statement = cache_.statement(tile.job->statement);
  if (statement.document) {
    in.document = statement.document;
    in.design = cache_.design(tile.job->design, statement.document->lang).design;
  }
  inputs_[tile.job] = std::move(in);
}

Thumbnail ThumbnailMaker::make(const SheetTile& tile, int max_width, int max_height,
                               Engine* engine) const {
  if (reads_png(tile)) return from_png(tile.png, max_width, max_height);
  if (!tile.job || !engine) return {nullptr, "no file to show"};
  return compose_again(*tile.job, max_width, max_height, *engine);
}

Thumbnail ThumbnailMaker::compose_again(const PlannedJob& job, int max_width, int max_height,
                                        Engine& engine) const {
  const auto it = inputs_.find(&job);
  if (it == inputs_.end() || !it->second.design || !it->second.document)
    return {nullptr, "cannot read the job's design or statement again"};
  const auto& [design, document] = it->second;
  core::Diagnostics diags;
  const core::Variables values = resolve_variables(*design, *document, job.values, diags);
  compose::Composition composition;
  if (!diags.has_errors())
    composition =
        compose::compose(*design, *document, values, engine.typesetter(), engine.images(), diags);
  if (diags.has_errors() || composition.pages.empty())
    return {nullptr, "cannot lay the job out again"};
  const compose::Page& page = composition.pages.front();
  const core::Rect trim = page.geometry.trim_in_media();
  const auto [tw, th] = fitted(trim.width.value, trim.height.value, max_width, max_height);
  Surface thumb = blank(tw, th);
  {
    Context cr(cairo_create(thumb.get()));
    cairo_scale(cr.get(), tw / trim.width.value, th / trim.height.value);
    cairo_translate(cr.get(), -trim.x.value, -trim.y.value);
    render::draw_page(cr.get(), page, render::Target::raster, options_);
  }
  cairo_surface_flush(thumb.get());
  return {std::move(thumb), {}};
}

}  // namespace broadside::batch
