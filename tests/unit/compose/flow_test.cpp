// flow_test.cpp — the body flowing through columns, frames and pages: order, spacing, widows
// and orphans, headings kept with what follows, size shrunk to fit, pages added, overflow.
#include <algorithm>
#include <set>

#include "compose_fixture.hpp"

using namespace broadside::testing;

namespace {

/// Columns 100pt wide (20 characters at 10pt) and 10 lines tall (10pt type, leading 1).
std::string flow_design(const std::string& flow_extra = "", int pages = 1,
                        const std::string& page_extra = "") {
  std::string d = R"(
page: {size: [220pt, 120pt], bleed: 0mm, margins: 10pt}
styles:
  body: {font: [X], size: 10pt, leading: 1}
  sub: {font: [X], size: 10pt, leading: 1}
pages:
)";
  for (int p = 0; p < pages; ++p) {
    d += "  - name: p" + std::to_string(p + 1) + "\n" + page_extra + "    frames:\n";
    d += "      - {flow: body, style: body, heading-style: sub, columns: 2, gutter: 0pt, area: "
         "margin" +
         flow_extra + "}\n";
  }
  return d;
}

/// Lines of page `page` in column order (left column top to bottom, then the right).
std::vector<PlacedLine> columns(const Composed& c, size_t page) {
  auto lines = c.on_page(page);
  std::stable_sort(lines.begin(), lines.end(), [](const PlacedLine& a, const PlacedLine& b) {
    return a.x < b.x - 50 || (std::abs(a.x - b.x) <= 50 && a.y < b.y);
  });
  return lines;
}

/// How many placed lines start with `prefix`.
size_t starting(const Composed& c, const std::string& prefix) {
  size_t n = 0;
  for (const auto& l : c.lines) n += l.text.rfind(prefix, 0) == 0;
  return n;
}

/// Two columns of 10pt lines at most, 9pt at least, justified; `frame_extra` adds to the flow.
std::string justified_design(const std::string& frame_extra) {
  return R"(
page: {size: [220pt, 120pt], bleed: 0mm, margins: 10pt}
styles:
  body: {font: [X], size: 9pt..10pt, step: 1pt, leading: 1, align: justify}
pages:
  - frames:
      - {flow: body, style: body, columns: 2, gutter: 0pt, area: margin, )" +
         frame_extra + "}\n";
}

/// Two columns of 100pt, the body's size the range `size` by steps of 1pt.
std::string ranged_design(const std::string& size) {
  return R"(
page: {size: [220pt, 120pt], bleed: 0mm, margins: 10pt}
styles:
  body: {font: [X], size: )" +
         size + R"(, step: 1pt, leading: 1}
pages:
  - frames:
      - {flow: body, style: body, columns: 2, gutter: 0pt, area: margin}
)";
}

}  // namespace

/// The flow of flow_design() filling its columns one after another, not balanced.
const std::string kUnbalanced = ", balance-columns: false";

TEST_CASE("flow: text fills the first column, then the second, in order") {
  // 30 words of 3 characters: 5 a line (5x3 + 4 spaces = 19 chars): 6 lines.
  auto c = compose_text(flow_design(kUnbalanced), statement_with("h", {words(30), words(30, "v")}));
  REQUIRE_MESSAGE(c.diags.empty(), c.errors());
  auto lines = columns(c, 0);
  REQUIRE(lines.size() == 12);
  CHECK(lines[0].text == "w01 w02 w03 w04 w05");
  CHECK(lines[0].x == doctest::Approx(10));
  CHECK(lines[0].y == doctest::Approx(10 + 8));  // top margin + ascent (leading 1)
  // Ten lines fit a column: the second paragraph's last two lines start the right column.
  CHECK(lines[10].x == doctest::Approx(110));
  CHECK(lines[10].y == doctest::Approx(18));
  CHECK(lines[11].text == "v26 v27 v28 v29 v30.");
}

