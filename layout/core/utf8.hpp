// utf8.hpp — UTF-8 decoding and encoding one code point at a time (RFC 3629), for every stage.
#pragma once

#include <string>
#include <string_view>

namespace broadside::core {

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

/// `c` encoded as UTF-8.
std::string utf8(char32_t c);

/// How many bytes `c` takes in UTF-8 (1 to 4).
size_t utf8_length(char32_t c);

/// True for the bytes that continue a multi-byte sequence (10xxxxxx).
inline bool is_continuation_byte(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

/// The number of code points in valid UTF-8 `s` (its lead bytes).
size_t code_point_count(std::string_view s);

}  // namespace broadside::core
