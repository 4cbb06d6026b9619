// fixed_layer.hpp — the part of a PDF that every row of a data merge draws alike, read (and made
// CMYK) once, each page a form XObject that finish_pdf draws under the row's own page.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "prepress/color_table.hpp"
#include "prepress/icc.hpp"

class QPDF;
class QPDFObjectHandle;

namespace broadside::prepress {

class FixedLayer {
 public:
  /// `pdf` is cairo's document of the fixed items, a page for each page of the output; `cmyk`
  /// the profile and colour keys it was drawn with, when the output is CMYK. Throws
  /// core::Failure as finish_pdf does.
  FixedLayer(std::string pdf, const IccProfile* profile, const ColorTable* colors);
  ~FixedLayer();
  FixedLayer(const FixedLayer&) = delete;
  FixedLayer& operator=(const FixedLayer&) = delete;

  size_t pages() const;
  /// Page `index` as a form XObject (its resources, no transparency group: the row's page
  /// has one), in this layer's own document: copy it into the output with copyForeignObject.
  QPDFObjectHandle form(size_t index) const;
  /// cairo's bytes, for what is derived from a document's content (a PDF/X document ID).
  const std::string& pdf() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// Draws each page of `layer` first on the same page of `doc`, under what the page draws:
/// `q /BSFixed Do Q` before its contents. Throws core::Failure when the page counts differ.
void draw_fixed_layer(QPDF& doc, const FixedLayer& layer);

}  // namespace broadside::prepress
