// impose.hpp — n-up imposition: finished pages placed on press sheets by their trim, as form
// XObjects (vectors kept, never rasterised), step-and-repeat or cut-and-stack, with duplex
// backs behind their fronts and crop marks at every cut.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/geometry.hpp"

namespace broadside::prepress {

struct ImposeOptions {
  /// The press sheet; turned to landscape or portrait, whichever holds the grid, unless
  /// `keep_orientation`.
  core::Size sheet;
  bool keep_orientation = false;
  int columns = 2, rows = 1;
  /// Pages go in pairs, front and back; each back is printed behind its front.
  bool duplex = false;
  /// The sheet is turned head over foot for the back (work and tumble): rows are mirrored.
  /// Otherwise it is turned over its side (work and turn) and columns are mirrored.
  bool tumble = false;
  /// Cut-and-stack: cut the printed stack and pile the piles in cell order to get the pages in
  /// order. Otherwise step-and-repeat: every cell of a sheet holds the same page.
  bool cut_stack = false;
  /// Crop marks at every cut, in the sheet's margin (front sheets only).
  bool marks = false;
  /// Space between cells; default: room for both neighbours' bleed when the sheet has it, else
  /// none (one cut between them).
  std::optional<core::Pt> gutter;
  /// Saddle stitching: two pages a side, the sheet printed both sides and folded in the middle,
  /// sheets nested (pages paired 4-1 and 2-3 on a 4-page sheet); the page count is padded with
  /// blank pages to a multiple of 4. Implies a 2x1 grid, duplex (work and turn) and no gutter.
  bool booklet = false;
  /// With `booklet`: the paper's thickness. Inner sheets stand out at the fore-edge once
  /// nested, so their pages move towards the spine by this much per sheet outside them.
  core::Pt creep{0};
};

struct Imposed {
  std::string bytes;
  int sheets = 0;  // sheet sides written (a duplex sheet counts twice)
  /// What the sheet could not give: bleed clipped at its edges, no room for marks.
  std::vector<std::string> warnings;
};

/// Imposes the finished PDF `pdf` (pages of one trim size, TrimBox and BleedBox read from each
/// page); nullopt after reporting why it cannot (the grid does not fit the sheet, pages of
/// different sizes or rotated, a PDF qpdf cannot read), naming `name` (the person's file). The
/// sheets are written unencrypted: a file that opens without a password (an owner password
/// only) is imposed for a press, whose RIP must not meet restrictions.
std::optional<Imposed> impose_pdf(const std::string& pdf, const ImposeOptions& options,
                                  core::Diagnostics& diags, const std::string& name = "the PDF");

/// A press sheet by name: A0–A7, SRA3, SRA4, letter, legal, tabloid, or "320mm x 450mm";
/// nullopt when unknown.
std::optional<core::Size> sheet_size(const std::string& name);

/// "2x1" -> {2, 1}; nullopt when malformed (each 1–16).
std::optional<std::pair<int, int>> grid_layout(const std::string& text);

}  // namespace broadside::prepress
