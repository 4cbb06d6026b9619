// pdf.hpp — a composition as a vector PDF (cairo): subset-embedded fonts, links, metadata.
#pragma once

#include <string>

#include "compose/composition.hpp"
#include "core/options.hpp"
#include "render/draw.hpp"

namespace broadside::render {

struct PdfOptions {
  /// Creation and modification date, ISO 8601 ("2020-02-17T00:00:00Z"): fixed, so the same
  /// inputs give the same bytes.
  std::string date = "2000-01-01T00:00:00Z";
  std::string creator = "broadside";
  /// The RGB each colour is drawn with, when not its own (CMYK output's keys).
  ColorMap colors;
};

/// The PDF's bytes. Page size = media (trim + bleed + slug); boxes are added by prepress.
/// Throws core::Failure only for what is truly exceptional: cairo failing on a composition
/// that was checked (out of memory), or a composition with no pages.
std::string render_pdf(const compose::Composition& composition, const PdfOptions& options,
                       const core::Options& run);

}  // namespace broadside::render
