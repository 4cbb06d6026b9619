// fold.hpp — folded formats: which panels each side of the sheet has, and where the folds are.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/geometry.hpp"

namespace broadside::design {

/// `page: {fold: trifold}`. Folds run top to bottom; panels sit side by side across the width.
enum class FoldKind { none, bifold, trifold, zfold };

/// The panels of a folded sheet. Page 1 of the design prints the outside, page 2 the inside;
/// each side's panels are listed left to right as that side is printed.
struct Fold {
  FoldKind kind = FoldKind::none;
  /// Trifold (roll fold): inside [wide, wide, short] and outside [short, wide, wide], so the
  /// short panel (behind the flap) folds in first. Bifold and Z-fold: equal panels.
  std::vector<core::Pt> inside, outside;

  bool is_folded() const { return kind != FoldKind::none; }
  /// The panel widths of page `page` (0-based): outside for even pages, inside for odd ones.
  const std::vector<core::Pt>& panels(size_t page) const;
  /// The x of every fold on page `page`, in trim coordinates, left to right.
  std::vector<core::Pt> lines(size_t page) const;
  /// Panels `first`..`last` (0-based, inclusive) of page `page` as one trim-height rectangle.
  core::Rect panel_span(size_t page, size_t first, size_t last, core::Pt height) const;
};

/// The design word for a kind ("trifold").
std::string fold_name(FoldKind kind);

/// Print-shop panel widths for `kind` on a sheet `width` wide. A trifold's short panel is 3mm
/// narrower than the other two (A4: 100/100/97mm), 1/16in on US sizes (Letter: 3.6875/3.6875/
/// 3.625in), the difference that lets it fold in without buckling.
Fold standard_fold(FoldKind kind, core::Pt width, bool us_size);

/// A fold built from the inside panel widths as the design lists them (left to right); the
/// outside is their mirror image.
Fold fold_from_inside(FoldKind kind, std::vector<core::Pt> inside);

/// The 0-based panel a name means on page `page`: "cover", "back" and (trifold) "flap" on the
/// outside; nullopt for a name that side does not have.
std::optional<size_t> panel_named(const Fold& fold, size_t page, const std::string& name);

/// The names panel_named knows on page `page`, for messages.
std::vector<std::string> panel_names(const Fold& fold, size_t page);

}  // namespace broadside::design
