// yaml_load_test.cpp — the one-parse YAML loader: the tree YAML::Load builds, marks included,
// and the limit diagnostics check_yaml_limits gives, at the same places.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include "core/limits.hpp"
#include "core/yaml_guard.hpp"
#include "core/yaml_load.hpp"
#include "yaml_bombs.hpp"

using broadside::testing::laughs;

using namespace broadside::core;

namespace {

/// The tree as text with every node's mark, keys and values in document order.
std::string dump(const YAML::Node& n) {
  std::string out =
      std::to_string(n.Mark().line) + ":" + std::to_string(n.Mark().column) + " " + n.Tag() + " ";
  switch (n.Type()) {
    case YAML::NodeType::Scalar:
      return out + "'" + n.Scalar() + "'";
    case YAML::NodeType::Sequence:
      out += "[";
      for (const auto& item : n) out += dump(item) + ", ";
      return out + "]";
    case YAML::NodeType::Map:
      out += "{";
      for (const auto& kv : n) out += dump(kv.first) + ": " + dump(kv.second) + ", ";
      return out + "}";
    case YAML::NodeType::Null:
      return out + "~";
    default:
      return out + "?";
  }
}

std::string loaded(const std::string& yaml) {
  Diagnostics d;
  const auto root = load_yaml(yaml, "x.yaml", 1, Limits{}, d);
  REQUIRE(root);
  CHECK(d.size() == 0);
  return dump(*root);
}

}  // namespace

TEST_CASE("the tree is YAML::Load's: values, tags, marks, anchors and aliases") {
  for (const std::string yaml : {
           "name: x\npages:\n  - frames: [{text: '{headline}', area: [1, 2]}]\n",
           "base: &b {font: Inter, size: 9pt}\nhead: *b\nbody: *b\nempty:\n",
           "- a\n- !custom b\n- ? complex\n  : key\n- {a: , b: ~}\n",
           "just a scalar",
           "",
           "# only a comment\n",
           "first: 1\n---\nsecond: 2\n",
       }) {
    CAPTURE(yaml);
    CHECK(loaded(yaml) == dump(YAML::Load(yaml)));
  }
}

TEST_CASE("an alias is the node its anchor names, as YAML::Load makes it") {
  Diagnostics d;
  const auto root = load_yaml("a: &x {k: v}\nb: *x\n", "x.yaml", 1, Limits{}, d);
  REQUIRE(root);
  CHECK((*root)["a"].is((*root)["b"]));
}

TEST_CASE("a syntax error in the first document throws what YAML::Load throws") {
  Diagnostics d;
  std::string loader, ours;
  try {
    YAML::Load("a: [1, 2\n");
  } catch (const YAML::ParserException& e) {
    loader = e.what();
  }
  try {
    load_yaml("a: [1, 2\n", "x.yaml", 1, Limits{}, d);
  } catch (const YAML::ParserException& e) {
    ours = e.what();
  }
  CHECK_FALSE(loader.empty());
  CHECK(ours == loader);
  // After the first document, only the limits are looked for, as check_yaml_limits does.
  CHECK(loaded("a: 1\n---\n[unclosed\n") == dump(YAML::Load("a: 1\n")));
}

TEST_CASE("a limit crossed is reported as check_yaml_limits reports it, and nothing is read") {
  Limits few;
  REQUIRE(few.set("yaml-nodes=5").empty());
  const std::string deep = "a: " + std::string(100, '[') + std::string(100, ']') + "\n";
  struct Case {
    std::string yaml;
    int first_line;
    Limits limits;
  };
  for (const Case& c :
       {Case{laughs(), 1, Limits{}}, Case{deep, 10, Limits{}}, Case{"a: &a [1, *a]\n", 1, Limits{}},
        Case{"[1, 2, 3, 4, 5, 6]\n", 1, few}, Case{"a: 1\n---\n" + laughs(), 3, Limits{}}}) {
    CAPTURE(c.yaml);
    Diagnostics checked, ours;
    CHECK_FALSE(check_yaml_limits(c.yaml, "x.yaml", c.first_line, c.limits, checked));
    CHECK_FALSE(load_yaml(c.yaml, "x.yaml", c.first_line, c.limits, ours));
    CHECK(ours.size() == 1);
    CHECK(ours.to_string() == checked.to_string());
  }
}
