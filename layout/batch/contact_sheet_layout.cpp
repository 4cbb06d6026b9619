// contact_sheet_layout.cpp — a fixed grid (every length an even number of points, so at 1.5 px
// per point every tile edge falls on a whole pixel and thumbnails are painted unresampled),
// labels set with broadside's own typesetter and font set, long names cut with an ellipsis.
#include "batch/contact_sheet_layout.hpp"

#include <algorithm>
#include <cmath>

namespace broadside::batch {

namespace {

using core::Point;
using core::Pt;
using core::Rect;

constexpr double kMargin = 36;
constexpr double kTitleHeight = 64;
constexpr double kHeadingHeight = 40;
constexpr double kTileWidth = 150;
constexpr double kBoxHeight = 226;  // room for Tabloid's 11 x 17 proportions at full width
constexpr double kLabelHeight = 32;
constexpr double kColumnGap = 18;
constexpr double kRowGap = 16;
constexpr double kSectionGap = 14;
constexpr double kRowPitch = kBoxHeight + kLabelHeight + kRowGap;
constexpr size_t kMinColumns = 4, kMaxColumns = 12;
constexpr int kMaxRows = 10;

core::Color hex(const char* text) {
  return *core::parse_hex_color(text);
}

/// How a piece of the sheet's own text is set.
struct TextSpec {
  std::vector<std::string> families;
  int weight = 400;
  double size = 9;
  const char* color = "#1A1A1A";
  double leading = 1.25;
};

const TextSpec kTitle{{"League Spartan", "Inter"}, 800, 20};
const TextSpec kSummary{{"Inter", "Noto Sans"}, 500, 10, "#5F5E5A"};
const TextSpec kHeading{{"League Spartan", "Inter", "Noto Sans"}, 800, 13};
const TextSpec kCount{{"Inter", "Noto Sans"}, 500, 9, "#5F5E5A"};
const TextSpec kLabel{{"Inter", "Noto Sans"}, 600, 9.5};
const TextSpec kDetail{{"Inter", "Noto Sans"}, 400, 7.5, "#5F5E5A"};
const TextSpec kFailed{{"Inter"}, 800, 10, "#C8102E"};
const TextSpec kProblem{{"Inter", "Noto Sans"}, 500, 8, "#1A1A1A", 1.3};

using Shaped = std::unique_ptr<text::Paragraph>;

std::unique_ptr<text::Paragraph> shape_at(text::Typesetter& ts, const std::string& s,
                                          const TextSpec& spec, Pt width) {
  text::ParagraphStyle style;
  style.face.families = spec.families;
  style.face.weight = spec.weight;
  style.size = Pt{spec.size};
  auto p = ts.shape(core::RichText::plain(s), style);
  p->set_width(width);
  return p;
}

bool fits(text::Paragraph& p, Pt width, int max_lines) {
  return p.line_count() <= max_lines && p.max_line_width() <= width + Pt{0.01};
}

/// `s` broken at `width`; when it needs more than `max_lines`, the longest start of it that
/// fits with "…" (file names can be long; a label must never run into its neighbour).
Shaped shape(text::Typesetter& ts, const std::string& s, const TextSpec& spec, Pt width,
             int max_lines) {
  auto whole = shape_at(ts, s, spec, width);
  if (fits(*whole, width, max_lines)) return whole;
  std::vector<size_t> starts;  // where each character starts: never cut one in half
  for (size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
  size_t lo = 0, hi = starts.size();  // fits with lo characters; not with hi
  while (hi - lo > 1) {
    const size_t mid = (lo + hi) / 2;
    if (fits(*shape_at(ts, s.substr(0, starts[mid]) + "…", spec, width), width, max_lines))
      lo = mid;
    else
      hi = mid;
  }
  std::string cut = s.substr(0, lo < starts.size() ? starts[lo] : s.size());
  while (!cut.empty() && cut.back() == ' ') cut.pop_back();
  return shape_at(ts, cut + "…", spec, width);
}

/// Puts the paragraph's lines on the page with the first baseline at `baseline`.
void emit(const Shaped& p, Pt x, Pt baseline, const TextSpec& spec, compose::Page& page) {
  const Pt pitch{spec.size * spec.leading};
  for (int i = 0; i < p->line_count(); ++i)
    page.items.push_back(compose::TextLine{Point{x + p->line(i).x_offset, baseline + pitch * i},
                                           p->glyph_line(i), hex(spec.color), 0});
}

/// Emits a paragraph whose first line box's top is at `top`; returns its height.
Pt emit_from_top(const Shaped& p, Pt x, Pt top, const TextSpec& spec, compose::Page& page) {
  if (p->line_count() == 0) return Pt{0};
  const auto first = p->line(0);
  const Pt pitch{spec.size * spec.leading};
  emit(p, x, top + (pitch - first.ascent - first.descent) / 2 + first.ascent, spec, page);
  return pitch * p->line_count();
}

}  // namespace

std::vector<SheetPage> lay_out_sheet(const std::vector<SheetSection>& sections) {
  size_t widest = 0;
  for (const auto& s : sections) widest = std::max(widest, s.tiles.size());
  const size_t columns = std::clamp(widest, kMinColumns, kMaxColumns);
  const Pt width{2 * kMargin + columns * kTileWidth + (columns - 1) * kColumnGap};
  std::vector<SheetPage> pages;
  double y = 0;
  int rows = kMaxRows;  // rows on the current page: the first row starts a page
  const auto finish_page = [&] {
    if (!pages.empty()) pages.back().size.height = Pt{y - kSectionGap - kRowGap + kMargin};
  };
  for (const auto& section : sections) {
    for (size_t first = 0; first < section.tiles.size(); first += columns) {
      bool heading = first == 0;
      if (rows == kMaxRows) {
        finish_page();
        pages.push_back({{width, Pt{0}}, {}, {}});
        y = kMargin + kTitleHeight;
        rows = 0;
        heading = true;
      }
      if (heading) {
        pages.back().headings.push_back({&section, Pt{y}, first > 0});
        y += kHeadingHeight;
      }
      for (size_t i = first; i < std::min(section.tiles.size(), first + columns); ++i) {
        const double x = kMargin + static_cast<double>(i - first) * (kTileWidth + kColumnGap);
        pages.back().tiles.push_back(
            {&section.tiles[i], Rect{Pt{x}, Pt{y}, Pt{kTileWidth}, Pt{kBoxHeight}}});
      }
      y += kRowPitch;
      ++rows;
    }
    y += kSectionGap;
  }
  if (pages.empty()) {  // a run without jobs still gets a sheet that says so
    pages.push_back({{width, Pt{0}}, {}, {}});
    y = kMargin + kTitleHeight + kSectionGap + kRowGap;
  }
  finish_page();
  return pages;
}

namespace {

/// Where a thumbnail of `image`'s size sits in its box: at the foot, centred, on whole pixels.
Rect thumbnail_rect(const Rect& box, cairo_surface_t* image) {
  const double s = kSheetPixelsPerPoint;
  const double w = cairo_image_surface_get_width(image), h = cairo_image_surface_get_height(image);
  const double x = std::round((box.width.value * s - w) / 2) / s;
  return Rect{box.x + Pt{x}, box.bottom() - Pt{h / s}, Pt{w / s}, Pt{h / s}};
}

void add_title(compose::Page& out, const SheetHeading& heading, int number, int count,
               text::Typesetter& ts) {
  const Pt width = out.geometry.trim.width - Pt{2 * kMargin};
  const Pt top{kMargin};
  const Pt h = emit_from_top(shape(ts, heading.title, kTitle, width, 1), top, top, kTitle, out);
  std::string summary = heading.summary;
  if (count > 1) summary += " · page " + std::to_string(number) + " of " + std::to_string(count);
  emit_from_top(shape(ts, summary, kSummary, width, 1), top, top + h + Pt{2}, kSummary, out);
}

void add_heading(compose::Page& out, const PlacedHeading& h, const std::string& out_dir,
                 text::Typesetter& ts) {
  const SheetSection& s = *h.section;
  std::string name = s.failures ? "Failed" : s.name;
  if (!s.failures && !out_dir.empty()) name = s.name.empty() ? out_dir : out_dir + "/" + s.name;
  if (h.continued) name += " (continued)";
  const size_t n = s.tiles.size();
  const std::string count = std::to_string(n) + (s.failures ? " job" : " file") +
                            (n == 1 ? "" : "s") + (s.failures ? " failed" : "");
  const Pt width = out.geometry.trim.width - Pt{2 * kMargin};
  TextSpec spec = kHeading;
  if (s.failures) spec.color = "#C8102E";
  const Shaped counted = shape(ts, count, kCount, width, 1);
  const Shaped named = shape(ts, name, spec, width - counted->max_line_width() - Pt{12}, 1);
  const Pt baseline = h.y + Pt{14};
  emit(named, Pt{kMargin}, baseline, spec, out);
  emit(counted, Pt{kMargin} + named->max_line_width() + Pt{12}, baseline, kCount, out);
  out.items.push_back(compose::Line{Point{Pt{kMargin}, h.y + Pt{23}},
                                    Point{out.geometry.trim.width - Pt{kMargin}, h.y + Pt{23}},
                                    Pt{0.75}, hex(s.failures ? "#C8102E" : "#C4C2BC")});
}

/// A failed job: a pale red card with the first error, where its thumbnail would be.
void add_failure(compose::Page& out, const PlacedTile& t, text::Typesetter& ts) {
  out.items.push_back(compose::Fill{t.box, hex("#FBE3E6")});
  out.items.push_back(compose::Outline{t.box, hex("#C8102E"), Pt{1.5}});
  const Pt inner = t.box.width - Pt{20};
  const Pt top = t.box.y + Pt{10};
  const Pt h =
      emit_from_top(shape(ts, "FAILED", kFailed, inner, 1), t.box.x + Pt{10}, top, kFailed, out);
  const int lines = static_cast<int>((kBoxHeight - 30 - h.value) / (kProblem.size * 1.3));
  emit_from_top(shape(ts, t.tile->problem, kProblem, inner, lines), t.box.x + Pt{10},
                top + h + Pt{6}, kProblem, out);
}

void add_tile(compose::Page& out, const PlacedTile& t, const Thumbnail& thumb,
              text::Typesetter& ts) {
  if (t.tile->state == TileState::failed) {
    add_failure(out, t, ts);
  } else if (thumb.image) {
    const Rect r = thumbnail_rect(t.box, thumb.image.get());
    // A soft edge, so white pages stand out from the sheet and red ones do not bleed into it.
    out.items.push_back(
        compose::Fill{Rect{r.x, r.y + Pt{1.5}, r.width, r.height}, hex("#0000001C")});
    out.items.push_back(compose::Outline{r.outset(Pt{0.75}), hex("#00000026"), Pt{0.75}});
  } else {
    out.items.push_back(compose::Fill{t.box, hex("#F7F6F3")});
    out.items.push_back(compose::Outline{t.box, hex("#C4C2BC"), Pt{0.75}});
    emit_from_top(shape(ts, thumb.problem, kProblem, t.box.width - Pt{20}, 6), t.box.x + Pt{10},
                  t.box.y + Pt{10}, kProblem, out);
  }
  const Pt below = t.box.bottom() + Pt{5};
  const Pt h =
      emit_from_top(shape(ts, t.tile->title, kLabel, t.box.width, 1), t.box.x, below, kLabel, out);
  emit_from_top(shape(ts, t.tile->detail, kDetail, t.box.width, 1), t.box.x, below + h, kDetail,
                out);
}

}  // namespace

compose::Page sheet_page(const SheetPage& page, const std::vector<Thumbnail>& thumbnails,
                         const SheetHeading& heading, int number, int count,
                         text::Typesetter& typesetter) {
  compose::Page out;
  out.name = "contact sheet " + std::to_string(number);
  out.geometry = core::PageGeometry{page.size, Pt{0}, Pt{0}};
  out.items.push_back(compose::Fill{Rect{Pt{0}, Pt{0}, page.size.width, page.size.height},
                                    hex("#ECEBE7"), Pt{0}, false, true});
  add_title(out, heading, number, count, typesetter);
  for (const auto& h : page.headings) add_heading(out, h, heading.out_dir, typesetter);
  for (size_t i = 0; i < page.tiles.size(); ++i)
    add_tile(out, page.tiles[i], thumbnails[i], typesetter);
  return out;
}

void paint_thumbnails(cairo_t* cr, const SheetPage& page,
                      const std::vector<Thumbnail>& thumbnails) {
  for (size_t i = 0; i < page.tiles.size(); ++i) {
    cairo_surface_t* image = thumbnails[i].image.get();
    if (!image || page.tiles[i].tile->state == TileState::failed) continue;
    const Rect r = thumbnail_rect(page.tiles[i].box, image);
    cairo_save(cr);
    cairo_translate(cr, r.x.value, r.y.value);
    cairo_scale(cr, 1 / kSheetPixelsPerPoint, 1 / kSheetPixelsPerPoint);
    cairo_set_source_surface(cr, image, 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);
  }
}

}  // namespace broadside::batch
