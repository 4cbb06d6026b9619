// pango_paragraph.hpp — a paragraph shaped by Pango: one PangoLayout re-broken at many widths
// and sizes, with soft hyphens from the dictionary and the hyphen-run limit enforced.
#pragma once

#include <pango/pango.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/handle.hpp"
#include "text/knuth_plass.hpp"
#include "text/pango_glyph_runs.hpp"
#include "text/typesetter.hpp"

namespace broadside::text {

class ParagraphCache;

/// Word spaces of justified text, in ems of the size: a good paragraph keeps them within
/// kGoodSpaceEm, none may exceed kWidestSpaceEm (a paragraph that cannot is set ragged). Gaps
/// of half an em and more open rivers at body sizes (#14 measured them from the PDF); these are
/// a little inside those limits for the side bearings a reader also sees as gap.
inline constexpr double kGoodSpaceEm = 0.47;
inline constexpr double kWidestSpaceEm = 0.72;
/// The widest gap between words #14 allows at the 95th percentile of a page's gaps, in ems:
/// a flow with more of its gaps wider (JustifiedSpaces::is_too_loose) is set ragged.
inline constexpr double kEvenGapEm = 0.5;
/// Letters of a justified line may be spaced out by up to this much of an em, and in by up to
/// kLetterShrinkEm, in step with its spaces: what a designer's letter spacing and glyph scaling
/// allow together (InDesign users' usual −2/+4 % of a space and 98–102 % glyphs come to about
/// ±0.02 em), so narrow columns need not open their spaces into rivers.
inline constexpr double kLetterStretchEm = 0.02;
inline constexpr double kLetterShrinkEm = 0.01;
/// A paragraph that no justified set of those limits can hold may space its letters out up to
/// this much before it is set ragged: a paragraph ragged amid justified ones (long words, few
/// spaces, no hyphenation point where one is needed: "Special Forces-type training, include
/// members" in a leaflet's column) reads as a mistake, where a line or two spaced a little
/// wider does not. Its word spaces stay within kWidestSpaceEm.
inline constexpr double kLooseLetterStretchEm = 0.05;

/// Extra letter spacing over a range of source text (a justified line's letters).
struct LetterSpan {
  size_t start = 0, end = 0;
  Pt spacing{0};
  bool operator==(const LetterSpan&) const = default;
};

/// The font a run of a paragraph in `style` is set in, as Pango is asked for it: the style's
/// families, weight, slant, width and size, bolder for a strong run and italic for an emphasised
/// one (`run` null: plain text). The caller frees it.
PangoFontDescription* font_description(const ParagraphStyle& style, const core::StyleRun* run);

class PangoParagraph final : public Paragraph {
 public:
  /// `source` is already case-transformed; `hyphen_points` are byte offsets into it.
  /// Measurements are shared through `cache` when there is one.
  PangoParagraph(PangoContext* context, core::RichText source, ParagraphStyle style,
                 std::vector<size_t> hyphen_points,
                 std::shared_ptr<ParagraphCache> cache = nullptr);
  ~PangoParagraph() override;

  void set_size(Pt size) override;
  void set_width(Pt width) override;
  Pt size() const override { return style_.size; }
  Pt width() const override { return width_; }
  int line_count() override {
    if (stale_) relayout();
    return pending_ ? static_cast<int>(pending_lines_) : static_cast<int>(lines_.size());
  }
  LineInfo line(int index) override {
    settle();
    return lines_.at(static_cast<size_t>(index));
  }
  std::string line_text(int index) override;
  Pt max_line_width() override;
  bool has_overfull_line(Pt slack) override {
    if (stale_) relayout();
    // Breaks the optimal breaker chose keep every line within the width (it finds none where
    // a word is wider): a size search need not lay them out to know.
    if (pending_) return false;
    return Paragraph::has_overfull_line(slack);
  }
  std::vector<LinkSpan> links() override;
  std::vector<CoverageProblem> coverage_problems() override;
  size_t word_count() const override;
  size_t words_from_line(int first) override;
  std::unique_ptr<Paragraph> rest_from_line(int first) override;
  std::shared_ptr<const GlyphLine> glyph_line(int index) override;
  std::optional<LineExtents> extents_of_any_line() override;
  std::optional<LineEstimate> estimate_lines(Pt size, Pt width) override;
  bool avoid_hyphen_at_line(int index) override;
  bool is_ragged() override {
    settle();
    return is_ragged_;
  }
  void set_ragged(bool ragged) override {
    if (all_ragged_ == ragged) return;
    all_ragged_ = ragged;
    stale_ = true;
  }

