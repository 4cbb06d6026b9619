// template_test.cpp — "{variable}" templates: pieces, literal braces, errors with offsets.
#include <doctest/doctest.h>

#include "design/template.hpp"

using namespace broadside::design;

namespace {

Template parse_ok(std::string_view text) {
  std::vector<TemplateError> errors;
  Template t = parse_template(text, errors);
  CHECK(errors.empty());
  return t;
}

}  // namespace

TEST_CASE("template: literals and variables alternate in order") {
  Template t = parse_ok("{author} — {role}, {date}");
  REQUIRE(t.pieces.size() == 5);
  CHECK(t.pieces[0].is_variable);
  CHECK(t.pieces[0].text == "author");
  CHECK_FALSE(t.pieces[1].is_variable);
  CHECK(t.pieces[1].text == " — ");
  CHECK(t.pieces[2].text == "role");
  CHECK(t.pieces[3].text == ", ");
  CHECK(t.pieces[4].text == "date");
  CHECK(t.source == "{author} — {role}, {date}");
  CHECK(t.sole_variable().empty());
}

TEST_CASE("template: dotted, dashed and underscored names; a newline stays literal") {
  Template t = parse_ok("{cta.text}\n{cta.url}-{event_date}{x-1}");
  REQUIRE(t.pieces.size() == 6);
  CHECK(t.pieces[0].text == "cta.text");
  CHECK(t.pieces[1].text == "\n");
  CHECK(t.pieces[2].text == "cta.url");
  CHECK(t.pieces[3].text == "-");
  CHECK(t.pieces[4].text == "event_date");
  CHECK(t.pieces[5].text == "x-1");
}

TEST_CASE("template: adjacent variables are separate pieces") {
  Template t = parse_ok("{a}{b}");
  REQUIRE(t.pieces.size() == 2);
  CHECK(t.pieces[0].text == "a");
  CHECK(t.pieces[1].text == "b");
}

TEST_CASE("template: doubled braces are literal and merge with surrounding text") {
  Template t = parse_ok("a {{literal}} b {name}");
  REQUIRE(t.pieces.size() == 2);
  CHECK_FALSE(t.pieces[0].is_variable);
  CHECK(t.pieces[0].text == "a {literal} b ");
  CHECK(t.pieces[1].text == "name");
}

TEST_CASE("template: sole variable") {
  CHECK(parse_ok("{demands}").sole_variable() == "demands");
  CHECK(parse_ok("{cta.url}").sole_variable() == "cta.url");
  CHECK(parse_ok(" {demands}").sole_variable().empty());
  CHECK(parse_ok("plain").sole_variable().empty());
  CHECK(parse_ok("").sole_variable().empty());
  CHECK(parse_ok("").pieces.empty());
}

TEST_CASE("template: errors carry the byte offset of the problem") {
  std::vector<TemplateError> errors;
  parse_template("Join {cta.text", errors);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].offset == 5);
  CHECK(errors[0].message == "unclosed '{'");

  errors.clear();
  parse_template("{bad name} and {ok} and {}", errors);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].offset == 1);
  CHECK(errors[0].message == "bad variable name 'bad name'");
  CHECK(errors[1].offset == 24);
  CHECK(errors[1].message == "empty variable '{}'");

  errors.clear();
  parse_template("a } b", errors);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].offset == 2);
  CHECK(errors[0].message == "unmatched '}'");

  errors.clear();
  parse_template("{a\n}", errors);  // a variable never spans lines
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].message == "unclosed '{'");
}

TEST_CASE("template: variable name rules") {
  CHECK(is_variable_name("cta.url"));
  CHECK(is_variable_name("event_date-2"));
  CHECK(is_variable_name("überschrift"));
  CHECK_FALSE(is_variable_name(""));
  CHECK_FALSE(is_variable_name(".a"));
  CHECK_FALSE(is_variable_name("a."));
  CHECK_FALSE(is_variable_name("a..b"));
  CHECK_FALSE(is_variable_name("a b"));
  CHECK_FALSE(is_variable_name("a/b"));
}
