// compose.hpp — Design + Document -> Composition: fit, stack, flow, and report what cannot fit.
#pragma once

#include "compose/composition.hpp"
#include "compose/image_measurer.hpp"
#include "content/document.hpp"
#include "core/variables.hpp"
#include "design/design.hpp"
#include "text/typesetter.hpp"

namespace broadside::compose {

/// Lays out `document` in `design`, measuring text with `typesetter` and images with `images`.
/// Variables come from `overrides` (command line, data row), then the document, then the
/// design's defaults. Every problem (missing variable, overflow, uncovered character, an image
/// that cannot be read) goes to `diags`; the composition is only usable when there is none.
/// The result is plain data: it holds nothing of the typesetter and may be shared between
/// threads.
Composition compose(const design::Design& design, const content::Document& document,
                    const core::Variables& overrides, text::Typesetter& typesetter,
                    ImageMeasurer& images, core::Diagnostics& diags);

}  // namespace broadside::compose
