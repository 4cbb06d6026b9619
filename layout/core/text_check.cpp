// text_check.cpp — a strict UTF-8 scan (core/utf8: no overlongs, surrogates or code points past
// U+10FFFF) that also refuses control characters.
#include "core/text_check.hpp"

#include <cstdio>

#include "core/utf8.hpp"

namespace broadside::core {

TextProblem check_text(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    size_t next = i;
    char what[64];
    if (decode_utf8(text, next) == kInvalidCodePoint) {
      std::snprintf(what, sizeof what, "invalid UTF-8 (byte 0x%02X)", c);
      return {i, what};
    }
    if (c == 0) return {i, "a NUL byte"};
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      std::snprintf(what, sizeof what, "control character U+%04X", c);
      return {i, what};
    }
    i = next;
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
