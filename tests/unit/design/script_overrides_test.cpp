// script_overrides_test.cpp — `scripts:` changes styles for a statement's script and language.
#include <doctest/doctest.h>

#include "design/design.hpp"
#include "support/test_options.hpp"

using namespace broadside;

namespace {

const std::string kDesign = R"(
page: {size: A5}
styles:
  headline: {font: [League Spartan], weight: 800, tracking: -12, size: 20pt..40pt}
  body: {font: [Noto Serif], size: 9pt, hyphenate: true}
scripts:
  Arab:
    all: {tracking: 0, case: none}
    headline: {font: [Noto Sans Arabic], weight: 700}
    body: {font: [Noto Naskh Arabic], leading: 1.6}
  fa:
    body: {leading: 1.8}
  vi:
    all: {leading: 1.45}
pages:
  - frames:
      - {text: "{headline}", style: headline}
      - {flow: body, style: body, area: {top: 50mm}}
)";

design::Style headline_for(const std::string& lang) {
  core::Diagnostics diags;
  auto d = design::parse_design(kDesign, "d.yaml", kOptions, diags, lang);
  REQUIRE_MESSAGE(d, diags.to_string());
  return std::get<design::TextFrame>(d->pages[0].frames[0].content).style;
}

design::Style body_for(const std::string& lang) {
  core::Diagnostics diags;
  auto d = design::parse_design(kDesign, "d.yaml", kOptions, diags, lang);
  REQUIRE_MESSAGE(d, diags.to_string());
  return std::get<design::FlowFrame>(d->pages[0].frames[1].content).style;
}

}  // namespace

TEST_CASE("no language, or a Latin one: the styles as written") {
  for (const char* lang : {"", "en", "es-MX"}) {
    const auto h = headline_for(lang);
    CHECK(h.face.families == std::vector<std::string>{"League Spartan"});
    CHECK(h.face.weight == 800);
    CHECK(h.tracking == -12);
  }
}

TEST_CASE("the script's entry applies to languages written in it") {
  for (const char* lang : {"ar", "fa", "ur"}) {
    INFO(lang);
    const auto h = headline_for(lang);
    CHECK(h.face.families == std::vector<std::string>{"Noto Sans Arabic"});
    CHECK(h.face.weight == 700);
    CHECK(h.tracking == 0);
    CHECK(h.size.max.value == 40);  // untouched keys stay
  }
  CHECK(body_for("ar").leading == doctest::Approx(1.6));
}

TEST_CASE("a language's own entry wins over its script's") {
  CHECK(body_for("fa").leading == doctest::Approx(1.8));
  CHECK(body_for("fa").face.families == std::vector<std::string>{"Noto Naskh Arabic"});
}

TEST_CASE("a language entry matches regional variants") {
  CHECK(headline_for("vi-VN").leading == doctest::Approx(1.45));
  CHECK(body_for("vi").leading == doctest::Approx(1.45));
}

TEST_CASE("unknown style names and keys in any entry are reported, whatever the language") {
  core::Diagnostics diags;
  std::string bad = kDesign;
  bad.replace(bad.find("    body: {leading: 1.8}"), 24, "    bdy: {leding: 1.8}");
  CHECK_FALSE(design::parse_design(bad, "d.yaml", kOptions, diags, "en"));
  const std::string text = diags.to_string();
  CHECK(text.find("unknown key 'bdy' (did you mean 'body'?)") != std::string::npos);
}

TEST_CASE("a key that is neither a script code nor a known language's tag is an error") {
  // "Arabic" and "arr" once matched no statement and their entries were dropped unseen.
  core::Diagnostics diags;
  std::string bad = kDesign;
  bad.replace(bad.find("  Arab:"), 7, "  Arabic:");
  bad.replace(bad.find("  fa:"), 5, "  arr:");
  CHECK_FALSE(design::parse_design(bad, "d.yaml", kOptions, diags, "ar"));
  const std::string text = diags.to_string();
  CHECK(text.find("d.yaml:7:3: error: 'Arabic' is not a script code or language tag (did you "
                  "mean 'Arab'?)") != std::string::npos);
  CHECK(text.find("d.yaml:11:3: error: 'arr' is not a script code or the tag of a language") !=
        std::string::npos);
}

TEST_CASE("a four-letter code ICU does not know is refused; lower-case codes are named") {
  for (const auto& each : std::vector<std::pair<std::string, std::string>>{
           {"Qaaa", "'Qaaa' is not a script code broadside knows"},
           {"arab", "did you mean 'Arab'?"},
           {"Cyrillic", "did you mean 'Cyrl'?"}}) {
    // Named, not bound: doctest captures by reference, which clang refuses for a binding.
    const std::string& key = each.first;
    const std::string& says = each.second;
    INFO(key);
    core::Diagnostics diags;
    std::string bad = kDesign;
    bad.replace(bad.find("  vi:"), 5, "  " + key + ":");
    CHECK_FALSE(design::parse_design(bad, "d.yaml", kOptions, diags, "en"));
    CHECK(diags.to_string().find(says) != std::string::npos);
  }
}
