// contact_sheet.cpp — tiles from the run, pages from the tiles; per page, thumbnails made on
// every core, then the page drawn once per file asked for (PNG pages, one PDF) and written
// atomically. Only one page of thumbnails is held at a time, however long the run.
#include "batch/contact_sheet.hpp"

#include <cairo-pdf.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <optional>
#include <thread>

#include "batch/contact_sheet_layout.hpp"
#include "batch/contact_sheet_thumbnails.hpp"
#include "batch/output_names.hpp"
#include "core/ascii.hpp"
#include "core/atomic_file.hpp"
#include "render/draw.hpp"

namespace broadside::batch {

namespace fs = std::filesystem;

namespace {

using Context = core::Handle<cairo_t, cairo_destroy>;

std::string lower_extension(const fs::path& p) {
  return core::ascii_lower(p.extension().string());
}

/// Pages an earlier, longer (or shorter) sheet of the same name left: they would show another
/// run's outputs as if they were this one's.
void remove_stale_pages(const fs::path& file, size_t count) {
  std::error_code ec;
  if (count > 1) fs::remove(file, ec);
  for (size_t i = count == 1 ? 0 : count;; ++i) {
    const fs::path old = page_path(file, i, 2);
    if (!fs::exists(old, ec) || !fs::remove(old, ec)) break;
  }
}

/// The thumbnails of one page's tiles, made on up to `threads` threads. A thread gets its own
/// Engine (font map and Pango context) only when one of its tiles has to be composed again.
std::vector<Thumbnail> make_thumbnails(const SheetPage& page, const ThumbnailMaker& maker,
                                       const std::shared_ptr<const Session>& session,
                                       size_t threads) {
  std::vector<Thumbnail> out(page.tiles.size());
  std::atomic<size_t> next{0};
  const auto work = [&] {
    std::optional<Engine> engine;
    for (size_t i; (i = next.fetch_add(1)) < out.size();) {
      const PlacedTile& t = page.tiles[i];
      if (t.tile->state == TileState::failed) continue;
      const int w = static_cast<int>(std::lround(t.box.width.value * kSheetPixelsPerPoint));
      const int h = static_cast<int>(std::lround(t.box.height.value * kSheetPixelsPerPoint));
      try {
        if (ThumbnailMaker::needs_engine(*t.tile) && !engine) engine.emplace(session);
        out[i] = maker.make(*t.tile, w, h, engine ? &*engine : nullptr);
      } catch (const std::exception& e) {  // one bad thumbnail never costs the whole sheet
        out[i] = {nullptr, e.what()};
      }
    }
  };
  {
    std::vector<std::jthread> workers;
    const size_t n = std::min(threads, out.size());
    for (size_t t = 1; t < n; ++t) workers.emplace_back(work);
    work();
  }
  return out;
}

std::string png_bytes(const compose::Page& drawn, const SheetPage& page,
                      const std::vector<Thumbnail>& thumbnails, const core::Options& options) {
  const double s = kSheetPixelsPerPoint;
  Surface surface(cairo_image_surface_create(
      CAIRO_FORMAT_RGB24, static_cast<int>(std::lround(page.size.width.value * s)),
      static_cast<int>(std::lround(page.size.height.value * s))));
  {
    Context cr(cairo_create(surface.get()));
    cairo_scale(cr.get(), s, s);
    render::draw_page(cr.get(), drawn, render::Target::raster, options);
    paint_thumbnails(cr.get(), page, thumbnails);
  }
  std::string bytes;
  const cairo_status_t status =
      cairo_surface_write_to_png_stream(surface.get(), render::append_to_string, &bytes);
  if (status != CAIRO_STATUS_SUCCESS)
    throw core::Failure(
        {}, std::string("cannot draw the contact sheet: ") + cairo_status_to_string(status));
  return bytes;
}

/// One PDF of every page of the sheet, built up page by page.
class PdfSheet {
 public:
  explicit PdfSheet(const std::string& title)
      : surface_(cairo_pdf_surface_create_for_stream(render::append_to_string, &bytes_, 100, 100)),
        cr_(cairo_create(surface_.get())) {
    cairo_pdf_surface_set_metadata(surface_.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface_.get(), CAIRO_PDF_METADATA_CREATOR, "broadside");
    // A fixed date: the same run gives the same bytes.
    for (auto key : {CAIRO_PDF_METADATA_CREATE_DATE, CAIRO_PDF_METADATA_MOD_DATE})
      cairo_pdf_surface_set_metadata(surface_.get(), key, "2000-01-01T00:00:00Z");
  }
  void add(const compose::Page& drawn, const SheetPage& page,
           const std::vector<Thumbnail>& thumbnails, const core::Options& options) {
    cairo_pdf_surface_set_size(surface_.get(), page.size.width.value, page.size.height.value);
    render::draw_page(cr_.get(), drawn, render::Target::vector, options);
    paint_thumbnails(cr_.get(), page, thumbnails);
    cairo_show_page(cr_.get());
  }
  std::string finish() {
    cr_.reset();
    cairo_surface_finish(surface_.get());
    if (const auto status = cairo_surface_status(surface_.get()); status != CAIRO_STATUS_SUCCESS)
      throw core::Failure(
          {}, std::string("cannot write the contact sheet: ") + cairo_status_to_string(status));
    return std::move(bytes_);
  }

