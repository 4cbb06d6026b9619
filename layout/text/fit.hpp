// fit.hpp — copyfitting over the Typesetter interface: the largest size at which a paragraph
// fits its box, then balanced lines (even lengths, no lone last word).
#pragma once

#include <string>

#include "text/typesetter.hpp"

namespace broadside::text {

struct FitRequest {
  Pt width{0};
  /// Available height; 0 means unlimited.
  Pt height{0};
  Pt min_size{10}, max_size{10}, step{0.5};
  double leading = 1.2;
  /// 0 means unlimited.
  int max_lines = 0;
  bool balance = false;
};

struct FitResult {
  bool fits = false;
  Pt size{0};
  /// The width the lines were broken at: the frame width, or less when balanced.
  Pt break_width{0};
  int lines = 0;
  Pt height{0};
  /// Layout passes spent (fit plus balance), for --timings; how many of them balanced.
  int passes = 0;
  int balance_passes = 0;
  /// Why it did not fit at the smallest size, e.g. "9 lines at 28pt, 6 allowed".
  std::string reason;
};

/// Sets `paragraph` to the largest size in [min_size, max_size] (in `step`s down from the
/// maximum) at which it fits, and balances it when asked. When nothing fits, the paragraph is
/// left at the smallest size and the result says why.
FitResult fit(Paragraph& paragraph, const FitRequest& request);

/// Balances a paragraph `fit` left fitted (with `request.balance` off): balancing changes
/// neither whether it fits nor its size, so a search over several settings fits them all and
/// balances only the one it takes. Returns `fitted` with the balanced lines, height and passes.
FitResult balance_fitted(Paragraph& paragraph, const FitRequest& request, FitResult fitted);

/// Narrows the breaking width as far as the line count allows, so lines come out even.
/// Returns the layout passes spent. Leaves the paragraph broken at the balanced width.
int balance(Paragraph& paragraph, Pt width);

}  // namespace broadside::text
