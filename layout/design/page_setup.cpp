// page_setup.cpp — paper sizes, orientation, bleed and margin defaults, and the grid.
#include "design/page_setup.hpp"

#include <fmt/format.h>

#include "core/ascii.hpp"
#include "design/folds.hpp"
#include "design/length.hpp"

namespace broadside::design {

namespace {

using core::from_in;
using core::from_mm;

struct NamedSize {
  std::string name;
  Pt width, height;
  // US sizes are trimmed by US printers, who ask for 1/8 inch of bleed, not 3mm.
  bool is_us = false;
};

const std::vector<NamedSize>& named_sizes() {
  static const std::vector<NamedSize> sizes = {
      {"A0", from_mm(841), from_mm(1189)},         {"A1", from_mm(594), from_mm(841)},
      {"A2", from_mm(420), from_mm(594)},          {"A3", from_mm(297), from_mm(420)},
      {"A4", from_mm(210), from_mm(297)},          {"A5", from_mm(148), from_mm(210)},
      {"A6", from_mm(105), from_mm(148)},          {"A7", from_mm(74), from_mm(105)},
      {"letter", from_in(8.5), from_in(11), true}, {"legal", from_in(8.5), from_in(14), true},
      {"tabloid", from_in(11), from_in(17), true}};
  return sizes;
}

const NamedSize* find_named(const std::string& text) {
  for (const auto& s : named_sizes())
    if (core::ascii_iequals(s.name, text)) return &s;
  return nullptr;
}

constexpr Pt kDefaultBleed = from_mm(3);
constexpr Pt kUsBleed = from_in(0.125);
constexpr Pt kDefaultMargin = from_mm(10);
// Acrobat and most PDF viewers refuse a page box over 14400pt a side (poppler fails on much
// larger ones), so a PDF that size would not open.
constexpr Pt kMaxMediaSide = from_in(200);

// "148mm x 210mm": tries each 'x' (or '×') as the separator, since "px" contains one too.
std::optional<core::Size> split_size(const std::string& text) {
  for (size_t at = 0; at < text.size(); ++at) {
    size_t width = 0;
    if (text[at] == 'x' || text[at] == 'X')
      width = 1;
    else if (text.compare(at, 2, "\xC3\x97") == 0)
      width = 2;
    if (width == 0) continue;
    ParsedLength w = parse_length(text.substr(0, at)), h = parse_length(text.substr(at + width));
    if (w.length && h.length) return core::Size{*w.length, *h.length};
  }
  return std::nullopt;
}

std::optional<core::Size> read_size_pair(Reader& in, const Field& f) {
  auto items = in.list(f);
  if (!items) return std::nullopt;
  if (items->size() != 2) {
    in.error(
        f, "expected [width, height] for 'size', got " + std::to_string(items->size()) + " values");
    return std::nullopt;
  }
  auto w = read_length(in, (*items)[0]), h = read_length(in, (*items)[1]);
  if (!w || !h) return std::nullopt;
  return core::Size{*w, *h};
}

// The trim size, and whether it is a US size; nullopt after an error.
std::optional<std::pair<core::Size, bool>> read_trim(Reader& in, const Field& f) {
  if (!f.present) return std::pair{core::Size{from_mm(210), from_mm(297)}, false};
  std::optional<core::Size> size;
  if (f.node.IsSequence()) {
    size = read_size_pair(in, f);
    if (!size) return std::nullopt;
  } else {
    auto text = in.scalar(f, "a paper size (A5, letter) or 'width x height'");
    if (!text) return std::nullopt;
    if (const NamedSize* named = find_named(*text))
      return std::pair{core::Size{named->width, named->height}, named->is_us};
    size = split_size(*text);
    if (!size) {
      std::vector<std::string> names;
      for (const auto& s : named_sizes()) names.push_back(s.name);
      // The message lists every name, so a "did you mean" would only repeat one of them.
      in.error(f, "unknown page size '" + *text + "': use " + join_names(names) +
                      ", or a size like '148mm x 210mm'");
      return std::nullopt;
    }
  }
  if (size->width <= Pt{0} || size->height <= Pt{0}) {
    in.error(f, "a page size must be greater than 0 both ways");
    return std::nullopt;
  }
  return std::pair{*size, false};
}

enum class Orientation { portrait, landscape };

enum class Mark { crop, bleed, registration, colorbar, slug_info, all, none };

// `marks: [crop, registration]`, or one word: `marks: all`, `marks: none`.
PrintMarks read_marks(Reader& in, const Field& f) {
  const std::vector<std::pair<std::string, Mark>> words = {{"crop", Mark::crop},
                                                           {"bleed", Mark::bleed},
                                                           {"registration", Mark::registration},
                                                           {"colorbar", Mark::colorbar},
                                                           {"slug-info", Mark::slug_info},
                                                           {"all", Mark::all},
                                                           {"none", Mark::none}};
  auto items = f.present && f.node.IsScalar()
                   ? std::optional<std::vector<Field>>({f})
                   : in.list(f, "a list of marks (crop, bleed, registration, colorbar, slug-info)");
  PrintMarks marks;
  for (Field item : items.value_or(std::vector<Field>{})) {
    item.name = "mark";
    switch (in.keyword(item, words).value_or(Mark::none)) {
      case Mark::crop:
        marks.crop = true;
        break;
      case Mark::bleed:
        marks.bleed = true;
        break;
      case Mark::registration:
        marks.registration = true;
        break;
      case Mark::colorbar:
        marks.colorbar = true;
        break;
      case Mark::slug_info:
        marks.slug_info = true;
        break;
      case Mark::all:
        marks = {true, true, true, true, true};
        break;
      case Mark::none:
        break;
    }
  }
  return marks;
}

// `slug:` and `marks:`; the slug defaults to room for the marks.
void read_slug_and_marks(Reader& in, const MapView& map, PageSetup& page) {
  if (map.has("marks")) page.marks = read_marks(in, map.get("marks"));
  if (map.has("slug")) page.slug = read_length(in, map.get("slug"));
  if (page.slug && page.marks.any() && *page.slug < kMinMarksSlug)
    in.error(map.get("slug"), "marks need a slug of at least 5mm to stay outside the bleed");
  page.geometry.slug = slug_for(page.slug, page.marks);
}

// "50000", "5078.5": lengths in messages as a designer writes them, without float noise.
std::string mm_text(Pt p) {
  std::string text = fmt::format("{:.1f}", core::to_mm(p));
  if (text.ends_with(".0")) text.resize(text.size() - 2);
  return text;
}

// The media box (trim plus bleed and slug each side) is what a viewer must open. Reported at
// the size even when the bleed tips it over: the size is what a designer of a poster that large
// has to rethink.
void check_media_size(Reader& in, const Field& size, const core::PageGeometry& geometry) {
  const core::Size media = geometry.media();
  const Pt side = core::max(media.width, media.height);
  if (side <= kMaxMediaSide) return;
  const Pt trim = core::max(geometry.trim.width, geometry.trim.height);
  std::string message = "page size " + mm_text(trim) + " mm";
  if (trim <= kMaxMediaSide)
    message += fmt::format(" ({} mm with its {})", mm_text(side),
                           geometry.slug > Pt{0} ? "bleed and slug" : "bleed");
  in.error(size, message + " is over PDF's limit of 5080 mm (200 in) a side",
           "design it at a scale, say 1:10, and have the printer enlarge it");
}

}  // namespace

PageSetup read_page(Reader& in, const Field& f) {
  const int errors_before = in.errors();
  PageSetup page;
  MapView map(in, f, "a map of page settings");
  map.check({"size", "orientation", "bleed", "margins", "marks", "slug", "fold"});
  auto trim = read_trim(in, map.get("size"));
  const bool is_us = trim && trim->second;
  core::Size size = trim ? trim->first : core::Size{from_mm(210), from_mm(297)};
  if (map.has("orientation")) {
    auto o = in.keyword(map.get("orientation"), std::vector<std::pair<std::string, Orientation>>{
                                                    {"portrait", Orientation::portrait},
                                                    {"landscape", Orientation::landscape}});
    const bool is_wide = size.width > size.height;
    if (o && (*o == Orientation::landscape) != is_wide && size.width != size.height)
      std::swap(size.width, size.height);
  }
  page.geometry.trim = size;
  if (map.has("fold")) page.fold = read_fold(in, map.get("fold"), size, is_us);
  page.geometry.bleed = is_us ? kUsBleed : kDefaultBleed;
  if (map.has("bleed")) {
    if (auto b = read_length(in, map.get("bleed"))) page.geometry.bleed = *b;
  }
  read_slug_and_marks(in, map, page);
  if (trim) check_media_size(in, map.has("size") ? map.get("size") : f, page.geometry);
  page.margins = Insets::uniform(kDefaultMargin);
  if (map.has("margins")) {
    if (auto m = read_insets(in, map.get("margins"), page.margins)) page.margins = *m;
  }
  const Rect box = page.margin_box();
  if (in.errors() == errors_before && (box.width <= Pt{0} || box.height <= Pt{0}))
    in.error(map.has("margins") ? map.get("margins") : f, "the margins leave no room on the page");
  page.is_valid = in.errors() == errors_before;
  return page;
}

Grid read_grid(Reader& in, const Field& f, const PageSetup& page) {
  Grid grid;
  MapView map(in, f, "a map of grid settings");
  map.check({"columns", "rows", "gutter", "column-gutter", "row-gutter"});
  constexpr int kMaxCells = 1000;  // far beyond any layout; guards the cell arithmetic
  if (map.has("columns")) grid.columns = in.integer(map.get("columns"), 1, kMaxCells).value_or(1);
  if (map.has("rows")) grid.rows = in.integer(map.get("rows"), 1, kMaxCells).value_or(1);
  if (map.has("gutter")) {
    const Pt gutter = read_length(in, map.get("gutter")).value_or(Pt{0});
    grid.column_gutter = grid.row_gutter = gutter;
  }
  if (map.has("column-gutter"))
    grid.column_gutter = read_length(in, map.get("column-gutter")).value_or(grid.column_gutter);
  if (map.has("row-gutter"))
    grid.row_gutter = read_length(in, map.get("row-gutter")).value_or(grid.row_gutter);
  const Rect box = page.margin_box();
  if (page.is_valid && box.width - grid.column_gutter * (grid.columns - 1) <= Pt{0})
    in.error(f, "the grid's column gutters are wider than the space between the margins");
  if (page.is_valid && box.height - grid.row_gutter * (grid.rows - 1) <= Pt{0})
    in.error(f, "the grid's row gutters are taller than the space between the margins");
  return grid;
}

}  // namespace broadside::design
