// knuth_plass.hpp — optimal paragraph breaking (Knuth & Plass, "Breaking Paragraphs into
// Lines", 1981) over break candidates measured by Pango: the whole paragraph is weighed at
// once, so justified lines get even spacing and hyphens only where they help.
#pragma once

#include <optional>
#include <vector>

#include "core/units.hpp"

namespace broadside::text {

using core::Pt;

// TeX's defaults (The TeXbook, ch. 14), which the paper tunes its examples with, except that
// spaces shrink to 80 % at most (InDesign's default minimum word spacing): a third, as in TeX,
// looks cramped at leaflet sizes. Pango only stretches when justifying; the paragraph shrinks a
// line's spaces itself (letter spacing).
inline constexpr double kStretchPerSpace = 0.5;  // of a space's width
inline constexpr double kShrinkPerSpace = 0.2;

/// A place where a line may end. Positions are x offsets along the unbroken paragraph.
struct BreakCandidate {
  /// Where the line's content ends when it breaks here (trailing spaces excluded).
  Pt content_end{0};
  /// Where the next line's content starts (spaces after the break skipped).
  Pt next_start{0};
  /// Inter-word spaces before `content_end` and before `next_start`, counted from the start.
  int spaces_before_end = 0, spaces_before_next = 0;
  /// Letters (characters that may be letter-spaced) before `content_end` and `next_start`.
  int letters_before_end = 0, letters_before_next = 0;
  /// Added to the line when breaking here (a hyphen's width).
  Pt extra{0};
  bool is_hyphen = false;
  /// A break that must be taken (end of paragraph, hard line break).
  bool is_forced = false;
};

struct BreakRequest {
  std::vector<BreakCandidate> candidates;  // in order; the last must be forced
  /// Line widths: the first line's and every other line's (indents already taken off).
  Pt first_width{0}, width{0};
  /// Natural width of one inter-word space; lines stretch and shrink at their spaces.
  Pt space{0};
  /// How much each letter may be spaced out, and in, when a justified line's spaces alone
  /// would open too wide (zero: spaces only). Spent in proportion with the spaces' stretch.
  Pt letter_stretch{0}, letter_shrink{0};
  int max_hyphen_run = 2;
  /// Justified lines stretch; ragged lines are judged by how far they fall short.
  bool is_justified = true;
  /// Justified only: the widest an inter-word space may be stretched to, and the width a good
  /// paragraph keeps its spaces within (tried first). Zero: no limit, any fitting set wins.
  Pt widest_space{0}, good_space{0};
  /// Lines (0-based) that must not end in a hyphen: the last line of a column or page.
  std::vector<int> unhyphenated_lines;
};

/// Indices into `candidates` of the chosen line ends (the last is the final candidate), or
/// nullopt when no breaking avoids an overfull line (a word wider than the line) or, justified
/// with `widest_space` set, keeps every space within it (the caller then sets it ragged).
std::optional<std::vector<size_t>> break_lines(const BreakRequest& request);

}  // namespace broadside::text