TEST_CASE("flow: no orphan at a column's foot, no widow at its head") {
  // First paragraph 9 lines; the second (3 lines) would leave 1 line at the foot: it moves whole.
  auto c = compose_text(flow_design(kUnbalanced), statement_with("h", {words(45), words(15, "v")}));
  REQUIRE_MESSAGE(c.diags.empty(), c.errors());
  const auto* v1 = c.find("v01 v02 v03 v04 v05");
  REQUIRE(v1);
  CHECK(v1->x == doctest::Approx(110));  // moved to the right column's top
  CHECK(v1->y == doctest::Approx(18));

  // First paragraph 7 lines; the second has 4: 3 fit, which would leave 1 alone at the next
  // column's head: only 2 stay, 2 go over.
  auto w = compose_text(flow_design(kUnbalanced), statement_with("h", {words(35), words(20, "v")}));
  REQUIRE_MESSAGE(w.diags.empty(), w.errors());
  const auto* v11 = w.find("v11 v12 v13 v14 v15");
  REQUIRE(v11);
  CHECK(v11->x == doctest::Approx(110));
  const auto* v6 = w.find("v06 v07 v08 v09 v10");
  REQUIRE(v6);
  CHECK(v6->x == doctest::Approx(10));
}

TEST_CASE("flow: where the body ends, the frame's columns end level") {
  // 12 lines in two columns of 10: 6 and 6, not 10 and 2.
  auto c = compose_text(flow_design(), statement_with("h", {words(30), words(30, "v")}));
  REQUIRE_MESSAGE(c.diags.empty(), c.errors());
  auto lines = columns(c, 0);
  REQUIRE(lines.size() == 12);
  CHECK(lines[5].x == doctest::Approx(10));
  CHECK(lines[6].x == doctest::Approx(110));
  CHECK(lines[6].y == doctest::Approx(18));
  CHECK(lines[11].y == doctest::Approx(lines[5].y));
  // 11 lines: 6 and 5 (the first column is the longer).
  auto odd = compose_text(flow_design(), statement_with("h", {words(30), words(25, "v")}));
  auto odd_lines = columns(odd, 0);
  REQUIRE(odd_lines.size() == 11);
  CHECK(odd_lines[5].x == doctest::Approx(10));
  CHECK(odd_lines[6].x == doctest::Approx(110));
  // A body that fills more than half the last column keeps the frame's height: 10 and 6.
  auto most = compose_text(flow_design(), statement_with("h", {words(50), words(30, "v")}));
  auto most_lines = columns(most, 0);
  REQUIRE(most_lines.size() == 16);
  CHECK(most_lines[9].x == doctest::Approx(10));
  CHECK(most_lines[10].x == doctest::Approx(110));
  // On the page before the last, the columns stay full; only the last page's end level.
  const std::string two_pages = flow_design("", 2);
  auto spread = compose_text(two_pages, statement_with("h", {words(100), words(30, "v")}));
  REQUIRE_MESSAGE(spread.diags.empty(), spread.errors());
  auto first = columns(spread, 0);
  auto second = columns(spread, 1);
  // 26 lines: the first page full (less a line the widow rule takes), the rest level.
  REQUIRE(first.size() >= 19);
  CHECK(first.back().x == doctest::Approx(110));
  CHECK(first.back().y >= 98);  // its ninth line or tenth
  const size_t left = static_cast<size_t>(
      std::count_if(second.begin(), second.end(), [](const PlacedLine& l) { return l.x < 100; }));
  REQUIRE(second.size() >= 6);
  CHECK(left == (second.size() + 1) / 2);
}

