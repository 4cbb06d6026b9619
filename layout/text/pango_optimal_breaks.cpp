// pango_optimal_breaks.cpp — Knuth–Plass breaking for a Pango paragraph: measure the unbroken
// paragraph once, choose the breaks, then pin them with forced line breaks that Pango justifies.
#include <glib.h>

#include <algorithm>

#include "text/knuth_plass.hpp"
#include "text/pango_paragraph.hpp"

namespace broadside::text {

namespace {

constexpr std::string_view kSoftHyphen = "\xC2\xAD";
constexpr std::string_view kLineSeparator = "\xE2\x80\xA8";

Pt from_pango(int units) {
  return Pt{static_cast<double>(units) / PANGO_SCALE};
}

bool is_stretchable_space(gunichar c) {
  return c == ' ' || c == 0xA0;
}

/// What a candidate means in the text, to turn a chosen break into an edit.
struct BreakSite {
  size_t content_end = 0;  // byte where the line's content ends
  size_t next = 0;         // byte where the next line starts
  bool soft_hyphen = false;
};

/// A line measured in the unbroken paragraph can come out a little wider once broken (kerning
/// at its ends, the inserted hyphen); Pango would then re-break it. Lines within this much of
/// the column are tightened by this much more, invisibly: justification stretches them back.
constexpr Pt kSafety{0.6};

}  // namespace

bool PangoParagraph::relayout_optimal() {
  build_text(soft_hyphen_edits());
  pango_layout_set_width(layout_.get(), -1);
  int n_attrs = 0;
  const PangoLogAttr* attrs = pango_layout_get_log_attrs_readonly(layout_.get(), &n_attrs);
  const Pt hyphen = hyphen_width();

  std::vector<Edit> breaks;
  std::vector<size_t> hyphen_breaks;  // source offsets of soft hyphens turned into breaks
  size_t expected_lines = 0;
  bool ok = true;
  // Each unbroken layout line is one hard-broken segment of the paragraph.
  const int segments = pango_layout_get_line_count(layout_.get());
  int char_index = 0;
  size_t byte = 0;
  for (int seg = 0; seg < segments && ok; ++seg) {
    PangoLayoutLine* pl = pango_layout_get_line_readonly(layout_.get(), seg);
    const auto start = static_cast<size_t>(pl->start_index);
    const auto end = start + static_cast<size_t>(pl->length);
    while (byte < start) {  // skip the hard break between segments
      byte = static_cast<size_t>(g_utf8_next_char(text_.data() + byte) - text_.data());
      ++char_index;
    }
    auto x_at = [&](size_t b, bool trailing) {
      int x = 0;
      pango_layout_line_index_to_x(pl, static_cast<int>(b), trailing, &x);
      return from_pango(x);
    };
    BreakRequest request;
    request.max_hyphen_run = style_.max_hyphen_run;
    const Pt indent = seg == 0 ? style_.indent : Pt{0};
    request.first_width = width_ - core::max(indent, Pt{0});
    request.width = width_ + core::min(style_.indent, Pt{0});
    std::vector<BreakSite> sites;
    int spaces = 0, spaces_at_content = 0;
    size_t content_end = start, last_char = start;
    Pt space_total{0};
    for (size_t b = start; b < end;) {
      const gunichar c = g_utf8_get_char(text_.data() + b);
      const size_t next = static_cast<size_t>(g_utf8_next_char(text_.data() + b) - text_.data());
      if (b > start && char_index < n_attrs && attrs[char_index].is_line_break) {
        BreakCandidate cand;
        const bool soft = b >= kSoftHyphen.size() &&
                          std::string_view(text_).substr(b - kSoftHyphen.size(),
                                                         kSoftHyphen.size()) == kSoftHyphen;
        const char before = text_[content_end - 1];
        cand.is_hyphen = soft || before == '-';
        cand.extra = soft ? hyphen : Pt{0};
        cand.content_end = x_at(content_end - 1, true);
        cand.next_start = x_at(b, false);
        cand.spaces_before_end = spaces_at_content;
        cand.spaces_before_next = spaces;
        request.candidates.push_back(cand);
        sites.push_back({content_end, b, soft});
      }
      if (is_stretchable_space(c)) {
        ++spaces;
        space_total += x_at(next < end ? next : b, next >= end) - x_at(b, false);
      } else if (!g_unichar_isspace(c) && c != 0xAD) {
        content_end = next;
        spaces_at_content = spaces;
      }
      last_char = b;
      b = next;
      ++char_index;
    }
    byte = end;
    (void)last_char;
    BreakCandidate final_cand;
    final_cand.content_end = content_end > start ? x_at(content_end - 1, true) : Pt{0};
    final_cand.spaces_before_end = spaces_at_content;
    final_cand.is_forced = true;
    request.candidates.push_back(final_cand);
    request.space = spaces > 0 ? space_total / spaces : style_.size / 4;

    const auto chosen = break_lines(request);
    if (!chosen) {
      ok = false;
      break;
    }
    expected_lines += chosen->size();
    sites.push_back({content_end, end, false});
    for (size_t i = 0; i < chosen->size(); ++i) {
      // A line wider than the column at natural spacing has its spaces tightened.
      const size_t to = (*chosen)[i];
      const BreakCandidate& c = request.candidates[to];
      const BreakCandidate* from = i == 0 ? nullptr : &request.candidates[(*chosen)[i - 1]];
      const Pt natural = c.content_end - (from ? from->next_start : Pt{0}) + c.extra;
      const Pt width = i == 0 ? request.first_width : request.width;
      const int line_spaces = c.spaces_before_end - (from ? from->spaces_before_next : 0);
      if (natural > width - kSafety && line_spaces > 0) {
        const Pt each = (width - kSafety - natural) / line_spaces;
        const size_t first = i == 0 ? start : sites[(*chosen)[i - 1]].next;
        for (size_t b = first; b < sites[to].content_end;) {
          if (is_stretchable_space(g_utf8_get_char(text_.data() + b)))
            space_adjust_.push_back({to_source(b), each});
          b = static_cast<size_t>(g_utf8_next_char(text_.data() + b) - text_.data());
        }
      }
      if (i + 1 == chosen->size()) break;
      const BreakSite& site = sites[(*chosen)[i]];
      if (site.soft_hyphen) {
        const size_t at = to_source(site.next - kSoftHyphen.size());
        hyphen_breaks.push_back(at);
        breaks.push_back({at, 0, std::string("-").append(kLineSeparator)});
      } else {
        const size_t from = to_source(site.content_end);
        breaks.push_back({from, to_source(site.next) - from, std::string(kLineSeparator)});
      }
    }
  }
  pango_layout_set_width(
      layout_.get(), width_.value > 0 ? static_cast<int>(width_.value * PANGO_SCALE + 0.5) : -1);
  if (!ok) return false;

  std::vector<Edit> edits;
  for (size_t i = 0; i < hyphen_points_.size(); ++i) {
    if (std::find(hyphen_breaks.begin(), hyphen_breaks.end(), hyphen_points_[i]) ==
        hyphen_breaks.end())
      edits.push_back({hyphen_points_[i], 0, std::string(kSoftHyphen)});
  }
  edits.insert(edits.end(), breaks.begin(), breaks.end());
  std::stable_sort(edits.begin(), edits.end(),
                   [](const Edit& a, const Edit& b) { return a.at < b.at; });
  build_text(std::move(edits));
  measure_lines();
  // Pango re-broke a line we measured as fitting (shaping across the break differs slightly):
  // fall back to its own breaking rather than risk a line wider than the column.
  return static_cast<size_t>(line_count()) == expected_lines;
}

}  // namespace broadside::text
