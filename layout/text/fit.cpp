// fit.cpp — binary searches over size and width; each probe is one re-break of the same
// paragraph (shape once, break many), with a fixed cap on probes.
#include "text/fit.hpp"

#include <cmath>
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

  int found = -1;
  if (fits_at(0)) {
    found = 0;
  } else if (steps > 0 && fits_at(steps)) {
    int lo = 0, hi = steps;  // lo does not fit, hi fits
    while (hi - lo > 1) {
      const int mid = (lo + hi) / 2;
      (fits_at(mid) ? hi : lo) = mid;
    }
    found = hi;
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
  Pt lo = natural / lines, hi = width;
  for (int probe = 0; probe < kMaxBalanceProbes && hi - lo > kBalanceTolerance; ++probe) {
    const Pt mid = (lo + hi) / 2;
    paragraph.set_width(mid);
    ++passes;
    const bool same =
        paragraph.line_count() == lines && paragraph.max_line_width() <= mid + kWidthSlack;
    (same ? hi : lo) = mid;
  }
  paragraph.set_width(hi);
  return passes + 1;
}

}  // namespace broadside::text
