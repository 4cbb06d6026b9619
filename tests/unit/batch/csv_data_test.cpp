// csv_data_test.cpp — data files: header, quoted fields, BOM, CRLF, ragged rows, TSV, errors.
#include <doctest/doctest.h>
#include <malloc.h>

#include <string>

#include "batch/csv_data.hpp"

using namespace broadside;
using namespace broadside::batch;

namespace {

std::optional<DataTable> parse(std::string_view text, core::Diagnostics& diags,
                               char delimiter = ',') {
  return parse_data(text, "branches.csv", delimiter, diags);
}

std::string value(const DataRow& row, const std::string& name) {
  auto it = row.values.find(name);
  return it == row.values.end() ? "<unset>" : it->second.text();
}

}  // namespace

TEST_CASE("csv: the header names the variables, each row gives one job's values") {
  core::Diagnostics diags;
  auto t = parse("branch.name,event.place\nDetroit,Union Hall\nOakland,Library\n", diags);
  REQUIRE(t);
  CHECK(diags.empty());
  CHECK(t->columns == std::vector<std::string>{"branch.name", "event.place"});
  REQUIRE(t->rows.size() == 2);
  CHECK(t->rows[0].number == 1);
  CHECK(t->rows[0].line == 2);
  CHECK(value(t->rows[0], "branch.name") == "Detroit");
  CHECK(value(t->rows[1], "event.place") == "Library");
  CHECK(t->rows[1].values.at("event.place").where.to_string() == "branches.csv:3");
}

TEST_CASE("csv: quoted fields keep commas, doubled quotes and line breaks") {
  core::Diagnostics diags;
  auto t = parse(
      "name,place\n"
      "\"Smith, Jones & Co\",\"The \"\"Red\"\" Hall\"\n"
      "\"Two\nlines\",x\n"
      "after,y\n",
      diags);
  REQUIRE(t);
  REQUIRE(t->rows.size() == 3);
  CHECK(value(t->rows[0], "name") == "Smith, Jones & Co");
  CHECK(value(t->rows[0], "place") == "The \"Red\" Hall");
  CHECK(value(t->rows[1], "name") == "Two\nlines");
  CHECK(t->rows[1].line == 3);
  CHECK(t->rows[2].line == 5);  // the quoted line break moved it down a line
}

TEST_CASE("csv: a UTF-8 byte order mark, CRLF line ends and blank lines are understood") {
  core::Diagnostics diags;
  auto t = parse("\xEF\xBB\xBFname,city\r\nA,Zürich\r\n\r\nB,São Paulo\r\n", diags);
  REQUIRE(t);
  CHECK(t->columns[0] == "name");  // not "\xEF\xBB\xBFname"
  REQUIRE(t->rows.size() == 2);
  CHECK(value(t->rows[0], "city") == "Zürich");
  CHECK(value(t->rows[1], "city") == "São Paulo");
  CHECK(t->rows[1].line == 4);
  // A quoted cell of two lines, as a Windows spreadsheet writes it: its line break is a line
  // break, not a carriage return the layout refuses as a control character.
  auto two = parse("name,place\r\nA,\"Union Hall\r\n10550 Dix Ave\"\r\nB,x\r\n", diags);
  REQUIRE(two);
  REQUIRE(two->rows.size() == 2);
  CHECK(value(two->rows[0], "place") == "Union Hall\n10550 Dix Ave");
  CHECK(two->rows[1].line == 4);
}

TEST_CASE("csv: empty cells are left unset so a design's default applies; no final newline") {
  core::Diagnostics diags;
  auto t = parse("a,b,c\n1,,3", diags);
  REQUIRE(t);
  REQUIRE(t->rows.size() == 1);
  CHECK(value(t->rows[0], "a") == "1");
  CHECK(value(t->rows[0], "b") == "<unset>");
  CHECK(value(t->rows[0], "c") == "3");
}

TEST_CASE("csv: a ragged row is reported on its own row; the other rows stay usable") {
  core::Diagnostics diags;
  auto t = parse("a,b\n1,2\n1,2,3\n4\n5,6\n", diags);
  REQUIRE(t);
  CHECK(diags.empty());
  REQUIRE(t->rows.size() == 4);
  CHECK_FALSE(t->rows[0].problem);
  REQUIRE(t->rows[1].problem);
  CHECK(t->rows[1].problem->message == "row 2 has 3 fields, the header has 2");
  CHECK(t->rows[1].problem->where.to_string() == "branches.csv:3");
  REQUIRE(t->rows[2].problem);
  CHECK(t->rows[2].problem->message == "row 3 has 1 fields, the header has 2");
  CHECK_FALSE(t->rows[3].problem);
  CHECK(value(t->rows[3], "b") == "6");
}

TEST_CASE("csv: TSV separates by tabs, keeps commas and trims no tabs away") {
  CHECK(delimiter_for("x/branches.tsv") == '\t');
  CHECK(delimiter_for("x/branches.TAB") == '\t');
  CHECK(delimiter_for("x/branches.csv") == ',');
  core::Diagnostics diags;
  auto t = parse("name\tplace\tnote\nA, B\tHall\t\nC\t\tx\n", diags, '\t');
  REQUIRE(t);
  REQUIRE(t->rows.size() == 2);
  CHECK(value(t->rows[0], "name") == "A, B");
  CHECK(value(t->rows[0], "note") == "<unset>");
  CHECK_FALSE(t->rows[1].problem);
  CHECK(value(t->rows[1], "place") == "<unset>");
  CHECK(value(t->rows[1], "note") == "x");
}

