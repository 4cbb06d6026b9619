// contact_sheet_layout.hpp — where a contact sheet's headings and tiles go, page by page, and
// its vector part (background, headings, labels, frames, failures) as a composed page that
// render draws like any other; the thumbnails are painted on top of it.
#pragma once

#include <cairo.h>

#include <string>
#include <vector>

#include "batch/contact_sheet_thumbnails.hpp"
#include "batch/contact_sheet_tiles.hpp"
#include "compose/composition.hpp"
#include "text/typesetter.hpp"

namespace broadside::batch {

/// A tile's place: its thumbnail box (the thumbnail sits at the foot of it, centred) and its
/// label under the box.
struct PlacedTile {
  const SheetTile* tile = nullptr;
  core::Rect box;
};

struct PlacedHeading {
  const SheetSection* section = nullptr;
  core::Pt y{0};
  /// The section began on an earlier page.
  bool continued = false;
};

struct SheetPage {
  core::Size size;
  std::vector<PlacedHeading> headings;
  std::vector<PlacedTile> tiles;
};

/// Thumbnail pixels per point: PNG sheets are drawn at this scale, and PDF sheets embed the
/// thumbnails at this resolution (108 ppi).
inline constexpr double kSheetPixelsPerPoint = 1.5;

/// Pages of at most a dozen columns and ten rows of tiles; sections start on a new row.
std::vector<SheetPage> lay_out_sheet(const std::vector<SheetSection>& sections);

/// What the heading of every page says.
struct SheetHeading {
  std::string title;    // "Contact sheet · campaign.yaml"
  std::string summary;  // "50 jobs: 48 written, 2 up to date, 0 failed"
  /// Section names are shown under this folder (the run's --out).
  std::string out_dir;
};

/// The page's vector part. `thumbnails` has one entry per tile of `page`, in order; a tile
/// whose thumbnail could not be made shows why.
compose::Page sheet_page(const SheetPage& page, const std::vector<Thumbnail>& thumbnails,
                         const SheetHeading& heading, int number, int count,
                         text::Typesetter& typesetter);

/// Paints the thumbnails over the page drawn from sheet_page (user space in points).
void paint_thumbnails(cairo_t* cr, const SheetPage& page, const std::vector<Thumbnail>& thumbnails);

}  // namespace broadside::batch
