// encoding.cpp — line ending normalisation and the NUL / UTF-8 checks on a statement's bytes.
#include "content/encoding.hpp"

#include <cstdio>

#include "core/utf8.hpp"

namespace broadside::content {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

std::string hex_byte(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", b);
  return buf;
}

}  // namespace

std::string normalise_newlines(std::string_view text) {
  if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out += text[i];
    } else if (i + 1 >= text.size() || text[i + 1] != '\n') {
      out += '\n';  // a lone CR (classic Mac OS) ends a line too
    }
  }
  return out;
}

bool check_encoding(std::string_view text, const std::string& file, core::Diagnostics& diags) {
  bool reported_nul = false;
  bool reported_utf8 = false;
  bool reported_control = false;
  int line = 1;
  size_t line_start = 0;
  for (size_t pos = 0; pos < text.size();) {
    const size_t at = pos;
    const int column = static_cast<int>(at - line_start) + 1;
    const char32_t c = core::decode_utf8(text, pos);
    if (c == '\n') {
      ++line;
      line_start = pos;
    } else if (c == 0 && !reported_nul) {
      diags.error({file, line, column}, "NUL byte in the statement",
                  "is this a binary or UTF-16 file? save it as UTF-8 text");
      reported_nul = true;
    } else if (c != 0 && c != '\t' && c != '\r' && (c < 0x20 || (c >= 0x7F && c <= 0x9F)) &&
               !reported_control) {
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
      diags.error(
          {file, line, column},
          std::string("control character ") + code + " in the statement: it cannot be drawn",
          "remove it; was the text pasted from a terminal or another program?");
      reported_control = true;
    } else if (c == core::kInvalidCodePoint && !reported_utf8) {
      diags.error({file, line, column},
                  "invalid UTF-8 (byte " + hex_byte(static_cast<unsigned char>(text[at])) + ")",
                  "save the statement as UTF-8; is it Latin-1 or Windows-1252?");
      reported_utf8 = true;
    }
  }
  return !reported_nul && !reported_utf8 && !reported_control;
}

}  // namespace broadside::content