  bool is_loosely_justified() override {
    settle();
    return !is_ragged_ && letter_stretch_em_ > kLetterStretchEm;
  }

  JustifiedSpaces justified_spaces() override {
    settle();
    return justified_spaces_;
  }

  /// The Pango line itself, laid out (tests see through it whether a layout was shared).
  PangoLayoutLine* layout_line(int index);
  /// The Pango layout as it stands, nothing laid out for it (tests see whether one was made
  /// again).
  PangoLayout* current_layout() const { return layout_.get(); }

  /// The unbroken paragraph measured at one size: for each hard-broken segment, where lines may
  /// end, in x and in source offsets. Width-independent, so re-breaking at a new width only runs
  /// the dynamic programme.
  struct Unbroken {
    /// What a candidate means in the source text, to turn a chosen break into an edit.
    struct Site {
      size_t content_end = 0;  // source offset where the line's content ends
      size_t next = 0;         // source offset where the next line starts
      bool soft_hyphen = false;
    };
    struct Segment {
      std::vector<BreakCandidate> candidates;
      std::vector<Site> sites;     // one per candidate, the final one included
      std::vector<size_t> spaces;  // source offsets of stretchable spaces, sorted
      Pt space{0};
      /// Whether Pango starts a paragraph here (the text's start, or after a hard break "\n"),
      /// and so sets its first line at the style's indent.
      bool paragraph_start = true;
    };
    Pt size{0};
    std::vector<Segment> segments;
    /// Every segment's extents, the largest: those of any line it may be broken into.
    LineExtents extents;
  };

  /// A change from the source text to the laid-out text: soft hyphens, chosen line breaks.
  struct Edit {
    size_t at = 0;      // source offset
    size_t remove = 0;  // source bytes replaced
    std::string insert;
    bool operator==(const Edit&) const = default;
  };

  /// The breaks the optimal breaker chose at one size and width, not yet laid out.
  struct Breaks {
    bool found = false;
    /// Set flush-left although the style justifies: no justified set kept its spaces in bounds.
    bool is_ragged = false;
    std::vector<Edit> edits;
    /// Per line, whether it ends in a hyphen.
    std::vector<bool> hyphens;
    size_t lines = 0;
    std::vector<std::pair<size_t, Pt>> space_adjust;
    /// How far justification may space letters out, in ems (kLooseLetterStretchEm for a set
    /// found only with it).
    double letter_stretch_em = kLetterStretchEm;
  };

  /// A finished layout at one size and width, as the paragraph holds it once it has been laid
  /// out for good. The layout is shared and never changed again: a paragraph that adopts it
  /// copies it before changing anything.
  struct Settled {
    core::Handle<PangoLayout, g_object_unref> layout;
    std::string text;
    std::vector<Edit> edits;
    std::vector<std::pair<size_t, Pt>> space_adjust;
    std::vector<LetterSpan> letter_adjust;
    std::vector<bool> hyphen_enabled;
    std::vector<LineInfo> lines;
    bool is_ragged = false;
    double letter_stretch_em = kLetterStretchEm;
    JustifiedSpaces justified_spaces;
  };

