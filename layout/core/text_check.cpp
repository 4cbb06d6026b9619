// text_check.cpp — a strict UTF-8 scan (RFC 3629: no overlongs, surrogates or code points past
// U+10FFFF) that also refuses control characters.
#include "core/text_check.hpp"

#include <cstdio>

namespace broadside::core {

namespace {

/// The length of the valid sequence at `i`, or 0.
size_t sequence_length(std::string_view s, size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // past U+10FFFF
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  if (b1 < lo || b1 > hi) return 0;
  for (size_t k = 2; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  return n;
}

}  // namespace

TextProblem check_text(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const size_t n = sequence_length(text, i);
    char what[64];
    if (n == 0) {
      std::snprintf(what, sizeof what, "invalid UTF-8 (byte 0x%02X)", c);
      return {i, what};
    }
    if (c == 0) return {i, "a NUL byte"};
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      std::snprintf(what, sizeof what, "control character U+%04X", c);
      return {i, what};
    }
    i += n;
  }
  return {};
}

SourceLocation location_of(std::string_view text, size_t offset, const std::string& file) {
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  return {file, line, static_cast<int>(offset - line_start) + 1};
}

}  // namespace broadside::core
