// font_classes_test.cpp — `fonts:` classes: included files, based-on chains, per-script and
// per-language faces put in place of the class name, and the errors a designer can act on.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "design/design.hpp"
#include "support/test_options.hpp"

using namespace broadside;

namespace {

/// A design whose headline and body name classes; `fonts` is the design's `fonts:` section.
std::string design_with(const std::string& fonts) {
  return "page: {size: A5}\n"
         "fonts:\n" +
         fonts +
         "styles:\n"
         "  headline: {font: display, weight: 700, size: 20pt..40pt}\n"
         "  body: {font: text, size: 9pt}\n"
         "pages:\n"
         "  - frames:\n"
         "      - {text: \"{headline}\", style: headline}\n"
         "      - {flow: body, style: body, area: {top: 50mm}}\n";
}

const std::string kClasses =
    "  include: noto\n"
    "  display: {based-on: sans, Latn: [League Spartan, Inter], Cyrl: [Inter]}\n"
    "  text: {based-on: serif, Latn: [Inter], ur: [Noto Nastaliq Urdu]}\n";

struct Faces {
  core::Typeface headline, body;
};

Faces faces_for(const std::string& yaml, const std::string& lang) {
  core::Diagnostics diags;
  auto d = design::parse_design(yaml, "designs/d.yaml", kOptions, diags, lang);
  REQUIRE_MESSAGE(d, diags.to_string());
  return {std::get<design::TextFrame>(d->pages[0].frames[0].content).style.face,
          std::get<design::FlowFrame>(d->pages[0].frames[1].content).style.face};
}

core::Diagnostics errors_for(const std::string& yaml, const std::string& lang = "en",
                             const std::filesystem::path& file = "designs/d.yaml") {
  core::Diagnostics diags;
  CHECK_FALSE(design::parse_design(yaml, file, kOptions, diags, lang));
  return diags;
}

bool says(const core::Diagnostics& diags, const std::string& needle) {
  for (const auto& d : diags.all())
    if ((d.message + " " + d.hint).find(needle) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("a class gives the faces of the statement's script, its own over the included ones") {
  const std::string yaml = design_with(kClasses);
  const Faces en = faces_for(yaml, "en");
  CHECK(en.headline.families == std::vector<std::string>{"League Spartan", "Inter"});
  CHECK(en.body.families == std::vector<std::string>{"Inter"});
  CHECK_FALSE(en.headline.nearest_weight);  // a Latin face named on purpose keeps its weight

  const Faces ru = faces_for(yaml, "ru");
  CHECK(ru.headline.families == std::vector<std::string>{"Inter"});

  // Scripts the class does not name come from its base, the bundled noto classes.
  const Faces ar = faces_for(yaml, "ar");
  CHECK(ar.headline.families == std::vector<std::string>{"Noto Sans Arabic"});
  CHECK(ar.headline.nearest_weight);
  const Faces hi = faces_for(yaml, "hi");
  CHECK(hi.headline.families == std::vector<std::string>{"Noto Sans Devanagari"});
  CHECK(faces_for(yaml, "th").body.families.front().find("Thai") != std::string::npos);
}

TEST_CASE("a language tag wins over its script") {
  const std::string yaml = design_with(kClasses);
  CHECK(faces_for(yaml, "ur").body.families == std::vector<std::string>{"Noto Nastaliq Urdu"});
  CHECK(faces_for(yaml, "ar").body.families != std::vector<std::string>{"Noto Nastaliq Urdu"});
}

TEST_CASE("text in another script takes the same class's face for that script") {
  const Faces de = faces_for(design_with(kClasses), "de");
  REQUIRE(de.headline.by_script.count("Grek"));
  REQUIRE(de.headline.by_script.count("Arab"));
  CHECK(de.headline.by_script.at("Arab") == std::vector<std::string>{"Noto Sans Arabic"});
  CHECK(de.headline.by_script.at("Latn") == std::vector<std::string>{"League Spartan", "Inter"});
}

TEST_CASE("a class without a face for the statement's script is an error at the style") {
  const std::string yaml = design_with("  display: {Latn: [Inter]}\n  text: {Latn: [Inter]}\n");
  const auto diags = errors_for(yaml, "ar");
  CHECK(says(diags, "font class 'display' has no faces for the statement's script (Arab"));
  CHECK(says(diags, "include: noto"));
  // The same design is fine for a Latin statement.
  CHECK(faces_for(yaml, "fr").body.families == std::vector<std::string>{"Inter"});
}

TEST_CASE("based-on: an unknown class is named with the nearest one; a cycle is refused") {
  CHECK(says(errors_for(design_with("  include: noto\n  display: {based-on: snas}\n"
                                    "  text: {based-on: sans}\n")),
             "unknown font class 'snas'"));
  CHECK(says(errors_for(design_with("  include: noto\n  display: {based-on: snas}\n"
                                    "  text: {based-on: sans}\n")),
             "sans"));
  CHECK(says(errors_for(design_with("  display: {based-on: text, Latn: [Inter]}\n"
                                    "  text: {based-on: display, Latn: [Inter]}\n")),
             "based-on cycle"));
}

TEST_CASE("keys are script codes or language tags") {
  CHECK(says(errors_for(design_with("  include: noto\n  display: {based-on: sans, "
                                    "\"Latin script\": [Inter]}\n  text: {based-on: sans}\n")),
             "is not a script code or language tag"));
}

TEST_CASE("a slip of a script key is an error at the key, with the code it meant") {
  // "Cyrll" once passed as a language tag, and Russian text silently took another class's face.
  const auto cyrll = errors_for(design_with("  include: noto\n  display: {based-on: sans, "
                                            "Cyrll: [Inter]}\n  text: {based-on: sans}\n"),
                                "ru");
  CHECK(says(cyrll, "'Cyrll' is not a script code or language tag"));
  CHECK(says(cyrll, "did you mean 'Cyrl'?"));
  CHECK(cyrll.all().front().where.line == 4);
  CHECK(cyrll.all().front().where.column == 29);
  CHECK(says(errors_for(design_with("  include: noto\n  display: {based-on: sans, Arabx: [Inter]}\n"
                                    "  text: {based-on: sans}\n")),
             "did you mean 'Arab'?"));
  CHECK(says(errors_for(design_with("  include: noto\n  display: {based_on: sans}\n"
                                    "  text: {based-on: sans}\n")),
             "did you mean 'based-on'?"));
}

TEST_CASE("script codes ICU knows and tags of known languages are keys") {
  const auto f = faces_for(design_with("  include: noto\n  display: {based-on: sans, Zsym: "
                                       "[Symbola], zh-Hant: [Noto Sans CJK TC], pt_BR: [Inter]}\n"
                                       "  text: {based-on: serif}\n"),
                           "pt-BR");
  CHECK(f.headline.families == std::vector<std::string>{"Inter"});
}

TEST_CASE("include: a missing class file is named; a file next to the design is read") {
  CHECK(says(errors_for(design_with("  include: notoo\n  display: {based-on: sans}\n"
                                    "  text: {based-on: sans}\n")),
             "no font class file 'notoo'"));

  const auto dir = std::filesystem::temp_directory_path() / "broadside-font-classes-test";
  std::filesystem::create_directories(dir / "fonts");
  {
    std::ofstream(dir / "fonts" / "house.yaml") << "house:\n  Latn: [Inter]\n  Arab: [Noto Kufi "
                                                   "Arabic]\n  Arab: [twice]\n";
  }
  // A problem inside the included file is reported at that file's own line.
  const auto diags = errors_for(design_with("  include: house\n  display: {based-on: house}\n"
                                            "  text: {based-on: house}\n"),
                                "ar", dir / "d.yaml");
  bool at_include = false;
  for (const auto& d : diags.all())
    at_include = at_include || d.where.file.find("house.yaml") != std::string::npos;
  CHECK(at_include);

  {
    std::ofstream(dir / "fonts" / "house.yaml") << "house:\n  Latn: [Inter]\n  Arab: [Noto Kufi "
                                                   "Arabic]\n";
  }
  core::Diagnostics ok;
  auto d = design::parse_design(design_with("  include: house\n  display: {based-on: house}\n"
                                            "  text: {based-on: house}\n"),
                                dir / "d.yaml", kOptions, ok, "ar");
  REQUIRE_MESSAGE(d, ok.to_string());
  CHECK(std::get<design::TextFrame>(d->pages[0].frames[0].content).style.face.families ==
        std::vector<std::string>{"Noto Kufi Arabic"});
  std::filesystem::remove_all(dir);
}

TEST_CASE("a slip of a class name is named at the font value, with the class it meant") {
  const std::string yaml =
      "fonts: {include: noto}\n"
      "styles:\n"
      "  body: {font: sanz, size: 9pt}\n"
      "  head: {font: [Serif, Noto Sans], size: 9pt}\n"
      "pages:\n"
      "  - frames:\n"
      "      - {flow: body, style: body}\n"
      "      - {text: \"{headline}\", style: body, area: {top: 50mm}}\n"
      "      - {text: \"{headline}\", style: head, area: {top: 80mm}}\n";
  const auto diags = errors_for(yaml);
  // Once, though two frames copy the style.
  REQUIRE_MESSAGE(diags.size() == 2, diags.to_string());
  const auto& body = diags.all()[0];
  CHECK(body.to_string() ==
        "designs/d.yaml:3:16: error: style 'body': unknown font class 'sanz' (did you mean "
        "'sans'?)");
  CHECK(diags.all()[1].message == "style 'head': unknown font class 'Serif'");
  CHECK(diags.all()[1].hint == "did you mean 'serif'?");
  CHECK(diags.all()[1].where.column == 16);
}

TEST_CASE("a family name near a class is a family, not a slip") {
  // Capitalised names, and names far from every class, are left to the font check.
  const std::string yaml =
      "fonts: {include: noto, outer: {based-on: sans}}\n"
      "styles:\n"
      "  a: {font: Inter, size: 9pt}\n"
      "  b: {font: fancy, size: 9pt}\n"
      "pages:\n"
      "  - frames:\n"
      "      - {text: \"{headline}\", style: a}\n"
      "      - {text: \"{headline}\", style: b, area: {top: 50mm}}\n";
  core::Diagnostics diags;
  CHECK(design::parse_design(yaml, "designs/d.yaml", kOptions, diags, "en"));
  CHECK_MESSAGE(diags.empty(), diags.to_string());
}