 private:
  /// Lays the paragraph out if a size or width changed since: fitting sets both before it
  /// looks, and each layout is the expensive part.
  void settle() {
    if (stale_) relayout();
    if (pending_) materialize();
  }
  /// Line counts are what trial layouts (fitting, flowing) need; the breaker knows them before
  /// Pango lays the lines out, so the layout itself waits until a line is looked at.
  void materialize();
  /// unbroken_ at the current size: measured once at the reference size, scaled to others.
  void measure_unbroken();
  /// The paragraph measured unbroken at reference_size_.
  /// `for_estimate`: kept in the cache's small map for estimates, not with the measurements
  /// optimal breaking makes (a merge's row-by-row lines would fill that one).
  std::shared_ptr<const Unbroken> reference_measurement(bool for_estimate = false);
  void apply_font();
  void build_text(std::vector<Edit> edits);
  /// The layout, made the paragraph's own first if it is shared with the cache.
  PangoLayout* writable_layout();
  /// Sets the layout's wrapping width (Pango units, -1 for none), copying a shared layout only
  /// when the width changes.
  void set_layout_width(int width_pu);
  /// Takes the settled layout `key` (settled_key()) from the cache; false when there is none.
  bool adopt_settled(const std::string& key);
  /// Offers the current layout to the cache under `key`.
  void share_settled(std::string key);
  std::vector<Edit> soft_hyphen_edits() const;
  void relayout();
  void relayout_greedy();
  /// Pango's own breaking, with the hyphen-run limit enforced.
  void greedy_breaks();
  /// avoid_hyphen_at_line() for Pango's own breaking: turns off the hyphenation point the line
  /// ends at, then the next it ends at once broken again, until it ends without a hyphen.
  bool avoid_greedy_hyphen_at_line(int index);
  bool relayout_optimal();
  /// The optimal breaks at the current size and width, from the cache or the breaker.
  std::shared_ptr<const Breaks> optimal_breaks();
  /// How optimal_breaks() tries a justified paragraph: justified, or ragged when it cannot be.
  enum class Setting { justified, loosely_justified, ragged };
  /// Whether the lines asked to end without a hyphen (avoid_hyphen_at_line) are held to it.
  enum class Hyphens { as_asked, anywhere };
  /// The breaks set one way; `found` is false when there are none.
  std::shared_ptr<Breaks> breaks_set(Setting setting, Hyphens hyphens) const;
  void measure_lines();
  /// Whether the lines are pinned by forced breaks (the optimal breaker's) or Pango's own.
  enum class Breaking { pinned, pango };
  /// Fills each justified line to the width by adjusting its word spaces (pango_justify.cpp).
  void justify_lines(Breaking breaking);
  /// A width measured in the layout's font, and the size it was measured at.
  struct ProbedWidth {
    Pt width{0}, size{0};
  };
  /// Width of `text` set alone at the current size, remembered in `memo` until the size changes.
  Pt probe_width(std::string_view text, ProbedWidth& memo);
  /// Width of the hyphen drawn at a soft hyphen, at the current size.
  Pt hyphen_width() { return probe_width("-", hyphen_width_); }
  /// Width of one word space at the current size.
  Pt space_width() { return probe_width(" ", space_width_); }
  size_t to_text(size_t source_offset) const;
  size_t to_source(size_t text_offset) const;
  /// Whether `line` ends at a line break the text itself holds (Markdown's hard break, a line
  /// separator), not one the breaker pinned.
  bool ends_hard(const LineInfo& line) const;

