// knuth_plass_test.cpp — the optimal breaker on hand-made measurements: fixed 10pt words and
// 4pt spaces, so the expected breaks can be worked out on paper.
#include <doctest/doctest.h>

#include <algorithm>

#include "text/knuth_plass.hpp"

using namespace broadside;
using core::Pt;
using text::BreakCandidate;

namespace {

/// Words of the given widths separated by 4pt spaces; a candidate after every word.
text::BreakRequest words(const std::vector<double>& widths, double line_width) {
  text::BreakRequest r;
  r.first_width = r.width = Pt{line_width};
  r.space = Pt{4};
  double x = 0;
  for (size_t i = 0; i < widths.size(); ++i) {
    x += widths[i];
    BreakCandidate c;
    c.content_end = Pt{x};
    c.spaces_before_end = static_cast<int>(i);
    c.next_start = Pt{x + 4};
    c.spaces_before_next = static_cast<int>(i + 1);
    c.is_forced = i + 1 == widths.size();
    r.candidates.push_back(c);
    x += 4;
  }
  return r;
}

/// Width of each line the breaks make.
std::vector<double> line_widths(const text::BreakRequest& r, const std::vector<size_t>& breaks) {
  std::vector<double> out;
  Pt start{0};
  for (size_t b : breaks) {
    out.push_back((r.candidates[b].content_end - start).value);
    start = r.candidates[b].next_start;
  }
  return out;
}

}  // namespace

TEST_CASE("every line fits and the last candidate ends the paragraph") {
  const auto r = words(std::vector<double>(20, 10), 60);
  const auto breaks = text::break_lines(r);
  REQUIRE(breaks);
  CHECK(breaks->back() == 19);
  for (double w : line_widths(r, *breaks)) CHECK(w <= 60.0);
}

TEST_CASE("it evens lines out where first-fit would leave one loose") {
  // First-fit at width 64 takes 4 words (52pt), then 3 of the long ones... Optimal breaking
  // spreads the slack so no line but the last is far from full.
  const auto r = words({10, 10, 10, 10, 22, 22, 10, 10, 10, 10, 10}, 64);
  const auto breaks = text::break_lines(r);
  REQUIRE(breaks);
  const auto widths = line_widths(r, *breaks);
  for (size_t i = 0; i + 1 < widths.size(); ++i) CHECK(widths[i] >= 64 - 64 * 0.25);
}

TEST_CASE("a word wider than the line has no solution, so the caller falls back") {
  CHECK_FALSE(text::break_lines(words({10, 80, 10}, 60)));
}

TEST_CASE("hyphenated breaks are taken when they help, but never three in a row") {
  // Every break is a hyphen: the breaker must still find lines, never more than two hyphens
  // running; with max_hyphen_run = 0 it must not hyphenate at all.
  auto r = words(std::vector<double>(30, 9), 50);
  for (auto& c : r.candidates)
    if (!c.is_forced && c.spaces_before_next % 2 == 1) c.is_hyphen = true;
  const auto breaks = text::break_lines(r);
  REQUIRE(breaks);
  int run = 0;
  for (size_t i = 0; i + 1 < breaks->size(); ++i) {
    run = r.candidates[(*breaks)[i]].is_hyphen ? run + 1 : 0;
    CHECK(run <= 2);
  }
  r.max_hyphen_run = 0;
  const auto none = text::break_lines(r);
  REQUIRE(none);
  for (size_t i = 0; i + 1 < none->size(); ++i) CHECK_FALSE(r.candidates[(*none)[i]].is_hyphen);
}

TEST_CASE("a forced break ends a line") {
  auto r = words(std::vector<double>(8, 10), 200);
  r.candidates[2].is_forced = true;
  const auto breaks = text::break_lines(r);
  REQUIRE(breaks);
  CHECK(std::find(breaks->begin(), breaks->end(), 2u) != breaks->end());
}

