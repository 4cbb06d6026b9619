// glyph_ink.hpp — where a PDF font's glyphs put ink, read from its embedded font program
// (TrueType glyf boxes, CFF charstrings run for their outline's bounds), so that the text a file
// paints is measured as a print shop sees it, not by the font's whole bounding box.
#pragma once

#include <qpdf/QPDFObjectHandle.hh>

#include <memory>
#include <optional>

namespace broadside::prepress {

/// A glyph's ink in text space units per 1 of font size (glyph space through the font matrix);
/// `is_blank` for a glyph that paints nothing (a space).
struct InkBox {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool is_blank = false;
};

/// The glyph outlines of one embedded font, read lazily glyph by glyph.
class GlyphInk {
 public:
  /// The font program of `font` (a font dictionary) when it embeds one this reads (FontFile2,
  /// FontFile3 Type1C, CIDFontType0C or OpenType) and its codes map to glyphs (simple fonts
  /// through the program's own encoding or cmap, Type 0 fonts through Identity-H/V); nullptr
  /// otherwise, and the caller estimates from the font descriptor.
  static std::unique_ptr<GlyphInk> read(QPDFObjectHandle font);

  /// The ink of the glyph `code` shows; `unicode` (from ToUnicode, 0 when unknown) finds it in a
  /// TrueType font's Unicode cmap. nullopt when the program does not say.
  virtual std::optional<InkBox> ink(unsigned code, char32_t unicode) const = 0;
  virtual ~GlyphInk() = default;
};

}  // namespace broadside::prepress
