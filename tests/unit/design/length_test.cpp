// length_test.cpp — units, bare numbers, percentages and the "did you mean" search.
#include <doctest/doctest.h>

#include "design/length.hpp"
#include "design/suggest.hpp"
#include "spec_test_support.hpp"

using namespace broadside;
using namespace broadside::design;
using design::testing::near;

TEST_CASE("length: every unit converts to points") {
  CHECK(near(*parse_length("12pt").length, core::Pt{12}));
  CHECK(near(*parse_length("25.4mm").length, core::Pt{72}));
  CHECK(near(*parse_length("2.54cm").length, core::Pt{72}));
  CHECK(near(*parse_length("0.125in").length, core::Pt{9}));
  CHECK(near(*parse_length("96px").length, core::Pt{72}));  // CSS px: 1/96 in
  CHECK(near(*parse_length(" 3 mm ").length, core::from_mm(3)));
  CHECK(near(*parse_length("-3mm").length, core::from_mm(-3)));
  CHECK(near(*parse_length("3MM").length, core::from_mm(3)));
}

TEST_CASE("length: a bare 0 is fine, any other bare number needs a unit") {
  CHECK(near(*parse_length("0").length, core::Pt{0}));
  ParsedLength bare = parse_length("12");
  CHECK_FALSE(bare.length);
  CHECK(bare.error == "length '12' needs a unit (pt, mm, cm, in, px)");
}

TEST_CASE("length: unknown unit gets a hint, a word is not a length") {
  ParsedLength p = parse_length("3pts");
  CHECK(p.error == "unknown unit 'pts' in length '3pts': use pt, mm, cm, in or px");
  CHECK(p.hint == "did you mean 'pt'?");
  CHECK(parse_length("big").error == "expected a length like '3mm' or '12pt', got 'big'");
  CHECK(*parse_length("50%").percent == 50);
}

TEST_CASE("suggest: nearest name within two edits, or a name containing the word") {
  const std::vector<std::string> keys = {"name", "page", "colors", "styles", "pages"};
  CHECK(did_you_mean("colour", keys) == "did you mean 'colors'?");
  CHECK(did_you_mean("Styels", keys) == "did you mean 'styles'?");
  CHECK(did_you_mean("zzzzzz", keys).empty());
  CHECK(did_you_mean("col", {"gutter", "columns"}) == "did you mean 'columns'?");
  CHECK(did_you_mean("x", {"id"}).empty());  // two edits of a one-letter word is no hint
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(join_names({"a", "b", "c"}) == "a, b or c");
}