TEST_CASE("a lone short word on the last line is avoided when the paragraph allows it") {
  // 31 words of 10pt at width 200: first-fit takes 14 a line and leaves 3 lines of 14, 14, 3;
  // fullest-first with shrinking would give 15, 15 and a lone word. The breaker keeps two
  // words or more on the last line.
  const auto r = words(std::vector<double>(31, 10), 200);
  const auto breaks = text::break_lines(r);
  REQUIRE(breaks);
  const auto& last_start = r.candidates[(*breaks)[breaks->size() - 2]];
  const auto& end = r.candidates.back();
  CHECK(end.spaces_before_end - last_start.spaces_before_next >= 1);
}

namespace {

/// The widest inter-word space of each justified line (the last line excluded), as the breaks
/// would stretch them to the line's width.
double widest_space(const text::BreakRequest& r, const std::vector<size_t>& breaks) {
  double widest = 0;
  Pt start{0};
  int spaces_start = 0;
  for (size_t i = 0; i + 1 < breaks.size(); ++i) {
    const auto& c = r.candidates[breaks[i]];
    const int spaces = c.spaces_before_end - spaces_start;
    if (spaces > 0)
      widest = std::max(widest, r.space.value + (r.width - (c.content_end - start)).value / spaces);
    start = c.next_start;
    spaces_start = c.spaces_before_next;
  }
  return widest;
}

/// Words of uneven widths (a fixed pseudo-random sequence): some widths leave loose lines.
text::BreakRequest uneven_words(double line_width) {
  std::vector<double> widths;
  unsigned x = 7;
  for (int i = 0; i < 60; ++i) {
    x = x * 1103515245u + 12345u;
    widths.push_back(6 + (x >> 16) % 28);
  }
  return words(widths, line_width);
}

}  // namespace

TEST_CASE("justified spaces stay within the widest allowed, or there is no justified set") {
  for (double width : {70.0, 90.0, 120.0}) {
    auto r = uneven_words(width);
    bool found_some = false, refused_some = false;
    for (double limit : {4.2, 5.0, 6.0, 7.0, 8.0, 10.0, 14.0, 1000.0}) {
      CAPTURE(width);
      CAPTURE(limit);
      r.widest_space = Pt{limit};
      const auto breaks = text::break_lines(r);
      if (!breaks) {
        refused_some = true;
        CHECK_FALSE(found_some);  // a wider limit never loses a set a narrower one had
        continue;
      }
      found_some = true;
      CHECK(widest_space(r, *breaks) <= limit + 1e-9);
    }
    CHECK(found_some);
    CHECK(refused_some);  // a space of 4.2pt at most cannot justify these words
  }
}

TEST_CASE("a set within the good space is preferred to a tighter-fitting looser one") {
  // Whenever the words can be set with every space within the good width, that set is taken,
  // even when the widest allowed is far wider.
  for (double width : {70.0, 90.0, 120.0}) {
    auto r = uneven_words(width);
    r.widest_space = Pt{7};
    const bool good_exists = text::break_lines(r).has_value();
    r.good_space = Pt{7};
    r.widest_space = Pt{40};
    const auto breaks = text::break_lines(r);
    REQUIRE(breaks);
    if (good_exists) CHECK(widest_space(r, *breaks) <= 7 + 1e-9);
  }
}

TEST_CASE("a line asked not to end in a hyphen does not") {
  int tried = 0;
  for (double width = 40; width < 90; width += 3) {
    CAPTURE(width);
    auto r = uneven_words(width);
    for (auto& c : r.candidates)
      if (!c.is_forced && c.spaces_before_next % 2 == 1) c.is_hyphen = true;
    const auto breaks = text::break_lines(r);
    if (!breaks) continue;  // a word wider than the line
    int hyphenated = -1;
    for (size_t i = 0; i + 1 < breaks->size(); ++i)
      if (r.candidates[(*breaks)[i]].is_hyphen) hyphenated = static_cast<int>(i);
    if (hyphenated < 0) continue;
    r.unhyphenated_lines = {hyphenated};
    const auto again = text::break_lines(r);
    if (!again) continue;  // no set without that hyphen: the caller keeps it
    ++tried;
    REQUIRE(static_cast<int>(again->size()) > hyphenated + 1);
    CHECK_FALSE(r.candidates[(*again)[static_cast<size_t>(hyphenated)]].is_hyphen);
  }
  CHECK(tried > 3);
}
