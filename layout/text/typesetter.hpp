// typesetter.hpp — the interface compose measures text through: shape a paragraph once, then
// break it at many widths and sizes. Pango implements it; tests use a fake with fixed advances.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/rich_text.hpp"
#include "core/typography.hpp"
#include "core/units.hpp"

namespace broadside::text {

using core::Pt;

/// How a paragraph is set; the size is the only field fitting changes.
struct ParagraphStyle {
  core::Typeface face;
  Pt size{10};
  /// Letter spacing in thousandths of an em.
  double tracking = 0;
  std::string features;
  /// BCP 47 language tag: shaping, localized forms, hyphenation dictionary.
  std::string lang = "en";
  core::Align align = core::Align::start;
  bool hyphenate = false;
  /// Shortest word fragments left before and carried after a hyphen.
  int hyphen_min_left = 2, hyphen_min_right = 3;
  /// Most consecutive lines that may end in a hyphen.
  int max_hyphen_run = 2;
  core::TextCase text_case = core::TextCase::none;
  /// First-line indent.
  Pt indent{0};
};

/// One line of a broken paragraph. Offsets are into the paragraph's own (transformed) text.
struct LineInfo {
  size_t start = 0, length = 0;
  /// Ink-independent advance width of the line.
  Pt width{0};
  /// Horizontal position of the line inside the paragraph's width (alignment, indent).
  Pt x_offset{0};
  /// Font ascent and descent of the line (the largest of its runs).
  Pt ascent{0}, descent{0};
  bool ends_with_hyphen = false;
  /// Number of words on the line (for the lone-last-word rule).
  int words = 0;
};

/// A part of a line that is a link, in the paragraph's coordinates.
struct LinkSpan {
  int line = 0;
  Pt x0{0}, x1{0};
  std::string uri;
};

/// A character that cannot be drawn as the style says: no font of the style covers it, it came
/// from a font outside its list, or it is not a character to draw at all.
struct CoverageProblem {
  enum class Kind {
    missing,     // no font has it: it would be drawn as a box
    substitute,  // it would silently come from a font the style does not list
    control,     // a C0 or C1 control character (Pango draws them as hex boxes)
    unassigned,  // a code point Unicode has not assigned (or a noncharacter)
  };
  char32_t codepoint = 0;
  /// The font it would come from, for `substitute`.
  std::string substitute_family;
  Kind kind = Kind::missing;
};

/// A shaped paragraph that can be re-broken. Not thread-safe; one per composing thread.
class Paragraph {
 public:
  virtual ~Paragraph() = default;
  /// Changes the size (re-shapes) or the breaking width (re-breaks); width 0 = no wrapping.
  virtual void set_size(Pt size) = 0;
  virtual void set_width(Pt width) = 0;
  virtual Pt size() const = 0;
  virtual Pt width() const = 0;
  virtual int line_count() const = 0;
  virtual LineInfo line(int index) const = 0;
  /// The line's text as a reader sees it (no soft hyphens), for tests and messages.
  virtual std::string line_text(int index) const = 0;
  /// The widest line; wider than width() when a word does not fit.
  virtual Pt max_line_width() const = 0;
  virtual std::vector<LinkSpan> links() const = 0;
  virtual std::vector<CoverageProblem> coverage_problems() const = 0;
  /// Number of words in the text.
  virtual size_t word_count() const = 0;
  /// Words on lines [first, line_count()), for overflow messages.
  virtual size_t words_from_line(int first) const = 0;
  /// A new paragraph holding lines [first, line_count()) of this one, as unbroken text with the
  /// same style, to continue in a column of a different width.
  virtual std::unique_ptr<Paragraph> rest_from_line(int first) const = 0;
};

class Typesetter {
 public:
  virtual ~Typesetter() = default;
  /// Shapes `text` in `style`, unbroken (width 0) until set_width is called.
  virtual std::unique_ptr<Paragraph> shape(const core::RichText& text,
                                           const ParagraphStyle& style) = 0;
};

/// Height of `lines` lines at `size` with line pitch `leading` × size.
inline Pt block_height(int lines, Pt size, double leading) {
  return size * leading * lines;
}

}  // namespace broadside::text
