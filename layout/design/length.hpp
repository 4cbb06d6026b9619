// length.hpp — lengths with units ("3mm", "0.125in", "50%"), insets and size ranges.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/geometry.hpp"
#include "design/design.hpp"
#include "design/yaml_reader.hpp"

namespace broadside::design {

/// What a length may be where it is read.
struct LengthRule {
  /// Area sides may reach into the bleed; sizes, margins, gaps and padding may not.
  bool may_be_negative = false;
  /// The trim dimension a `%` refers to; without one, `%` is an error.
  std::optional<Pt> percent_of;
};

/// A length as written: exactly one of `length`, `percent` or `error` is set.
struct ParsedLength {
  std::optional<Pt> length;
  std::optional<double> percent;
  std::string error;
  std::string hint;
};

/// "12pt", "3mm", "1.5cm", "0.125in", "1080px" (CSS px, 1/96 in), "50%", or a bare 0.
ParsedLength parse_length(std::string_view text);

/// A length field, in points; nullopt after reporting an error.
std::optional<Pt> read_length(Reader& in, const Field& f, LengthRule rule = {});

/// Margins and padding: one length, a CSS-like list of 1–4 [top, right, bottom, left], or a
/// map of sides, whose missing sides take `fallback`'s.
std::optional<Insets> read_insets(Reader& in, const Field& f, const Insets& fallback);

/// A font size "12pt" or a range to fit "28pt..96pt"; the step is left at its default.
std::optional<SizeRange> read_size(Reader& in, const Field& f);

}  // namespace broadside::design
