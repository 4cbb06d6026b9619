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
  CHECK(label("labels.scan", "eo") == "Scan to join");
  CHECK(label("labels.read-more", "eo") == "Read the full statement:");
}

TEST_CASE(
    "labels: the call to action only where the language has one; English keeps the design's") {
  CHECK(label("cta.text", "fr") == "Rejoignez et soutenez notre campagne électorale");
  CHECK(label("cta.text", "en") == "(none)");
  CHECK(label("cta.text", "eo") == "(none)");
  CHECK(label("headline", "es") == "(none)");
}

TEST_CASE("labels: a language without its own text for a label is known, so the run can say so") {
  using broadside::compose::lacks_label_in;
  CHECK(lacks_label_in("labels.scan", "eo"));
  CHECK(lacks_label_in("event.title", "eo"));
  CHECK_FALSE(lacks_label_in("labels.scan", "es"));
  CHECK_FALSE(lacks_label_in("labels.scan", "pt-BR"));
  CHECK_FALSE(lacks_label_in("labels.scan", "en-GB"));
  CHECK_FALSE(lacks_label_in("headline", "eo"));  // no label
}

TEST_CASE("labels: the languages added later have every label, in their own words") {
  using broadside::compose::label_names;
  using broadside::compose::lacks_label_in;
  for (const char* lang :
       {"ne", "pa", "gu", "te", "ml", "kn", "mr", "km", "lo", "si", "yi", "kk", "mn", "yo",
        "az", "ha", "ig", "zu", "so", "uz", "hu", "fi", "da", "nb", "sk", "bg", "sr", "hr",
        "sl", "lt", "lv", "et", "ms", "ps", "ku", "sq", "mk", "be", "ca", "eu", "gl", "cy"})
    for (const std::string& name : label_names()) {
      INFO(name << " in " << lang);
      CHECK_FALSE(lacks_label_in(name, lang));
      CHECK(label(name, lang) != "(none)");
      CHECK(label(name, lang) != label(name, "en"));
    }
  CHECK(label("labels.scan", "km") == "ស្កេនដើម្បីចូលរួម");
  CHECK(label("labels.demands", "fi-FI") == "Vaadimme");
}

TEST_CASE("labels: a script subtag picks that script's words; Norwegian 'no' is Bokmål") {
  CHECK(label("labels.demands", "sr") == "Захтевамо");
  CHECK(label("labels.demands", "sr-RS") == "Захтевамо");
  CHECK(label("labels.demands", "sr-Cyrl") == "Захтевамо");
  CHECK(label("labels.demands", "sr-Latn-RS") == "Zahtevamo");
  CHECK(label("labels.statement", "ku") == "بەیاننامەکە");
  CHECK(label("labels.statement", "ku-Latn") == "Daxuyanî");
  CHECK(label("labels.scan", "no") == "Skann og bli med");
  CHECK(label("labels.scan", "no-NO") == "Skann og bli med");
  CHECK_FALSE(broadside::compose::lacks_label_in("event.title", "no"));
  CHECK_FALSE(broadside::compose::lacks_label_in("event.title", "sr-Latn"));
}
