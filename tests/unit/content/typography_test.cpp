// typography_test.cpp — smart punctuation for plain text, address detection and word counts.
#include <doctest/doctest.h>

#include "content/broken_paragraphs.hpp"
#include "content/typography.hpp"
#include "content/words.hpp"

using namespace broadside::content;

TEST_CASE("smarten: quotes, apostrophes, dashes, ellipsis") {
  CHECK(smarten("\"Yes\"") == "\u201CYes\u201D");
  CHECK(smarten("it's the workers' \"right\"") == "it\u2019s the workers\u2019 \u201Cright\u201D");
  CHECK(smarten("'single' (\"paren\")") == "\u2018single\u2019 (\u201Cparen\u201D)");
  CHECK(smarten("1939--1945") == "1939\u20131945");
  CHECK(smarten("war---again") == "war\u2014again");
  CHECK(smarten("wait...") == "wait\u2026");
  CHECK(smarten("already \u201Ccurly\u201D") == "already \u201Ccurly\u201D");
  CHECK(smarten("line\n\"two\"") == "line\n\u201Ctwo\u201D");
}

TEST_CASE("smarten leaves addresses alone") {
  CHECK(smarten("see https://x.org/a--b?q=\"1\" now") == "see https://x.org/a--b?q=\"1\" now");
  CHECK(smarten("mail first--last@example.org.") == "mail first--last@example.org.");
  CHECK(smarten("visit: wsws.org/contact") == "visit: wsws.org/contact");
}

TEST_CASE("looks_like_address") {
  CHECK(looks_like_address("socialism2020.org"));
  CHECK(looks_like_address("wsws.org/contact"));
  CHECK(looks_like_address("wsws.org/contact."));
  CHECK(looks_like_address("https://socialism2020.org"));
  CHECK(looks_like_address("www.example"));
  CHECK(looks_like_address("name@example.org"));
  CHECK_FALSE(looks_like_address("e.g."));
  CHECK_FALSE(looks_like_address("U.S."));
  CHECK_FALSE(looks_like_address("3.5"));
  CHECK_FALSE(looks_like_address("end."));
  CHECK_FALSE(looks_like_address("\"quoted\""));
}

TEST_CASE("count_words") {
  CHECK(count_words("") == 0);
  CHECK(count_words("  one two\nthree ") == 3);
  CHECK(count_words("the real enemy\u2014capitalism.") == 4);
  CHECK(count_words("Name \u2013 Role") == 2);
  CHECK(count_words("\u201Csanctuary cities,\u201D where") == 3);
  CHECK(count_words("Los Angeles, New-York 2020") == 4);
  CHECK(count_words("Ärger über größere Städte") == 4);
  CHECK(count_words("\u2026 -- !") == 0);
}

TEST_CASE("terminal punctuation") {
  CHECK(ends_with_terminal_punctuation("Done."));
  CHECK(ends_with_terminal_punctuation("asked: \u201Cwhy?\u201D"));
  CHECK(ends_with_terminal_punctuation("as follows:"));
  CHECK(ends_with_terminal_punctuation("(see above)"));
  CHECK_FALSE(ends_with_terminal_punctuation("to suppress"));
  CHECK_FALSE(ends_with_terminal_punctuation("borders and the"));
  CHECK_FALSE(ends_with_terminal_punctuation(""));
}