TEST_CASE("csv: values are kept byte for byte: markup and braces are not special") {
  core::Diagnostics diags;
  auto t = parse("v\n<b>&amp; {x}</b>\n", diags);
  REQUIRE(t);
  CHECK(value(t->rows[0], "v") == "<b>&amp; {x}</b>");
}

TEST_CASE("csv: invalid UTF-8 and NUL bytes make their row fail, naming the column") {
  core::Diagnostics diags;
  const std::string text = std::string("a,b\nok,\xC3\x28\nfine,fine\nx,") + '\0' + "y\n";
  auto t = parse(text, diags);
  REQUIRE(t);
  REQUIRE(t->rows.size() == 3);
  REQUIRE(t->rows[0].problem);
  CHECK(t->rows[0].problem->message == "row 1, column 'b' is not valid UTF-8 text");
  CHECK_FALSE(t->rows[1].problem);
  REQUIRE(t->rows[2].problem);
  CHECK(t->rows[2].problem->message == "row 3, column 'b' holds a NUL byte");
}

TEST_CASE("csv: problems with the file as a whole") {
  core::Diagnostics diags;
  SUBCASE("empty") {
    CHECK_FALSE(parse("", diags));
    CHECK(diags.all().at(0).message == "the data file is empty");
  }
  SUBCASE("header only") {
    CHECK_FALSE(parse("a,b\n", diags));
    CHECK(diags.all().at(0).message == "the data file has a header but no rows");
  }
  SUBCASE("a column that is not a variable name") {
    CHECK_FALSE(parse("branch name,ok\n1,2\n", diags));
    CHECK(diags.all().at(0).message == "column 1 'branch name' is not a variable name");
    CHECK(diags.all().at(0).where.to_string() == "branches.csv:1");
  }
  SUBCASE("a column twice") {
    CHECK_FALSE(parse("a,b,a\n1,2,3\n", diags));
    CHECK(diags.all().at(0).message == "column 3 'a' appears twice in the header");
  }
  SUBCASE("a quote inside an unquoted field") {
    CHECK_FALSE(parse("a,b\n1,2\nx\"y,3\n", diags));
    CHECK(diags.all().at(0).message == "malformed quotes in this row");
    CHECK(diags.all().at(0).where.line == 3);
  }
  SUBCASE("a quote never closed") {
    CHECK_FALSE(parse("a,b\n1,2\n\"open,3\nmore\n", diags));
    CHECK(diags.all().at(0).message == "a quoted field opened in this row is never closed");
    CHECK(diags.all().at(0).where.line == 3);
  }
  SUBCASE("missing file") {
    CHECK_FALSE(read_data("/nonexistent/branches.csv", broadside::core::Limits{}, diags));
    CHECK(diags.all().at(0).message == "file not found");
  }
}

TEST_CASE("csv: a long data file costs a few bytes a row besides its text") {
  // A 10,000-row merge must not hold a map of Values (each naming the file) per row.
  constexpr size_t kRows = 20000;
  std::string text = "branch.name,event.place\n";
  for (size_t i = 0; i < kRows; ++i)
    text += "Branch " + std::to_string(i) + ",Hall " + std::to_string(i) + "\n";
  core::Diagnostics diags;
  const size_t before = mallinfo2().uordblks;
  const auto t = parse_data(text, "/a/folder/with/a/longer/name/branches.csv", ',', diags);
  const size_t after = mallinfo2().uordblks;
  REQUIRE(t);
  REQUIRE(t->rows.size() == kRows);
  CHECK(value(t->rows[kRows - 1], "event.place") == "Hall 19999");
  CHECK(t->rows[kRows - 1].values.at("event.place").where.to_string() ==
        "/a/folder/with/a/longer/name/branches.csv:20001");
  // Cells (about 20 bytes), where they end and the row's line, with room for vector growth;
  // kept as DataRows it was over 600 bytes a row.
  CHECK((after > before ? after - before : 0) / kRows < 100);
}

TEST_CASE("csv: rows are made the same each time they are asked for") {
  core::Diagnostics diags;
  auto t = parse("a,b\n1,\n,x,y\n3,4\n", diags);
  REQUIRE(t);
  REQUIRE(t->rows.size() == 3);
  size_t n = 0;
  for (const auto& row : t->rows) {
    CHECK(row.number == static_cast<int>(++n));
    CHECK(row.line == static_cast<int>(n + 1));
  }
  CHECK(n == 3);
  CHECK(value(t->rows[0], "a") == "1");
  CHECK(value(t->rows[0], "b") == "<unset>");
  CHECK(t->rows[1].problem);
  CHECK(t->rows[1].values.empty());
  CHECK(value(t->rows[2], "a") == "3");
  CHECK(value(t->rows[2], "b") == "4");
  CHECK(t->rows[2].values.at("b").where.to_string() == "branches.csv:4");
}
