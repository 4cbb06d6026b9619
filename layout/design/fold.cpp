// fold.cpp — panel widths, fold positions and panel names of the folded formats.
#include "design/fold.hpp"

#include <algorithm>

namespace broadside::design {

using core::Pt;

const std::vector<Pt>& Fold::panels(size_t page) const {
  return page % 2 == 0 ? outside : inside;
}

std::vector<Pt> Fold::lines(size_t page) const {
  std::vector<Pt> out;
  const auto& widths = panels(page);
  Pt x{0};
  for (size_t i = 0; i + 1 < widths.size(); ++i) out.push_back(x += widths[i]);
  return out;
}

core::Rect Fold::panel_span(size_t page, size_t first, size_t last, Pt height) const {
  const auto& widths = panels(page);
  Pt x{0}, width{0};
  for (size_t i = 0; i < widths.size() && i <= last; ++i) {
    if (i < first)
      x += widths[i];
    else
      width += widths[i];
  }
  return core::Rect{x, Pt{0}, width, height};
}

std::string fold_name(FoldKind kind) {
  switch (kind) {
    case FoldKind::bifold:
      return "bifold";
    case FoldKind::trifold:
      return "trifold";
    case FoldKind::zfold:
      return "zfold";
    case FoldKind::none:
      break;
  }
  return "none";
}

Fold fold_from_inside(FoldKind kind, std::vector<Pt> inside) {
  Fold fold;
  fold.kind = kind;
  fold.outside.assign(inside.rbegin(), inside.rend());
  fold.inside = std::move(inside);
  return fold;
}

Fold standard_fold(FoldKind kind, Pt width, bool us_size) {
  switch (kind) {
    case FoldKind::bifold:
      return fold_from_inside(kind, {width / 2, width / 2});
    case FoldKind::zfold:
      return fold_from_inside(kind, {width / 3, width / 3, width / 3});
    case FoldKind::trifold: {
      const Pt step = us_size ? core::from_in(1.0 / 16) : core::from_mm(3);
      const Pt wide = (width + step) / 3;
      return fold_from_inside(kind, {wide, wide, width - wide * 2});
    }
    case FoldKind::none:
      break;
  }
  return Fold{};
}

namespace {

struct PanelName {
  const char* name;
  size_t index;
};

std::vector<PanelName> names_for(const Fold& fold, size_t page) {
  if (page % 2 != 0) return {};  // the inside panels are numbered
  if (fold.kind == FoldKind::trifold) return {{"flap", 0}, {"back", 1}, {"cover", 2}};
  if (fold.kind == FoldKind::bifold) return {{"back", 0}, {"cover", 1}};
  return {};
}

}  // namespace

std::optional<size_t> panel_named(const Fold& fold, size_t page, const std::string& name) {
  for (const auto& n : names_for(fold, page))
    if (name == n.name) return n.index;
  return std::nullopt;
}

std::vector<std::string> panel_names(const Fold& fold, size_t page) {
  std::vector<std::string> out;
  for (const auto& n : names_for(fold, page)) out.emplace_back(n.name);
  return out;
}

}  // namespace broadside::design
