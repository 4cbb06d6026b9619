// labels_fallback_test.cpp — which language's built-in label a statement gets.
#include <doctest/doctest.h>

#include "compose/labels.hpp"

using broadside::compose::language_label;

namespace {

std::string label(const std::string& name, const std::string& lang) {
  const auto* v = language_label(name, lang);
  return v ? v->text() : "(none)";
}

}  // namespace

TEST_CASE("labels: a language's own words, its primary subtag's, else English") {
  CHECK(label("labels.scan", "es") == "Escanea para unirte");
  CHECK(label("labels.scan", "pt-BR") == "Escaneie para participar");
  CHECK(label("labels.read-more", "de") == "Die ganze Erklärung lesen:");
  CHECK(label("labels.scan", "fi") == "Scan to join");
  CHECK(label("labels.read-more", "fi") == "Read the full statement:");
}

TEST_CASE(
    "labels: the call to action only where the language has one; English keeps the design's") {
  CHECK(label("cta.text", "fr") == "Rejoignez et soutenez notre campagne électorale");
  CHECK(label("cta.text", "en") == "(none)");
  CHECK(label("cta.text", "fi") == "(none)");
  CHECK(label("headline", "es") == "(none)");
}

TEST_CASE("labels: a language without its own text for a label is known, so the run can say so") {
  using broadside::compose::lacks_label_in;
  CHECK(lacks_label_in("labels.scan", "mn"));
  CHECK(lacks_label_in("event.title", "fi"));
  CHECK_FALSE(lacks_label_in("labels.scan", "es"));
  CHECK_FALSE(lacks_label_in("labels.scan", "pt-BR"));
  CHECK_FALSE(lacks_label_in("labels.scan", "en-GB"));
  CHECK_FALSE(lacks_label_in("headline", "mn"));  // no label
}
