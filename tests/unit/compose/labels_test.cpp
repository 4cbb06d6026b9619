// labels_test.cpp — every label a bundled design prints exists in every bundled statement's
// language, and none of them falls back to the English words for a language we ship.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "compose/labels.hpp"
#include "content/document.hpp"
#include "core/options.hpp"

namespace fs = std::filesystem;
using broadside::compose::label_names;
using broadside::compose::language_label;

namespace {

const fs::path kSource = BROADSIDE_SOURCE_DIR;

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

/// The languages of the bundled statements: content/statement.<lang>.md.
std::set<std::string> bundled_languages() {
  std::set<std::string> out;
  static const std::regex name(R"(statement\.([a-z]{2,3})\.md)");
  std::smatch m;
  for (const auto& entry : fs::directory_iterator(kSource / "content")) {
    const std::string file = entry.path().filename().string();
    if (std::regex_match(file, m, name)) out.insert(m[1]);
  }
  return out;
}

/// The English words of label `name`: the table's, or else the English statement's (which are
/// the designs' defaults).
std::string english(const std::string& name) {
  if (const auto* value = language_label(name, "en")) return value->text();
  broadside::core::Diagnostics diags;
  const auto en = broadside::content::load_statement(kSource / "content" / "statement.en.md",
                                                     broadside::core::Options{}, diags);
  REQUIRE(en);
  const auto found = en->variables.find(name);
  REQUIRE_MESSAGE(found != en->variables.end(), name);
  return found->second.text();
}

}  // namespace

TEST_CASE("every label a bundled design prints is one the labels know") {
  const auto names = label_names();
  const std::set<std::string> known(names.begin(), names.end());
  static const std::regex label(R"(\{(labels\.[A-Za-z0-9_.-]+)\})");
  size_t seen = 0;
  for (const auto& entry : fs::directory_iterator(kSource / "designs")) {
    if (entry.path().extension() != ".yaml") continue;
    const std::string text = read(entry.path());
    for (auto it = std::sregex_iterator(text.begin(), text.end(), label);
         it != std::sregex_iterator(); ++it) {
      const std::string name = (*it)[1];
      INFO(entry.path().filename().string() << ": {" << name << "}");
      CHECK(known.count(name) == 1);
      ++seen;
    }
  }
  CHECK(seen >= 5);  // the designs do print labels: the scan is not vacuous
}

TEST_CASE("every bundled language has every label, and none is the English one") {
  const auto languages = bundled_languages();
  REQUIRE(languages.size() >= 10);
  REQUIRE(languages.count("en") == 1);
  for (const std::string& name : label_names()) {
    const std::string en = english(name);
    CHECK(!en.empty());
    for (const std::string& lang : languages) {
      if (lang == "en") continue;
      INFO(name << " in " << lang);
      const auto* value = language_label(name, lang);
      REQUIRE(value != nullptr);
      CHECK(!value->text().empty());
      CHECK(value->text() != en);
      // A regional tag finds its language's table.
      const auto* regional = language_label(name, lang + "-XX");
      REQUIRE(regional != nullptr);
      CHECK(regional->text() == value->text());
    }
  }
}

TEST_CASE("a language without a table: English labels, the design's words where it has them") {
  CHECK(language_label("labels.scan", "eo")->text() == "Scan to join");
  CHECK(language_label("labels.demands", "eo") == nullptr);  // the design's defaults stand
  CHECK(language_label("labels.demands", "en") == nullptr);
  CHECK(language_label("labels.nonesuch", "de") == nullptr);
  CHECK(language_label("labels.demands", "de")->text() == "Wir fordern");
}

TEST_CASE("the languages without a bundled statement have their own labels too") {
  const std::string en = language_label("labels.scan", "en")->text();
  for (const char* lang : {"ja", "th", "it", "nl", "pl", "uk", "el", "tr", "he", "ur", "id", "sw",
                           "ro", "cs", "sv", "ta"}) {
    INFO("labels.scan in " << lang);
    const auto* value = language_label("labels.scan", lang);
    REQUIRE(value != nullptr);
    CHECK(!value->text().empty());
    CHECK(value->text() != en);
  }
  CHECK(language_label("labels.scan", "ja")->text() == "スキャンして参加");
  CHECK(language_label("labels.scan", "it-IT")->text() == "Scansiona per unirti");
}
