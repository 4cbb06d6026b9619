// text_font.hpp — what the content reader needs of a PDF font: how wide each code advances, how
// tall the letters stand, and what each code says (ToUnicode), for simple and Type 0 fonts.
#pragma once

#include <qpdf/QPDFObjectHandle.hh>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "prepress/glyph_ink.hpp"

namespace broadside::prepress {

class TextFont {
 public:
  /// Reads `font` (a font dictionary); a missing or broken dictionary gives a font with default
  /// widths, so text in it is still measured roughly.
  explicit TextFont(QPDFObjectHandle font);

  /// The codes of a string shown in this font (one byte each, or two for Type 0 fonts).
  std::vector<unsigned> codes(const std::string& bytes) const;
  /// Advance of `code` in text space units per 1 of font size (glyph space / 1000).
  double advance(unsigned code) const;
  /// UTF-8 for `code` from the ToUnicode map; Latin-1 for simple fonts without one.
  std::string unicode(unsigned code) const;
  bool is_two_byte() const { return two_byte_; }
  /// Height of capitals above the baseline and depth of descenders below it, per 1 of size.
  double cap_height() const { return cap_height_; }
  /// Ems of the font's own that one of its size stands for: 1, or more for a font whose glyphs
  /// were rewritten larger than a thousandth of the size (Ghostscript keeps Inter's 2048 units
  /// to the em and sets it at a size that much smaller: capitals 2.076 sizes tall at 2.84pt).
  double em_scale() const { return em_scale_; }
  double descent() const { return descent_; }
  /// Where the glyph `code` shows puts ink, per 1 of size, from the embedded font program;
  /// nullopt when the file does not say (no program this reads), and the caller estimates
  /// from cap_height() and descent().
  std::optional<InkBox> ink(unsigned code) const;
  const std::string& name() const { return name_; }

 private:
  void read_widths(QPDFObjectHandle font);
  void read_to_unicode(QPDFObjectHandle stream);

  std::string name_;
  bool two_byte_ = false;
  double scale_ = 0.001;  // glyph space to text space (Type 3 fonts give their own)
  double default_width_ = 500;
  std::map<unsigned, double> widths_;
  std::map<unsigned, std::string> unicode_;
  double cap_height_ = 0.7, descent_ = -0.2, em_scale_ = 1;
  std::unique_ptr<GlyphInk> glyphs_;
};

}  // namespace broadside::prepress
