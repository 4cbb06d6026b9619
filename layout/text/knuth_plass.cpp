// knuth_plass.cpp — dynamic programming over (break, fitness class, hyphen run) states.
#include "text/knuth_plass.hpp"

#include <array>
#include <cmath>
#include <limits>

namespace broadside::text {

namespace {

// TeX's defaults (The TeXbook, ch. 14), which the paper tunes its examples with, except that
// spaces shrink to 80 % at most (InDesign's default minimum word spacing): a third, as in TeX,
// looks cramped at leaflet sizes. Pango only stretches when justifying; the paragraph shrinks a
// line's spaces itself (letter spacing).
constexpr double kStretchPerSpace = 0.5;  // of a space's width
constexpr double kShrinkPerSpace = 0.2;
constexpr double kLinePenalty = 10;
constexpr double kHyphenPenalty = 50;
constexpr double kDoubleHyphenDemerits = 3000;
constexpr double kFinalHyphenDemerits = 5000;
constexpr double kAdjacentFitnessDemerits = 100;
/// A paragraph ending in one short word (a "runt") reads as a stray: worth a somewhat looser
/// paragraph to avoid, not an ugly one.
constexpr double kRuntDemerits = 2500;
/// A last line at least this fraction of the measure is not a runt, whatever its word count.
constexpr double kRuntFraction = 0.2;
/// Tolerances tried in turn: a good solution, an acceptable one, then anything that fits.
constexpr std::array<double, 3> kTolerances = {2.0, 5.0, 1e9};
constexpr int kFitnessClasses = 4;
constexpr int kMaxRun = 3;  // hyphen-run states 0..2 (a third in a row is refused)

struct State {
  double demerits = std::numeric_limits<double>::infinity();
  int previous = -1;  // flattened index of the previous state
  int candidate = -1;
};

int fitness_class(double ratio) {
  if (ratio < -0.5) return 0;  // tight
  if (ratio <= 0.5) return 1;  // decent
  if (ratio <= 1.0) return 2;  // loose
  return 3;                    // very loose
}

/// Adjustment ratio of a line from `from` (a state's candidate, or -1 for the start) to `to`.
double ratio_for(const BreakRequest& r, int from, size_t to, Pt width) {
  const auto& end = r.candidates[to];
  const Pt start = from < 0 ? Pt{0} : r.candidates[static_cast<size_t>(from)].next_start;
  const int start_spaces =
      from < 0 ? 0 : r.candidates[static_cast<size_t>(from)].spaces_before_next;
  const Pt natural = end.content_end - start + end.extra;
  const int spaces = std::max(0, end.spaces_before_end - start_spaces);
  if (natural > width) {
    const double shrink = spaces * r.space.value * kShrinkPerSpace;
    return shrink > 0 ? (width - natural).value / shrink : -std::numeric_limits<double>::infinity();
  }
  if (end.is_forced && to + 1 == r.candidates.size()) return 0;  // the last line is set loose
  if (!r.is_justified) {
    // Ragged text: judge the shortfall as if the line could stretch by a third of its width.
    return (width - natural).value / (width.value / 3);
  }
  const double stretch = spaces * r.space.value * kStretchPerSpace;
  return stretch > 0 ? (width - natural).value / stretch : std::numeric_limits<double>::infinity();
}

/// A final line holding a single short word.
bool is_runt(const BreakRequest& r, int from, size_t to, Pt width) {
  const auto& start = r.candidates[static_cast<size_t>(from)];
  const auto& end = r.candidates[to];
  return end.spaces_before_end == start.spaces_before_next &&
         (end.content_end - start.next_start) < width * kRuntFraction;
}

std::optional<std::vector<size_t>> solve(const BreakRequest& r, double tolerance) {
  const size_t n = r.candidates.size();
  auto index = [](size_t cand, int fit, int run) {
    return static_cast<int>((cand * kFitnessClasses + static_cast<size_t>(fit)) * kMaxRun +
                            static_cast<size_t>(run));
  };
  std::vector<State> states(n * kFitnessClasses * kMaxRun);
  // Active start states: (-1 candidate) encoded separately.
  struct Active {
    int state;
    int cand;
    int fit;
    int run;
    int line;
  };
  std::vector<Active> active{{-1, -1, 1, 0, 0}};
  std::vector<double> start_demerits{0};
  std::vector<int> lines_at(states.size(), 0);

  for (size_t to = 0; to < n; ++to) {
    const auto& c = r.candidates[to];
    for (const Active& a : active) {
      const double base = a.state < 0 ? 0 : states[static_cast<size_t>(a.state)].demerits;
      const Pt width = a.line == 0 ? r.first_width : r.width;
      const double ratio = ratio_for(r, a.cand, to, width);
      if (ratio < -1 || ratio > tolerance) continue;
      const int run = c.is_hyphen ? a.run + 1 : 0;
      if (run > r.max_hyphen_run || run >= kMaxRun) continue;
      // Not capped at TeX's 10000: when every choice is very loose (no hyphenation dictionary,
      // long words), the least loose must still win.
      const double badness = 100 * std::pow(std::abs(ratio), 3);
      double d = std::pow(kLinePenalty + badness, 2);
      if (c.is_hyphen) d += kHyphenPenalty * kHyphenPenalty;
      if (c.is_hyphen && a.run > 0) d += kDoubleHyphenDemerits;
      const int fit = fitness_class(ratio);
      if (std::abs(fit - a.fit) > 1) d += kAdjacentFitnessDemerits;
      if (to + 1 == n && a.run > 0) d += kFinalHyphenDemerits;
      if (to + 1 == n && a.cand >= 0 && is_runt(r, a.cand, to, width)) d += kRuntDemerits;
      const int s = index(to, fit, run);
      if (base + d < states[static_cast<size_t>(s)].demerits) {
        states[static_cast<size_t>(s)] = {base + d, a.state, static_cast<int>(to)};
        lines_at[static_cast<size_t>(s)] = a.line + 1;
      }
    }
    // Lines cannot run past a forced break: only states ending here stay active.
    if (c.is_forced) active.clear();
    for (int fit = 0; fit < kFitnessClasses; ++fit)
      for (int run = 0; run < kMaxRun; ++run) {
        const int s = index(to, fit, run);
        if (std::isfinite(states[static_cast<size_t>(s)].demerits))
          active.push_back({s, static_cast<int>(to), fit, run, lines_at[static_cast<size_t>(s)]});
      }
    // Drop active states that can no longer reach the next candidate without overfilling.
    if (to + 1 < n) {
      std::vector<Active> kept;
      for (const Active& a : active) {
        const Pt width = a.line == 0 ? r.first_width : r.width;
        if (ratio_for(r, a.cand, to + 1, width) >= -1 || a.cand == static_cast<int>(to))
          kept.push_back(a);
      }
      active.swap(kept);
    }
  }
  int best = -1;
  for (int fit = 0; fit < kFitnessClasses; ++fit)
    for (int run = 0; run < kMaxRun; ++run) {
      const int s = index(n - 1, fit, run);
      if (best < 0 ||
          states[static_cast<size_t>(s)].demerits < states[static_cast<size_t>(best)].demerits)
        best = s;
    }
  if (best < 0 || !std::isfinite(states[static_cast<size_t>(best)].demerits)) return std::nullopt;
  std::vector<size_t> out;
  for (int s = best; s >= 0; s = states[static_cast<size_t>(s)].previous)
    out.insert(out.begin(), static_cast<size_t>(states[static_cast<size_t>(s)].candidate));
  return out;
}

}  // namespace

std::optional<std::vector<size_t>> break_lines(const BreakRequest& request) {
  if (request.candidates.empty() || !request.candidates.back().is_forced) return std::nullopt;
  for (double tolerance : kTolerances)
    if (auto out = solve(request, tolerance)) return out;
  return std::nullopt;
}

}  // namespace broadside::text
