// quotes_test.cpp — quotation marks and French spacing per language.
#include <doctest/doctest.h>

#include "content/document.hpp"
#include "content/quotes.hpp"

using namespace broadside;

TEST_CASE("English curly quotes become each language's own") {
  const std::string s = "they call it \u201Csanctuary cities\u201D and \u2018others\u2019";
  CHECK(content::localise_quotes(s, "en") == s);
  CHECK(content::localise_quotes("the enemy \u2014 capitalism", "ru") ==
        "the enemy\u00A0\u2014 capitalism");
  CHECK(content::localise_quotes(s, "de") ==
        "they call it \u201Esanctuary cities\u201C and \u201Aothers\u2018");
  CHECK(content::localise_quotes(s, "es") ==
        "they call it \u00ABsanctuary cities\u00BB and \u201Cothers\u201D");
  CHECK(content::localise_quotes(s, "ja") ==
        "they call it \u300Csanctuary cities\u300D and \u300Eothers\u300F");
}

TEST_CASE("French: guillemets with narrow no-break spaces, and spacing before ; ! ?") {
  CHECK(content::localise_quotes("un \u201Cmod\u00E8le\u201D ! Vraiment?", "fr") ==
        "un \u00AB\u202Fmod\u00E8le\u202F\u00BB\u202F! Vraiment\u202F?");
}

TEST_CASE("French: a space alone before ! is dropped, with nothing before it to space from") {
  // A style run can start with the space: the segment then has no word to keep the mark with.
  CHECK(content::localise_quotes(" !", "fr") == "!");
  CHECK(content::localise_quotes("?", "fr") == "?");
}

TEST_CASE("an apostrophe inside a word is not a closing quote") {
  CHECK(content::localise_quotes("\u2018l\u2019homme\u2019 aujourd\u2019hui", "de") ==
        "\u201Al\u2019homme\u2018 aujourd\u2019hui");
}

TEST_CASE("a statement's straight quotes come out in its language's marks, runs intact") {
  core::Diagnostics diags;
  auto doc = content::parse_statement(
      "---\nlang: de\nheadline: Ein \"Modell\"\n---\nSie nennen es \"**Zufluchtsstädte**\".\n",
      "s.md", core::Options{}, diags);
  REQUIRE_MESSAGE(doc, diags.to_string());
  CHECK(doc->variables.at("headline").text() == "Ein \u201EModell\u201C");
  const auto& body = doc->body.at(0).text;
  CHECK(body.text == "Sie nennen es \u201EZufluchtsst\u00E4dte\u201C.");
  REQUIRE(body.runs.size() == 1);
  CHECK(body.text.substr(body.runs[0].start, body.runs[0].end - body.runs[0].start) ==
        "Zufluchtsst\u00E4dte");
}
