// markdown_blocks_test.cpp — nested lists, pipe tables and thematic breaks as a reader of the
// PDF sees them, with the warning a table gets.
#include "cli_support.hpp"
#include "pdf_lines.hpp"

using namespace broadside::testing;
namespace fs = std::filesystem;

TEST_CASE("markdown: nested items stand deeper, a table is rows of text, a rule a dinkus") {
  const fs::path dir = scratch_dir("markdown-blocks");
  const fs::path md = dir / "blocks.md";
  write_file(md,
             "---\nlang: en\nheadline: Free transit now\nauthor: Jane Doe\n---\n"
             "Fares rose by a quarter since 2019 while service was cut, and the council now "
             "plans to close two more lines, so that those who need the bus most lose it.\n\n"
             "- Join a local group\n"
             "  - Talk to your neighbours about the fares, the cuts and what a free service "
             "would mean for everyone in the city\n"
             "    1. Knock on doors\n"
             "- Come to the meeting\n\n"
             "| Line | Fare |\n"
             "|------|-----:|\n"
             "| bus | 2.90 |\n\n"
             "---\n\n"
             "Run for need, transit can carry everyone.\n");
  const fs::path pdf = dir / "blocks.pdf";
  // flyer-letter: the body in one column.
  const auto r = run_broadside({"render", "flyer-letter", md.string(), "-o", pdf.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("blocks.md:13:1: warning: tables are not supported") != std::string::npos);

  const auto lines = pdf_lines(pdf, 1);
  auto line_with = [&](const std::string& text) -> const PdfLine* {
    for (const auto& l : lines)
      if (l.text().find(text) != std::string::npos) return &l;
    return nullptr;
  };
  const PdfLine* top = line_with("Join a local group");
  const PdfLine* nested = line_with("Talk to your");
  const PdfLine* deepest = line_with("Knock on doors");
  const PdfLine* again = line_with("Come to the meeting");
  REQUIRE(top);
  REQUIRE(nested);
  REQUIRE(deepest);
  REQUIRE(again);
  CHECK(top->words.front().text == "•");
  CHECK(again->words.front().text == "•");
  CHECK(nested->words.front().text == "\u2013");
  CHECK(deepest->words.front().text == "1.");
  // Each level's marker stands about under the text of the item it belongs to.
  const double em = top->height();
  CHECK(std::abs(nested->x0 - top->words[1].x0) < 0.4 * em);
  CHECK(std::abs(deepest->x0 - nested->words[1].x0) < 0.4 * em);
  CHECK(again->x0 == doctest::Approx(top->x0).epsilon(0.01));
  // A nested item's next line hangs under its text, not under its marker or the margin.
  const PdfLine* wrapped = nullptr;
  for (size_t i = 0; i + 1 < lines.size(); ++i)
    if (&lines[i] == nested) wrapped = &lines[i + 1];
  REQUIRE(wrapped);
  CHECK(wrapped->text().find("Knock") == std::string::npos);
  CHECK(std::abs(wrapped->x0 - nested->words[1].x0) < 0.4 * em);

  // The table: its header and row as lines of text, no delimiter turned into dashes.
  CHECK(line_with("Line | Fare"));
  CHECK(line_with("bus | 2.90"));
  CHECK_FALSE(line_with("\u2014"));
  // The rule: a dinkus in the middle of the column, between the table and the last paragraph
  // (poppler reads its widely spaced stars as three lines).
  std::vector<const PdfLine*> stars;
  for (const auto& l : lines)
    if (l.text() == "*") stars.push_back(&l);
  REQUIRE(stars.size() == 3);
  CHECK(stars[2]->y0 == doctest::Approx(stars[0]->y0));
  const PdfLine* last = line_with("Run for need");
  REQUIRE(last);
  CHECK(stars[0]->y0 > line_with("bus | 2.90")->y1);
  CHECK(last->y0 > stars[0]->y1);
  // The paragraph's first line is justified: it spans the column.
  const double column_middle = (top->x0 + line_with("Fares rose")->x1) / 2;
  CHECK((stars[0]->x0 + stars[2]->x1) / 2 == doctest::Approx(column_middle).epsilon(0.005));
}
