// decompose_uncovered.hpp — letters a paragraph's first font lacks as a precomposed character
// but has as a base and its marks, spelt that way so the word stays in that font.
#pragma once

#include <pango/pango.h>

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/handle.hpp"
#include "core/rich_text.hpp"
#include "text/typesetter.hpp"

namespace broadside::text {

/// How each character may be spelt in one font, asked one character at a time and remembered:
/// a paragraph asks for every letter it has, and a batch sets the same letters paragraph after
/// paragraph.
class FontSpellings {
 public:
  /// Refers to `font` (a reference is taken), the font Pango tries first for the style.
  explicit FontSpellings(PangoFont* font);

  /// `c` spelt with characters the font has: empty when `c` stays as it is (the font has it, or
  /// has no canonically equivalent spelling of it either), else its canonical decomposition in
  /// UTF-8 (U+1E63 "ṣ" as "s" U+0323), decomposed no further than the font needs.
  const std::string& spelling(gunichar c);

 private:
  bool has(gunichar c);
  /// `c` as characters the font has, appended to `out`; false when there is no such spelling.
  bool spell(gunichar c, std::string& out);

  core::Handle<PangoFont, g_object_unref> font_;
  std::unordered_map<gunichar, std::string> spellings_;
  std::unordered_map<gunichar, bool> has_;
};

/// The spellings in each style's first font, for one typesetter (one thread): a font is looked
/// up once per families, weight, slant, width and language, never per paragraph or size.
class FirstFontSpellings {
 public:
  /// The spellings in the first font of the fontset Pango sets a run of `style` in (`run` as
  /// for font_description(): null for plain text), through `context`, the paragraph's.
  FontSpellings& of(PangoContext* context, const ParagraphStyle& style, const core::StyleRun* run);

 private:
  std::unordered_map<std::string, std::unique_ptr<FontSpellings>> fonts_;
};

/// The spellings in the font Pango tries first for a run of the text (null: plain text), which
/// a strong or emphasised run sets in another weight or slant of the same families. Asked only
/// when the text has a precomposed letter, so that text without one loads no font.
using FirstFont = std::function<FontSpellings&(const core::StyleRun* run)>;

/// `text` with each character its first font lacks, but whose canonical decomposition that font
/// has whole, replaced by the decomposition: Pango picks a font per character, so a precomposed
/// letter missing from the font would be set in the next family, a different design mid-word
/// (Yoruba "aṣíkiri" in League Spartan with Inter's taller "ṣ"). Letters the font has are never
/// touched. The runs and `points` (byte offsets into `text`) follow the text.
core::RichText decompose_uncovered(core::RichText text, const FirstFont& first_font,
                                   std::vector<size_t>& points);

}  // namespace broadside::text
