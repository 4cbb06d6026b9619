// page_content.hpp — what a page's content streams paint, object by object, as a preflight reads
// it: text with its effective size, strokes with their width after the CTM, fills, with colour,
// colour space, overprint and position in PDF space.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "prepress/pdf_box.hpp"

namespace broadside::prepress {

enum class SpaceKind { gray, rgb, cmyk, separation, device_n, lab, pattern, other };

/// A colour as the content stream sets it (cs/sc/scn, g, rg, k and their stroking forms).
struct PaintColor {
  SpaceKind space = SpaceKind::gray;
  /// Colorant names of a Separation (one) or DeviceN (several).
  std::vector<std::string> colorants;
  std::vector<double> values{0.0};

  /// The process inks (C, M, Y, K in 0..1) it prints with; nullopt for RGB, Lab, patterns and
  /// spot colours (whose ink is their own).
  std::optional<std::array<double, 4>> process() const;
  /// Every plate at 100 % (C = M = Y = K = 1, or the /All separation): printer's marks only.
  bool is_registration() const;
  /// No ink at all (white, or 0 % of every colorant).
  bool is_white() const;
  /// 100 % K and no other process ink: the one colour that overprints safely.
  bool is_solid_black() const;
  /// A spot colour (a Separation or DeviceN naming inks other than the process four).
  bool is_spot() const;
  /// "C0 M0 Y0 K100", "gray 1", "RGB 1 0 0", "separation All 100%".
  std::string describe() const;
};

enum class MarkKind { text, stroke, fill, image };

/// One painting operation.
struct PaintedMark {
  MarkKind kind = MarkKind::fill;
  int page = 0;
  /// Where it paints, in PDF space (stroke bounds include half the width).
  PdfBox bounds;
  /// Text: the size it prints at (Tf × text matrix × CTM), in pt. Stroke: the line width after
  /// the CTM, in pt (0 for `0 w`, the thinnest line a device draws).
  double size = 0;
  PaintColor color;
  bool overprint = false;
  int overprint_mode = 0;
  /// Text: what it says (through the font's ToUnicode), and the font's /BaseFont.
  std::string text, font;
  /// Text: the height of its baseline's start in PDF space, which the runs of one line share
  /// (their ink, in `bounds`, reaches as low as their letters do).
  double baseline = 0;
};

/// Everything painted on one document's pages, plus the transparency it uses (forbidden in
/// PDF/X-1a), found on the way.
struct PageContent {
  std::vector<PaintedMark> marks;
  /// "soft mask in ExtGState /GS1 on page 2", ... once per kind and page.
  std::vector<std::string> transparency;
  /// Pages whose walk stopped at the operation budget (forms drawing forms many times over can
  /// ask for more operations than there are atoms): what is recorded of them is incomplete.
  std::vector<int> too_complex;
  /// That budget, per page, for saying so.
  size_t max_operations = 0;
};

}  // namespace broadside::prepress
