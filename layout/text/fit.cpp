// fit.cpp — binary searches over size and width; each probe is one re-break of the same
// paragraph (shape once, break many), with a fixed cap on probes.
#include "text/fit.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <sstream>

namespace broadside::text {

namespace {

/// Balanced widths are found to within this much; finer gains nothing visible.
constexpr Pt kBalanceTolerance{0.5};
/// Rounding slack when comparing measured widths with the frame.
constexpr Pt kWidthSlack{0.01};
/// Cap on balance probes: 2^12 steps of tolerance covers any page width.
constexpr int kMaxBalanceProbes = 12;

std::string format_pt(Pt p) {
  std::ostringstream s;
  s.imbue(std::locale::classic());
  s << std::round(p.value * 10) / 10 << "pt";
  return s.str();
}

/// Empty when the paragraph, as currently set, fits; otherwise why not.
std::string misfit(Paragraph& p, const FitRequest& r) {
  const int lines = p.line_count();
  if (r.max_lines > 0 && lines > r.max_lines)
    return std::to_string(lines) + " lines at " + format_pt(p.size()) + ", at most " +
           std::to_string(r.max_lines) + " allowed";
  const Pt h = block_metrics(p, r.leading).height;
  if (r.height.value > 0 && h > r.height + kWidthSlack)
    return std::to_string(lines) + " lines at " + format_pt(p.size()) + " need " + format_pt(h) +
           ", the frame has " + format_pt(r.height);
  if (p.max_line_width() > r.width + kWidthSlack)
    return "a word is " + format_pt(p.max_line_width()) + " wide at " + format_pt(p.size()) +
           ", the frame only " + format_pt(r.width);
  return {};
}

/// Where the paragraph measured unbroken (estimate_lines) says the candidate sizes start to
/// fit: the first of [0, steps] whose estimated lines fit the request, or `steps` when none
/// does; -1 when the paragraph cannot estimate.
template <class SizeAt>
int first_guessed_fit(Paragraph& p, const FitRequest& r, int steps, const SizeAt& size_at) {
  auto fits = [&](int i) -> std::optional<bool> {
    const Pt size = size_at(i);
    const auto e = p.estimate_lines(size, r.width);
    if (!e) return std::nullopt;
    return !(r.max_lines > 0 && e->lines > r.max_lines) &&
           !(r.height.value > 0 && block_height(e->lines, size, r.leading) > r.height) &&
           e->widest <= r.width + kWidthSlack;
  };
  const auto at_max = fits(0);
  if (!at_max) return -1;
  if (*at_max) return 0;
  int lo = 0, hi = steps;  // lo does not fit, hi is taken to
  while (hi - lo > 1) {
    const int mid = (lo + hi) / 2;
    (*fits(mid) ? hi : lo) = mid;
  }
  return hi;
}

/// Where balance()'s search would end were the lines those estimate_lines() reckons: the
/// widest width it found too narrow and the narrowest it found wide enough (none when it found
/// none); nullopt when the paragraph cannot estimate.
struct BalancePath {
  std::optional<Pt> below, above;
};
std::optional<BalancePath> guessed_balance(Paragraph& p, int lines, Pt lo, Pt hi) {
  BalancePath path;
  for (int probe = 0; probe < kMaxBalanceProbes && hi - lo > kBalanceTolerance; ++probe) {
    const Pt mid = (lo + hi) / 2;
    const auto e = p.estimate_lines(p.size(), mid);
    if (!e) return std::nullopt;
    if (e->lines == lines && e->widest <= mid + kWidthSlack)
      path.above = hi = mid;
    else
      path.below = lo = mid;
  }
  return path;
}

}  // namespace

FitResult fit(Paragraph& paragraph, const FitRequest& r) {
  FitResult result;
  paragraph.set_width(r.width);
  const Pt step = r.step.value > 0 ? r.step : Pt{0.5};
  const int steps = r.max_size > r.min_size
                        ? static_cast<int>(std::floor((r.max_size - r.min_size) / step + 1e-9))
                        : 0;
  // Candidate i is max - i*step; the last candidate is min itself.
  auto size_at = [&](int i) { return i >= steps ? r.min_size : r.max_size - step * i; };
  auto fits_at = [&](int i) {
    paragraph.set_size(size_at(i));
    ++result.passes;
    return misfit(paragraph, r).empty();
  };

  // lo does not fit, hi fits: the boundary between them.
  auto bisect = [&](int lo, int hi) {
    while (hi - lo > 1) {
      const int mid = (lo + hi) / 2;
      (fits_at(mid) ? hi : lo) = mid;
    }
    return hi;
  };
  int found = -1;
  if (const int guess = first_guessed_fit(paragraph, r, steps, size_at); guess >= 0) {
    // Laid out first where the paragraph measured unbroken says the boundary is, then walked
    // to it in doubling steps: the size the bisection below finds (the largest that fits,
    // fitting being monotone in size) in two or three layouts instead of eight or nine.
    if (fits_at(guess)) {
      found = guess;
      for (int step_out = 1; found > 0; step_out *= 2) {
        const int q = std::max(0, found - step_out);
        if (!fits_at(q)) {
          found = bisect(q, found);
          break;
        }
        found = q;
      }
    } else {
      for (int lo = guess, step_out = 1; lo < steps; step_out *= 2) {
        const int q = std::min(steps, lo + step_out);
        if (fits_at(q)) {
          found = bisect(lo, q);
          break;
        }
        lo = q;
      }
    }
  } else if (fits_at(0)) {
    found = 0;
  } else if (steps > 0 && fits_at(steps)) {
    found = bisect(0, steps);
  }
  if (found < 0) {
    paragraph.set_size(r.min_size);
    result.reason = misfit(paragraph, r);
  } else {
    paragraph.set_size(size_at(found));
    result.fits = true;
  }
  result.break_width = r.width;
  result.size = paragraph.size();
  if (result.fits && r.balance) return balance_fitted(paragraph, r, result);
  result.lines = paragraph.line_count();
  result.height = block_metrics(paragraph, r.leading).height;
  return result;
}

FitResult balance_fitted(Paragraph& paragraph, const FitRequest& r, FitResult result) {
  result.balance_passes = balance(paragraph, r.width);
  result.passes += result.balance_passes;
  result.break_width = paragraph.width();
  // Other breaks put other lines over each other: where their ink then needs more leading
  // than the frame has, the unbalanced lines are kept.
  if (!misfit(paragraph, r).empty()) {
    paragraph.set_width(r.width);
    result.break_width = r.width;
    ++result.passes;
  }
  result.lines = paragraph.line_count();
  result.height = block_metrics(paragraph, r.leading).height;
  return result;
}

int balance(Paragraph& paragraph, Pt width) {
  paragraph.set_width(width);
  const int lines = paragraph.line_count();
  if (lines < 2) return 1;
  int passes = 1;
  // No line can be shorter than an even share of the text, nor narrower than its longest word.
  paragraph.set_width(Pt{0});
  const Pt natural = paragraph.max_line_width();
  ++passes;
  const Pt lo_start = natural / lines;
  // Fewer lines fit as the width grows: a width found too narrow says so of every narrower
  // one, a width found wide enough of every wider one.
  Pt too_narrow{-1}, wide_enough{std::numeric_limits<double>::infinity()};
  // A width whose lines broke as wanted, only the widest a hair wider than it: that line's own
  // width is the next to lay out, where the same lines fit.
  std::optional<Pt> hair_over;
  auto same_at = [&](Pt w) {
    if (w <= too_narrow) return false;
    if (w >= wide_enough) return true;
    paragraph.set_width(w);
    ++passes;
    const Pt widest = paragraph.max_line_width();
    const bool same = paragraph.line_count() == lines && widest <= w + kWidthSlack;
    (same ? wide_enough : too_narrow) = w;
    if (!same && paragraph.line_count() == lines && widest < wide_enough) hair_over = widest;
    return same;
  };
  // The search run first on the paragraph measured unbroken, and the lines laid out at the two
  // widths either side of where it ended: where the estimate was right, the search below then
  // lays out nothing more and ends where it would have anyway. Where it was a hair short
  // (Pango takes a tracked line's letter spacing off its ends), the widest line's width settles
  // what the search below would have laid out one width at a time.
  if (const auto path = guessed_balance(paragraph, lines, lo_start, width)) {
    if (path->below) same_at(*path->below);
    if (path->above) same_at(*path->above);
    if (hair_over && *hair_over > too_narrow) same_at(*hair_over);
  }
  Pt lo = lo_start, hi = width;
  for (int probe = 0; probe < kMaxBalanceProbes && hi - lo > kBalanceTolerance; ++probe) {
    const Pt mid = (lo + hi) / 2;
    (same_at(mid) ? hi : lo) = mid;
  }
  paragraph.set_width(hi);
  return passes + 1;
}

}  // namespace broadside::text
