// font_library_test.cpp — our own font set: what it holds, and requests it cannot honour.
#include <doctest/doctest.h>

#include "text_fixture.hpp"

using namespace broadside;
using text::testing::library;

TEST_CASE("the font set holds the bundled families and nothing from the machine's own config") {
  CHECK(library().has_family("League Spartan"));
  CHECK(library().has_family("Inter"));
  CHECK(library().has_family("Noto Serif"));
  CHECK(library().has_family("noto sans"));  // family names compare case-insensitively
  CHECK_FALSE(library().has_family("DejaVu Sans"));
  CHECK_FALSE(library().has_family("Comic Sans MS"));
}

TEST_CASE("a missing family or weight is an error naming it, never a silent substitute") {
  core::Diagnostics diags;
  core::Typeface face{{"Comic Sans MS", "Noto Sans"}, 400};
  library().verify(face, "headline", {"d.yaml", 3, 5}, diags);
  REQUIRE(diags.size() == 1);
  CHECK(diags.all()[0].to_string() ==
        "d.yaml:3:5: error: style 'headline': font family 'Comic Sans MS' is not installed "
        "(`broadside fonts` lists the families broadside can use)");

  core::Diagnostics weights;
  library().verify({{"Noto Serif"}, 300}, "body", {}, weights);
  REQUIRE(weights.size() == 1);
  CHECK(weights.all()[0].message == "style 'body': 'Noto Serif' has no face of weight 300");
  CHECK(weights.all()[0].hint == "available weights: 400, 700");

  core::Diagnostics fine;
  library().verify({{"League Spartan", "Noto Sans"}, 800}, "headline", {}, fine);
  CHECK(fine.empty());
}
