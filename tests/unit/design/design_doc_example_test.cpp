// design_doc_example_test.cpp — the full example in docs/design-format.md parses and resolves,
// so the reference never shows a design broadside would reject.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "design/design.hpp"
#include "spec_test_support.hpp"
#include "support/test_options.hpp"

using namespace broadside;
using namespace broadside::design;
using core::from_mm;
using core::Pt;
using design::testing::near;

namespace {

// The ```yaml block between the example markers.
std::string documented_example() {
  std::ifstream in(std::string(BROADSIDE_SOURCE_DIR) + "/docs/design-format.md");
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  const size_t begin = doc.find("<!-- example:begin -->");
  REQUIRE(begin != std::string::npos);
  const size_t open = doc.find("```yaml\n", begin);
  REQUIRE(open != std::string::npos);
  const size_t body = open + 8;
  const size_t close = doc.find("\n```", body);
  REQUIRE(close != std::string::npos);
  return doc.substr(body, close - body + 1);
}

}  // namespace

TEST_CASE("doc example: parses without a single diagnostic") {
  core::Diagnostics diags;
  auto design = parse_design(documented_example(), "designs/leaflet-a5.yaml", kOptions, diags);
  INFO(diags.to_string());
  REQUIRE(design.has_value());
  CHECK(diags.empty());

  const Design& d = *design;
  CHECK(d.name == "leaflet-a5");
  CHECK(near(d.geometry.trim.width, from_mm(148)));
  CHECK(near(d.margins.bottom, from_mm(12)));
  CHECK(near(d.margins.left, from_mm(10)));
  REQUIRE(d.pages.size() == 2);
  CHECK(d.pages[1].repeat);
  CHECK(d.max_pages == 8);
  CHECK(d.colors.at("brand").spot == "PANTONE 485 C");
  CHECK(d.styles.at("demand").face.families == std::vector<std::string>{"League Spartan"});
  CHECK(d.styles.at("headline").face.weight == 800);

  const auto& front = std::get<StackFrame>(d.pages[0].frames[0].content);
  REQUIRE(front.items.size() == 5);
  CHECK(front.items[2].id == "rule 3");
  CHECK(near(*front.items[2].extent, Pt{0.75}));
  const Frame& cta = front.items[4];
  CHECK(cta.id == "call-to-action");
  CHECK(near(*cta.extent, from_mm(30)));
  CHECK(cta.link->sole_variable().empty());

  const Frame& running_head = d.pages[1].frames[0];
  CHECK(running_head.id == "headline #2");
  const Style& head = std::get<TextFrame>(running_head.content).style;
  CHECK(near(head.size.max, Pt{11}));
  CHECK_FALSE(head.size.is_range());
  CHECK(head.color == d.colors.at("red"));
  CHECK(head.max_lines == 3);

  const auto& flow = std::get<FlowFrame>(d.pages[1].frames[2].content);
  CHECK(flow.heading_style.name == "subhead");
  CHECK(flow.heading_style.keep_lines == 3);
  CHECK(near(flow.style.leading, 12 / 9.5));  // 12pt pitch over the largest size

  const Frame& footer = d.pages[1].frames[3];
  CHECK(near(footer.area->x, from_mm(-3)));
  CHECK(near(footer.area->width, from_mm(154)));
  CHECK(near(footer.area->y, from_mm(195)));
  CHECK(d.defaults.at("cta.url").text() == "example.org");
}
