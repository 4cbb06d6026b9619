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
  // Languages no statement is bundled in: CLDR's marks, not English ones.
  const std::string q = "\u201Cx\u201D";
  CHECK(content::localise_quotes(q, "el") == "\u00ABx\u00BB");
  CHECK(content::localise_quotes(q, "hy") == "\u00ABx\u00BB");
  CHECK(content::localise_quotes(q, "am") == "\u00ABx\u00BB");
  CHECK(content::localise_quotes(q, "ka") == "\u201Ex\u201C");
  CHECK(content::localise_quotes(q, "cs") == "\u201Ex\u201C");
  CHECK(content::localise_quotes(q, "hu") == "\u201Ex\u201D");
  CHECK(content::localise_quotes(q, "sv") == "\u201Dx\u201D");
  CHECK(content::localise_quotes(q, "nb") == "\u00ABx\u00BB");
  // Typed in the language's own style, they stay: Georgian „…“ and Hungarian „…”.
  CHECK(content::localise_quotes("\u201Ex\u201C", "ka") == "\u201Ex\u201C");
  CHECK(content::localise_quotes("\u201Ex\u201D", "hu") == "\u201Ex\u201D");
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

TEST_CASE("quotes already in the language's style stay as typed") {
  // German „…“ and ‚…‘: the closing “ is the German close, not an English open.
  const std::string de = "sogenannte \u201EZufluchtsst\u00E4dte\u201C und \u201Aeinige\u2018.";
  CHECK(content::localise_quotes(de, "de") == de);
  CHECK(content::localise_quotes("\u201EVorschlag der Koch-Br\u00FCder\u201C, \u201Eoberster\u201C",
                                 "de") ==
        "\u201EVorschlag der Koch-Br\u00FCder\u201C, \u201Eoberster\u201C");
  // German guillemets »…« and the apostrophe inside a German inner quote.
  CHECK(content::localise_quotes("\u00BBNein\u00AB, \u201Ageht\u2019s\u2018", "de") ==
        "\u00BBNein\u00AB, \u201Ageht\u2019s\u2018");
  // Russian «…» with „…“ inside; Spanish «…» with “…” inside; Polish „…”.
  const std::string ru =
      "\u00AB\u0433\u043E\u0440\u043E\u0434 \u201E\u0443\u0431\u0435\u0436\u0438"
      "\u0449\u0435\u201C\u00BB";
  CHECK(content::localise_quotes(ru, "ru") == ru);
  const std::string es = "\u00ABciudades \u201Csantuario\u201D\u00BB";
  CHECK(content::localise_quotes(es, "es") == es);
  const std::string pl = "\u201Emiasta \u00ABazylu\u00BB\u201D";
  CHECK(content::localise_quotes(pl, "pl") == pl);
  // French with the narrow no-break spaces already typed: nothing doubled.
  const std::string fr = "des \u00AB\u202Fvilles\u202F\u00BB, Non\u202F! Oui\u00A0: 10:30";
  CHECK(content::localise_quotes(fr, "fr") == fr);
}

TEST_CASE("a mismatched or plainly spaced native quote is set right") {
  // German „…” (Polish close) closes with “.
  CHECK(content::localise_quotes("\u201EWort\u201D", "de") == "\u201EWort\u201C");
  // French guillemets typed with plain spaces get narrow no-break ones; a spaced colon too.
  CHECK(content::localise_quotes("\u00AB villes \u00BB et : fin", "fr") ==
        "\u00AB\u202Fvilles\u202F\u00BB et\u00A0: fin");
  // Russian „…“ typed as the inner quote is the Russian inner quote.
  CHECK(content::localise_quotes("\u00AB\u201Ea\u201C\u00BB", "ru") == "\u00AB\u201Ea\u201C\u00BB");
  // English quotes in a German text after a German quote closed.
  CHECK(content::localise_quotes("\u201Ea\u201C und \u201Cb\u201D", "de") ==
        "\u201Ea\u201C und \u201Eb\u201C");
}

TEST_CASE("a German statement's typed quotes survive parsing, headline and body") {
  core::Diagnostics diags;
  auto doc = content::parse_statement(
      "---\nlang: de\nheadline: Ein \u201EModell\u201C und \"mehr\"\n---\n"
      "Sie nennen es \u201E**Zufluchtsst\u00E4dte**\u201C und \u201EKoch\u201C.\n",
      "s.md", core::Options{}, diags);
  REQUIRE_MESSAGE(doc, diags.to_string());
  CHECK(doc->variables.at("headline").text() == "Ein \u201EModell\u201C und \u201Emehr\u201C");
  CHECK(doc->body.at(0).text.text ==
        "Sie nennen es \u201EZufluchtsst\u00E4dte\u201C und \u201EKoch\u201C.");
}