TEST_CASE("flow: a subheading is kept with the lines that follow it") {
  // 9 lines fill the left column but one; a heading there would end the column: it moves.
  const std::string statement =
      "---\nheadline: h\n---\n" + words(45) + ".\n\n## Sub head\n\n" + words(10, "v") + ".\n";
  auto c = compose_text(flow_design(), statement);
  REQUIRE_MESSAGE(c.diags.empty(), c.errors());
  const auto* head = c.find("Sub head");
  REQUIRE(head);
  CHECK(head->x == doctest::Approx(110));
  const auto* next = c.find("v01 v02 v03 v04 v05");
  REQUIRE(next);
  CHECK(next->x == doctest::Approx(110));
  CHECK(next->y > head->y);
}

TEST_CASE("flow: paragraphs keep their spacing, but not at a column's top") {
  auto c = compose_text(flow_design(", space-after: 10pt"),
                        statement_with("h", {words(10), words(10, "v"), words(50, "x")}));
  REQUIRE_MESSAGE(c.diags.empty(), c.errors());
  const auto* w6 = c.find("w06 w07 w08 w09 w10.");
  const auto* v1 = c.find("v01 v02 v03 v04 v05");
  REQUIRE(w6);
  REQUIRE(v1);
  CHECK(v1->y - w6->y == doctest::Approx(20));  // one line + 10pt
}

TEST_CASE("flow: a quote is set apart from the paragraphs around it by half a line") {
  // (Lists hang their markers, which the fake typesetter does not draw: the CLI tests cover
  // them with Pango.)
  const std::string statement = "---\nheadline: h\n---\n" + words(5) +
                                ".\n\n> quoted words\n>\n> more quoted\n\n" + words(5, "v") + ".\n";
  auto c = compose_text(flow_design(kUnbalanced), statement);
  REQUIRE_MESSAGE(c.diags.empty(), c.errors());
  const auto* para = c.find("w01 w02 w03 w04 w05.");
  const auto* quote = c.find("quoted words");
  const auto* more = c.find("more quoted");
  const auto* after = c.find("v01 v02 v03 v04 v05.");
  REQUIRE(para);
  REQUIRE(quote);
  REQUIRE(more);
  REQUIRE(after);
  CHECK(quote->y - para->y == doctest::Approx(15));  // a line and half a line of 10pt
  CHECK(more->y - quote->y == doctest::Approx(10));  // the quote's paragraphs run on
  CHECK(after->y - more->y == doctest::Approx(15));
}

TEST_CASE("flow: a chain runs from frame to frame across pages") {
  auto c = compose_text(flow_design("", 2), statement_with("h", {words(150)}));
  REQUIRE_MESSAGE(c.diags.empty(), c.errors());
  REQUIRE(c.composition.pages.size() == 2);
  auto p1 = columns(c, 0), p2 = columns(c, 1);
  CHECK(p1.size() == 20);
  CHECK(p2.size() == 13);  // 50 longer words, four a line
  CHECK(p1.back().text == "w96 w97 w98 w99 w100");
  CHECK(p2.front().text == "w101 w102 w103 w104");
}

TEST_CASE("flow: too much text is an error naming the frame and how much did not fit") {
  auto c = compose_text(flow_design(), statement_with("h", {words(120)}));
  CHECK(c.diags.has_errors());
  // 20 lines of 5 words placed; 20 words (5 lines at 4 words of 4 characters) are left.
  CHECK(c.errors() ==
        "test.yaml:9:9: error: frame 'body': 20 words (5 lines) do not fit, from \u201Cw101 w102 "
        "w103 w104\u201D (allow more pages, a smaller size, or shorten the text)\n");
}

TEST_CASE("flow: a repeated page is added while text remains, and not when none does") {
  const std::string design = flow_design("", 1) + R"(  - name: more
    repeat: true
    frames:
      - {flow: body, style: body, columns: 2, gutter: 0pt, area: margin}
      - {text: "{page}/{pages}", style: body, area: {bottom: 0pt, height: 10pt}}
)";
  auto short_text = compose_text(design, statement_with("h", {words(40)}));
  REQUIRE_MESSAGE(short_text.diags.empty(), short_text.errors());
  CHECK(short_text.composition.pages.size() == 1);
  auto long_text = compose_text(design, statement_with("h", {words(300)}));
  REQUIRE_MESSAGE(long_text.diags.empty(), long_text.errors());
  CHECK(long_text.composition.pages.size() == 4);
  CHECK(long_text.find("4/4"));
  std::set<std::string> seen;
  for (const auto& l : long_text.lines) seen.insert(l.text);
  CHECK(seen.count("w297 w298 w299 w300.") == 1);
}

