// statement_errors_test.cpp — bytes that are not a statement: encoding, emptiness, missing files.
#include <doctest/doctest.h>

#include "helpers.hpp"
#include "support/test_options.hpp"

using namespace broadside;
using namespace broadside::content;
using content::test::parse_error;
using content::test::parse_ok;
using content::test::var;

TEST_CASE("invalid UTF-8 is named by line and column") {
  const std::string message = parse_error("# Title\n\nCaf\xE9 au lait.\n");
  CHECK(message ==
        "statement.md:3:4: error: invalid UTF-8 (byte 0xE9) (save the statement as UTF-8; is it "
        "Latin-1 or Windows-1252?)\n");
  // Overlong forms and UTF-16 surrogates are not UTF-8 either.
  CHECK(parse_error("# T\n\n\xC0\xAF\n").find("statement.md:3:1: error: invalid UTF-8") !=
        std::string::npos);
  CHECK(parse_error("# T\n\nx \xED\xA0\x80\n").find("statement.md:3:3:") != std::string::npos);
  CHECK(parse_error("# T\n\ncut \xE2\x80").find("statement.md:3:5:") != std::string::npos);
}

TEST_CASE("a NUL byte is an error") {
  const std::string text = std::string("# Title\n\nBody") + '\0' + "text.\n";
  const std::string message = parse_error(text);
  CHECK(message.find("statement.md:3:5: error: NUL byte in the statement") != std::string::npos);
}

TEST_CASE("an empty statement is an error") {
  for (const std::string text : {"", "\n\n  \n", "---\nauthor: A\n---\n\n", "<!-- nothing -->\n"}) {
    CAPTURE(text);
    CHECK(parse_error(text).find("statement.md: error: the statement is empty") !=
          std::string::npos);
  }
}

TEST_CASE("a headline alone, or a body alone, is a statement") {
  CHECK(var(parse_ok("# Just a headline\n"), "headline") == "Just a headline");
  const Document body_only = parse_ok("Only a body paragraph.\n");
  CHECK(var(body_only, "headline") == "<unset>");
  CHECK(body_only.body.size() == 1);
}

TEST_CASE("CR LF line endings and a byte order mark change nothing") {
  const Document doc = parse_ok("\xEF\xBB\xBF---\r\nheadline: \"H\"\r\n---\r\nLine  \r\nnext\r\n");
  CHECK(var(doc, "headline") == "H");
  REQUIRE(doc.body.size() == 1);
  CHECK(doc.body[0].text.text == "Line\nnext");
  CHECK(doc.body[0].where.line == 4);
}

TEST_CASE("load_statement reports a missing file") {
  core::Diagnostics diags;
  CHECK_FALSE(load_statement("/nonexistent/statement.md", kOptions, diags).has_value());
  CHECK(diags.to_string() == "/nonexistent/statement.md: error: file not found\n");
}

TEST_CASE("a plain statement's byline heuristics do not eat the body") {
  SUBCASE("short paragraphs to the end are body") {
    const Document doc = parse_ok("# Title\n\nShort one.\n\nShort two.\n");
    CHECK(var(doc, "byline") == "<unset>");
    CHECK(doc.body.size() == 2);
  }
  SUBCASE("more than three short lines are no byline") {
    const Document doc = parse_ok("# Title\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\n" +
                                  std::string(30 * 5, 'x') + "\n");
    CHECK(var(doc, "byline") == "<unset>");
  }
  SUBCASE("a one-line byline without a date") {
    const std::string long_paragraph =
        "This paragraph has well over twenty-five words so that it is clearly part of the body "
        "of the statement and not a byline at all, as anybody can see at a glance here.";
    const Document doc = parse_ok("# Title\n\nA. Writer - Organiser\n\n" + long_paragraph + "\n");
    CHECK(var(doc, "byline") == "A. Writer - Organiser");
    CHECK(var(doc, "author") == "A. Writer");
    CHECK(var(doc, "role") == "Organiser");
    CHECK(var(doc, "date") == "<unset>");
    CHECK(doc.body.size() == 1);
  }
}

TEST_CASE("cta.url from a Visit link prefers an address-like link text") {
  const Document doc = parse_ok("# T\n\nPlease visit [our site](https://example.org/join/) now.\n");
  CHECK(var(doc, "cta.url") == "example.org/join");
  const Document none = parse_ok("# T\n\nSee [our site](https://example.org/).\n");
  CHECK(var(none, "cta.url") == "<unset>");
  const Document visitors = parse_ok("# T\n\nVisitors see [our site](https://example.org/).\n");
  CHECK(var(visitors, "cta.url") == "<unset>");
}
