// markdown_test.cpp — the Markdown body: blocks, inline runs with byte ranges, breaks, places.
#include <doctest/doctest.h>

#include "content/whitespace.hpp"
#include "helpers.hpp"
#include "support/test_options.hpp"

using namespace broadside;
using namespace broadside::content;
using content::test::parse_ok;
using content::test::var;

namespace {

core::StyleRun run(size_t start, size_t end, bool emphasis, bool strong, bool code = false,
                   std::string link = {}) {
  return {start, end, emphasis, strong, code, std::move(link)};
}

// A statement with a headline in the front matter, so the body is all blocks.
std::string with_headline(const std::string& body) {
  return "---\nheadline: H\n---\n" + body;
}

}  // namespace

TEST_CASE("emphasis, strong, links and code become runs over the right bytes") {
  const Document doc = parse_ok(
      with_headline("Plain *em* and **strong** with [a link](https://x.org) and `code`.\n"));
  REQUIRE(doc.body.size() == 1);
  const core::RichText& t = doc.body[0].text;
  CHECK(t.text == "Plain em and strong with a link and code.");
  REQUIRE(t.runs.size() == 4);
  CHECK(t.runs[0] == run(6, 8, true, false));
  CHECK(t.text.substr(6, 2) == "em");
  CHECK(t.runs[1] == run(13, 19, false, true));
  CHECK(t.text.substr(13, 6) == "strong");
  CHECK(t.runs[2] == run(25, 31, false, false, false, "https://x.org"));
  CHECK(t.text.substr(25, 6) == "a link");
  CHECK(t.runs[3] == run(36, 40, false, false, true));
}

TEST_CASE("nested styles combine and a link keeps its target across styled parts") {
  const Document doc =
      parse_ok(with_headline("***both*** then [**bold** link](https://y.org) “end”\n"));
  const core::RichText& t = doc.body[0].text;
  CHECK(t.text == "both then bold link \u201Cend\u201D");
  REQUIRE(t.runs.size() == 3);
  CHECK(t.runs[0] == run(0, 4, true, true));
  CHECK(t.runs[1] == run(10, 14, false, true, false, "https://y.org"));
  CHECK(t.runs[2] == run(14, 19, false, false, false, "https://y.org"));
}

TEST_CASE("runs survive whitespace collapsing on multi-byte text") {
  const Document doc = parse_ok(with_headline("Über   *größer*\tals  **Ärger**\n"));
  const core::RichText& t = doc.body[0].text;
  CHECK(t.text == "Über größer als Ärger");
  REQUIRE(t.runs.size() == 2);
  CHECK(t.text.substr(t.runs[0].start, t.runs[0].end - t.runs[0].start) == "größer");
  CHECK(t.text.substr(t.runs[1].start, t.runs[1].end - t.runs[1].start) == "Ärger");
}

TEST_CASE("smart punctuation in the body") {
  const Document doc = parse_ok(with_headline("\"Cuts\" aren't -- never --- fair...\n"));
  CHECK(doc.body[0].text.text ==
        "\u201CCuts\u201D aren\u2019t\u00A0\u2013 never\u00A0\u2014 fair\u2026");
}

TEST_CASE("soft breaks are spaces, hard breaks are line breaks") {
  const Document doc = parse_ok(with_headline("line one\nline two  \nline three\\\nfour\n"));
  CHECK(doc.body[0].text.text == "line one line two\nline three\nfour");
}

TEST_CASE("headings, lists and quotes") {
  const Document doc =
      parse_ok(with_headline("## Our demands\n"
                             "\n"
                             "- a\n"
                             "- b\n"
                             "  - b1\n"
                             "    1. deep\n"
                             "\n"
                             "3. c\n"
                             "4. d\n"
                             "\n"
                             "> first *quoted*\n"
                             ">\n"
                             "> second\n"
                             "\n"
                             "### Small\n"));
  REQUIRE(doc.body.size() == 10);
  CHECK(doc.body[0].kind == BlockKind::heading);
  CHECK(doc.body[0].level == 2);
  CHECK(doc.body[0].text.text == "Our demands");
  struct Item {
    const char* text;
    int level;
    int ordinal;
  };
  const Item items[] = {{"a", 1, 0},    {"b", 1, 0}, {"b1", 2, 0},
                        {"deep", 3, 1}, {"c", 1, 3}, {"d", 1, 4}};
  for (size_t i = 0; i < 6; ++i) {
    CAPTURE(i);
    const Block& b = doc.body[1 + i];
    CHECK(b.kind == BlockKind::list_item);
    CHECK(b.text.text == items[i].text);
    CHECK(b.level == items[i].level);
    CHECK(b.ordinal == items[i].ordinal);
  }
  CHECK(doc.body[7].kind == BlockKind::quote);
  CHECK(doc.body[7].text.text == "first quoted");
  CHECK(doc.body[7].text.runs == std::vector<core::StyleRun>{run(6, 12, true, false)});
  CHECK(doc.body[8].kind == BlockKind::quote);
  CHECK(doc.body[8].text.text == "second");
  CHECK(doc.body[9].kind == BlockKind::heading);
  CHECK(doc.body[9].level == 3);
}

