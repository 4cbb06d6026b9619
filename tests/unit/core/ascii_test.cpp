// ascii_test.cpp — ASCII case folding: only A–Z change, whatever else the bytes are.
#include <doctest/doctest.h>

#include "core/ascii.hpp"

using broadside::core::ascii_iequals;
using broadside::core::ascii_lower;

TEST_CASE("ascii_lower changes A-Z only") {
  CHECK(ascii_lower("Letter.PDF") == "letter.pdf");
  CHECK(ascii_lower("de-AT_x") == "de-at_x");
  // UTF-8 bytes (É, İ) and punctuation pass through untouched.
  CHECK(ascii_lower("\xC3\x89T\xC4\xB0@[`{") == "\xC3\x89t\xC4\xB0@[`{");
  CHECK(ascii_lower("") == "");
}

TEST_CASE("ascii_iequals ignores ASCII case and nothing else") {
  CHECK(ascii_iequals("Tabloid", "tABLOID"));
  CHECK_FALSE(ascii_iequals("a4", "a5"));
  CHECK_FALSE(ascii_iequals("a4", "a4 "));
  CHECK_FALSE(ascii_iequals("\xC3\x89", "\xC3\xA9"));  // É and é differ: not ASCII
  CHECK(ascii_iequals("", ""));
}
