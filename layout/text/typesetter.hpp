// typesetter.hpp — the interface compose measures text through: shape a paragraph once, then
// break it at many widths and sizes. Pango implements it; tests use a fake with fixed advances.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/rich_text.hpp"
#include "core/typography.hpp"
#include "core/units.hpp"
#include "text/glyph_run.hpp"

namespace broadside::text {

using core::Pt;

/// Where a display line may break (text/phrases.hpp): anywhere the script allows; between
/// phrases but at a hard hyphen too ("anti- / immigrant", for a narrow column); between phrases
/// where only listed function words hold on to the next word ("Stop all / anti-immigrant"); only
/// between phrases; or between phrases with each sentence on lines of its own.
enum class Phrasing { anywhere, phrases_and_hyphens, function_words, phrases, sentences };

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
  Phrasing phrasing = Phrasing::anywhere;
  /// With phrasing: a phrase wider than this at `loose_phrase_size` may break inside (after
  /// its first word, ...), so one long phrase in a narrow frame does not leave the whole text
  /// breaking anywhere. 0: phrases stay whole.
  Pt loose_phrase_width{0}, loose_phrase_size{0};
};

/// One line of a broken paragraph. Offsets are into the paragraph's own (transformed) text.
/// How far a line reaches above and below its baseline: the fonts' box and the glyphs' ink.
struct LineExtents {
  Pt ascent{0}, descent{0}, ink_ascent{0}, ink_descent{0};
};

/// The share of a justified flow's word spaces that may be loose (wider than a good space):
/// #14 asks for gaps within half an em at the 95th percentile; a flow that needs more is set
/// ragged, as a paragraph whose spaces would pass the widest is.
inline constexpr double kMostLooseShare = 0.05;

/// The word spaces of a paragraph's justified lines as set, and how many of them are loose.
struct JustifiedSpaces {
  size_t spaces = 0, loose = 0;
  JustifiedSpaces& operator+=(const JustifiedSpaces& o) {
    spaces += o.spaces;
    loose += o.loose;
    return *this;
  }
  bool is_too_loose() const {
    return static_cast<double>(loose) > kMostLooseShare * static_cast<double>(spaces);
  }
};

struct LineInfo {
  size_t start = 0, length = 0;
  /// Ink-independent advance width of the line.
  Pt width{0};
  /// Horizontal position of the line inside the paragraph's width (alignment, indent).
  Pt x_offset{0};
  /// Font ascent and descent of the line (the largest of its runs).
  Pt ascent{0}, descent{0};
  /// What the line's glyphs actually cover: from its origin, how far left and right, and above
  /// and below the baseline (tall stacks in Myanmar or Tibetan, Vietnamese double accents and
  /// Yoruba dots below go past the font's ascent and descent). All zero for a line with no ink.
  Pt ink_left{0}, ink_right{0}, ink_ascent{0}, ink_descent{0};
  /// The least baseline-to-baseline distance at which this line's ink does not touch the next
  /// line's, glyph over glyph; 0 for the last line, or when no ink stands over other ink.
  Pt ink_pitch{0};
  bool ends_with_hyphen = false;
  /// How the line ends: where the breaker wrapped it, at a line break the text itself holds
  /// (Markdown's hard break), or with its paragraph. Only wrapped lines are justified; the line
  /// after a paragraph's end takes the first line's indent.
  enum class End { wrapped, line_break, paragraph };
  End end = End::wrapped;
  /// The line ends where the text allows no break: a word (or words bound into a phrase) did
  /// not fit the width, and the line breaker cut it where it could.
  bool forced_break = false;
  /// Number of words on the line (for the lone-last-word rule).
  int words = 0;
  /// Words as a reader counts them, Chinese and Japanese included (two characters a word).
  int reading_words = 0;
};

/// Lines a paragraph would break into, as reckoned without laying it out.
struct LineEstimate {
  int lines = 0;
  Pt widest{0};
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
    missing,      // no font has it: it would be drawn as a box
    substitute,   // it would silently come from a font the style does not list
    control,      // a C0 or C1 control character (Pango draws them as hex boxes)
    unassigned,   // a code point Unicode has not assigned (or a noncharacter)
    private_use,  // a private-use code point a listed font draws: what it shows is the font's
  };
  char32_t codepoint = 0;
  /// The font it would come from, for `substitute`.
  std::string substitute_family;
  Kind kind = Kind::missing;
};