TEST_CASE("flow: a body that needs a page added is set as large as the pages then allow") {
  // 6pt..10pt: 220 words need a second page at 6pt (32 lines a page) and fill it at 8pt (24
  // lines a page); at 6pt the last page held a few lines.
  const std::string design = R"(
page: {size: [220pt, 120pt], bleed: 0mm, margins: 10pt}
max-pages: 4
styles:
  body: {font: [X], size: 6pt..10pt, step: 1pt, leading: 1}
pages:
  - frames:
      - {flow: body, style: body, columns: 2, gutter: 0pt, area: margin, balance-columns: false}
  - name: more
    repeat: true
    frames:
      - {flow: body, style: body, columns: 2, gutter: 0pt, area: margin, balance-columns: false}
)";
  auto c = compose_text(design, statement_with("h", {words(220)}));
  REQUIRE_MESSAGE(c.diags.empty(), c.errors());
  REQUIRE(c.composition.pages.size() == 2);
  CHECK(c.lines.front().size == 8);
  CAPTURE(c.on_page(0).size());
  CHECK(c.on_page(1).size() > 12);  // more than a column of the last page, not 5 lines
}

TEST_CASE("flow: a page added only to make up a sheet of four stays blank") {
  // Cover, repeated text pages with a running head and folio, back: a short body takes one text
  // page, and the page that makes four has neither head nor folio.
  const std::string design = R"(
page: {size: [220pt, 120pt], bleed: 0mm, margins: 10pt}
page-multiple: 4
max-pages: 8
styles:
  body: {font: [X], size: 10pt, leading: 1}
pages:
  - name: cover
    frames:
      - {text: "{headline}", style: body, area: margin}
  - name: text
    repeat: true
    frames:
      - {text: "Running head", style: body, area: {top: 0pt, height: 10pt}}
      - {flow: body, style: body, area: margin}
      - {text: "folio {page}", style: body, area: {bottom: 0pt, height: 10pt}}
  - name: back
    frames:
      - {text: "Back", style: body, area: margin}
)";
  auto c = compose_text(design, statement_with("h", {words(10)}));
  REQUIRE_MESSAGE(c.diags.empty(), c.errors());
  REQUIRE(c.composition.pages.size() == 4);
  CHECK(c.find("folio 2"));
  CHECK(c.on_page(1).size() == 3);  // head, the body's one line, folio
  CHECK(c.on_page(2).empty());
  CHECK_FALSE(c.find("folio 3"));
  CHECK(c.find("Back"));
}

