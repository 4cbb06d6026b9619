// typography.hpp — type vocabulary shared by the design (spec) and the typesetter (text).
#pragma once

#include <string>
#include <vector>

namespace broadside::core {

enum class FontSlant { normal, italic, oblique };

/// CSS font-stretch keywords, narrowest first (matches PangoStretch order).
enum class FontWidth {
  ultra_condensed,
  extra_condensed,
  condensed,
  semi_condensed,
  normal,
  semi_expanded,
  expanded,
  extra_expanded,
  ultra_expanded
};

/// `start`/`end` follow the text direction (left/right in LTR, mirrored in RTL).
enum class Align { start, end, left, right, center, justify };

enum class TextCase { none, upper, lower };

enum class VAlign { top, middle, bottom };

/// Font request: families in fallback order (the first that covers a character wins; a
/// character none of them covers is an error, never a silent substitute), weight 100..900.
struct Typeface {
  std::vector<std::string> families;
  int weight = 400;
  FontSlant slant = FontSlant::normal;
  FontWidth width = FontWidth::normal;
  friend bool operator==(const Typeface&, const Typeface&) = default;
};

}  // namespace broadside::core
