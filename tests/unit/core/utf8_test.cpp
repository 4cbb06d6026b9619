// utf8_test.cpp — the one UTF-8 decoder and encoder every stage uses.
#include <doctest/doctest.h>

#include "core/utf8.hpp"

using namespace broadside::core;

TEST_CASE("utf8: every length encodes and decodes back, four-byte code points included") {
  for (char32_t c : {U'A', U'\u00E9', U'\u20AC', U'\u4E2D', U'\U0001F600', U'\U0010FFFF'}) {
    const std::string s = utf8(c);
    CHECK(s.size() == utf8_length(c));
    size_t pos = 0;
    CHECK(decode_utf8(s, pos) == c);
    CHECK(pos == s.size());
  }
  CHECK(utf8(U'\U0001F600') == "\xF0\x9F\x98\x80");
  std::string out = "x";
  append_utf8(out, U'\u0664');  // Arabic-Indic four, as dates write it
  CHECK(out == "x\xD9\xA4");
}

TEST_CASE("utf8: malformed, overlong, surrogate and out-of-range sequences are refused") {
  for (const std::string bad : {"\x80", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80",
                                "\xF4\x90\x80\x80", "\xF8\x88\x80\x80\x80", "\xE2\x82"}) {
    size_t pos = 0;
    CHECK(decode_utf8(bad, pos) == kInvalidCodePoint);
    CHECK(pos == 1);  // one byte at a time, so a scan goes on and finds the next problem
  }
}

TEST_CASE("utf8: first and last code points, counts, continuation bytes") {
  CHECK(first_code_point("Zürich") == U'Z');
  CHECK(last_code_point("São") == U'o');
  CHECK(last_code_point("日本") == U'\u672C');
  CHECK(first_code_point("") == 0);
  CHECK(code_point_count("Zürich São") == 10);
  CHECK(is_continuation_byte('\x80'));
  CHECK_FALSE(is_continuation_byte('a'));
}
