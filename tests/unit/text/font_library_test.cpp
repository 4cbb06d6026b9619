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
  CHECK(weights.all()[0].hint == "available weights: 400 Regular, 700 Bold");

  core::Diagnostics fine;
  library().verify({{"League Spartan", "Noto Sans"}, 800}, "headline", {}, fine);
  CHECK(fine.empty());
}

TEST_CASE("a width the family has no face of is an error, as an italic it lacks is") {
  // `width: condensed` on Inter once rendered Inter at its normal width without a word.
  core::Typeface condensed{{"Inter"}, 400};
  condensed.width = core::FontWidth::condensed;
  core::Diagnostics diags;
  library().verify(condensed, "w", {"d.yaml", 4, 13}, diags);
  REQUIRE(diags.size() == 1);
  CHECK(diags.all()[0].to_string() ==
        "d.yaml:4:13: error: style 'w': 'Inter' has no condensed face of weight 400 (it has no "
        "condensed faces at all)");

  condensed.slant = core::FontSlant::italic;
  core::Diagnostics italic;
  library().verify(condensed, "w", {}, italic);
  REQUIRE(italic.size() == 1);
  CHECK(italic.all()[0].message == "style 'w': 'Inter' has no condensed italic face of weight 400");

  core::Diagnostics normal;
  library().verify({{"Inter"}, 400, core::FontSlant::normal, core::FontWidth::normal}, "w", {},
                   normal);
  CHECK(normal.empty());
}

TEST_CASE("a weight whose named face has another number says which number to write") {
  // League Spartan's Regular is 350 and its Light 277: `weight: regular` asks for 400.
  core::Diagnostics regular;
  library().verify({{"League Spartan"}, 400}, "h", {}, regular);
  REQUIRE(regular.size() == 1);
  CHECK(regular.all()[0].message == "style 'h': 'League Spartan' has no face of weight 400");
  CHECK(
      regular.all()[0].hint.starts_with("its Regular face is weight 350: write `weight: 350`; "
                                        "available weights: 200 ExtraLight, 277 Light, 350 "
                                        "Regular, 500 Medium"));
  core::Diagnostics light;
  library().verify({{"League Spartan"}, 300}, "h", {}, light);
  REQUIRE(light.size() == 1);
  CHECK(light.all()[0].hint.starts_with("its Light face is weight 277: write `weight: 277`"));
  core::Diagnostics fine;
  library().verify({{"League Spartan"}, 350}, "h", {}, fine);
  CHECK(fine.empty());
}
