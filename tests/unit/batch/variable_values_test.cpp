// variable_values_test.cpp — declared variables formatted and length-checked from any source;
// --vars files flattened like front matter.
#include <doctest/doctest.h>

#include "batch/variable_values.hpp"
#include "batch_test_support.hpp"
#include "core/utf8.hpp"

using namespace broadside;
using namespace broadside::batch;
using broadside::batch::testing::scratch;
using broadside::batch::testing::write;

namespace {

design::VariableSpec declared(const std::string& name, int max_length,
                              design::VariableFormat format = design::VariableFormat::text) {
  design::VariableSpec v;
  v.name = name;
  v.where = {"designs/poster.yaml", 12, 3};
  v.max_length = max_length;
  v.format = format;
  return v;
}

struct Fixture {
  design::Design design;
  content::Document doc;
  core::Diagnostics diags;

  Fixture() {
    design.variables["branch.name"] = declared("branch.name", 10);
    design.variables["event.date"] = declared("event.date", 0, design::VariableFormat::date);
    doc.lang = "es";
  }
  core::Variables resolve(const core::Variables& overrides) {
    return resolve_variables(design, doc, overrides, diags);
  }
};

}  // namespace

TEST_CASE("values: a date is written out in the statement's language, whatever its source") {
  Fixture f;
  SUBCASE("from the command line or a row") {
    auto v = f.resolve({{"event.date", core::Value::scalar("2026-03-14")}});
    CHECK(v.at("event.date").text() == "14\u00A0de\u00A0marzo\u00A0de\u00A02026");
  }
  SUBCASE("from the statement") {
    f.doc.variables["event.date"] = core::Value::scalar("2026-03-14");
    CHECK(f.resolve({}).at("event.date").text() == "14\u00A0de\u00A0marzo\u00A0de\u00A02026");
  }
  SUBCASE("from the design's default") {
    f.design.defaults["event.date"] = core::Value::scalar("2026-03-14");
    f.doc.lang = "de";
    CHECK(f.resolve({}).at("event.date").text() == "14.\u00A0März\u00A02026");
  }
  CHECK(f.diags.empty());
}

TEST_CASE("values: a value filled in from the design's defaults says so; a given one does not") {
  Fixture f;
  f.design.defaults["branch.name"] = core::Value::scalar("Downtown");
  CHECK(f.resolve({}).at("branch.name").is_design_default);
  // A row that gives exactly the default's text has still given it.
  CHECK_FALSE(f.resolve({{"branch.name", core::Value::scalar("Downtown")}})
                  .at("branch.name")
                  .is_design_default);
  f.doc.variables["branch.name"] = core::Value::scalar("Downtown");
  CHECK_FALSE(f.resolve({}).at("branch.name").is_design_default);
}

TEST_CASE("values: undeclared variables pass through untouched; missing ones stay missing") {
  Fixture f;
  auto v = f.resolve({{"other", core::Value::scalar("<b>&{x}</b>")}});
  CHECK(v.at("other").text() == "<b>&{x}</b>");
  CHECK(v.count("branch.name") == 0);  // compose reports it with the frame that uses it
  CHECK(f.diags.empty());
}

TEST_CASE("values: too long a value is an error naming the variable and the limit") {
  Fixture f;
  f.resolve({{"branch.name", core::Value::scalar("Détroit-Wayne County", {"branches.csv", 4})}});
  REQUIRE(f.diags.size() == 1);
  const auto& d = f.diags.all()[0];
  CHECK(d.severity == core::Severity::error);
  CHECK(d.to_string() ==
        "branches.csv:4: error: variable 'branch.name' is 20 characters long; the design allows "
        "at most 10 (shorten it; the design declares it at designs/poster.yaml:12:3)");
}

TEST_CASE("values: length counts characters, not bytes") {
  Fixture f;
  f.resolve({{"branch.name", core::Value::scalar("Zürich São")}});  // 10 characters, 12 bytes
  CHECK(f.diags.empty());
  CHECK(broadside::core::code_point_count("Zürich São") == 10);
}

TEST_CASE("values: a date that is not YYYY-MM-DD is an error; an unknown language warns") {
  Fixture f;
  f.resolve({{"event.date", core::Value::scalar("next Tuesday", {"--set event.date"})}});
  REQUIRE(f.diags.size() == 1);
  CHECK(f.diags.all()[0].message ==
        "variable 'event.date' must be a date written YYYY-MM-DD, got 'next Tuesday'");
  Fixture sw;
  sw.doc.lang = "sw";
  // Swahili has no table of broadside's own: CLDR's month names, and no warning.
  CHECK(sw.resolve({{"event.date", core::Value::scalar("2026-03-14")}}).at("event.date").text() ==
        "14\u00A0Machi\u00A02026");
  CHECK(sw.diags.empty());
  Fixture g;
  g.doc.lang = "xx";
  auto v = g.resolve({{"event.date", core::Value::scalar("2026-03-14")}});
  // No month names anywhere for the language: English, as CLDR writes it (month first).
  CHECK(v.at("event.date").text() == "March\u00A014,\u00A02026");
  REQUIRE(g.diags.size() == 1);
  CHECK(g.diags.all()[0].severity == core::Severity::warning);
  CHECK_FALSE(g.diags.has_errors());
}

TEST_CASE("values: a --vars file flattens nested maps to dotted names") {
  const auto dir = scratch("vars-file");
  write(dir / "v.yaml", "event:\n  place: Union Hall\n  date: 2026-03-14\nbranch.name: Detroit\n");
  core::Diagnostics diags;
  auto v = read_vars_file(dir / "v.yaml", broadside::core::Limits{}, diags);
  INFO(diags.to_string());
  REQUIRE(v);
  CHECK(v->at("event.place").text() == "Union Hall");
  CHECK(v->at("event.date").text() == "2026-03-14");
  CHECK(v->at("branch.name").text() == "Detroit");
  CHECK(v->at("event.place").where.to_string().find("v.yaml:2:") != std::string::npos);
  CHECK_FALSE(read_vars_file(dir / "absent.yaml", broadside::core::Limits{}, diags));
}
