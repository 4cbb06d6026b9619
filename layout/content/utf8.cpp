// utf8.cpp — UTF-8 decoding and character classes, independent of the process locale.
#include "content/utf8.hpp"

namespace broadside::content {

namespace {

bool is_continuation(unsigned char b) {
  return (b & 0xC0) == 0x80;
}

}  // namespace

char32_t decode_utf8(std::string_view s, size_t& pos) {
  const auto lead = static_cast<unsigned char>(s[pos]);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  // Sequence length and the smallest code point it may encode (to reject overlong forms),
  // following RFC 3629 section 4.
  size_t length = 0;
  char32_t c = 0;
  char32_t minimum = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, c = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, c = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, c = lead & 0x07, minimum = 0x10000;
  } else {
    ++pos;
    return kInvalidCodePoint;
  }
  if (pos + length > s.size()) {
    ++pos;
    return kInvalidCodePoint;
  }
  for (size_t i = 1; i < length; ++i) {
    const auto b = static_cast<unsigned char>(s[pos + i]);
    if (!is_continuation(b)) {
      ++pos;
      return kInvalidCodePoint;
    }
    c = (c << 6) | (b & 0x3F);
  }
  if (c < minimum || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    ++pos;
    return kInvalidCodePoint;
  }
  pos += length;
  return c;
}

char32_t first_code_point(std::string_view s) {
  if (s.empty()) return 0;
  size_t pos = 0;
  return decode_utf8(s, pos);
}

char32_t last_code_point(std::string_view s) {
  if (s.empty()) return 0;
  size_t start = s.size() - 1;
  while (start > 0 && is_continuation(static_cast<unsigned char>(s[start]))) --start;
  return first_code_point(s.substr(start));
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

bool is_lowercase_letter(char32_t c) {
  if (c >= 'a' && c <= 'z') return true;
  if (c >= 0xDF && c <= 0xFF) return c != 0xF7;  // Latin-1 lower case, without the division sign
  if (c >= 0x3AC && c <= 0x3CE) return true;     // Greek lower case
  return c >= 0x430 && c <= 0x45F;               // Cyrillic lower case
}

bool is_word_character(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (c == kInvalidCodePoint || c < 0xC0) return false;  // Latin-1 punctuation and symbols
  if (c == 0xD7 || c == 0xF7) return false;              // multiplication and division signs
  return c < 0x2000 || c > 0x206F;                       // not General Punctuation
}

}  // namespace broadside::content
