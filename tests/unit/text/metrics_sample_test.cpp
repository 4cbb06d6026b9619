// metrics_sample_test.cpp — the sample text Pango measures font metrics on is cut to its first
// character, once per language, and metrics measured on it still hold a width.
#include <dlfcn.h>
#include <doctest/doctest.h>
#include <pango/pango.h>

#include <string>

#include "text/metrics_sample.hpp"

using namespace broadside;

TEST_CASE("metrics_sample: a sample is cut to its first character, unless that has no width") {
  CHECK(text::cut_sample("The quick brown fox") == "T");
  CHECK(text::cut_sample("我能吞下玻璃而不伤身体。") == "我");
  CHECK(text::cut_sample("Ελληνικά") == "Ε");
  // A combining acute first: PangoCairo would divide by a width of no columns.
  CHECK(text::cut_sample("\xCC\x81"
                         "abc") ==
        "\xCC\x81"
        "abc");
  CHECK(text::cut_sample("") == "");
  CHECK(text::cut_sample(nullptr) == "");
}

TEST_CASE("metrics_sample: Pango's sample is answered cut, at one address per language") {
  using SampleFn = const char* (*)(PangoLanguage*);
  REQUIRE(text::metrics_sample_linked());
  const auto pango_own =
      reinterpret_cast<SampleFn>(dlsym(RTLD_NEXT, "pango_language_get_sample_string"));
  REQUIRE(reinterpret_cast<const void*>(pango_own) != nullptr);
  for (const char* tag : {"en", "zh", "ar", "hi", "ru"}) {
    CAPTURE(tag);
    PangoLanguage* lang = pango_language_from_string(tag);
    const char* cut = pango_language_get_sample_string(lang);
    const std::string whole = pango_own(lang);
    CHECK(std::string(cut) == text::cut_sample(whole.c_str()));
    CHECK(std::string(cut).size() < whole.size());
    // PangoCairo keeps metrics per sample by its address.
    CHECK(pango_language_get_sample_string(lang) == cut);
  }
  CHECK(std::string(pango_language_get_sample_string(nullptr)) ==
        text::cut_sample(pango_own(pango_language_get_default())));
}
