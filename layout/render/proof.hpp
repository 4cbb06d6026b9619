// proof.hpp — a proof image for a designer: a page's picture with the trim, the bleed's edge,
// the safe zone, the folds and boxes round problems drawn over it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/geometry.hpp"

namespace broadside::render {

/// The guides, in points from the trim's top-left corner.
struct ProofGuides {
  core::Size trim;
  core::Pt bleed{0}, safe_zone{0};
  std::vector<core::Pt> folds;
  /// Findings with a place: drawn as red boxes.
  std::vector<core::Rect> problems;
};

/// The PNG `page_png` (a rendering at `dpi` whose top-left pixel is `origin` points left of and
/// above the trim's top-left corner) with the guides drawn over it, as PNG bytes. core::Failure
/// when the PNG cannot be read.
std::string draw_proof(const std::filesystem::path& page_png, core::Point origin, int dpi,
                       const ProofGuides& guides);

}  // namespace broadside::render
