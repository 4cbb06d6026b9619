// front_matter_test.cpp — YAML front matter: variables, places, flattening, byline, typography.
#include <doctest/doctest.h>

#include "content/front_matter.hpp"
#include "helpers.hpp"

using namespace broadside;
using namespace broadside::content;
using content::test::parse_error;
using content::test::parse_ok;
using content::test::var;

TEST_CASE("front matter values become variables with their file place") {
  const Document doc = parse_ok(
      "---\n"
      "lang: de\n"
      "headline: Stoppt die Razzien!\n"
      "demands:\n"
      "  - Erste\n"
      "  - Zweite\n"
      "---\n"
      "Text.\n");
  CHECK(doc.lang == "de");
  CHECK(var(doc, "lang") == "de");
  const core::Value& headline = doc.variables.at("headline");
  CHECK_FALSE(headline.is_list);
  CHECK(headline.items == std::vector<std::string>{"Stoppt die Razzien!"});
  CHECK(headline.where.to_string() == "statement.md:3:11");
  const core::Value& demands = doc.variables.at("demands");
  CHECK(demands.is_list);
  CHECK(demands.items == std::vector<std::string>{"Erste", "Zweite"});
  CHECK(demands.where.line == 5);
  REQUIRE(doc.body.size() == 1);
  CHECK(doc.body[0].where.to_string() == "statement.md:8:1");
}

TEST_CASE("lang defaults to en and is not invented as a variable") {
  const Document doc = parse_ok("---\nheadline: H\n---\n");
  CHECK(doc.lang == "en");
  CHECK(var(doc, "lang") == "<unset>");
  CHECK(doc.body.empty());
}

TEST_CASE("nested maps flatten to dotted names and lists of scalars stay lists") {
  const Document doc = parse_ok(
      "---\n"
      "headline: H\n"
      "cta:\n"
      "  text: Join us\n"
      "  url: https://socialism2020.org/join--now\n"
      "event:\n"
      "  place:\n"
      "    hall: Union Hall\n"
      "  times: [18:00, \"19:30\"]\n"
      "  empty:\n"
      "---\n");
  CHECK(var(doc, "cta.text") == "Join us");
  CHECK(var(doc, "cta.url") == "https://socialism2020.org/join--now");
  CHECK(var(doc, "event.place.hall") == "Union Hall");
  CHECK(doc.variables.at("event.place.hall").where.to_string() == "statement.md:8:11");
  CHECK(doc.variables.at("event.times").is_list);
  CHECK(doc.variables.at("event.times").items == std::vector<std::string>{"18:00", "19:30"});
  CHECK(var(doc, "event.empty") == "");
  CHECK(doc.variables.at("event.empty").where.line == 10);
  CHECK(doc.variables.count("cta") == 0);
  CHECK(doc.variables.count("event.place") == 0);
}

TEST_CASE("scalars are plain text, never parsed as numbers, dates or markup") {
  const Document doc = parse_ok(
      "---\n"
      "headline: \"<b>Not bold</b> & *not emphasis*\"\n"
      "date: 2020-02-17\n"
      "event:\n"
      "  flag: yes\n"
      "  poem: |\n"
      "    line one\n"
      "    line two\n"
      "---\n");
  CHECK(var(doc, "headline") == "<b>Not bold</b> & *not emphasis*");
  // A YAML date stays text (no timestamp), then is written out in the statement's language.
  CHECK(var(doc, "date") == "February\u00A017,\u00A02020");
  CHECK(var(doc, "event.flag") == "yes");
  CHECK(var(doc, "event.poem") == "line one\nline two");
}

