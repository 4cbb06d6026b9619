// folds.cpp — `fold:` with print-shop panel widths, `area: {panel: ...}`, and the page rules of
// a folded sheet.
#include "design/folds.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cmath>

#include "design/length.hpp"

namespace broadside::design {

namespace {

std::optional<FoldKind> read_kind(Reader& in, const Field& f) {
  return in.keyword(f, std::vector<std::pair<std::string, FoldKind>>{{"none", FoldKind::none},
                                                                     {"bifold", FoldKind::bifold},
                                                                     {"trifold", FoldKind::trifold},
                                                                     {"zfold", FoldKind::zfold}});
}

size_t panel_count(FoldKind kind) {
  return kind == FoldKind::bifold ? 2 : kind == FoldKind::none ? 1 : 3;
}

std::string mm(Pt p) {
  return fmt::format("{:.2f}mm", core::to_mm(p));
}

// `panels: [100mm, 100mm, 97mm]`: as many as the kind has, adding up to the trim's width.
std::optional<std::vector<Pt>> read_panel_widths(Reader& in, const Field& f, FoldKind kind,
                                                 Pt width) {
  auto items = in.list(f, "a list of panel widths, inside panels left to right");
  if (!items) return std::nullopt;
  if (items->size() != panel_count(kind)) {
    in.error(f, fmt::format("a {} has {} panels, but 'panels' gives {}", fold_name(kind),
                            panel_count(kind), items->size()));
    return std::nullopt;
  }
  std::vector<Pt> widths;
  Pt sum{0};
  for (const Field& item : *items) {
    auto w = read_length(in, item, {false, width});
    if (!w) return std::nullopt;
    if (*w <= Pt{0}) {
      in.error(item, "a panel needs a width greater than 0");
      return std::nullopt;
    }
    widths.push_back(*w);
    sum += *w;
  }
  // Half a point: rounding of widths written in mm or inches, never a real mismatch.
  if (std::abs((sum - width).value) > 0.5) {
    in.error(f, fmt::format("the panels add up to {} but the page is {} wide", mm(sum), mm(width)),
             "the inside panels, left to right, must add up to the trim's width");
    return std::nullopt;
  }
  return widths;
}

// One end of `panel:`: a 1-based number or a name of the page's side; 0-based, or nullopt.
std::optional<size_t> read_panel_index(Reader& in, const Field& f, const PageSetup& page) {
  const Fold& fold = page.fold;
  const size_t count = fold.panels(page.page_index).size();
  const char* side = page.page_index % 2 == 0 ? "outside" : "inside";
  if (f.present && f.node.IsScalar() && !f.node.Scalar().empty() &&
      std::isalpha(static_cast<unsigned char>(f.node.Scalar()[0]))) {
    if (auto named = panel_named(fold, page.page_index, f.node.Scalar())) return *named;
    const auto names = panel_names(fold, page.page_index);
    in.error(f,
             fmt::format("the {} of a {} has no panel '{}'", side, fold_name(fold.kind),
                         f.node.Scalar()),
             names.empty() ? fmt::format("number its panels 1 to {}, left to right", count)
                           : "use " + join_names(names) + ", or a number from the left");
    return std::nullopt;
  }
  auto n = in.integer(f, 1, static_cast<int>(count));
  if (!n) return std::nullopt;
  return static_cast<size_t>(*n - 1);
}

}  // namespace

Fold read_fold(Reader& in, const Field& f, core::Size trim, bool us_size) {
  if (f.present && f.node.IsScalar()) {
    auto kind = read_kind(in, f);
    return kind ? standard_fold(*kind, trim.width, us_size) : Fold{};
  }
  MapView map(in, f, "a fold: bifold, trifold, zfold, or {type: trifold, panels: [...]}");
  if (!map.is_map()) return Fold{};
  map.check({"type", "panels"});
  if (!map.has("type")) {
    in.error(f, "a fold needs a 'type': bifold, trifold or zfold");
    return Fold{};
  }
  auto kind = read_kind(in, map.get("type"));
  if (!kind) return Fold{};
  if (!map.has("panels") || *kind == FoldKind::none)
    return standard_fold(*kind, trim.width, us_size);
  auto widths = read_panel_widths(in, map.get("panels"), *kind, trim.width);
  return widths ? fold_from_inside(*kind, std::move(*widths)) : Fold{};
}

std::optional<PanelPage> panel_page(Reader& in, const Field& f, const PageSetup& page) {
  if (!page.fold.is_folded()) {
    in.error(f, "'panel' places a frame on a folded sheet, but this page has no fold",
             "add fold: bifold, trifold or zfold to 'page'");
    return std::nullopt;
  }
  std::optional<size_t> first, last;
  if (f.node.IsSequence()) {
    auto ends = in.list(f);
    if (!ends || ends->size() != 2) {
      in.error(f, "a run of panels is [first, last], e.g. panel: [1, 3]");
      return std::nullopt;
    }
    first = read_panel_index(in, (*ends)[0], page);
    last = read_panel_index(in, (*ends)[1], page);
    if (first && last && *last < *first) {
      in.error(f, "a run of panels goes left to right: write the left panel first");
      return std::nullopt;
    }
  } else {
    first = last = read_panel_index(in, f, page);
  }
  if (!first || !last) return std::nullopt;
  PanelPage out;
  out.setup = page;
  const core::Rect span =
      page.fold.panel_span(page.page_index, *first, *last, page.geometry.trim.height);
  out.setup.geometry.trim = core::Size{span.width, span.height};
  out.x = span.x;
  return out;
}

void check_folded_pages(Reader& in, const Fold& fold, const std::vector<PageTemplate>& pages) {
  if (!fold.is_folded()) return;
  for (size_t i = 0; i < pages.size(); ++i) {
    if (pages[i].repeat)
      in.error(pages[i].where,
               fmt::format("a {} is one sheet: its pages cannot repeat", fold_name(fold.kind)),
               "give the statement more panels instead, or use a booklet design");
    if (i == 2)
      in.error(pages[i].where,
               fmt::format("a {} has two sides, but this is page {}", fold_name(fold.kind), i + 1),
               "page 1 is the outside (cover side), page 2 the inside");
  }
}

}  // namespace broadside::design
