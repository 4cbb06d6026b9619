// pango_justify.cpp — justification by widening (or narrowing) the spaces between words, line
// by line, instead of Pango's: Pango spreads a line without spaces letter by letter, which tears
// Thai, Khmer or Myanmar clusters apart and spaces Latin runs inside Chinese. Chinese and
// Japanese, which have no spaces, are spread between their ideographs and kana as CLREQ 3.8 and
// JLREQ 3.8 do (never inside a Latin run, never after an opening bracket or before a closing
// mark, whose glyphs carry their own half em of blank); adjacent marks and a mark ending a line
// are first set at half width (scripts.hpp, halved_punctuation).
// A line with nothing to widen (a script with no justification tradition, a single long word)
// stays start-aligned.
#include <glib.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

#include "text/pango_paragraph.hpp"
#include "text/scripts.hpp"

namespace broadside::text {

namespace {

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";
/// A justified line is set this much short of the column, so rounding never makes Pango wrap
/// it or the frame find it too wide: more than what the second pass leaves of letter spacing's
/// rounding (a few thousandths of a point).
constexpr Pt kHair{0.02};
/// Lines within this much of their width need no second layout.
constexpr Pt kCloseEnough{0.01};

/// Passes at most: the second only corrects what shaping made of the first.
constexpr int kPasses = 2;

/// Where `line`'s content ends: its trailing spaces, soft hyphen and line separator left out.
size_t content_end_of(std::string_view line) {
  size_t content_end = line.size();
  while (content_end > 0) {
    const char* prev = g_utf8_find_prev_char(line.data(), line.data() + content_end);
    const gunichar c = g_utf8_get_char(prev);
    if (!g_unichar_isspace(c) && c != 0xAD && c != 0x2028) break;
    content_end = static_cast<size_t>(prev - line.data());
  }
  return content_end;
}

/// Text offsets of the places `line` (which starts at `start`) may widen: the spaces between its
/// words (not the ones it ends with), and the gaps between two characters of the CJK grid.
std::vector<size_t> justification_points(std::string_view line, size_t start) {
  const size_t content_end = content_end_of(line);
  std::vector<size_t> points;
  for (size_t b = 0; b < content_end;) {
    const char* here = line.data() + b;
    const size_t next = static_cast<size_t>(g_utf8_next_char(here) - line.data());
    if (line[b] == ' ' || line.substr(b, kNoBreakSpace.size()) == kNoBreakSpace) {
      points.push_back(start + b);
    } else if (next < content_end) {
      if (is_cjk_gap(g_utf8_get_char(here), g_utf8_get_char(line.data() + next)))
        points.push_back(start + b);
    }
    b = next;
  }
  return points;
}

/// Where `line`'s content ends (its trailing spaces, soft hyphen and break left out) and how many
/// characters it holds that letter spacing spreads (all but spaces), as the breaker counts them.
std::pair<size_t, int> line_letters(std::string_view line) {
  const size_t content_end = content_end_of(line);
  int letters = 0;
  for (const char* p = line.data(); p < line.data() + content_end; p = g_utf8_next_char(p)) {
    const gunichar c = g_utf8_get_char(p);
    if (!g_unichar_isspace(c) && c != 0xAD && c != 0xA0) ++letters;
  }
  return {content_end, letters};
}

}  // namespace

void PangoParagraph::justify_lines(Breaking breaking) {
  justified_spaces_ = {};
  if (style_.align == core::Align::justify && all_ragged_) is_ragged_ = true;
  if (style_.align != core::Align::justify || is_ragged_ || width_.value <= 0 || lines_.empty())
    return;
  const auto unjustified = space_adjust_;
  const size_t count = lines_.size();
  // Widening a space widens its line by about as much; where shaping makes it a little more or
  // less, a second pass corrects from the lines as measured.
  for (int pass = 0; pass < kPasses; ++pass) {
    std::map<size_t, Pt> adjust(space_adjust_.begin(), space_adjust_.end());
    std::vector<LetterSpan> letters;
    bool changed = false;
    for (size_t i = 0; i < lines_.size(); ++i) {
      const LineInfo& l = lines_[i];
      const std::string_view line(text_.data() + l.start, l.length);
      const bool first = i == 0 || lines_[i - 1].end == LineInfo::End::paragraph;
      if (l.end != LineInfo::End::wrapped) continue;
      const std::vector<size_t> spaces = justification_points(line, l.start);
      if (spaces.empty()) continue;
      const Pt target =
          width_ - (first ? core::max(style_.indent, Pt{0}) : core::max(-style_.indent, Pt{0}));
      const Pt missing = target - kHair - l.width;
      if (pass > 0) {
        // The second pass only corrects what shaping made of the first, at the spaces.
        if (std::abs(missing.value) < kCloseEnough.value) continue;
        const Pt each = missing / static_cast<double>(spaces.size());
        for (size_t at : spaces) adjust[to_source(at)] += each;
        changed = true;
        continue;
      }
      // From the line at natural spacing (the breaker may have tightened its spaces already),
      // letters and spaces share the difference as the breaker weighed them: each in
      // proportion to how far it may stretch or shrink, letters never past their limit.
      Pt tightened{0};
      for (size_t at : spaces) {
        const auto it = adjust.find(to_source(at));
        if (it != adjust.end()) tightened += it->second;
      }
      const Pt needed = missing + tightened;
      const auto [content_end, letter_count] = line_letters(line);
      const int n_letters = is_letter_spaced_ ? letter_count : 0;
      const bool widen = needed.value > 0;
      const Pt per_space_room = space_width() * (widen ? kStretchPerSpace : kShrinkPerSpace);
      const Pt per_letter_room = style_.size * (widen ? letter_stretch_em_ : kLetterShrinkEm);
      const double room = per_space_room.value * static_cast<double>(spaces.size()) +
                          per_letter_room.value * n_letters;
      const double ratio = room > 0 ? needed.value / room : 0;
      const Pt per_letter = n_letters > 0 ? per_letter_room * std::clamp(ratio, -1.0, 1.0) : Pt{0};
      const Pt each = (needed - per_letter * n_letters) / static_cast<double>(spaces.size());
      // Pango's own breaks (the optimal breaker found none) can leave a line whose spaces would
      // open into rivers: the paragraph is set ragged instead, as the breaker would have.
      if (breaking == Breaking::pango && space_width() + each > style_.size * kWidestSpaceEm) {
        is_ragged_ = true;
        letter_adjust_.clear();
        justified_spaces_ = {};
        return;
      }
      // What a reader sees of each gap: the space, its widening and the letter spacing after
      // the word before it (a gap of the Chinese and Japanese grid has no width of its own).
      for (size_t at : spaces) {
        const bool is_space =
            text_[at] == ' ' || text_.compare(at, kNoBreakSpace.size(), kNoBreakSpace) == 0;
        const Pt gap = (is_space ? space_width() : Pt{0}) + each + per_letter;
        ++justified_spaces_.spaces;
        if (gap > style_.size * kEvenGapEm) ++justified_spaces_.loose;
      }
      if (std::abs(missing.value) < kCloseEnough.value && tightened.value == 0) continue;
      for (size_t at : spaces) adjust[to_source(at)] = each;
      if (per_letter.value != 0)
        letters.push_back({to_source(l.start), to_source(l.start + content_end), per_letter});
      changed = true;
    }
    if (!changed) return;
    space_adjust_.assign(adjust.begin(), adjust.end());
    if (pass == 0) letter_adjust_ = std::move(letters);
    // Lines pinned by forced breaks need no wrapping, and must not wrap where rounding leaves a
    // line a hair too wide.
    if (breaking == Breaking::pinned) set_layout_width(-1);
    build_text(edits_);
    measure_lines();
    if (lines_.size() != count) break;
  }
  if (lines_.size() == count) return;
  // Pango's own breaks moved with the wider spaces (it never should): keep them ragged.
  justified_spaces_ = {};
  space_adjust_ = unjustified;
  letter_adjust_.clear();
  build_text(edits_);
  measure_lines();
}

}  // namespace broadside::text
