// contact_sheet_thumbnails.hpp — a document's first page as a small image for a contact sheet:
// its PNG scaled down, or, when the job wrote none (PDF or SVG only), its first page composed
// again from the job's inputs and drawn at thumbnail size.
#pragma once

#include <cairo.h>

#include <map>
#include <memory>
#include <string>

#include "batch/contact_sheet_tiles.hpp"
#include "batch/input_cache.hpp"
#include "batch/job.hpp"
#include "core/handle.hpp"

namespace broadside::batch {

using Surface = core::Handle<cairo_surface_t, cairo_surface_destroy>;

struct Thumbnail {
  /// RGB24, at most the size asked for, the page's proportions kept; null when it could not be
  /// made.
  Surface image;
  /// Why there is no image.
  std::string problem;
};

/// PNGs larger than this (pixels) are not read: 25 million is A3 at 350 dpi, 100 MB decoded.
inline constexpr double kLargestPngToRead = 25e6;

class ThumbnailMaker {
 public:
  /// Inputs are read and images drawn under `options`, which must outlive the maker.
  explicit ThumbnailMaker(const core::Options& options) : options_(options), cache_(options) {}

  /// Reads the design and statement of every tile that will be composed again. Call for all
  /// tiles before make(); not thread-safe.
  void prepare(const SheetTile& tile);

  /// Whether the tile's thumbnail is read from its PNG (else it is composed again).
  static bool reads_png(const SheetTile& tile);
  /// Whether make() needs an Engine for the tile: it is composed again.
  static bool needs_engine(const SheetTile& tile) { return tile.job && !reads_png(tile); }

  /// The tile's thumbnail, at most `max_width` × `max_height` pixels. Safe to call from many
  /// threads at once, each with its own Engine (null when needs_engine() is false).
  Thumbnail make(const SheetTile& tile, int max_width, int max_height, Engine* engine) const;

 private:
  struct Inputs {
    std::shared_ptr<const design::Design> design;
    std::shared_ptr<const content::Document> document;
  };
  Thumbnail compose_again(const PlannedJob& job, int max_width, int max_height,
                          Engine& engine) const;

  const core::Options& options_;
  InputCache cache_;
  std::map<const PlannedJob*, Inputs> inputs_;
};

}  // namespace broadside::batch
