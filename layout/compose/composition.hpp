// composition.hpp — a composed document as plain data: pages of placed items in points, in trim
// coordinates. PDF, PNG and preflight all read this; nothing here is decided again downstream.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/color.hpp"
#include "core/diagnostic.hpp"
#include "core/geometry.hpp"
#include "text/glyph_run.hpp"

namespace broadside::compose {

using core::Color;
using core::Point;
using core::Pt;
using core::Rect;

/// A filled rectangle (rounded when radius > 0) or ellipse: backgrounds, list markers.
struct Fill {
  Rect rect;
  Color color;
  Pt radius{0};
  bool is_ellipse = false;
  /// Runs through the bleed: drawn before everything else, and a preflight need not flag it.
  bool is_background = false;
};

/// A rectangle's outline, stroked inside the rectangle.
struct Outline {
  Rect rect;
  Color color;
  Pt width{1};
  Pt radius{0};
};

struct Line {
  Point from, to;
  Pt thickness{1};
  Color color;
};

/// One line of set text: its glyph runs drawn in `color` from `origin`, the left end of its
/// baseline. text::GlyphLine says what each run holds; its boxes are relative to `origin`
/// (text_line_rect and ink_rect in compose/folds.hpp give them on the page).
struct TextLine {
  Point origin;
  /// Shared: the same set line may appear in many compositions (a batch, a repeated page).
  std::shared_ptr<const text::GlyphLine> glyphs;
  Color color;
  /// The lines of one paragraph share a number, unique in the composition, so that checks can
  /// report a paragraph once.
  int paragraph = 0;
  /// The frame it was set in, for messages about the line (unknown for printer's marks).
  core::SourceLocation where;
};

/// A QR code; `rect` includes the four-module quiet zone.
struct QrCode {
  Rect rect;
  int modules = 0;         // per side, without the quiet zone
  std::vector<bool> dark;  // row-major, modules × modules
  Color color;
  /// The frame it was drawn for, for messages about the code.
  core::SourceLocation where;
  static constexpr int kQuietZone = 4;
};

/// An image placed in its frame: contain, cover or stretch and the focus point resolved once,
/// from the decoded size.
struct Image {
  /// The frame's box: the image is clipped to it.
  Rect rect;
  std::filesystem::path file;
  /// The decoded size: pixels, after a JPEG's EXIF orientation; an SVG's intrinsic size in CSS px.
  double pixel_width = 0, pixel_height = 0;
  /// An SVG: drawn as vectors, with no resolution of its own.
  bool is_vector = false;
  /// Where the image's top-left corner lands, and its scale in points per pixel along x and y
  /// (equal unless the fit is `stretch`).
  Point origin;
  double scale_x = 1, scale_y = 1;
  /// The frame it came from, for messages about the image.
  std::string frame;
  core::SourceLocation where;
};

/// A clickable area of the page.
struct Link {
  Rect rect;
  std::string uri;
};

using Item = std::variant<Fill, Outline, Line, TextLine, QrCode, Image, Link>;

struct Page {
  std::string name;
  core::PageGeometry geometry;
  std::vector<Item> items;
  /// Folded sheets: the x of each fold, in trim coordinates (compose/folds.hpp); empty when flat.
  std::vector<Pt> folds;
  /// What a data merge may draw differently from row to row, set on every page when the design
  /// has frames that draw values given from outside the statement and the design
  /// (compose/varying.hpp). A PDF writes the other items once, as a layer a merge draws once
  /// for all its rows, under these.
  struct Varying {
    /// [begin, end) item ranges, in order: the items of such frames, and of the frames drawn
    /// after them that overlap them (drawn under them, those would be hidden).
    std::vector<std::pair<size_t, size_t>> ranges;
    /// The items composing made; those added after (printer's marks, which name the file)
    /// vary too.
    size_t composed = 0;
    bool contains(size_t item) const;
    friend bool operator==(const Varying&, const Varying&) = default;
  };
  std::optional<Varying> varying;
};

struct Metadata {
  std::string title, author, subject, keywords, lang;
};

/// What fitting decided for one frame, for --timings and reports.
struct FitReport {
  std::string frame;
  Pt size{0};
  int lines = 0;
  /// Layout passes spent on the frame, of them balancing the lines.
  int passes = 0;
  int balance_passes = 0;
};

struct Composition {
  std::vector<Page> pages;
  Metadata metadata;
  std::vector<FitReport> fits;
  /// Layout passes spent in fitting, balancing and flowing.
  int layout_passes = 0;
  /// Characters that cannot be drawn as the design says (no font, a font outside the style's
  /// faces, control characters, unassigned code points): also in the diagnostics, kept apart
  /// for `broadside fonts --check --design`.
  std::vector<core::Diagnostic> character_problems;
};

}  // namespace broadside::compose
