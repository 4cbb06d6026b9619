// marks_test.cpp — addresses stay whole where a reader sees one word, and a long one breaks
// only where it still reads as one address; a hard line break becomes a line separator.
#include <doctest/doctest.h>

#include "text/marks.hpp"

using namespace broadside;

namespace {
std::string joined(const std::string& s) {
  return text::join_addresses(core::RichText::plain(s)).text;
}
constexpr const char* kWj = "\u2060";
constexpr const char* kZwsp = "\u200B";
}  // namespace

TEST_CASE("a short address never breaks: a word joiner after each of its marks") {
  CHECK(joined("Visit wsws.org/contact today.") ==
        std::string("Visit wsws.") + kWj + "org/" + kWj + "contact today.");
  CHECK(joined("socialism2020.org") == std::string("socialism2020.") + kWj + "org");
  CHECK(joined("no address here, 3.5 cm") == "no address here, 3.5 cm");
}

TEST_CASE("a long address may break after a path's slash and before '?', '&', '#', '@'") {
  CHECK(joined("freetransit.example.org/petition?ref=leaflet&x=1") ==
        std::string("freetransit.") + kWj + "example." + kWj + "org/" + kZwsp + "petition" + kZwsp +
            "?" + kWj + "ref=" + kWj + "leaflet" + kZwsp + "&" + kWj + "x=" + kWj + "1");
  // Never after the scheme's "//", never inside the host name.
  CHECK(joined("https://freetransit.example.org/join") == std::string("https:/") + kWj + "/" + kWj +
                                                              "freetransit." + kWj + "example." +
                                                              kWj + "org/" + kZwsp + "join");
  // Inside the path, a name wider than a column breaks before its marks too.
  CHECK(joined("example.org/reports/fares-and-cuts.pdf") ==
        std::string("example.") + kWj + "org/" + kZwsp + "reports/" + kZwsp + "fares" + kZwsp +
            "-" + kWj + "and" + kZwsp + "-" + kWj + "cuts" + kZwsp + "." + kWj + "pdf");
  CHECK(joined("organising.committee@freetransit.example.org") ==
        std::string("organising.") + kWj + "committee" + kZwsp + "@freetransit." + kWj +
            "example." + kWj + "org");
}

TEST_CASE("a hard line break becomes a line separator, and the runs after it move with it") {
  core::RichText t;
  t.text = "one\ntwo three";
  t.runs.push_back({4, 7, true});          // "two", emphasised
  t.runs.push_back({8, 13, false, true});  // "three", strong
  const core::RichText out = text::hard_breaks_as_line_separators(t);
  CHECK(out.text == "one\u2028two three");
  REQUIRE(out.runs.size() == 2);
  CHECK(out.text.substr(out.runs[0].start, out.runs[0].end - out.runs[0].start) == "two");
  CHECK(out.runs[0].emphasis);
  CHECK(out.text.substr(out.runs[1].start, out.runs[1].end - out.runs[1].start) == "three");
  CHECK(text::hard_breaks_as_line_separators(core::RichText::plain("no break")).text == "no break");
}