TEST_CASE("a byline is derived from author, role and date") {
  SUBCASE("all three") {
    const Document doc = parse_ok(
        "---\nheadline: H\nauthor: Norissa Santa Cruz\nrole: SEP candidate\ndate: 17 February "
        "2020\n---\n");
    CHECK(var(doc, "byline") == "Norissa Santa Cruz\u00A0\u2013 SEP candidate\n17 February 2020");
    CHECK(doc.variables.at("byline").where.line == 3);
  }
  SUBCASE("author and date") {
    const Document doc = parse_ok("---\nheadline: H\nauthor: A. Writer\ndate: Today\n---\n");
    CHECK(var(doc, "byline") == "A. Writer\nToday");
  }
  SUBCASE("author alone") {
    const Document doc = parse_ok("---\nheadline: H\nauthor: A. Writer\n---\n");
    CHECK(var(doc, "byline") == "A. Writer");
  }
  SUBCASE("a given byline wins") {
    const Document doc = parse_ok("---\nheadline: H\nauthor: A\nbyline: By B\n---\n");
    CHECK(var(doc, "byline") == "By B");
  }
  SUBCASE("a date written YYYY-MM-DD is written out in the statement's language") {
    const Document en = parse_ok("---\nheadline: H\nauthor: A\ndate: 2026-03-01\n---\n");
    CHECK(var(en, "date") == "March\u00A01,\u00A02026");
    CHECK(var(en, "byline") == "A\nMarch\u00A01,\u00A02026");
    const Document es = parse_ok("---\nlang: es\nheadline: H\nauthor: A\ndate: 2026-03-01\n---\n");
    CHECK(var(es, "date").find("marzo") != std::string::npos);
    // Yoruba has no table of broadside's own: CLDR's month names.
    const Document yo = parse_ok("---\nlang: yo\nheadline: H\nauthor: A\ndate: 2026-03-01\n---\n");
    CHECK(var(yo, "date") == "1\u00A0Ẹrẹ̀n\u00A02026");
    // No month names anywhere for the language: the ISO date stays, not English.
    core::Diagnostics diags;  // the unknown language is a warning
    const Document xx =
        parse_ok("---\nlang: xx\nheadline: H\nauthor: A\ndate: 2026-03-01\n---\n", diags);
    CHECK(var(xx, "date") == "2026-03-01");
    // Not a real date: as written.
    const Document odd = parse_ok("---\nheadline: H\nauthor: A\ndate: 2026-02-30\n---\n");
    CHECK(var(odd, "date") == "2026-02-30");
  }
  SUBCASE("no author, no byline") {
    const Document doc = parse_ok("---\nheadline: H\nrole: R\n---\n");
    CHECK(var(doc, "byline") == "<unset>");
  }
}

TEST_CASE("front matter text gets English typography, addresses stay as written") {
  const Document doc = parse_ok(
      "---\n"
      "headline: 'Say \"no\" -- it''s our right --- now...'\n"
      "demands: [\"Don't wait\", \"'Quoted' words\"]\n"
      "contact: \"Mail x--y@example.org or visit wsws.org/a--b today\"\n"
      "cta:\n"
      "  url: \"socialism2020.org/'--'\"\n"
      "---\n");
  CHECK(var(doc, "headline") ==
        "Say \u201Cno\u201D\u00A0\u2013 it\u2019s our right\u00A0\u2014 now\u2026");
  CHECK(doc.variables.at("demands").items ==
        std::vector<std::string>{"Don\u2019t wait", "\u2018Quoted\u2019 words"});
  CHECK(var(doc, "contact") == "Mail x--y@example.org or visit wsws.org/a--b today");
  CHECK(var(doc, "cta.url") == "socialism2020.org/'--'");
}

TEST_CASE("a bad YAML line is reported at its file line") {
  const std::string message = parse_error(
      "---\n"
      "headline: H\n"
      "author: A\n"
      "  role: broken indentation\n"
      "---\n"
      "Body.\n");
  CHECK(message.find("statement.md:4:") != std::string::npos);
  CHECK(message.find("front matter:") != std::string::npos);
  const std::string flow = parse_error("---\nheadline: H\ndemands: [a, b\nauthor: A\n---\n");
  // An unclosed bracket is reported where it opens, in the file's lines.
  CHECK(flow.find("statement.md:3:10:") != std::string::npos);
  CHECK(flow.find("this '[' is never closed") != std::string::npos);
}

TEST_CASE("front matter that is never closed is an error at line 1") {
  const std::string message = parse_error("---\nheadline: H\n\nBody text.\n");
  CHECK(message.find("statement.md:1:1: error: the front matter opened here is never closed") !=
        std::string::npos);
}

