// svg.hpp — a page as SVG (cairo's SVG surface), for web use and quick inspection.
#pragma once

#include <string>

#include "compose/composition.hpp"
#include "core/options.hpp"

namespace broadside::render {

/// The SVG's bytes for one page, trimmed (no bleed).
std::string render_svg(const compose::Page& page, const core::Options& options);

}  // namespace broadside::render