TEST_CASE("block places are file lines, counting the front matter") {
  const Document doc = parse_ok(with_headline("\nPara one.\n\n## Sub\n\n- item\n\n> quoted\n"));
  REQUIRE(doc.body.size() == 4);
  CHECK(doc.body[0].where.to_string() == "statement.md:5:1");
  CHECK(doc.body[1].where.to_string() == "statement.md:7:1");
  CHECK(doc.body[2].where.to_string() == "statement.md:9:1");
  CHECK(doc.body[3].where.to_string() == "statement.md:11:3");
}

TEST_CASE("raw HTML is dropped with a warning and comments silently, images give alt text") {
  core::Diagnostics diags;
  const Document doc = content::test::parse_ok(
      with_headline("Hi <b>there</b>.<!-- note -->\n\n<div>\nblock\n</div>\n\n<!-- a note\nfor "
                    "editors -->\n\n![alt *text*](pic.png) after\n"),
      diags);
  REQUIRE(doc.body.size() == 2);
  CHECK(doc.body[0].text.text == "Hi there.");
  CHECK(doc.body[1].text.text == "alt text after");
  CHECK(doc.body[1].text.runs == std::vector<core::StyleRun>{run(4, 8, true, false)});
  CHECK_FALSE(diags.has_errors());
  REQUIRE(diags.size() == 3);
  CHECK(diags.all()[0].to_string() ==
        "statement.md:4:4: warning: raw HTML '<b>' dropped (use *emphasis* or **strong** "
        "instead)");
  CHECK(diags.all()[2].where.line == 6);
}

TEST_CASE("paragraphs split by a stray blank line are joined, in Markdown too") {
  const Document doc = parse_ok(
      with_headline("It ends *here*\n\nand goes on.\n\nA full stop.\n\nbut this stays apart.\n\n"
                    "## No colon\n\nlower after a heading.\n"));
  REQUIRE(doc.body.size() == 5);
  CHECK(doc.body[0].text.text == "It ends here and goes on.");
  CHECK(doc.body[0].text.runs == std::vector<core::StyleRun>{run(8, 12, true, false)});
  CHECK(doc.body[0].where.line == 4);
  CHECK(doc.body[1].text.text == "A full stop.");
  CHECK(doc.body[2].text.text == "but this stays apart.");
  CHECK(doc.body[4].text.text == "lower after a heading.");
}

TEST_CASE("a level-1 heading stays in the body when the front matter has the headline") {
  const Document doc = parse_ok(with_headline("# Also a title\n\nText.\n"));
  CHECK(var(doc, "headline") == "H");
  REQUIRE(doc.body.size() == 2);
  CHECK(doc.body[0].kind == BlockKind::heading);
  CHECK(doc.body[0].level == 1);
}

TEST_CASE("whitespace collapsing keeps line breaks and no-break spaces") {
  CHECK(collapse_whitespace("  a \t b  \n  c  ") == "a b\nc");
  CHECK(collapse_whitespace("10\u00A0km") == "10\u00A0km");
  core::RichText t{"a  *b*  ", {{3, 6, true, false, false, {}}, {6, 8, true, false, false, {}}}};
  const core::RichText c = collapse_whitespace(t);
  CHECK(c.text == "a *b*");
  CHECK(c.runs == std::vector<core::StyleRun>{{2, 5, true, false, false, {}}});
}

TEST_CASE("deeply nested input is refused, not a stack overflow") {
  core::Diagnostics diags;
  const std::string nested = std::string(200, '>') + " deep\n";
  CHECK_FALSE(parse_statement(with_headline(nested), "statement.md", kOptions, diags).has_value());
  CHECK(diags.to_string().find("nested too deeply") != std::string::npos);
  const std::string emphasis = std::string(5000, '*') + "x" + std::string(5000, '*') + "\n";
  core::Diagnostics ok;
  CHECK(parse_statement(with_headline(emphasis), "statement.md", kOptions, ok).has_value());
}

TEST_CASE("a thematic break is a section break block at its place, with no text") {
  const Document doc = parse_ok(with_headline("Before.\n\n---\n\nAfter.\n\n> quoted\n>\n> ***\n"));
  REQUIRE(doc.body.size() == 5);
  CHECK(doc.body[1].kind == BlockKind::section_break);
  CHECK(doc.body[1].text.empty());
  CHECK(doc.body[1].where.to_string() == "statement.md:6:1");
  CHECK(doc.body[2].text.text == "After.");
  CHECK(doc.body[4].kind == BlockKind::section_break);
  CHECK(doc.body_word_count() == 3);
}