TEST_CASE("a list of maps, or a list in a list, cannot become variables") {
  const std::string maps = parse_error(
      "---\n"
      "headline: H\n"
      "event:\n"
      "  speakers:\n"
      "    - name: A\n"
      "      role: B\n"
      "---\n");
  CHECK(maps.find("statement.md:5:7: error: item 1 of 'event.speakers' is a map") !=
        std::string::npos);
  const std::string lists = parse_error("---\nheadline: H\nevent:\n  x: [a, [b]]\n---\n");
  CHECK(lists.find("statement.md:4:10: error: item 2 of 'event.x' is a list") != std::string::npos);
  CHECK(maps.find("use a map of maps instead") != std::string::npos);
  // A demand with a colon in it is text its writer meant: say how to write it.
  const std::string colon =
      parse_error("---\nheadline: H\ndemands:\n  - Demand 1: free transit\n---\n");
  CHECK(colon.find("statement.md:4:5: error: item 1 of 'demands' is a map; list items must be "
                   "plain text (YAML reads a colon followed by a space as a key: put the item in "
                   "quotes (- \"Demand 1: free transit\"))") != std::string::npos);
}

TEST_CASE("well-known keys have a fixed shape") {
  CHECK(parse_error("---\nheadline: [a, b]\n---\n").find("'headline' must be text, not a list") !=
        std::string::npos);
  CHECK(parse_error("---\nheadline: H\nlang: english!\n---\n")
            .find("statement.md:3:7: error: 'english!' is not a language tag") !=
        std::string::npos);
  CHECK(parse_error("---\nheadline: H\ncta: socialism2020.org\n---\n")
            .find("statement.md:3:6: error: 'cta' must be a map") != std::string::npos);
  CHECK(parse_error("---\nheadline: H\ndemands: {a: b}\n---\n").find("'demands' must be a list") !=
        std::string::npos);
  CHECK(parse_error("---\nheadline: H\nrole: 1\nrole: 2\n---\n")
            .find("statement.md:4:1: error: 'role' is defined twice (first at line 3)") !=
        std::string::npos);
  CHECK(parse_error("---\n- a\n- b\n---\n").find("must be a map") != std::string::npos);
}

// The same cases as tests/schema/check_schemas.py gives docs/statement.schema.json: the reader
// and the schema accept and refuse the same front matter.
TEST_CASE("front matter keys: broadside's own, or groups of one's own variables") {
  CHECK(parse_error("---\nheadlin: x\n---\nBody.\n") ==
        "statement.md:2:1: error: unknown front matter key 'headlin' (did you mean 'headline'?)\n");
  // Another word for a key is no misspelling of it, and gets the key it stands for.
  CHECK(parse_error("---\nTitle: x\n---\nBody.\n") ==
        "statement.md:2:1: error: unknown front matter key 'Title' (did you mean 'headline'?)\n");
  CHECK(parse_error("---\nheadline: H\ncall-to-action: Join us\n---\n")
            .find("(did you mean 'cta'?)") != std::string::npos);
  CHECK(parse_error("---\nheadline: H\nlanguage: es\n---\n").find("(did you mean 'lang'?)") !=
        std::string::npos);
  // Nor is the call to action under another name a group of one's own: it would go unused.
  CHECK(parse_error("---\nheadline: H\ncall-to-action: {text: Join, url: x.org}\n---\n") ==
        "statement.md:3:1: error: unknown front matter key 'call-to-action' (did you mean "
        "'cta'?)\n");
  // A group that only shares the name ("action: {place: …}") is one's own.
  CHECK(var(parse_ok("---\nheadline: H\naction: {place: Town hall}\n---\n"), "action.place") ==
        "Town hall");
  const std::string place = parse_error("---\nheadline: H\nplace: Town hall\n---\n");
  CHECK(place.find("statement.md:3:1: error: unknown front matter key 'place' (the keys are lang, "
                   "headline,") == 0);
  CHECK(place.find("values of your own go in a group, as 'event:' with 'place: …' indented below "
                   "it, used as {event.place}") != std::string::npos);
  CHECK(parse_error("---\nheadline: H\ncta: {text: Join, uri: x.org}\n---\n") ==
        "statement.md:3:19: error: unknown key 'uri' in 'cta' (did you mean 'url'?)\n");
  CHECK(parse_error("---\nheadline: H\ncta: {text: [a, b]}\n---\n")
            .find("'cta.text' must be text, not a list") != std::string::npos);
  const Document doc = parse_ok(
      "---\nheadline: 2020\ndemands: One\nevent: {place: Town hall, date: today}\n"
      "cta: {text: Join, url: x.org}\n---\n");
  CHECK(var(doc, "event.place") == "Town hall");
  CHECK(var(doc, "cta.url") == "x.org");
}

