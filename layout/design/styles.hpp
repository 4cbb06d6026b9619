// styles.hpp — type styles: the keys a style (or a text frame) may carry, and `based-on`.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "design/design.hpp"
#include "design/palette.hpp"
#include "design/yaml_reader.hpp"

namespace broadside::design {

/// Style keys as given in one place (a style or a frame), before they meet a base style.
struct StylePatch {
  std::optional<std::vector<std::string>> families;
  /// Where `families` was written, so a missing family is reported at the name, not the style.
  std::optional<core::SourceLocation> font_where;
  std::optional<int> weight;
  std::optional<core::FontSlant> slant;
  std::optional<core::FontWidth> width;
  std::optional<SizeRange> size;  // min and max only; `step` is its own key
  std::optional<Pt> step;
  std::optional<double> leading;
  std::optional<Pt> leading_pitch;
  std::optional<double> tracking;
  std::optional<core::TextCase> text_case;
  std::optional<core::Align> align;
  std::optional<bool> hyphenate;
  std::optional<std::string> features;
  std::optional<Color> color;
  std::optional<int> max_lines;
  std::optional<bool> balance;
  std::optional<Pt> space_before, space_after, indent;
  std::optional<int> keep_lines;
};

/// A style on its way to being resolved: its values so far, plus what only the final size or
/// the full `based-on` chain can settle.
struct StyleDraft {
  Style style;
  /// `leading: 14pt` is a pitch; it becomes a multiple of the largest size in `finish`, so a
  /// derived style that changes the size keeps the same pitch.
  std::optional<Pt> leading_pitch;
  /// Whether `space-after` was given anywhere along the chain (list item gaps default to it).
  bool has_space_after = false;

  void apply(const StylePatch& patch);
  /// The finished style, with a pitch turned into a multiple of the largest size.
  Style finish() const;
};

/// Noto Sans 10pt black — the base of every style without `based-on`.
StyleDraft default_style();

/// The keys a style accepts (`font`, `size`, `color`, …), without `based-on`.
const std::vector<std::string>& style_keys();

/// True for a font width keyword ("condensed"): on a frame, `width` takes either one of these
/// (the style's width) or a length (the stack member's extent).
bool is_font_width(std::string_view word);

/// Reads the value of style key `f.name` into `patch`; false when `f.name` is not a style key.
bool read_style_key(Reader& in, const Field& f, const Palette& palette, StylePatch& patch);

/// Reads `styles:`, resolving `based-on` chains; unknown bases and cycles are errors.
std::map<std::string, StyleDraft> read_styles(Reader& in, const Field& f, const Palette& palette);

}  // namespace broadside::design
