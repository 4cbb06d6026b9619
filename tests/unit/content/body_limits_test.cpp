// body_limits_test.cpp — a statement's paragraphs counted and measured against the limits.
#include <doctest/doctest.h>

#include "content/document.hpp"

using namespace broadside;

namespace {

std::string read_error(const std::string& text, const std::string& limit) {
  core::Options options;
  REQUIRE(options.limits.set(limit).empty());
  core::Diagnostics diags;
  CHECK_FALSE(content::parse_statement(text, "s.md", options, diags).has_value());
  return diags.to_string();
}

}  // namespace

TEST_CASE("more paragraphs than the limit: an error at the first one over it") {
  const std::string text = "---\nheadline: H\n---\nOne.\n\nTwo.\n\nThree.\n\nFour.\n";
  const std::string message = read_error(text, "paragraphs=3");
  CHECK(message.find("s.md:10:1: error: the statement has 4 paragraphs, over the paragraphs "
                     "limit of 3 paragraphs (split it into several statements, or raise it with "
                     "--limit paragraphs=N") != std::string::npos);
  core::Options options;
  REQUIRE(options.limits.set("paragraphs=4").empty());
  core::Diagnostics diags;
  CHECK(content::parse_statement(text, "s.md", options, diags).has_value());
}

TEST_CASE("a paragraph longer than the limit: an error at its line") {
  const std::string message =
      read_error("# Headline\n\nShort.\n\n> A quote of forty bytes, give or take one.\n",
                 "paragraph-bytes=30");
  CHECK(message.find("s.md:5:") != std::string::npos);
  CHECK(message.find("error: this quote is 41 bytes long, over the paragraph-bytes limit of 30 "
                     "bytes (break it into paragraphs with a blank line") != std::string::npos);
}