TEST_CASE("a vars file may name any value; its well-known keys keep their shape") {
  core::Variables vars;
  core::Diagnostics diags;
  CHECK(read_front_matter("place: Town hall\nbranch: {name: Leeds}\n", 1, "v.yaml", core::Limits{},
                          FrontMatterKeys::any, vars, diags));
  CHECK(vars.at("place").text() == "Town hall");
  CHECK(vars.at("branch.name").text() == "Leeds");
  CHECK_FALSE(read_front_matter("cta: x.org\n", 1, "v.yaml", core::Limits{}, FrontMatterKeys::any,
                                vars, diags));
}

TEST_CASE("lists and values are held to their limits as they are read") {
  core::Limits limits;
  REQUIRE(limits.set("list-items=3").empty());
  REQUIRE(limits.set("paragraph-bytes=20").empty());
  core::Variables vars;
  core::Diagnostics diags;
  CHECK_FALSE(read_front_matter("demands: [a, b, c, d]\n", 4, "s.md", limits,
                                FrontMatterKeys::statement, vars, diags));
  CHECK(diags.to_string().find("s.md:4:10: error: 'demands' has 4 items, over the list-items limit "
                               "of 3 items (shorten the list, or raise it with --limit "
                               "list-items=N or BROADSIDE_LIMIT_LIST_ITEMS=N)") !=
        std::string::npos);
  CHECK(vars.count("demands") == 0);
  core::Diagnostics long_value;
  CHECK_FALSE(read_front_matter("demands: [a, twenty-one characters]\n", 1, "s.md", limits,
                                FrontMatterKeys::statement, vars, long_value));
  CHECK(long_value.to_string().find("'demands' is 21 bytes long, over the paragraph-bytes limit "
                                    "of 20 bytes") != std::string::npos);
  CHECK(read_front_matter("demands: [a, b, c]\nheadline: twenty bytes exactly\n", 1, "s.md", limits,
                          FrontMatterKeys::statement, vars, diags));
}

TEST_CASE("a single demand is a list of one") {
  const Document doc = parse_ok("---\nheadline: H\ndemands: End all deportations\n---\n");
  CHECK(doc.variables.at("demands").is_list);
  CHECK(doc.variables.at("demands").items == std::vector<std::string>{"End all deportations"});
}

TEST_CASE("language tags") {
  CHECK(is_language_tag("en"));
  CHECK(is_language_tag("pt-BR"));
  CHECK(is_language_tag("zh-Hant-TW"));
  CHECK(is_language_tag("de-CH-1996"));
  CHECK_FALSE(is_language_tag(""));
  CHECK_FALSE(is_language_tag("english"));
  CHECK_FALSE(is_language_tag("en-"));
  CHECK_FALSE(is_language_tag("en_US"));
}

TEST_CASE("a lang of no language is a warning, with the code meant when it is a known slip") {
  struct Case {
    const char* lang;
    const char* warning;  // "" for none
  };
  const Case cases[] = {
      {"jp",
       "statement.md:2:7: warning: 'jp' is not a language code in use (ISO 639): did you "
       "mean 'ja'?"},
      {"iw", "did you mean 'he'?"},
      {"gr-GR", "did you mean 'el'?"},
      {"qq", "'qq' is not a language code in use (ISO 639) ("},
      // Languages, some of them also a country's code.
      {"ja", ""},
      {"he", ""},
      {"tl", ""},
      {"se", ""},
      {"ckb", ""},
      {"pt-BR", ""},
      {"zh-Hant", ""},
  };
  for (const Case& c : cases) {
    const std::string lang = c.lang;
    CAPTURE(lang);
    core::Diagnostics diags;
    const Document doc =
        parse_ok("---\nlang: " + std::string(c.lang) + "\nheadline: H\n---\n", diags);
    CHECK(doc.lang == lang);  // kept, and the rest of the front matter: the render goes on
    CHECK(var(doc, "headline") == "H");
    CHECK_FALSE(diags.has_errors());
    if (*c.warning == '\0')
      CHECK_MESSAGE(diags.empty(), diags.to_string());
    else
      CHECK(diags.to_string().find(c.warning) != std::string::npos);
  }
}
