// registration_rule.hpp — registration colour and small text in rich black: one rule, one
// severity and one wording for the render's checks (on the composition) and for `broadside
// preflight` (on the PDF), so the two cannot disagree about the same page.
#pragma once

#include <fmt/format.h>

#include <string>

namespace broadside::preflight {

/// Text up to this size in rich black is a registration risk: four plates must meet on strokes
/// a fraction of a millimetre wide (print shops' usual threshold is 12 pt).
inline constexpr double kRichBlackMaxText = 12;
/// Rich black: near-full K with this much C + M + Y under it (less is a tint of K).
inline constexpr double kRichBlackMinK = 0.8, kRichBlackMinCmy = 0.3;
/// A plate counts as full above this (rounding of 100 % written as 0.999...).
inline constexpr double kFullPlate = 0.99;

/// Every process plate full (C, M, Y, K in 0..1): registration colour, meant for printer's marks.
inline bool is_registration(double c, double m, double y, double k) {
  return c > kFullPlate && m > kFullPlate && y > kFullPlate && k > kFullPlate;
}

/// Text of `size_pt` in these process inks (0..1) is small text in rich black (a warning). A
/// size read back from a PDF's matrices as 11.99995 is the 12 pt the design gave.
inline bool is_small_rich_black(double c, double m, double y, double k, double size_pt) {
  return size_pt < kRichBlackMaxText - 0.05 && k >= kRichBlackMinK &&
         c + m + y >= kRichBlackMinCmy && !is_registration(c, m, y, k);
}

/// The error for registration colour inside the trim; `color` as "C100 M100 Y100 K100".
inline std::string registration_message(const std::string& color) {
  return "registration colour (" + color +
         ", every plate) inside the trim: 400% of ink, meant for printer's marks";
}

/// The warning for small text in rich black; `size_pt` as printed, `color` as above.
inline std::string rich_black_message(double size_pt, const std::string& color) {
  return fmt::format(
      "{:g}pt text in rich black ({}): the slightest misregistration blurs it; small text "
      "prints in 100 K",
      size_pt, color);
}

}  // namespace broadside::preflight
