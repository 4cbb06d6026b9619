// marks_test.cpp — addresses stay whole where a reader sees one word, and a long one breaks
// only where it still reads as one address.
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
        std::string("freetransit.") + kWj + "example." + kWj + "org/" + kZwsp + "petition" +
            kZwsp + "?" + kWj + "ref=" + kWj + "leaflet" + kZwsp + "&" + kWj + "x=" + kWj + "1");
  // Never after the scheme's "//", never inside the host name.
  CHECK(joined("https://freetransit.example.org/join") ==
        std::string("https:/") + kWj + "/" + kWj + "freetransit." + kWj + "example." + kWj +
            "org/" + kZwsp + "join");
  // Inside the path, a name wider than a column breaks before its marks too.
  CHECK(joined("example.org/reports/fares-and-cuts.pdf") ==
        std::string("example.") + kWj + "org/" + kZwsp + "reports/" + kZwsp + "fares" + kZwsp +
            "-" + kWj + "and" + kZwsp + "-" + kWj + "cuts" + kZwsp + "." + kWj + "pdf");
  CHECK(joined("organising.committee@freetransit.example.org") ==
        std::string("organising.") + kWj + "committee" + kZwsp + "@freetransit." + kWj +
            "example." + kWj + "org");
}