  core::Handle<PangoContext, g_object_unref> context_;
  core::Handle<PangoLayout, g_object_unref> layout_;
  /// layout_ is also held by the cache, so it must not change.
  bool layout_shared_ = false;
  core::RichText source_;
  ParagraphStyle style_;
  Pt width_{0};
  std::vector<size_t> hyphen_points_;
  std::vector<bool> hyphen_enabled_;
  /// The edits that made text_ from source_, sorted by position.
  std::vector<Edit> edits_;
  /// Extra (negative) spacing after individual spaces, by source offset: how the optimal
  /// breaker shrinks a tight line, since Pango's justification only stretches.
  std::vector<std::pair<size_t, Pt>> space_adjust_;
  /// Letter spacing of justified lines (justify_lines), by source range.
  std::vector<LetterSpan> letter_adjust_;
  /// Whether justification may space this paragraph's letters: no tracking of its own, and no
  /// letter of a script that must not be spaced (scripts.hpp, is_letter_spaced).
  bool is_letter_spaced_ = false;
  /// A justified paragraph the optimal breaker set ragged (its spaces would have been too wide).
  bool is_ragged_ = false;
  /// The justified lines' spaces as justify_lines() set them.
  JustifiedSpaces justified_spaces_;
  /// set_ragged(): never try a justified set.
  bool all_ragged_ = false;
  /// The lines are the optimal breaker's (pinned), not Pango's own.
  bool is_pinned_ = false;
  /// How far justify_lines() may space letters out, in ems: the breaks' letter_stretch_em.
  double letter_stretch_em_ = kLetterStretchEm;
  /// The chosen breaks' hyphens, per line, while they are pending.
  std::vector<bool> pending_hyphens_;
  /// Lines that must not end in a hyphen (avoid_hyphen_at_line), sorted.
  std::vector<int> unhyphenated_lines_;
  /// Hyphenation points (source offsets, sorted) turned off so that a line of Pango's own
  /// breaking does not end in a hyphen (avoid_hyphen_at_line): kept across relayouts at the
  /// same size and width, as unhyphenated_lines_ is for the optimal breaker.
  std::vector<size_t> unhyphenated_points_;
  std::string text_;
  /// What the layout's text and attributes were last built from: building them again from
  /// the same edits, spacing and size would only make Pango shape the paragraph once more.
  bool is_built_ = false;
  std::vector<std::pair<size_t, Pt>> built_space_adjust_;
  std::vector<LetterSpan> built_letter_adjust_;
  Pt built_size_{0};
  /// The size of the layout's font description (it follows style_.size only when built).
  Pt font_size_{0};
  ProbedWidth hyphen_width_;
  ProbedWidth space_width_;
  std::vector<LineInfo> lines_;
  bool stale_ = true;
  /// Breaks chosen, Pango layout not yet made: the text edits that pin them, and their count.
  bool pending_ = false;
  std::vector<Edit> pending_edits_;
  size_t pending_lines_ = 0;
  /// The size the paragraph is measured at for optimal breaking, whatever sizes fitting tries:
  /// the one it was made with, so the measurement does not depend on what was tried before.
  Pt reference_size_;
  /// The unbroken paragraph's break candidates at the current size (optimal breaking).
  std::shared_ptr<const Unbroken> unbroken_;
  /// The reference measurement estimate_lines() scales, once it has been asked for.
  std::shared_ptr<const Unbroken> estimated_;
  std::shared_ptr<ParagraphCache> cache_;
  /// Everything measure_unbroken() depends on, as a cache key; without the size, everything
  /// the choice of fonts depends on.
  std::string measure_key(bool with_size = true) const;
  /// measure_key() plus what breaking depends on: width, alignment, hyphen runs, and the
  /// reference size the measurement was scaled from. `mode`: 'g' Pango's breaks, 'o' the optimal
  /// breaks laid out, 'p' the optimal breaks chosen.
  std::string settled_key(char mode) const;
};

/// What one thread's paragraphs have measured and laid out, shared by all of them (one
/// thread, so no lock): a batch sets the same statement in the same design job after job, and
/// each measurement or layout is a full Pango shaping of the paragraph. Keys hold everything
/// the value depends on, so a hit gives exactly what the work would have given.
class ParagraphCache {
 public:
  std::shared_ptr<const PangoParagraph::Unbroken> unbroken(const std::string& key) const {
    return find(unbroken_, key);
  }
  void add_unbroken(std::string key, std::shared_ptr<const PangoParagraph::Unbroken> value) {
    add(unbroken_, std::move(key), std::move(value), kMaxUnbroken);
  }
  std::shared_ptr<const PangoParagraph::Settled> settled(const std::string& key) const {
    return find(settled_, key);
  }
  void add_settled(std::string key, std::shared_ptr<const PangoParagraph::Settled> value) {
    add(settled_, std::move(key), std::move(value), kMaxSettled);
  }
  std::shared_ptr<const PangoParagraph::Breaks> breaks(const std::string& key) const {
    return find(breaks_, key);
  }
  void add_breaks(std::string key, std::shared_ptr<const PangoParagraph::Breaks> value) {
    add(breaks_, std::move(key), std::move(value), kMaxUnbroken);
  }
  std::shared_ptr<const std::vector<size_t>> hyphen_points(const std::string& key) const {
    return find(hyphen_points_, key);
  }
  void add_hyphen_points(std::string key, std::shared_ptr<const std::vector<size_t>> value) {
    add(hyphen_points_, std::move(key), std::move(value), kMaxUnbroken);
  }
  std::shared_ptr<const std::vector<CoverageProblem>> coverage(const std::string& key) const {
    return find(coverage_, key);
  }
  void add_coverage(std::string key, std::shared_ptr<const std::vector<CoverageProblem>> value) {
    add(coverage_, std::move(key), std::move(value), kMaxUnbroken);
  }
  /// Measurements made only to estimate a fitted line's breaks (estimate_lines): a design's
  /// few display lines, and in a merge each row's own, which a small map keeps from piling up.
  std::shared_ptr<const PangoParagraph::Unbroken> estimate(const std::string& key) const {
    return find(estimates_, key);
  }
  void add_estimate(std::string key, std::shared_ptr<const PangoParagraph::Unbroken> value) {
    add(estimates_, std::move(key), std::move(value), kMaxEstimates);
  }
  FontFaces& faces() { return faces_; }

