// text_check_test.cpp — strict UTF-8 and control characters, with their places.
#include <doctest/doctest.h>

#include "core/text_check.hpp"

using namespace broadside::core;

TEST_CASE("valid UTF-8 text with tabs and line breaks passes") {
  CHECK(check_text("héllo\tworld\r\n中文 😀 عربى\n").what.empty());
  CHECK(check_text("").what.empty());
}

TEST_CASE("malformed sequences, NUL and control characters are found at their offset") {
  CHECK(check_text("ab\xFF").offset == 2);
  CHECK(check_text("ab\xFF").what == "invalid UTF-8 (byte 0xFF)");
  CHECK(check_text("\xC0\xAF").offset == 0);          // overlong '/'
  CHECK(check_text("\xED\xA0\x80").offset == 0);      // a surrogate
  CHECK(check_text("\xF4\x90\x80\x80").offset == 0);  // past U+10FFFF
  CHECK(check_text("ok \xE2\x82").offset == 3);       // cut short
  CHECK(check_text(std::string("a\0b", 3)).what == "a NUL byte");
  CHECK(check_text("a\x1B[31m").what == "control character U+001B");
}

TEST_CASE("location_of gives 1-based line and byte column") {
  const std::string text = "one\ntwo\nthree";
  CHECK(location_of(text, 0, "f").to_string() == "f:1:1");
  CHECK(location_of(text, 5, "f").to_string() == "f:2:2");
  CHECK(location_of(text, 10, "f").to_string() == "f:3:3");
}