TEST_CASE("flow: a body that would leave a sheet's last text page blank runs over both, level") {
  // Cover, text pages, back, in sheets of four: 40 words (8 lines of 5) fill a text page's 10
  // lines but for two, and the page that makes four would be blank; they end level on both.
  const std::string design = R"(
page: {size: [220pt, 120pt], bleed: 0mm, margins: 10pt}
page-multiple: 4
max-pages: 8
styles:
  body: {font: [X], size: 10pt, leading: 1}
pages:
  - name: cover
    frames:
      - {text: "{headline}", style: body, area: margin}
  - name: text
    repeat: true
    frames:
      - {flow: body, style: body, area: {top: 10pt, left: 10pt, width: 100pt, height: 100pt}}
      - {text: "folio {page}", style: body, area: {bottom: 0pt, height: 10pt}}
  - name: back
    frames:
      - {text: "Back", style: body, area: margin}
)";
  auto c = compose_text(design, statement_with("h", {words(40)}));
  REQUIRE_MESSAGE(c.diags.empty(), c.errors());
  REQUIRE(c.composition.pages.size() == 4);
  CHECK(starting(c, "w") == 8);
  size_t second = 0, third = 0;
  for (const auto& l : c.on_page(1)) second += l.text.rfind("w", 0) == 0;
  for (const auto& l : c.on_page(2)) third += l.text.rfind("w", 0) == 0;
  CHECK(second == 4);
  CHECK(third == 4);
  CHECK(c.find("folio 3"));
  // Two lines stay together on the first text page, the other left blank.
  auto few = compose_text(design, statement_with("h", {words(10)}));
  REQUIRE_MESSAGE(few.diags.empty(), few.errors());
  CHECK(starting(few, "w") == 2);
  for (const auto& l : few.on_page(2)) CHECK(l.text.rfind("w", 0) != 0);
  CHECK_FALSE(few.find("folio 3"));
}

TEST_CASE("flow: a size range shrinks the body only as far as it must") {
  const std::string design = ranged_design("6pt..10pt");
  auto fits = compose_text(design, statement_with("h", {words(50)}));
  REQUIRE(fits.diags.empty());
  CHECK(fits.lines[0].size == 10);
  auto shrinks = compose_text(design, statement_with("h", {words(120)}));
  REQUIRE_MESSAGE(shrinks.diags.empty(), shrinks.errors());
  CHECK(shrinks.lines[0].size < 10);
  CHECK(shrinks.lines[0].size >= 6);
  auto too_long = compose_text(design, statement_with("h", {words(400)}));
  CHECK(too_long.errors().find("do not fit") != std::string::npos);
}

TEST_CASE(
    "flow: a word wider than its column shrinks the body first, and fails only at its least") {
  const std::string design = ranged_design("8pt..10pt");
  // 100pt columns: 20 characters at 10pt, 22 at 9pt, 25 at 8pt.
  auto shrinks = compose_text(design, statement_with("h", {"a " + std::string(22, 'x') + " b"}));
  REQUIRE_MESSAGE(shrinks.diags.empty(), shrinks.errors());
  CHECK(shrinks.lines[0].size == 9);
  auto fails = compose_text(design, statement_with("h", {"a " + std::string(26, 'x') + " b"}));
  CHECK(fails.errors().find("error: frame 'body': the line \"" + std::string(26, 'x') +
                            "\" is 4pt wider than its column") != std::string::npos);
}

TEST_CASE("flow: a short body spreads over the frames side by side where it ends") {
  // Three one-column frames across a page, the first below a head (a trifold's inside).
  auto design = [](const std::string& extra) {
    return R"(
page: {size: [320pt, 120pt], bleed: 0mm, margins: 10pt}
styles:
  body: {font: [X], size: 10pt, leading: 1}
pages:
  - frames:
      - {flow: body, style: body, area: {left: 10pt, width: 100pt, top: 30pt})" +
           extra + R"(}
      - {flow: body, style: body, area: {left: 110pt, width: 100pt}, order: 2)" +
           extra + R"(}
      - {flow: body, style: body, area: {left: 210pt, width: 100pt}, order: 2)" +
           extra + R"(}
)";
  };
  // 12 lines: four in each, as deep as each other from their own tops.
  auto c = compose_text(design(""), statement_with("h", {words(60)}));
  REQUIRE_MESSAGE(c.diags.empty(), c.errors());
  REQUIRE(c.lines.size() == 12);
  for (const double x : {10.0, 110.0, 210.0})
    CHECK(std::count_if(c.lines.begin(), c.lines.end(),
                        [x](const PlacedLine& l) { return std::abs(l.x - x) < 1; }) == 4);
  // Frames one above the other are not side by side: a short body stays in the upper one.
  const std::string stacked = R"(
