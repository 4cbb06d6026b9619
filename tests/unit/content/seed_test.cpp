// seed_test.cpp — the canonical seed statement as plain text, and content/statement.en.md.
#include <doctest/doctest.h>

#include <map>

#include "helpers.hpp"
#include "support/test_options.hpp"

using namespace broadside;
using namespace broadside::content;
using content::test::var;

namespace {

Document load_ok(const std::filesystem::path& path) {
  core::Diagnostics diags;
  std::optional<Document> doc = load_statement(path, kOptions, diags);
  INFO(diags.to_string());
  REQUIRE(doc.has_value());
  CHECK(diags.empty());
  return std::move(*doc);
}

std::vector<std::string> paragraph_texts(const Document& doc) {
  std::vector<std::string> texts;
  for (const Block& b : doc.body) {
    CHECK(b.kind == BlockKind::paragraph);
    texts.push_back(b.text.text);
  }
  return texts;
}

std::map<std::string, std::string> variable_texts(const Document& doc) {
  std::map<std::string, std::string> texts;
  for (const auto& [name, value] : doc.variables) texts[name] = value.text();
  return texts;
}

const char* const kHeadline =
    "Stop all anti-immigrant raids! Abolish ICE and CBP! For a socialist policy of open borders!";
const char* const kByline =
    "Norissa Santa Cruz\u00A0\u2013 Socialist Equality Party candidate for US vice president\n"
    "17 February 2020";
const char* const kContact =
    "To contact the WSWWS and the Socialist Equality Party visit: wsws.org/contact";

}  // namespace

TEST_CASE("the seed statement read as plain text") {
  const Document doc = load_ok(test::seed_path());
  CHECK(doc.lang == "en");
  CHECK(var(doc, "headline") == kHeadline);
  CHECK(doc.variables.at("headline").where.line == 3);
  CHECK(var(doc, "byline") == kByline);
  CHECK(doc.variables.at("byline").where.line == 5);
  CHECK(var(doc, "author") == "Norissa Santa Cruz");
  CHECK(var(doc, "role") == "Socialist Equality Party candidate for US vice president");
  CHECK(var(doc, "date") == "17 February 2020");
  CHECK(var(doc, "contact") == kContact);
  CHECK(doc.variables.at("contact").where.line == 46);
  CHECK(var(doc, "cta.url") == "socialism2020.org");

  REQUIRE(doc.body.size() == 16);
  for (const Block& b : doc.body) CHECK(b.kind == BlockKind::paragraph);
  CHECK(doc.body[0].where.to_string().ends_with("seed.txt:8:1"));
  CHECK(doc.body[0].text.text.starts_with(
      "As the Socialist Equality Party\u2019s candidate for vice president in the 2020 elections"));
  // The two paragraphs a stray blank line broke are whole again.
  CHECK(doc.body[6].text.text.starts_with(
      "The Democrats worked systematically to suppress and channel popular opposition to Trump"));
  CHECK(doc.body[6].where.line == 20);
  CHECK(doc.body[11].text.text.starts_with(
      "Against the militarization of borders and the persecution of immigrants, the SEP stands "
      "for open borders:"));
  CHECK(doc.body[8].text.text.ends_with("against the real enemy\u2014capitalism."));
  CHECK(doc.body[15].text.text ==
        "All those who want to defend immigrants and unite the working class in the struggle for "
        "socialism against capitalism should join and support our election campaign. Visit "
        "socialism2020.org to sign up today!");
  const size_t link_at = doc.body[15].text.text.find("socialism2020.org");
  CHECK(doc.body[15].text.runs == std::vector<core::StyleRun>{{link_at, link_at + 17, false, false,
                                                               false, "http://socialism2020.org"}});
  // Neither headline, byline nor contact is repeated in the body.
  for (const Block& b : doc.body) {
    CHECK(b.text.text.find("Stop all anti-immigrant") == std::string::npos);
    CHECK(b.text.text.find("Norissa") == std::string::npos);
    CHECK(b.text.text.find("To contact") == std::string::npos);
  }
}

TEST_CASE("the seed body has 672 words (671 if 'enemy—capitalism' were one)") {
  const Document doc = load_ok(test::seed_path());
  CHECK(doc.body_word_count() == 672);
}

TEST_CASE("content/statement.en.md holds the whole seed statement") {
  const Document seed = load_ok(test::seed_path());
  const Document doc = load_ok(test::source_dir() / "content/statement.en.md");
  CHECK(doc.lang == "en");
  CHECK(var(doc, "headline") == kHeadline);
  CHECK(var(doc, "author") == "Norissa Santa Cruz");
  CHECK(var(doc, "role") == "Socialist Equality Party candidate for US vice president");
  CHECK(var(doc, "date") == "17 February 2020");
  CHECK(var(doc, "byline") == kByline);  // derived, and the same as the seed's own byline
  CHECK(var(doc, "cta.text") == "Join and support our election campaign");
  CHECK(var(doc, "cta.url") == "socialism2020.org");
  CHECK(var(doc, "contact") == kContact);
  CHECK(var(doc, "contact") == var(seed, "contact"));
  CHECK(doc.variables.at("demands").items ==
        std::vector<std::string>{
            "End all deportations", "Abolish ICE and CBP",
            "Open borders, with full citizenship rights for all workers",
            "A decent, good-paying job, free healthcare and free education for everyone"});
  CHECK(doc.variables.at("demands").where.line == 8);

  // Every paragraph of the seed, word for word, in order, and nothing else.
  CHECK(paragraph_texts(doc) == paragraph_texts(seed));
  CHECK(doc.body_word_count() == seed.body_word_count());
  CHECK(doc.body.back().text.runs.at(0).link == "https://socialism2020.org");
  CHECK(doc.body.front().where.line == 23);  // after the 21 lines of front matter and a blank
}

TEST_CASE("content/statement-long.en.md is the same statement with the body twice") {
  const Document doc = load_ok(test::source_dir() / "content/statement.en.md");
  const Document twice = load_ok(test::source_dir() / "content/statement-long.en.md");
  // The same values; their lines differ by the comment lines at the top.
  CHECK(variable_texts(twice) == variable_texts(doc));
  CHECK(twice.variables.at("headline").where.line == doc.variables.at("headline").where.line + 2);
  std::vector<std::string> expected = paragraph_texts(doc);
  const std::vector<std::string> once = expected;
  expected.insert(expected.end(), once.begin(), once.end());
  CHECK(paragraph_texts(twice) == expected);
  CHECK(twice.body_word_count() == 2 * doc.body_word_count());
}
