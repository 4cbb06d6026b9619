// characters.hpp — the few character classes reading a statement needs.
#pragma once

namespace broadside::content {

/// True for lower-case letters of Basic Latin, Latin-1, Greek and Cyrillic: enough to tell that a
/// paragraph continues a sentence, without depending on the process locale.
bool is_lowercase_letter(char32_t c);

/// True for ASCII letters and digits and for letters beyond ASCII (anything from U+00C0 that is
/// not general punctuation); used to tell words from stray punctuation.
bool is_word_character(char32_t c);

}  // namespace broadside::content