 private:
  template <class T>
  using Map = std::unordered_map<std::string, std::shared_ptr<const T>>;
  template <class T>
  static std::shared_ptr<const T> find(const Map<T>& map, const std::string& key) {
    const auto it = map.find(key);
    return it == map.end() ? nullptr : it->second;
  }
  template <class T>
  static void add(Map<T>& map, std::string key, std::shared_ptr<const T> value, size_t most) {
    if (map.size() >= most) map.clear();
    map.emplace(std::move(key), std::move(value));
  }
  /// About 10 kB a measurement and up to a few tens of kB a layout: a few tens of MB at most
  /// per thread, whatever a batch holds.
  static constexpr size_t kMaxUnbroken = 2048;
  static constexpr size_t kMaxSettled = 512;
  static constexpr size_t kMaxEstimates = 128;
  Map<PangoParagraph::Unbroken> unbroken_;
  Map<PangoParagraph::Unbroken> estimates_;
  Map<PangoParagraph::Settled> settled_;
  Map<PangoParagraph::Breaks> breaks_;
  Map<std::vector<size_t>> hyphen_points_;
  Map<std::vector<CoverageProblem>> coverage_;
  FontFaces faces_;
};

/// Upper- or lower-cases each run separately so style runs keep their boundaries, by the rules
/// of `lang` (ICU's): Greek capitals drop their accents ("Η ΔΗΛΩΣΗ", a dropped accent on ι or υ
/// after a vowel kept as a diaeresis), Turkish and Azerbaijani "i" becomes "İ", German "ß" "SS".
core::RichText transform_case(const core::RichText& text, core::TextCase text_case,
                              const std::string& lang = "und");

/// Words: whitespace-separated tokens holding at least one letter or digit.
size_t count_words(std::string_view text);

/// Words as a reader counts them in a display line: between spaces, and in Chinese and
/// Japanese two characters a word ("停止" is one, "一切针对移民的" four).
size_t reading_words(std::string_view text);

}  // namespace broadside::text
