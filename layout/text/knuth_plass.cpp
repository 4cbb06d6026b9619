// knuth_plass.cpp — dynamic programming over (break, fitness class, hyphen run) states.
#include "text/knuth_plass.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace broadside::text {

namespace {

// kStretchPerSpace and kShrinkPerSpace: knuth_plass.hpp.
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
  const int start_letters =
      from < 0 ? 0 : r.candidates[static_cast<size_t>(from)].letters_before_next;
  const int letters = std::max(0, end.letters_before_end - start_letters);
  if (natural > width) {
    // As in stretching, letters shrink only beside spaces: the breaker's tightening and the
    // justification act on lines with spaces, and a single word must fit as it is.
    const double shrink =
        spaces > 0 ? spaces * r.space.value * kShrinkPerSpace + letters * r.letter_shrink.value : 0;
    return shrink > 0 ? (width - natural).value / shrink : -std::numeric_limits<double>::infinity();
  }
  if (end.is_forced && to + 1 == r.candidates.size()) return 0;  // the last line is set loose
  if (!r.is_justified) {
    // Ragged text: judge the shortfall as if the line could stretch by a third of its width.
    return (width - natural).value / (width.value / 3);
  }
  // Letters take their part only beside spaces (a line of one word stays as it is set), in
  // step with them up to their limit (ratio 1); past it the spaces alone stretch. The ratio is
  // the spaces' either way, so the limits on a space's width hold.
  const double space_room = spaces * r.space.value * kStretchPerSpace;
  if (space_room <= 0) return std::numeric_limits<double>::infinity();
  const double letter_room = letters * r.letter_stretch.value;
  const double slack = (width - natural).value;
  if (slack <= space_room + letter_room) return slack / (space_room + letter_room);
  return (slack - letter_room) / space_room;
}

/// A final line holding a single short word.
bool is_runt(const BreakRequest& r, int from, size_t to, Pt width) {
  const auto& start = r.candidates[static_cast<size_t>(from)];
  const auto& end = r.candidates[to];
  return end.spaces_before_end == start.spaces_before_next &&
         (end.content_end - start.next_start) < width * kRuntFraction;
}

/// A line looser than the good limit costs more than any hyphen or fitness change: the breaker
/// first sets as few such lines as it can, then weighs the rest as usual.
constexpr double kBeyondGoodDemerits = 20000;

std::optional<std::vector<size_t>> solve(const BreakRequest& r, double tolerance,
                                         double good = std::numeric_limits<double>::infinity()) {
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
      if (c.is_hyphen && std::find(r.unhyphenated_lines.begin(), r.unhyphenated_lines.end(),
                                   a.line) != r.unhyphenated_lines.end())
        continue;
      const int run = c.is_hyphen ? a.run + 1 : 0;
      if (run > r.max_hyphen_run || run >= kMaxRun) continue;
      // Not capped at TeX's 10000: when every choice is very loose (no hyphenation dictionary,
      // long words), the least loose must still win.
      const double badness = 100 * std::pow(std::abs(ratio), 3);
      double d = std::pow(kLinePenalty + badness, 2);
      if (ratio > good) d += kBeyondGoodDemerits;
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
  if (request.is_justified && request.widest_space.value > 0 && request.space.value > 0) {
    // A space stretched by ratio r is space × (1 + kStretchPerSpace × r) wide: the limits in
    // width are limits on r. The good paragraph first (TeX's pretolerance), then any within the
    // widest space; beyond it the paragraph is better set ragged than full of rivers.
    auto ratio_for_space = [&](Pt space) {
      return std::max(0.0, (space / request.space - 1) / kStretchPerSpace);
    };
    const double widest = ratio_for_space(request.widest_space);
    const double good = request.good_space.value > 0
                            ? std::min(widest, ratio_for_space(request.good_space))
                            : widest;
    if (auto out = solve(request, good)) return out;
    return solve(request, widest, good);
  }
  for (double tolerance : kTolerances)
    if (auto out = solve(request, tolerance)) return out;
  return std::nullopt;
}

}  // namespace broadside::text
