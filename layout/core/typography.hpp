// typography.hpp — type vocabulary shared by the design (spec) and the typesetter (text).
#pragma once

#include <map>
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
  /// Families for characters of other scripts (ISO 15924 code -> families), from the style's
  /// font class: a Latin name in Arabic text, a Greek word in German. Empty for a plain list.
  std::map<std::string, std::vector<std::string>> by_script;
  /// The first family may take the weight nearest the one asked: a font class's face for a
  /// script other than Latin (most Noto script faces have Regular and Bold only). Otherwise it
  /// must have that weight.
  bool nearest_weight = false;
  friend bool operator==(const Typeface&, const Typeface&) = default;
};

}  // namespace broadside::core
