// utf8.hpp — UTF-8 decoding one code point at a time, and the few character classes we need.
#pragma once

#include <string>
#include <string_view>

namespace broadside::content {

/// Returned by decode_utf8 for a malformed sequence (never a valid code point).
inline constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;

/// Decodes the code point at `pos` and advances `pos` past it. A malformed, overlong, surrogate
/// or out-of-range sequence gives kInvalidCodePoint and advances by one byte.
char32_t decode_utf8(std::string_view s, size_t& pos);

/// The first code point of `s`, or 0 when `s` is empty.
char32_t first_code_point(std::string_view s);

/// The last code point of `s`, or 0 when `s` is empty.
char32_t last_code_point(std::string_view s);

/// Appends `c` encoded as UTF-8.
void append_utf8(std::string& out, char32_t c);

/// True for lower-case letters of Basic Latin, Latin-1, Greek and Cyrillic: enough to tell that a
/// paragraph continues a sentence, without depending on the process locale.
bool is_lowercase_letter(char32_t c);

/// True for ASCII letters and digits and for letters beyond ASCII (anything from U+00C0 that is
/// not general punctuation); used to tell words from stray punctuation.
bool is_word_character(char32_t c);

}  // namespace broadside::content
