// variables_section_test.cpp — `variables:`: defaults, max-length, format, and their mistakes.
#include "spec_test_support.hpp"

using namespace broadside;
using namespace broadside::design;
using namespace broadside::design::testing;

TEST_CASE("variables: default, max-length and format per variable") {
  auto p = parse(R"(name: x
variables:
  branch.name: {max-length: 40}
  event.date: {format: date}
  event.day: {format: weekday-date, default: "2026-03-14"}
  branch.contact: {default: wsws.org/contact, max-length: 80}
  event.extras: {default: [one, two]}
pages: [{}]
)");
  INFO(p.diags.to_string());
  REQUIRE(p.design);
  const auto& v = p.design->variables;
  REQUIRE(v.size() == 5);
  CHECK(v.at("branch.name").max_length == 40);
  CHECK(v.at("branch.name").format == VariableFormat::text);
  CHECK_FALSE(v.at("branch.name").default_value);
  CHECK(v.at("branch.name").where.to_string() == "designs/test.yaml:3:3");
  CHECK(v.at("event.date").format == VariableFormat::date);
  CHECK(v.at("event.day").format == VariableFormat::weekday_date);
  // Defaults land where compose looks for them.
  CHECK(p.design->defaults.at("event.day").text() == "2026-03-14");
  CHECK(p.design->defaults.at("branch.contact").text() == "wsws.org/contact");
  CHECK(p.design->defaults.at("event.extras").is_list);
  CHECK(p.design->defaults.at("event.extras").items.size() == 2);
}

TEST_CASE("variables: mistakes are reported at their place") {
  auto p = parse(R"(name: x
defaults: {contact: a}
variables:
  contact: {default: b}
  bad name: {}
  date: {format: datum, max-lenght: 3}
  short: {max-length: 0}
  plain: text
pages: [{}]
)");
  expect_error(p, "variable 'contact' has a default in 'defaults:' too", 4, 3);
  expect_error(p, "bad variable name 'bad name'", 5, 3);
  CHECK(expect_error(p, "unknown format 'datum'", 6, 18).hint.find("date") != std::string::npos);
  CHECK(expect_error(p, "unknown key 'max-lenght'", 6, 25).hint == "did you mean 'max-length'?");
  expect_error(p, "'max-length' must be at least 1, got 0", 7, 23);
  expect_error(p, "expected a map with default, max-length or format", 8, 10);
}