page: {size: [220pt, 220pt], bleed: 0mm, margins: 10pt}
styles:
  body: {font: [X], size: 10pt, leading: 1}
pages:
  - frames:
      - {flow: body, style: body, area: {top: 10pt, height: 100pt, left: 10pt, width: 100pt}}
      - {flow: body, style: body, area: {top: 110pt, height: 100pt, left: 10pt, width: 100pt}}
)";
  auto upper = compose_text(stacked, statement_with("h", {words(30)}));
  REQUIRE_MESSAGE(upper.diags.empty(), upper.errors());
  REQUIRE(upper.lines.size() == 6);
  CHECK(upper.lines.back().y < 110);
  // Asked not to, they fill one after another: the first takes its 8 lines.
  auto filled = compose_text(design(", balance-columns: false"), statement_with("h", {words(60)}));
  REQUIRE_MESSAGE(filled.diags.empty(), filled.errors());
  CHECK(std::count_if(filled.lines.begin(), filled.lines.end(),
                      [](const PlacedLine& l) { return std::abs(l.x - 10) < 1; }) == 8);
}

TEST_CASE("flow: an excerpt takes only the paragraphs the design asks for") {
  auto c =
      compose_text(flow_design(", paragraphs: 1"), statement_with("h", {words(5), words(5, "v")}));
  REQUIRE_MESSAGE(c.diags.empty(), c.errors());
  CHECK(c.find("w01 w02 w03 w04 w05."));
  CHECK_FALSE(c.find("v01 v02 v03 v04 v05."));
}

TEST_CASE("flow: a read-more excerpt ends at a paragraph, not at a section break") {
  const std::string statement = "---\nheadline: h\ncta: {url: example.org}\n---\n" + words(30) +
                                ".\n\n---\n\n" + words(100, "v") + ".\n";
  auto c = compose_text(flow_design(", read-more: \"More at example.org\""), statement);
  REQUIRE_MESSAGE(!c.diags.has_errors(), c.errors());
  CHECK(c.find("More at example.org"));
  CHECK(starting(c, "w30") + starting(c, "w26") > 0);  // the first paragraph's end is there
  CHECK(starting(c, "v01") == 0);
  CHECK(starting(c, "*") == 0);  // the break's asterisks
  // The note counts paragraphs, not the break.
  CHECK(c.errors().find("1 of its 2 paragraphs are set and the read-more line stands for the "
                        "other 1") != std::string::npos);
}

TEST_CASE("flow: a read-more excerpt goes on with the next paragraph's sentences that fit") {
  // 20 lines: the first paragraph takes 6 and the read-more line 1; the second, five sentences
  // of 4 lines each, does not fit whole, and its first three sentences fill 12 of the 13 left.
  std::string second;
  for (const char* s : {"A", "B", "C", "D", "E"})
    second += (second.empty() ? "" : " ") + words(20, s) + ".";
  const std::string statement =
      "---\nheadline: h\ncta: {url: example.org}\n---\n" + words(30) + ".\n\n" + second + "\n";
  auto c = compose_text(flow_design(", read-more: \"More at example.org\""), statement);
  REQUIRE_MESSAGE(!c.diags.has_errors(), c.errors());
  REQUIRE(c.lines.size() >= 2);
  CHECK(c.lines.back().text == "More at example.org");
  // The paragraph is cut at a sentence's end, never inside one.
  const std::string& last = c.lines[c.lines.size() - 2].text;
  CHECK(last.substr(last.size() - 4) == "C20.");
  CHECK(starting(c, "D") == 0);
  CHECK(c.errors().find("1 of its 2 paragraphs and the first 3 sentences of the next are set "
                        "and the read-more line stands for the rest") != std::string::npos);
  // A paragraph with no sentence end inside is left out whole, as before.
  auto whole = compose_text(flow_design(", read-more: \"More at example.org\""),
                            statement_with("h", {words(30), words(100, "v")}));
  CHECK(starting(whole, "v") == 0);
}

