// output_names_test.cpp — values in file names can never leave the output folder or hide a file.
#include <doctest/doctest.h>

#include "batch/output_names.hpp"

using namespace broadside;
using namespace broadside::batch;
namespace fs = std::filesystem;

namespace {

/// True when `p` (relative) stays inside the folder it is relative to.
bool stays_inside(const fs::path& p) {
  if (p.is_absolute()) return false;
  for (const auto& part : p.lexically_normal())
    if (part == "..") return false;
  return true;
}

ExpandedName expand(std::string_view pattern, const core::Variables& vars) {
  return expand_output_pattern(pattern, [&](const std::string& name) -> const core::Value* {
    auto it = vars.find(name);
    return it == vars.end() ? nullptr : &it->second;
  });
}

}  // namespace

TEST_CASE("names: slashes and backslashes cannot make folders") {
  CHECK(sanitize_name_part("a/b") == "a-b");
  CHECK(sanitize_name_part("a\\b") == "a-b");
  CHECK(sanitize_name_part("/etc/passwd") == "-etc-passwd");
}

TEST_CASE("names: traversal is neutralised") {
  CHECK(sanitize_name_part("..") == "_");
  CHECK(sanitize_name_part(".") == "_");
  CHECK(sanitize_name_part("../../etc/x") == "-..-etc-x");
  CHECK(sanitize_name_part("...") == "_");
  CHECK(sanitize_name_part(".hidden") == "hidden");
  CHECK(sanitize_name_part(" . .x") == "x");
  CHECK(sanitize_name_part("name.") == "name");  // Windows drops trailing dots
}

TEST_CASE("names: NUL, control characters and invalid UTF-8 go; spaces are tidied") {
  CHECK(sanitize_name_part(std::string("a\0b", 3)) == "a b");
  CHECK(sanitize_name_part("a\nb\tc\x7F") == "a b c");
  CHECK(sanitize_name_part("  Union   Hall  ") == "Union Hall");
  CHECK(sanitize_name_part("bad\xFF\xC3") == "bad");
  CHECK(sanitize_name_part("Zürich – São Paulo") == "Zürich – São Paulo");
  CHECK(sanitize_name_part("a<b>c:d\"e|f?g*h") == "a-b-c-d-e-f-g-h");
}

TEST_CASE("names: empty values become '_', long ones are cut at a character boundary") {
  CHECK(sanitize_name_part("") == "_");
  CHECK(sanitize_name_part(std::string(1, '\0')) == "_");
  CHECK(sanitize_name_part("   ") == "_");
  std::string long_value;
  for (int i = 0; i < 80; ++i) long_value += "é";  // 2 bytes each
  const std::string cut = sanitize_name_part(long_value);
  CHECK(cut.size() <= kMaxNamePartBytes);
  CHECK(cut.size() % 2 == 0);
  CHECK(cut == std::string(long_value, 0, cut.size()));
}

TEST_CASE("names: every hostile value stays inside the folder, whatever the pattern") {
  const std::vector<std::string> hostile = {
      "../../etc/x",   "..",        ".", "/abs",  "a/../../b", std::string("..\0/..", 6),
      "\\..\\..\\win", "~/.ssh/id", "",  " ../ ", ".../...",   "a/b/c"};
  for (const char* pattern : {"{v}.pdf", "{v}", "{v}/{v}.png", "x/{v}{v}.pdf", "{v}..{v}"})
    for (const auto& v : hostile) {
      const auto name = expand(pattern, {{"v", core::Value::scalar(v)}});
      INFO("pattern " << pattern << " value '" << v << "' -> " << name.path.string());
      REQUIRE(name.error.empty());
      CHECK(stays_inside(name.path));
      CHECK(name.path.string().find('\0') == std::string::npos);
      for (const auto& part : name.path) {
        CHECK(part != "..");
        CHECK(part != ".");
        CHECK_FALSE(part.empty());
      }
    }
}

TEST_CASE("names: patterns fill variables, keep literal text and braces, name missing ones") {
  core::Variables vars = {{"branch.name", core::Value::scalar("Detroit / Wayne")},
                          {"lang", core::Value::scalar("en")}};
  CHECK(expand("{lang}/{branch.name}.pdf", vars).path == "en/Detroit - Wayne.pdf");
  CHECK(expand("{{x}}-{lang}.png", vars).path == "{x}-en.png");
  const auto missing = expand("{branch.city}.pdf", vars);
  CHECK(missing.error == "output pattern '{branch.city}.pdf': variable 'branch.city' is not set");
  CHECK_FALSE(expand("{unclosed.pdf", vars).error.empty());
}

TEST_CASE("names: a manifest's patterns must stay inside the output folder themselves") {
  CHECK(check_confined_pattern("{design}/{lang}/{branch.name}.pdf").empty());
  CHECK(check_confined_pattern("a..b/x.pdf").empty());
  CHECK_FALSE(check_confined_pattern("../x.pdf").empty());
  CHECK_FALSE(check_confined_pattern("a/../../x.pdf").empty());
  CHECK_FALSE(check_confined_pattern("/tmp/x.pdf").empty());
  CHECK_FALSE(check_confined_pattern("").empty());
}
