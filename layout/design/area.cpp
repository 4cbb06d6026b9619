// area.cpp — resolving `area:` (margin|trim|bleed, {grid: [...]}, or edge distances) to a Rect.
#include "design/area.hpp"

#include <fmt/format.h>

#include <limits>

#include "design/folds.hpp"
#include "design/length.hpp"

namespace broadside::design {

namespace {

// One direction of an area: the sides and size as given, and what a missing side means.
struct Axis {
  const char* start_key;
  const char* end_key;
  const char* size_key;
  Pt total;         // the trim's width or height (the base of `%`)
  Pt start_margin;  // what `margin` means at each side
  Pt end_margin;
};

// A side: a length (negative reaches into the bleed), a % of the trim, or the word `margin`.
std::optional<Pt> read_side(Reader& in, const Field& f, Pt total, Pt margin) {
  if (f.present && f.node.IsScalar() && f.node.Scalar() == "margin") return margin;
  return read_length(in, f, {true, total});
}

// The start position and size along one axis; nullopt after an error.
std::optional<std::pair<Pt, Pt>> resolve_axis(Reader& in, const MapView& map, const Axis& a) {
  const bool has_start = map.has(a.start_key), has_end = map.has(a.end_key);
  const bool has_size = map.has(a.size_key);
  if (has_start && has_end && has_size) {
    in.error(map.get(a.size_key), fmt::format("give at most two of '{}', '{}' and '{}'",
                                              a.start_key, a.end_key, a.size_key));
    return std::nullopt;
  }
  std::optional<Pt> start = a.start_margin, end = a.end_margin, size;
  if (has_start) start = read_side(in, map.get(a.start_key), a.total, a.start_margin);
  if (has_end) end = read_side(in, map.get(a.end_key), a.total, a.end_margin);
  if (has_size) size = read_length(in, map.get(a.size_key), {false, a.total});
  if (!start || !end || (has_size && !size)) return std::nullopt;
  if (!has_size) return std::pair{*start, a.total - *end - *start};
  if (!has_start && has_end) return std::pair{a.total - *end - *size, *size};
  return std::pair{*start, *size};
}

std::optional<Rect> area_from_sides(Reader& in, const MapView& map, const PageSetup& page) {
  const core::Size trim = page.geometry.trim;
  const Insets& m = page.margins;
  auto x = resolve_axis(in, map, {"left", "right", "width", trim.width, m.left, m.right});
  auto y = resolve_axis(in, map, {"top", "bottom", "height", trim.height, m.top, m.bottom});
  if (!x || !y) return std::nullopt;
  return Rect{x->first, y->first, x->second, y->second};
}

std::optional<Rect> area_from_grid(Reader& in, const Field& f, const PageSetup& page,
                                   const Grid& grid) {
  auto items = in.list(f, "a list [column, row, columns, rows]");
  if (!items) return std::nullopt;
  if (items->size() != 4) {
    in.error(f, fmt::format("expected [column, row, columns, rows] for 'grid', got {} numbers",
                            items->size()));
    return std::nullopt;
  }
  int v[4];
  for (int i = 0; i < 4; ++i) {
    auto n = in.integer((*items)[i], 1, std::numeric_limits<int>::max());
    if (!n) return std::nullopt;
    v[i] = *n;
  }
  if (v[0] + v[2] - 1 > grid.columns || v[1] + v[3] - 1 > grid.rows) {
    in.error(f, fmt::format("grid area [{}, {}, {}, {}] runs past the grid's {} columns x {} rows",
                            v[0], v[1], v[2], v[3], grid.columns, grid.rows));
    return std::nullopt;
  }
  return grid_cells(page, grid, v[0], v[1], v[2], v[3]);
}

std::optional<Rect> area_from_keyword(Reader& in, const Field& f, const PageSetup& page) {
  enum class Box { margin, trim, bleed };
  auto box =
      in.keyword(f, std::vector<std::pair<std::string, Box>>{
                        {"margin", Box::margin}, {"trim", Box::trim}, {"bleed", Box::bleed}});
  if (!box) return std::nullopt;
  if (*box == Box::trim) return page.geometry.trim_rect();
  if (*box == Box::bleed) return page.geometry.bleed_rect();
  return page.margin_box();
}

std::string mm(Pt p) {
  return fmt::format("{:.1f}mm", core::to_mm(p));
}

void check_bounds(Reader& in, const Field& f, const PageSetup& page, const Rect& r,
                  const std::string& frame) {
  if (r.width <= Pt{0} || r.height <= Pt{0}) {
    in.error(f,
             fmt::format("the area of frame '{}' is {} wide and {} high; it needs room both ways",
                         frame, mm(r.width), mm(r.height)));
  } else if (!page.geometry.bleed_rect().contains(r)) {
    in.error(f, fmt::format("the area of frame '{}' reaches outside the bleed (x {}, y {}, {} x {} "
                            "from the trim's top left; bleed {})",
                            frame, mm(r.x), mm(r.y), mm(r.width), mm(r.height),
                            mm(page.geometry.bleed)));
  }
}

}  // namespace

Rect grid_cells(const PageSetup& page, const Grid& grid, int column, int row, int columns,
                int rows) {
  const Rect box = page.margin_box();
  const Pt cell_w = (box.width - grid.column_gutter * (grid.columns - 1)) / grid.columns;
  const Pt cell_h = (box.height - grid.row_gutter * (grid.rows - 1)) / grid.rows;
  return Rect{box.x + (cell_w + grid.column_gutter) * (column - 1),
              box.y + (cell_h + grid.row_gutter) * (row - 1),
              cell_w * columns + grid.column_gutter * (columns - 1),
              cell_h * rows + grid.row_gutter * (rows - 1)};
}

std::optional<Rect> read_area(Reader& in, const Field& f, const PageSetup& page, const Grid& grid,
                              const std::string& frame) {
  if (!f.present) return page.margin_box();
  std::optional<Rect> area;
  if (f.node.IsMap()) {
    MapView map(in, f, "an area");
    map.check({"grid", "top", "bottom", "left", "right", "width", "height", "panel"});
    if (map.has("grid") && map.entries().size() > 1) {
      in.error(f, "an area is either {grid: [...]} or edge distances, not both");
      return std::nullopt;
    }
    if (map.has("panel")) {  // folded sheets: the sides measured in the panel (spec/folds.cpp)
      auto panel = panel_page(in, map.get("panel"), page);
      area = panel ? area_from_sides(in, map, panel->setup) : std::nullopt;
      if (area) area->x += panel->x;
    } else {
      area = map.has("grid") ? area_from_grid(in, map.get("grid"), page, grid)
                             : area_from_sides(in, map, page);
    }
  } else {
    area = area_from_keyword(in, f, page);
  }
  if (area && page.is_valid) check_bounds(in, f, page, *area, frame);
  return area;
}

}  // namespace broadside::design
