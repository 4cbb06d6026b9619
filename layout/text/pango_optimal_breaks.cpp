// pango_optimal_breaks.cpp — Knuth–Plass breaking for a Pango paragraph: measure the unbroken
// paragraph once per size, choose the breaks for each width, then pin them with forced line
// breaks that Pango justifies.
#include <glib.h>

#include <algorithm>

#include "core/language.hpp"
#include "text/knuth_plass.hpp"
#include "text/pango_paragraph.hpp"
#include "text/pango_units.hpp"
#include "text/scripts.hpp"

namespace broadside::text {

namespace {

constexpr std::string_view kSoftHyphen = "\xC2\xAD";
constexpr std::string_view kLineSeparator = "\xE2\x80\xA8";

/// A line measured in the unbroken paragraph can come out a little wider once broken (kerning
/// at its ends, the inserted hyphen); Pango would then re-break it. Lines within this much of
/// the column are tightened by this much more, invisibly: justification stretches them back.
constexpr Pt kSafety{0.6};

bool is_stretchable_space(gunichar c) {
  return c == ' ' || c == 0xA0;
}

}  // namespace

PangoParagraph::~PangoParagraph() = default;

std::string PangoParagraph::measure_key(bool with_size) const {
  std::string key = source_.text;
  auto add = [&](const auto& value) {
    key.append(reinterpret_cast<const char*>(&value), sizeof value);
  };
  key += '\0';
  for (size_t p : hyphen_points_) add(p);
  key += '\0';
  for (const auto& r : source_.runs) {
    add(r.start);
    add(r.end);
    key += static_cast<char>((r.strong ? 1 : 0) | (r.emphasis ? 2 : 0));
  }
  key += '\0';
  for (const auto& f : style_.face.families) key += f + ',';
  key += '\0' + style_.lang + '\0' + style_.features + '\0';
  add(style_.face.weight);
  add(style_.face.slant);
  add(style_.face.width);
  if (with_size) add(style_.size.value);
  add(style_.tracking);
  add(style_.indent.value);
  return key;
}

std::shared_ptr<const PangoParagraph::Unbroken> PangoParagraph::reference_measurement(
    bool for_estimate) {
  std::string key;
  if (cache_) {
    key = measure_key(false);
    key.append(reinterpret_cast<const char*>(&reference_size_.value), sizeof reference_size_.value);
    if (auto hit = cache_->unbroken(key)) return hit;
    if (for_estimate)
      if (auto hit = cache_->estimate(key)) return hit;
  }
  const Pt size = style_.size;
  style_.size = reference_size_;
  build_text(soft_hyphen_edits());
  set_layout_width(-1);
  auto measured = std::make_shared<Unbroken>();
  measured->size = style_.size;
  int n_attrs = 0;
  const PangoLogAttr* attrs = pango_layout_get_log_attrs_readonly(layout_.get(), &n_attrs);
  const Pt hyphen = hyphen_width();
  const int segments = pango_layout_get_line_count(layout_.get());
  int char_index = 0;
  size_t byte = 0;
  for (int seg = 0; seg < segments; ++seg) {
    PangoLayoutLine* pl = pango_layout_get_line_readonly(layout_.get(), seg);
    {
      PangoRectangle ink, logical;
      pango_layout_line_get_extents(pl, &ink, &logical);
      LineExtents& e = measured->extents;
      e.ascent = core::max(e.ascent, from_pango(-logical.y));
      e.descent = core::max(e.descent, from_pango(logical.height + logical.y));
      if (ink.width > 0 && ink.height > 0) {
        e.ink_ascent = core::max(e.ink_ascent, from_pango(-ink.y));
        e.ink_descent = core::max(e.ink_descent, from_pango(ink.y + ink.height));
      }
    }
    const auto start = static_cast<size_t>(pl->start_index);
    const auto end = start + static_cast<size_t>(pl->length);
    while (byte < start) {  // skip the hard break between segments
      byte = static_cast<size_t>(g_utf8_next_char(text_.data() + byte) - text_.data());
      ++char_index;
    }
    // x of every byte that starts a character, from the runs' logical widths in one pass
    // (index_to_x per candidate would make long paragraphs quadratic). Left-to-right only:
    // right-to-left paragraphs never come here.
    std::vector<Pt> x_of(end - start + 1, Pt{0});
    {
      int x = 0;
      for (GSList* r = pl->runs; r; r = r->next) {
        auto* run = static_cast<PangoGlyphItem*>(r->data);
        const int chars = run->item->num_chars;
        std::vector<int> widths(static_cast<size_t>(chars));
        pango_glyph_item_get_logical_widths(run, text_.data(), widths.data());
        const char* p = text_.data() + run->item->offset;
        for (int c = 0; c < chars; ++c) {
          x_of[static_cast<size_t>(p - text_.data()) - start] = from_pango(x);
          x += widths[static_cast<size_t>(c)];
          p = g_utf8_next_char(p);
        }
        x_of[static_cast<size_t>(p - text_.data()) - start] = from_pango(x);
      }
    }
    // Leading edge of the character at `b`, or trailing edge of the one starting at `b`.
    auto x_at = [&](size_t b, bool trailing) {
      if (!trailing) return x_of[b - start];
      const auto next = static_cast<size_t>(g_utf8_next_char(text_.data() + b) - text_.data());
      return x_of[std::min(next, end) - start];
    };
    Unbroken::Segment segment;
    segment.paragraph_start = pl->is_paragraph_start;
    int spaces = 0, spaces_at_content = 0, word_spaces = 0;
    int letters = 0, letters_at_content = 0;
    gunichar previous = 0;
    size_t previous_at = start;
    size_t content_end = start;
    Pt space_total{0};
    for (size_t b = start; b < end;) {
      const gunichar c = g_utf8_get_char(text_.data() + b);
      const auto next = static_cast<size_t>(g_utf8_next_char(text_.data() + b) - text_.data());
      // A line may not end on a word's suspended hyphen ("Konzern- und Finanzelite"): read at
      // the end of a line it looks like a word broken in two.
      const bool after_suspended_hyphen =
          content_end > start && text_[content_end - 1] == '-' && b > content_end;
      // Nor may a line begin with a closed-up em dash ("enemy / —capitalism"): the dash
      // belongs to the line it follows, where Unicode also allows a break.
      const bool before_closed_dash = c == 0x2014 && content_end == b;
      if (b > start && char_index < n_attrs && attrs[char_index].is_line_break &&
          !after_suspended_hyphen && !before_closed_dash) {
        BreakCandidate cand;
        const bool soft = b >= kSoftHyphen.size() &&
                          std::string_view(text_).substr(b - kSoftHyphen.size(),
                                                         kSoftHyphen.size()) == kSoftHyphen;
        // Only spaces before this break (content_end == start): the line's content is empty and
        // ends where it starts.
        const bool has_content = content_end > start;
        cand.is_hyphen = soft || (has_content && text_[content_end - 1] == '-');
        cand.extra = soft ? hyphen : Pt{0};
        cand.content_end = has_content ? x_at(content_end - 1, true) : x_at(start, false);
        cand.next_start = x_at(b, false);
        cand.spaces_before_end = spaces_at_content;
        cand.spaces_before_next = spaces;
        cand.letters_before_end = letters_at_content;
        cand.letters_before_next = letters;
        segment.candidates.push_back(cand);
        // A soft-hyphen break is at the hyphen point itself (the soft hyphen's source offset).
        segment.sites.push_back(
            {to_source(content_end), to_source(soft ? b - kSoftHyphen.size() : b), soft});
      }
      // Chinese and Japanese stretch between ideographs (pango_justify.cpp): such a gap counts
      // as a space of the line it lies inside, not of a line that breaks at it.
      if (b > start && is_cjk_gap(previous, c)) {
        ++spaces;
        segment.spaces.push_back(to_source(previous_at));
      }
      previous = c;
      previous_at = b;
      if (is_stretchable_space(c)) {
        ++spaces;
        ++word_spaces;
        segment.spaces.push_back(to_source(b));
        space_total += x_at(next < end ? next : b, next >= end) - x_at(b, false);
      } else if (!g_unichar_isspace(c) && c != 0xAD) {
        content_end = next;
        spaces_at_content = spaces;
        letters_at_content = ++letters;
      }
      b = next;
      ++char_index;
    }
    byte = end;
    BreakCandidate last;
    last.content_end = content_end > start ? x_at(content_end - 1, true) : Pt{0};
    last.spaces_before_end = spaces_at_content;
    last.letters_before_end = letters_at_content;
    last.is_forced = true;
    segment.candidates.push_back(last);
    segment.sites.push_back({to_source(content_end), to_source(end), false});
    segment.space = word_spaces > 0 ? space_total / word_spaces : style_.size / 4;
    measured->segments.push_back(std::move(segment));
  }
  style_.size = size;
  if (cache_) {
    if (for_estimate)
      cache_->add_estimate(std::move(key), measured);
    else
      cache_->add_unbroken(std::move(key), measured);
  }
  return measured;
}

void PangoParagraph::measure_unbroken() {
  const auto reference = reference_measurement();
  if (reference->size == style_.size) {
    unbroken_ = reference;
    return;
  }
  // Unhinted advances, kerning and tracking all grow in proportion to the size (to within a
  // 1/1024 pt rounding per glyph), so the other sizes a fit tries need no shaping of their own;
  // the size chosen is laid out by Pango, whose line widths kSafety keeps inside the column.
  const double k = style_.size.value / reference->size.value;
  auto scaled = std::make_shared<Unbroken>(*reference);
  scaled->size = style_.size;
  scaled->extents = {reference->extents.ascent * k, reference->extents.descent * k,
                     reference->extents.ink_ascent * k, reference->extents.ink_descent * k};
  for (auto& segment : scaled->segments) {
    segment.space = segment.space * k;
    for (auto& c : segment.candidates) {
      c.content_end = c.content_end * k;
      c.next_start = c.next_start * k;
      c.extra = c.extra * k;
    }
  }
  unbroken_ = std::move(scaled);
}

std::optional<LineExtents> PangoParagraph::extents_of_any_line() {
  if (stale_) relayout();
  // Only while the breaks are chosen and not laid out: once they are, the lines say it exactly.
  if (!pending_) return std::nullopt;
  // Breaks found in the cache leave the measurement at the size it was last made for; scaled
  // here as a search that broke the paragraph itself would have, or a trial would lay out every
  // line of the paragraph only to read its extents (#16).
  if (!unbroken_ || unbroken_->size != style_.size) measure_unbroken();
  return unbroken_->extents;
}

std::optional<LineEstimate> PangoParagraph::estimate_lines(Pt size, Pt width) {
  if (core::is_rtl(style_.lang)) return std::nullopt;
  if (!estimated_) {
    estimated_ = reference_measurement(/*for_estimate=*/true);
    stale_ = true;  // measuring set the layout unbroken
  }
  // First fit, as Pango breaks: each line takes every candidate whose content still fits; a
  // first one that does not fit stands alone, too wide.
  const double k = size.value / estimated_->size.value;
  LineEstimate out;
  for (const auto& segment : estimated_->segments) {
    const auto& c = segment.candidates;
    Pt start{0};
    for (size_t i = 0; i < c.size();) {
      size_t last = i;
      for (size_t j = i; j < c.size(); ++j) {
        if (width.value > 0 && (c[j].content_end + c[j].extra - start) * k > width) break;
        last = j;
      }
      ++out.lines;
      out.widest = core::max(out.widest, (c[last].content_end + c[last].extra - start) * k);
      start = c[last].next_start;
      i = last + 1;
    }
  }
  return out;
}

bool PangoParagraph::relayout_optimal() {
  const auto chosen = optimal_breaks();
  if (!chosen->found) return false;
  space_adjust_ = chosen->space_adjust;
  is_ragged_ = chosen->is_ragged;
  letter_stretch_em_ = chosen->letter_stretch_em;
  is_pinned_ = true;
  pending_hyphens_ = chosen->hyphens;
  pending_edits_ = chosen->edits;
  pending_lines_ = chosen->lines;
  pending_ = true;
  return true;
}

std::shared_ptr<const PangoParagraph::Breaks> PangoParagraph::optimal_breaks() {
  std::string key;
  if (cache_) {
    key = settled_key('p');
    if (auto hit = cache_->breaks(key)) return hit;
  }
  if (!unbroken_ || unbroken_->size != style_.size) measure_unbroken();
  // A line asked to end without a hyphen (the last of a column or page) never ends in one
  // (#14): when no justified set can do without it, the paragraph is set ragged, which can.
  auto out =
      all_ragged_ ? std::make_shared<Breaks>() : breaks_set(Setting::justified, Hyphens::as_asked);
  // No justified set keeps its spaces within the limits: its letters may space out a little
  // further, and else this paragraph is set ragged instead.
  if (!out->found && !all_ragged_ && style_.align == core::Align::justify && is_letter_spaced_)
    out = breaks_set(Setting::loosely_justified, Hyphens::as_asked);
  if (!out->found && style_.align == core::Align::justify)
    out = breaks_set(Setting::ragged, Hyphens::as_asked);
  if (!out->found && !unhyphenated_lines_.empty())
    out = breaks_set(Setting::ragged, Hyphens::anywhere);
  if (cache_) cache_->add_breaks(std::move(key), out);
  return out;
}

std::shared_ptr<PangoParagraph::Breaks> PangoParagraph::breaks_set(Setting setting,
                                                                   Hyphens hyphens) const {
  auto out = std::make_shared<Breaks>();
  out->is_ragged = setting == Setting::ragged || style_.align != core::Align::justify;
  std::vector<Edit> breaks;
  std::vector<size_t> hyphen_breaks;  // source offsets of soft hyphens turned into breaks
  size_t expected_lines = 0;
  for (size_t seg = 0; seg < unbroken_->segments.size(); ++seg) {
    const Unbroken::Segment& segment = unbroken_->segments[seg];
    BreakRequest request;
    request.candidates = segment.candidates;
    request.space = segment.space;
    request.max_hyphen_run = style_.max_hyphen_run;
    request.is_justified = !out->is_ragged;
    if (request.is_justified) {
      request.widest_space = style_.size * kWidestSpaceEm;
      request.good_space = style_.size * kGoodSpaceEm;
      if (is_letter_spaced_) {
        out->letter_stretch_em =
            setting == Setting::loosely_justified ? kLooseLetterStretchEm : kLetterStretchEm;
        request.letter_stretch = style_.size * out->letter_stretch_em;
        request.letter_shrink = style_.size * kLetterShrinkEm;
      }
    }
    for (int line : unhyphenated_lines_)
      if (hyphens == Hyphens::as_asked && line >= static_cast<int>(expected_lines))
        request.unhyphenated_lines.push_back(line - static_cast<int>(expected_lines));
    const Pt indent = segment.paragraph_start ? style_.indent : Pt{0};
    request.first_width = width_ - core::max(indent, Pt{0});
    request.width = width_ + core::min(style_.indent, Pt{0});
    const auto chosen = break_lines(request);
    if (!chosen) return std::make_shared<Breaks>();
    expected_lines += chosen->size();
    for (size_t i = 0; i < chosen->size(); ++i) {
      const size_t to = (*chosen)[i];
      const BreakCandidate& c = segment.candidates[to];
      const BreakCandidate* from = i == 0 ? nullptr : &segment.candidates[(*chosen)[i - 1]];
      const Pt natural = c.content_end - (from ? from->next_start : Pt{0}) + c.extra;
      const Pt width = i == 0 ? request.first_width : request.width;
      const int line_spaces = c.spaces_before_end - (from ? from->spaces_before_next : 0);
      if (natural > width - kSafety && line_spaces > 0) {
        // A line wider than the column at natural spacing has its spaces tightened.
        const Pt each = (width - kSafety - natural) / line_spaces;
        const size_t first = i == 0 ? 0 : segment.sites[(*chosen)[i - 1]].next;
        const auto lo = std::lower_bound(segment.spaces.begin(), segment.spaces.end(), first);
        const auto hi = std::lower_bound(lo, segment.spaces.end(), segment.sites[to].content_end);
        for (auto it = lo; it != hi; ++it) out->space_adjust.push_back({*it, each});
      }
      out->hyphens.push_back(c.is_hyphen && i + 1 < chosen->size());
      if (i + 1 == chosen->size()) break;
      const Unbroken::Site& site = segment.sites[to];
      if (site.soft_hyphen) {
        hyphen_breaks.push_back(site.next);
        breaks.push_back({site.next, 0, std::string("-").append(kLineSeparator)});
      } else {
        breaks.push_back(
            {site.content_end, site.next - site.content_end, std::string(kLineSeparator)});
      }
    }
  }
  for (size_t i = 0; i < hyphen_points_.size(); ++i) {
    if (std::find(hyphen_breaks.begin(), hyphen_breaks.end(), hyphen_points_[i]) ==
        hyphen_breaks.end())
      out->edits.push_back({hyphen_points_[i], 0, std::string(kSoftHyphen)});
  }
  out->edits.insert(out->edits.end(), breaks.begin(), breaks.end());
  std::stable_sort(out->edits.begin(), out->edits.end(),
                   [](const Edit& a, const Edit& b) { return a.at < b.at; });
  out->lines = expected_lines;
  out->found = true;
  return out;
}

void PangoParagraph::materialize() {
  pending_ = false;
  std::string key = cache_ ? settled_key('o') : std::string();
  if (adopt_settled(key)) return;
  // The breaks are pinned by line separators: Pango must not wrap again where shaping across
  // a break makes a line a hair wider than measured (justification brings every line but a
  // paragraph's last to the column's width, and the breaker tightened any that would be over).
  set_layout_width(-1);
  build_text(std::move(pending_edits_));
  measure_lines();
  // Pango broke a line we did not ask for: fall back to its own breaking.
  if (static_cast<size_t>(lines_.size()) != pending_lines_) {
    space_adjust_.clear();
    relayout_greedy();
    return;
  }
  justify_lines(Breaking::pinned);
  share_settled(std::move(key));
}

}  // namespace broadside::text
