// folds.hpp — reading folded formats: `page: {fold: ...}`, areas placed in a panel, and the
// rules a folded design's pages follow.
#pragma once

#include <optional>
#include <vector>

#include "design/design.hpp"
#include "design/page_setup.hpp"
#include "design/yaml_reader.hpp"

namespace broadside::design {

/// Reads `fold:`: a word (`bifold`, `trifold`, `zfold`, `none`) for the print-shop panel widths,
/// or `{type: trifold, panels: [100mm, 100mm, 97mm]}` with the inside panels left to right
/// (they must add up to the trim's width).
Fold read_fold(Reader& in, const Field& f, core::Size trim, bool us_size);

/// A panel (or a run of panels) of the page being read, as a page of its own: its trim is the
/// panel, its margins the page's, and `x` where it starts on the sheet.
struct PanelPage {
  PageSetup setup;
  Pt x{0};
};

/// `panel: 2`, `panel: cover` or `panel: [1, 3]` of the page being read (page.page_index);
/// nullopt after an error.
std::optional<PanelPage> panel_page(Reader& in, const Field& f, const PageSetup& page);

/// A folded sheet has two sides: at most two pages (outside, then inside), none repeated.
void check_folded_pages(Reader& in, const Fold& fold, const std::vector<PageTemplate>& pages);

}  // namespace broadside::design