/// A shaped paragraph that can be re-broken. Not thread-safe; one per composing thread. Changing
/// the size or width only marks it for layout: the queries that need lines lay it out, so they
/// are not const. What it finally sets leaves it as plain data (glyph_line).
class Paragraph {
 public:
  virtual ~Paragraph() = default;
  /// Changes the size (re-shapes) or the breaking width (re-breaks); width 0 = no wrapping.
  virtual void set_size(Pt size) = 0;
  virtual void set_width(Pt width) = 0;
  virtual Pt size() const = 0;
  virtual Pt width() const = 0;
  virtual int line_count() = 0;
  virtual LineInfo line(int index) = 0;
  /// The line's text as a reader sees it (no soft hyphens), for tests and messages.
  virtual std::string line_text(int index) = 0;
  /// The widest line; wider than width() when a word does not fit.
  virtual Pt max_line_width() = 0;
  /// Whether a line is wider than the paragraph's width by more than `slack` (a word that
  /// cannot break). A typesetter that knows without laying the lines out says so sooner.
  virtual bool has_overfull_line(Pt slack) { return max_line_width() > width() + slack; }
  virtual std::vector<LinkSpan> links() = 0;
  virtual std::vector<CoverageProblem> coverage_problems() = 0;
  /// Number of words in the text.
  virtual size_t word_count() const = 0;
  /// Words on lines [first, line_count()), for overflow messages.
  virtual size_t words_from_line(int first) = 0;
  /// A new paragraph holding lines [first, line_count()) of this one, as unbroken text with the
  /// same style, to continue in a column of a different width.
  virtual std::unique_ptr<Paragraph> rest_from_line(int first) = 0;
  /// Line `index` as it is set now: glyph runs, text and boxes, as immutable data that outlives
  /// the paragraph and may be shared between threads.
  virtual std::shared_ptr<const GlyphLine> glyph_line(int index) = 0;
  /// The largest font ascent and descent and ink ascent and descent of any of its lines,
  /// whatever the breaks, when known without laying the lines out (a paragraph measured
  /// unbroken for optimal breaking); nullopt otherwise. Lets block metrics skip the lay-out
  /// while a fit or a flow only tries sizes and widths.
  virtual std::optional<LineExtents> extents_of_any_line() { return std::nullopt; }
  /// How many lines breaking at `width` would give at `size`, and the widest, reckoned from the
  /// paragraph measured unbroken without laying it out; nullopt where it cannot be (right-to-left
  /// text). A guess that tells a search where to look first: the lines laid out decide.
  virtual std::optional<LineEstimate> estimate_lines(Pt /*size*/, Pt /*width*/) {
    return std::nullopt;
  }
  /// Breaks the paragraph again so that line `index` does not end in a hyphen (it ends a column
  /// or a page: a reader must not carry half a word over); the request holds until the size or
  /// width changes. False when that line does not end in a hyphen or cannot be changed.
  virtual bool avoid_hyphen_at_line(int /*index*/) { return false; }
  /// Whether a justified paragraph is set flush-left (its word spaces would have been too wide).
  virtual bool is_ragged() { return false; }
  /// Whether a justified paragraph is justified only by spacing its letters out further than a
  /// good paragraph does (pango_paragraph.hpp, kLooseLetterStretchEm): better than ragged amid
  /// justified paragraphs, worse than a size at which it needs no such lines.
  virtual bool is_loosely_justified() { return false; }
  /// Sets a justified paragraph flush-left whatever its spaces (or, with false, justified where
  /// it can be again): its flow has paragraphs that could not be justified, and a page mixing
  /// both reads as a mistake.
  virtual void set_ragged(bool /*ragged*/) {}
  /// The spaces of its justified lines as they are set (none when it is set ragged).
  virtual JustifiedSpaces justified_spaces() { return {}; }
};

class Typesetter {
 public:
  virtual ~Typesetter() = default;
  /// Shapes `text` in `style`, unbroken (width 0) until set_width is called.
  virtual std::unique_ptr<Paragraph> shape(const core::RichText& text,
                                           const ParagraphStyle& style) = 0;
  /// Whether a paragraph in `lang` asked to hyphenate would find a dictionary.
  virtual bool can_hyphenate(const std::string& /*lang*/) { return false; }
};

/// The least gap left between one line's ink and the next's, as a share of the size: enough
/// that marks never print as touching, little enough that ordinary leading never needs more.
inline constexpr double kInkClearance = 0.02;

/// Height of `lines` lines at `size` with line pitch `leading` × size.
inline Pt block_height(int lines, Pt size, double leading) {
  return size * leading * lines;
}

/// How a broken paragraph stands on the page at line pitch `leading` × size, its ink taken into
/// account: lines never closer than their ink allows (a line's ink never touches the next
/// line's), and the ink of its first and last lines inside the block.
struct BlockMetrics {
  /// Baseline to baseline: the style's, or more where the ink of two lines would touch.
  Pt pitch{0};
  /// From the top of the block to the first baseline: the font's ascent centred in the pitch
  /// (CSS half-leading), lower when the ink reaches higher.
  Pt baseline{0};
  /// How far the ink reaches above the first line's box and below the last line's, beyond the
  /// pitches: room the block needs at its top and bottom.
  Pt top_extra{0}, bottom_extra{0};
  /// The font's ascent and descent (the largest of the lines').
  Pt ascent{0}, descent{0};
  /// How far the ink reaches above and below a baseline (the most of any line's): what the
  /// block above or below must keep clear of.
  Pt ink_ascent{0}, ink_descent{0};
  /// The block's height.
  Pt height{0};
  /// Beyond the pitch, what a paragraph set under these lines needs to keep its ink clear of
  /// theirs (their deepest descent and its own highest ascent may meet); 0 for most text.
  Pt clearance_below{0};
  /// Height of a block of `lines` of these lines, their ink included.
  Pt height_of(int lines) const;
  /// How far the next paragraph starts below the top of `lines` of these lines: the pitch keeps
  /// the baseline grid even from paragraph to paragraph unless their ink would meet.
  Pt advance_of(int lines) const;
  /// How many lines fit in `height`, their ink included.
  int lines_in(Pt height) const;
};

BlockMetrics block_metrics(Paragraph& paragraph, double leading);

}  // namespace broadside::text
