// scripts.hpp — what setting a paragraph needs to know about the scripts in its text: which of
// the style's faces it takes, and which characters may be letter-spaced.
#pragma once

#include <glib.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/typography.hpp"

namespace broadside::text {

/// Whether `c` is a symbol of no script (arrows, stars, check marks, dingbats, pictographs):
/// what a font class's `Zsym` faces (ISO 15924 "symbols") set.
bool is_symbol(gunichar c);

/// The families a paragraph is set in: the style's own (its faces for the statement's script)
/// first, then its faces for each other script the text uses, in order of first use, then its
/// Latin faces (digits, punctuation and Latin words turn up in every script), then, when the
/// text has symbols (is_symbol), its Zsym faces. A text with no
/// letter of the statement's script (a web address in Chinese) puts its own scripts' faces
/// first. `lang` says which script Han characters belong to (zh-Hant: Hant, ja: Jpan, ...).
std::vector<std::string> families_for_text(const core::Typeface& face, std::string_view text,
                                           const std::string& lang);

/// The ISO 15924 code of the script a character belongs to, as a font class names it: kana is
/// "Jpan", Hangul "Kore", Han the statement's own Chinese, Japanese or Korean; "" for
/// characters of every script (digits, punctuation, spaces, combining marks).
std::string class_script(gunichar c, const std::string& lang_script);

/// Whether letter spacing (a style's tracking, justification between letters) may touch a
/// character: never joined scripts (Arabic, Syriac, N'Ko, Mongolian), scripts whose letters
/// hang from a headstroke or stack (the Indic and Southeast Asian scripts, Tibetan), nor Han,
/// kana and Hangul, which are spaced by their own rules.
bool is_letter_spaced(gunichar c);

/// Whether `c` belongs to Chinese or Japanese text's square grid: ideographs, kana, bopomofo
/// and the CJK blocks' own punctuation and full-width forms (not Hangul, which Korean sets with
/// spaces between words).
bool is_cjk_character(gunichar c);

/// Whether justification may widen the gap between `before` and `after`, two neighbours in
/// Chinese or Japanese text: both on the CJK square grid (ideographs, kana, bopomofo, full-width
/// punctuation; not Hangul, Korean is justified at its spaces), `before` not an opening bracket
/// and `after` not a closing mark (their glyphs carry their own half em of blank).
bool is_cjk_gap(gunichar before, gunichar after);

/// Byte offsets of the full-width marks in `text` to set at half width (the fonts' `halt`
/// feature), as CLREQ 3.1.6 and JLREQ 3.1.4 do: each mark carries half an em of blank on its open
/// side, and where two marks meet (。」, 」（, （「) one blank goes; a mark with its blank after
/// it that ends a line (before a line separator) gives that blank up, so the justified line's
/// ink reaches the column's edge. Empty for languages other than Chinese and Japanese.
std::vector<size_t> halved_punctuation(std::string_view text, const std::string& lang);

/// Whether a language's text is justified without hyphenation in its own tradition: Chinese and
/// Japanese (lines break between characters), Vietnamese (words of one short syllable), Thai,
/// Lao, Khmer, Myanmar and Tibetan (breaks between dictionary words or syllables). Other
/// languages need a hyphenation dictionary to justify without rivers.
bool justifies_without_hyphenation(const std::string& lang);

}  // namespace broadside::text
