// variable_names_test.cpp — a variable name the design writes that is a slip of one something
// gives is an error at the name; names of the design's own and broadside's built-ins are not.
#include <doctest/doctest.h>

#include "design/design.hpp"
#include "design/variable_names.hpp"
#include "spec_test_support.hpp"

using namespace broadside;
using namespace broadside::design;
using design::testing::expect_error;
using design::testing::parse;

TEST_CASE("variable names: a when-set slip of a declared variable is an error at the name") {
  auto p = parse(R"(styles: {s: {size: 9pt}}
variables:
  event.date: {format: weekday-date}
pages:
  - frames:
      - text: "{event.date}"
        style: s
        when-set: [event.dat]
      - {text: "None", style: s, when-unset: evnt.date}
)");
  const auto& d = expect_error(p, "called 'event.dat', so it is never set", 8, 20);
  CHECK(d.hint.find("did you mean 'event.date'?") == 0);
  expect_error(p, "called 'evnt.date'", 9, 46);
  CHECK(p.diags.size() == 2);
}

TEST_CASE("variable names: a template's slip of a statement field, at the name's column") {
  auto p = parse(R"(styles: {s: {size: 9pt}}
pages:
  - frames:
      - {text: "By {autor} on {dat}", link: "https://{cta.ur}", style: s}
)");
  CHECK(expect_error(p, "called 'autor'", 4, 21).hint.find("'author'") != std::string::npos);
  CHECK(expect_error(p, "called 'dat'", 4, 32).hint.find("'date'") != std::string::npos);
  CHECK(expect_error(p, "called 'cta.ur'", 4, 55).hint.find("'cta.url'") != std::string::npos);
  CHECK(p.diags.size() == 3);
}

TEST_CASE("variable names: built-ins, labels, declared names and names of the design's own") {
  auto p = parse(R"(styles: {s: {size: 9pt}}
defaults:
  labels: {demands: We demand}
  branch: {contact: wsws.org}
variables:
  event.place: {max-length: 40}
pages:
  - frames:
      - {text: "{page}/{pages} {labels.scan} {labels.demands} {event.title}", style: s, when-set: excerpt}
      - {text: "{signature} {byline} {date} {lang} {role} {cta.text}", style: s, when-unset: [contact]}
      - {list: "{demands}", style: s}
      - {qr: "https://{branch.contact}", when-set: event.place}
      - {text: "{branch.name} {place} {title} {name}", style: s, when-set: [branch.id]}
)");
  CHECK(p.design.has_value());
  CHECK_MESSAGE(p.diags.size() == 0, p.diags.to_string());
}

TEST_CASE("variable names: the built-in list holds the statement's fields and compose's labels") {
  const auto& names = builtin_variable_names();
  for (const char* name : {"headline", "demands", "cta.url", "contact", "excerpt", "page",
                           "labels.read-more", "event.title", "signature"})
    CHECK(std::find(names.begin(), names.end(), name) != names.end());
}

TEST_CASE("page-multiple: needs a repeated page to pad the count, unless it is one already") {
  auto single = parse(
      "styles: {s: {size: 9pt}}\npage-multiple: 4\npages:\n  - frames: [{flow: body, style: s}]\n");
  const auto& d = expect_error(single, "'page-multiple: 4' pads the page count", 2, 16);
  CHECK(d.message.find("no page has 'repeat: true'") != std::string::npos);
  CHECK(d.message.find("always has 1 page") != std::string::npos);

  auto repeated = parse(
      "styles: {s: {size: 9pt}}\npage-multiple: 4\npages:\n  - {repeat: true, frames: [{flow: "
      "body, style: s}]}\n");
  CHECK(repeated.design.has_value());
  auto four = parse("page-multiple: 2\npages: [{}, {}, {}, {}]\n");
  CHECK(four.design.has_value());
  auto three = parse("page-multiple: 2\npages: [{}, {}, {}]\n");
  expect_error(three, "always has 3 pages", 1, 16);
}