 private:
  std::string bytes_;  // before the surface, which writes into it
  Surface surface_;
  Context cr_;
};

std::string summary_line(const RunSummary& summary, const ContactSheetOptions& options) {
  std::string s = std::to_string(summary.in_shard()) +
                  " jobs: " + std::to_string(summary.count(JobStatus::done)) + " written, " +
                  std::to_string(summary.count(JobStatus::skipped)) + " up to date, " +
                  std::to_string(summary.count(JobStatus::failed)) + " failed";
  if (!options.shard.empty()) s += " · shard " + options.shard;
  return s;
}

}  // namespace

bool is_contact_sheet_format(const fs::path& file) {
  const std::string ext = lower_extension(file);
  return ext == ".png" || ext == ".pdf";
}

std::vector<fs::path> write_contact_sheet(const std::vector<fs::path>& files,
                                          const RunSummary& summary,
                                          const std::vector<PlannedJob>& jobs,
                                          const ContactSheetOptions& options,
                                          std::shared_ptr<const Session> session,
                                          core::Diagnostics& diags) {
  const std::vector<SheetSection> sections = collect_tiles(summary, jobs, options.out_dir);
  const std::vector<SheetPage> pages = lay_out_sheet(sections);
  const core::Options& run = session->options;
  ThumbnailMaker maker(run);
  for (const auto& section : sections)
    for (const auto& tile : section.tiles) maker.prepare(tile);
  const SheetHeading heading{"Contact sheet · " + options.title, summary_line(summary, options),
                             options.out_dir.generic_string()};
  const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  // Reading a large PNG takes its full size in memory: a few at a time is plenty.
  const size_t threads = std::min<size_t>(options.threads > 0 ? options.threads : hardware, 8);

  Engine engine(session);  // sets the sheet's own labels
  std::optional<PdfSheet> pdf;
  for (const auto& f : files)
    if (lower_extension(f) == ".pdf" && !pdf) pdf.emplace(heading.title);
  std::vector<fs::path> written;
  // cairo fails to draw or encode a sheet only when memory runs out: truly exceptional, and
  // reported like any other problem with the sheet.
  try {
    for (size_t i = 0; i < pages.size(); ++i) {
      const auto thumbnails = make_thumbnails(pages[i], maker, session, threads);
      const compose::Page drawn = sheet_page(pages[i], thumbnails, heading, static_cast<int>(i + 1),
                                             static_cast<int>(pages.size()), engine.typesetter());
      if (pdf) pdf->add(drawn, pages[i], thumbnails, run);
      for (const auto& f : files) {
        if (lower_extension(f) != ".png") continue;
        const fs::path file = page_path(f, i, pages.size());
        if (!core::write_file_atomically(file, png_bytes(drawn, pages[i], thumbnails, run), diags))
          return written;
        written.push_back(file);
      }
    }
    for (const auto& f : files)
      if (lower_extension(f) == ".png") remove_stale_pages(f, pages.size());
    if (pdf) {
      const std::string bytes = pdf->finish();
      for (const auto& f : files) {
        if (lower_extension(f) != ".pdf") continue;
        if (!core::write_file_atomically(f, bytes, diags)) return written;
        written.push_back(f);
      }
    }
  } catch (const core::Failure& f) {
    diags.append(f.diagnostics());
  }
  return written;
}

}  // namespace broadside::batch
