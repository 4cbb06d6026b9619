// yaml_guard_test.cpp — the nesting and alias-expansion limits every YAML reader shares.
#include <doctest/doctest.h>

#include "core/limits.hpp"
#include "core/yaml_guard.hpp"
#include "yaml_bombs.hpp"

using broadside::testing::laughs;

using namespace broadside::core;

namespace {

std::string check(const std::string& yaml, int first_line = 1, const Limits& limits = {}) {
  Diagnostics d;
  return check_yaml_limits(yaml, "x.yaml", first_line, limits, d) ? "" : d.to_string();
}

}  // namespace

TEST_CASE("ordinary YAML, anchors and aliases included, passes") {
  CHECK(check("name: x\npages: [{frames: []}]\n").empty());
  CHECK(check("base: &b {font: Inter, size: 9pt}\nhead: *b\nbody: *b\n").empty());
  CHECK(check("not: [valid\n").empty());  // the loader reports syntax, in its own words
}

TEST_CASE("a billion laughs is stopped, at its place, naming the limit") {
  const std::string e = check(laughs());
  CHECK(e.find("x.yaml:6:") == 0);
  CHECK(e.find("more values than allowed once its aliases are expanded") != std::string::npos);
  CHECK(e.find("over the yaml-nodes limit of 200000 values") != std::string::npos);
  CHECK(e.find("--limit yaml-nodes=N or BROADSIDE_LIMIT_YAML_NODES=N") != std::string::npos);
}

TEST_CASE("nesting deeper than the limit is stopped; line numbers count from first_line") {
  const std::string deep = "a: " + std::string(100, '[') + std::string(100, ']') + "\n";
  const std::string e = check(deep, 10);
  CHECK(e.find("x.yaml:10:") == 0);
  CHECK(e.find("over the yaml-depth limit of 64 nesting levels") != std::string::npos);
  CHECK(check("a: " + std::string(60, '[') + std::string(60, ']') + "\n").empty());
}

TEST_CASE("an alias inside its own anchor is a loop, refused before any reader walks it") {
  CHECK(check("a: &a [1, *a]\n").find("refers to its own anchor") != std::string::npos);
  CHECK(check("a: &a {b: *a}\n").find("refers to its own anchor") != std::string::npos);
}

TEST_CASE("the limits are the ones passed in") {
  Limits few;
  REQUIRE(few.set("yaml-nodes=5").empty());
  CHECK_FALSE(check("[1, 2, 3, 4, 5, 6]\n", 1, few).empty());
  CHECK(check("[1, 2, 3, 4, 5, 6]\n").empty());
}