TEST_CASE("nested lists keep their depth and each list its own numbers") {
  const Document doc =
      parse_ok(with_headline("- top\n  - second\n    - third\n- top again\n\n"
                             "1. one\n   1. one-a\n   2. one-b\n2. two\n"));
  struct Item {
    const char* text;
    int level;
    int ordinal;
  };
  const Item items[] = {{"top", 1, 0}, {"second", 2, 0}, {"third", 3, 0}, {"top again", 1, 0},
                        {"one", 1, 1}, {"one-a", 2, 1},  {"one-b", 2, 2}, {"two", 1, 2}};
  REQUIRE(doc.body.size() == std::size(items));
  for (size_t i = 0; i < std::size(items); ++i) {
    CAPTURE(i);
    CHECK(doc.body[i].kind == BlockKind::list_item);
    CHECK(doc.body[i].text.text == items[i].text);
    CHECK(doc.body[i].level == items[i].level);
    CHECK(doc.body[i].ordinal == items[i].ordinal);
  }
}

TEST_CASE("a pipe table is set one row a line, without its delimiter row, with a warning") {
  core::Diagnostics diags;
  const Document doc = parse_ok(with_headline("Intro.\n\n"
                                              "| Col A | *Col* B |\n"
                                              "|-------|:---:|\n"
                                              "| one -- two | `a|b` |\n"
                                              "| three | four |\n\n"
                                              "After.\n"),
                                diags);
  REQUIRE(doc.body.size() == 3);
  const Block& table = doc.body[1];
  CHECK(table.kind == BlockKind::table);
  // Smart punctuation works in cells ("--"), never on the delimiter row.
  CHECK(table.text.text == "Col A | Col B\none\u00A0\u2013 two | a|b\nthree | four");
  CHECK(table.text.text.find("\u2014") == std::string::npos);
  // The header is strong, its emphasis kept; a code span keeps its pipe.
  REQUIRE(table.text.runs.size() == 4);
  CHECK(table.text.runs[0] == run(0, 8, false, true));
  CHECK(table.text.runs[1] == run(8, 11, true, true));
  CHECK(table.text.runs[2] == run(11, 13, false, true));
  CHECK(table.text.text.substr(table.text.runs[3].start, 3) == "a|b");
  CHECK(table.text.runs[3].code);
  CHECK_FALSE(diags.has_errors());
  REQUIRE(diags.size() == 1);
  CHECK(diags.all()[0].to_string().starts_with(
      "statement.md:6:1: warning: tables are not supported: this one is set as text"));
}

TEST_CASE("a table after prose lines, in a quote or a list item, is found at its header") {
  core::Diagnostics diags;
  const Document doc = parse_ok(with_headline("Prices rose:\n"
                                              "| year | fare |\n"
                                              "| --- | --- |\n"
                                              "| 2019 | 2 |\n\n"
                                              "> | a | b |\n"
                                              "> |---|---|\n\n"
                                              "- item\n\n"
                                              "  x | y\n"
                                              "  --|--\n"),
                                diags);
  REQUIRE(doc.body.size() == 3);
  CHECK(doc.body[0].kind == BlockKind::table);
  CHECK(doc.body[0].text.text == "Prices rose:\nyear | fare\n2019 | 2");
  CHECK(doc.body[1].kind == BlockKind::table);
  CHECK(doc.body[1].text.text == "a | b");
  // The quote's table is set in the quote's style; the others are not quoted.
  CHECK(doc.body[1].quoted);
  CHECK_FALSE(doc.body[0].quoted);
  CHECK_FALSE(doc.body[2].quoted);
  CHECK(doc.body[2].kind == BlockKind::list_item);
  CHECK(doc.body[2].text.text == "item\nx | y");
  REQUIRE(diags.size() == 3);
  CHECK(diags.all()[0].where.to_string() == "statement.md:5:1");
  CHECK(diags.all()[1].where.to_string() == "statement.md:9:3");
  CHECK(diags.all()[2].where.to_string() == "statement.md:14:3");
}

TEST_CASE("pipes in prose, or dashes under a pipe-less line, are no table") {
  const Document doc =
      parse_ok(with_headline("Either | or\nand on -- again.\n\nA heading\n---\n\n| not\nclosed\n"));
  REQUIRE(doc.body.size() == 3);
  CHECK(doc.body[0].text.text == "Either | or and on\u00A0\u2013 again.");
  CHECK(doc.body[1].kind == BlockKind::heading);
  CHECK(doc.body[2].text.text == "| not closed");
}