TEST_CASE("flow: the excerpt a design asks for ends with its read-more line right under it") {
  const std::string design = flow_design(", paragraphs: 1, read-more: \"More at example.org\"");
  auto c = compose_text(design, statement_with("h", {words(10), words(10, "v")}));
  REQUIRE_MESSAGE(c.diags.empty(), c.errors());
  // 10 words: 2 lines, then the line, at the top of the column and not at its foot.
  REQUIRE(c.lines.size() == 3);
  CHECK(c.lines[2].text == "More at example.org");
  CHECK(c.lines[2].y < c.lines[1].y + 15);
  CHECK(starting(c, "v") == 0);
  // A body no longer than the excerpt is set whole, without the line.
  auto whole = compose_text(design, statement_with("h", {words(10)}));
  REQUIRE_MESSAGE(whole.diags.empty(), whole.errors());
  CHECK(whole.lines.size() == 2);
  CHECK_FALSE(whole.find("More at example.org"));
}

TEST_CASE("flow: an excerpt too loose to justify is set ragged, a paragraph shorter if it must") {
  // Justified, three paragraphs of 30 words fit (5 words a line at 10pt, 18 of 20 lines) with
  // wide gaps all through; ragged (4 words a line) they need 24 lines at 10pt and at 9pt (22
  // lines), so the excerpt ends a paragraph sooner rather than keep its rivers (#14).
  const std::string design = justified_design("paragraphs: 3");
  // Capitalised words stand for wide gaps (fake_typesetter.hpp).
  auto c =
      compose_text(design, statement_with("h", {words(30, "L"), words(30, "M"), words(30, "N")}));
  REQUIRE_FALSE(c.diags.has_errors());
  CHECK(c.errors().find("3 paragraphs asked for do not fit, so 2 are set, ragged") !=
        std::string::npos);
  CHECK(starting(c, "L") == 8);  // ragged: 4 words a line
  CHECK(starting(c, "M") == 8);
  CHECK(starting(c, "N") == 0);
  // Even gaps stay justified, all three paragraphs of them.
  auto even =
      compose_text(design, statement_with("h", {words(30), words(30, "v"), words(30, "u")}));
  REQUIRE_MESSAGE(even.diags.empty(), even.errors());
  CHECK(starting(even, "u") == 6);
}

TEST_CASE("flow: a read-more excerpt too loose to justify ends sooner, ragged") {
  // At 9pt, 3 of the 4 paragraphs (6 lines each justified) and the read-more line fit 22 lines;
  // ragged (8 lines each) only 2 do, and those fit at 10pt again.
  const std::string design = justified_design("read-more: \"more at example.org\"");
  auto c = compose_text(design, statement_with("h", {words(30, "K"), words(30, "L"), words(30, "M"),
                                                     words(30, "N")}));
  REQUIRE_FALSE(c.diags.has_errors());
  CHECK(c.errors().find("2 of its 4 paragraphs are set") != std::string::npos);
  CHECK(starting(c, "K") == 8);
  CHECK(starting(c, "L") == 8);
  CHECK(starting(c, "M") == 0);
  CHECK(c.lines.back().text.find("example.org") != std::string::npos);
  CHECK(c.lines.front().size == 10);
}

TEST_CASE(
    "flow: with a read-more line, a first paragraph too long for the frame is the same error") {
  // The leftover is counted only when not even an excerpt fits: the count is the one a flow
  // without a read-more line gives.
  const auto long_statement = statement_with("h", {words(120), words(10, "v")});
  auto plain = compose_text(flow_design(), long_statement);
  auto with_more =
      compose_text(flow_design(", read-more: \"More at example.org\""), long_statement);
  REQUIRE(plain.diags.has_errors());
  CHECK(plain.errors().find("30 words") != std::string::npos);
  CHECK(with_more.errors() == plain.errors());
}
