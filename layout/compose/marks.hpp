// marks.hpp — the last compose step of a print PDF: printer's marks in the slug (crop and bleed
// marks, registration targets, a colour bar, the slug line) and fold marks, added from the print
// setup as ordinary items, so they are drawn, coloured and converted to CMYK like everything
// else. They are derived from the page geometry alone.
#pragma once

#include <string>

#include "compose/composition.hpp"
#include "design/design.hpp"
#include "text/typesetter.hpp"

namespace broadside::compose {

/// What the slug line says about the job.
struct SlugInfo {
  std::string file, design, lang, date;
};

/// The registration colour: black on screen, every plate on press (the PDF's /All separation in
/// CMYK output), so crop marks appear on each separation.
core::Color registration_color();

/// `composition` as printed: every page given `slug` of room beyond the bleed (MediaBox = trim +
/// bleed + slug), with `marks` there, and fold marks at the folds of folded sheets. Marks start
/// `bleed` + a small gap from the trim, so they never enter the bleed, and end inside the media.
/// The slug line is set with `typesetter`.
Composition with_marks(const Composition& composition, const design::PrintMarks& marks,
                       core::Pt slug, const SlugInfo& info, text::Typesetter& typesetter);

}  // namespace broadside::compose
