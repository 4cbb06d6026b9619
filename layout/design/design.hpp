// design.hpp — a fully resolved design: every default applied, every length in Pt, every colour
// and style resolved. After spec there is nothing left to interpret but {variables}.
#pragma once

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/color.hpp"
#include "core/diagnostic.hpp"
#include "core/geometry.hpp"
#include "core/options.hpp"
#include "core/print_sizes.hpp"
#include "core/typography.hpp"
#include "core/variables.hpp"
#include "design/fold.hpp"
#include "design/variables_section.hpp"

namespace broadside::design {

using core::Color;
using core::Insets;
using core::Pt;
using core::Rect;
using core::SourceLocation;

/// A font size or, when min < max, a range to fit: the largest size (in `step`s down from max)
/// at which the text fits its frame. Display type may instead grow with its frame
/// (`28pt..30%`): then `max` is `min` and the largest size is a share of the frame's width.
struct SizeRange {
  Pt min{10}, max{10}, step{0.5};
  /// The largest size as a share of the frame's inner width (0.3 for `30%`); 0 when fixed.
  double max_share = 0;
  bool is_range() const { return min < max || max_share > 0; }
  /// The largest size in a frame this wide: a share of it, never below `min`.
  Pt max_in(Pt width) const { return max_share > 0 ? std::max(min, width * max_share) : max; }
};

/// A named type style (`styles:` in YAML). Frames hold their own resolved copy, with any
/// frame-level overrides (colour, size, align) applied.
struct Style {
  std::string name;
  /// Where font problems are reported: the style's own `font:` value (or a frame's, on the
  /// frame's copy), else the style's name.
  SourceLocation where;
  core::Typeface face;
  SizeRange size;
  /// Line pitch (baseline to baseline) as a multiple of the size; YAML also takes a length,
  /// stored as that length divided by the largest size.
  double leading = 1.25;
  /// Letter spacing in thousandths of an em (InDesign's unit); negative tightens.
  double tracking = 0;
  core::TextCase text_case = core::TextCase::none;
  core::Align align = core::Align::start;
  bool hyphenate = false;
  /// OpenType features in Pango syntax: "liga=0, onum, smcp".
  std::string features;
  Color color = Color::black();
  /// At most this many lines (0 = no limit); a fitted text shrinks until it holds.
  int max_lines = 0;
  /// Even out line lengths and never leave a lone word on the last line.
  bool balance = false;
  /// Space above and below each paragraph / list item, and first-line indent of a paragraph
  /// that follows another paragraph.
  Pt space_before{0}, space_after{0}, indent{0};
  /// Widow/orphan control: lines of a paragraph kept together at a column's foot and head.
  int keep_lines = 2;
};

/// A border drawn on the inside of a frame's rectangle.
struct Border {
  Color color = Color::black();
  Pt width{1};
};

/// Decoration and insets every frame may have.
struct Box {
  std::optional<Color> background;
  std::optional<Border> border;
  Pt radius{0};
  Insets padding;
};

/// Text with {variables}: literal pieces and variable names, in order. `{{` and `}}` are
/// literal braces; a newline is a line break.
struct Template {
  struct Piece {
    bool is_variable = false;
    std::string text;  // literal text, or the variable name ("cta.url")
    /// A variable's name: its byte offset in `source`, and where it is written in the file.
    size_t offset = 0;
    SourceLocation where;
  };
  std::vector<Piece> pieces;
  std::string source;  // as written, for messages
  SourceLocation where;
  /// The name when the template is exactly one variable ("{demands}"), else empty.
  std::string sole_variable() const;
};

/// `text: "{headline}"` — one block of text; fitted when its style's size is a range.
struct TextFrame {
  Template text;
  Style style;
};

enum class MarkerKind { square, disc, dash, number, none };

/// `list: "{demands}"` — one item per list value, each with a marker.
struct ListFrame {
  Template items;
  Style style;
  MarkerKind marker = MarkerKind::square;
  Color marker_color = Color::black();
  /// Gap between marker and text, and between items.
  Pt marker_gap{6}, item_gap{4};
};

/// `flow: body` — the statement body, poured into columns. Every flow frame with the same
/// source forms one chain, in page order then frame order (or by `order`); repeated pages
/// extend it.
struct FlowFrame {
  std::string source = "body";
  Style style;          // paragraphs and list items
  Style heading_style;  // subheadings (kept with the next paragraph)
  Style quote_style;    // block quotes
  int columns = 1;
  Pt gutter{12};
  /// `paragraphs: 3` — an excerpt the design asks for: only the body's first blocks, up to
  /// this many paragraphs (0 = the whole body). Everything taken must still fit.
  int paragraphs = 0;
  /// `read-more: "{labels.read-more} {cta.url}"` — the design's answer to a body too long for
  /// the style's smallest size: an excerpt of the whole paragraphs that fit, ended by this line
  /// (in `read-more-style`) saying where the whole statement is. Without it, that is an error.
  std::optional<Template> read_more;
  Style read_more_style;
  /// `order: 1` — the frame's place in its chain when page order is not reading order (a
  /// trifold's flap, printed on the outside, is read after the first inside panel): the chain
  /// runs by `order`, then page, then frame.
  int order = 0;
  /// `balance-columns: false` — where the body ends in a frame of several columns, its columns
  /// are made to end level (as short as the text allows) rather than the last one left short
  /// or empty; false keeps them filled from the top, one after another.
  bool balance_columns = true;
  /// When the style's size is a range, the whole chain shares the largest size that fits.
};

enum class Direction { vertical, horizontal };

struct Frame;

/// `stack: vertical` — members take the size their content needs, `gap` apart; members with
/// `grow: true` share what is left.
struct StackFrame {
  Direction direction = Direction::vertical;
  Pt gap{0};
  std::vector<Frame> items;
};

enum class QrErrorCorrection { low, medium, quartile, high };

/// `qr: "https://{cta.url}"` — a QR code drawn as vectors, square, with its quiet zone.
struct QrFrame {
  Template data;
  Color color = Color::black();
  QrErrorCorrection level = QrErrorCorrection::medium;
};

enum class ImageFit { contain, cover, stretch };

/// `image: logo.svg` — SVG (librsvg), PNG or JPEG, relative to the design's folder (and inside
/// it, or inside a folder given with --allow-path).
struct ImageFrame {
  std::filesystem::path file;
  ImageFit fit = ImageFit::contain;
  /// `focus: [x, y]` — the point (fractions of the image's width and height from its top left)
  /// that `cover` keeps in view and `contain` aligns with the same point of the frame.
  std::array<double, 2> focus{0.5, 0.5};
};

/// `rule: {thickness: 1pt, color: ink}` — a horizontal (or, in a horizontal stack, vertical)
/// line across the frame.
struct RuleFrame {
  Pt thickness{1};
  Color color = Color::black();
};

/// `box: {}` — only the frame's decoration (background, border).
struct BoxFrame {};

using FrameContent = std::variant<TextFrame, ListFrame, FlowFrame, StackFrame, QrFrame, ImageFrame,
                                  RuleFrame, BoxFrame>;

struct Frame {
  /// `id:` or, when absent, a name made from the kind and position ("text #2 on page 'front'").
  std::string id;
  SourceLocation where;
  /// On a page: where it sits, in trim coordinates. Stack members have none.
  std::optional<Rect> area;
  /// Stack members: a fixed extent along the stack's direction, or a share of the remaining
  /// space (`grow: true`).
  std::optional<Pt> extent;
  bool grow = false;
  /// Where content sits inside the frame when it is shorter than the frame.
  core::VAlign valign = core::VAlign::top;
  Box box;
  /// `link:` — makes the whole frame a clickable link (the QR code and the URL text, say).
  std::optional<Template> link;
  /// `when-set: event.date` — optional content: the frame (and its gap in a stack) is left out
  /// unless every variable named has a value that is not empty.
  std::vector<std::string> when_set;
  /// `when-unset: demands` — the other case: left out when any variable named has a value, so
  /// a design can put something else where absent content would have stood.
  std::vector<std::string> when_unset;
  /// `overlap: true` — drawn over or under other frames on purpose (a watermark, a large
  /// decorative glyph behind a quote): the check that frames do not cover each other's text
  /// passes it by.
  bool overlap = false;
  FrameContent content;
};

struct PageTemplate {
  std::string name;
  SourceLocation where;
  /// Fills the trim and the bleed.
  std::optional<Color> background;
  std::vector<Frame> frames;
  /// `repeat: true` — emitted again and again while its flow chain still has text, and not at
  /// all when none is left for it.
  bool repeat = false;
};

struct Grid {
  int columns = 1, rows = 1;
  Pt column_gutter{0}, row_gutter{0};
};

/// `page: {marks: [crop, bleed, registration, colorbar, slug-info]}` — printer's marks, drawn
/// in the slug, outside the bleed.
struct PrintMarks {
  bool crop = false, bleed = false, registration = false, colorbar = false, slug_info = false;
  bool any() const { return crop || bleed || registration || colorbar || slug_info; }
  friend bool operator==(const PrintMarks&, const PrintMarks&) = default;
};

/// The slug given to marks when the design names none: room for 24pt crop marks and a slug line.
inline constexpr Pt kDefaultMarksSlug = core::from_mm(10);
/// Marks need at least this much slug to stay legible and out of the bleed.
inline constexpr Pt kMinMarksSlug = core::from_mm(5);

/// Preflight's least text size: a style that can only set smaller type is told so at its size,
/// once, rather than by preflight at every line it sets.
using core::kMinPrintTypeSize;

/// The slug in effect: the one given, else room for the marks, else none.
inline Pt slug_for(const std::optional<Pt>& given, const PrintMarks& marks) {
  return given.value_or(marks.any() ? kDefaultMarksSlug : Pt{0});
}

/// PDF colour: rgb (screen, digital print) or cmyk (offset: exact CMYK, spot colours, K-only
/// black text).
enum class ColorMode { rgb, cmyk };
/// PDF/X standard for PDF output; any of them implies CMYK.
enum class PdfxMode { none, x4, x1a };

struct OutputDefaults {
  /// Formats written when the command line names no output: "pdf", "png".
  std::vector<std::string> formats{"pdf", "png"};
  int dpi = 150;
  ColorMode color = ColorMode::rgb;
  PdfxMode pdfx = PdfxMode::none;
};

struct Design {
  std::string name;
  std::string about;
  std::filesystem::path file;
  core::PageGeometry geometry;
  /// `page: marks` and `page: slug` as written; geometry.slug holds slug_for(slug, marks).
  PrintMarks marks;
  std::optional<Pt> slug;
  Insets margins;
  Grid grid;
  std::map<std::string, Color> colors;
  std::map<std::string, Style> styles;
  std::vector<PageTemplate> pages;
  OutputDefaults output;
  /// `defaults:` — values used when neither the statement nor the command line gives one.
  core::Variables defaults;
  /// `variables:` — per-variable default, maximum length and format, by name.
  std::map<std::string, VariableSpec> variables;
  /// Upper limit on pages when repeated pages extend a flow.
  int max_pages = 64;
  /// `page-multiple: 4` — a saddle-stitched booklet: the repeated page is added until the page
  /// count is a multiple of this, the body set larger to fill them (1 = any count).
  int page_multiple = 1;
  /// `mirror-rtl: true` — for right-to-left statements, every frame's area is mirrored left to
  /// right (the page reads from the right). Columns and horizontal stacks always run from the
  /// right in right-to-left text.
  bool mirror_rtl = false;
  /// `facing-pages: true` — a bound document (a booklet): frames are placed as written on
  /// right-hand pages (1, 3, …) and mirrored on left-hand ones, so `margins` and areas read as
  /// inside (left) and outside (right) of a right-hand page.
  bool facing_pages = false;
  /// `page: {fold: trifold}` — the panels of a folded sheet; page 1 is its outside, page 2 its
  /// inside (spec/fold.hpp).
  Fold fold;
};

/// Reads and resolves a design file for a statement in `lang` (its `scripts:` changes for that
/// language's script and for the language itself are applied; none when empty), reporting every
/// problem into `diags`; nullopt when there was any error. `options` gives the limits and the
/// folders besides the design's own that its images may come from.
std::optional<Design> load_design(const std::filesystem::path& file, const core::Options& options,
                                  core::Diagnostics& diags, const std::string& lang = "",
                                  std::vector<std::filesystem::path>* included = nullptr);

/// As load_design, from text already in memory; `file` is used for messages and relative paths.
/// `included`, when given, receives the files the design includes (palettes, font classes),
/// read or not, whether the design could be read or not: what a watcher must watch.
std::optional<Design> parse_design(const std::string& yaml, const std::filesystem::path& file,
                                   const core::Options& options, core::Diagnostics& diags,
                                   const std::string& lang = "",
                                   std::vector<std::filesystem::path>* included = nullptr);

}  // namespace broadside::design
