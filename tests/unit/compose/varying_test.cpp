// varying_test.cpp — which items vary from row to row of a merge (frames naming given values,
// stacks that are there only for one, frames drawn over them, printer's marks) and the
// composition cut into its fixed and varying layers.
#include "compose/layers.hpp"

#include "compose/varying.hpp"
#include "compose_fixture.hpp"

using namespace broadside;
using namespace broadside::testing;

namespace {

// Three frames side by side, then a box drawn over the middle one.
const std::string kDesign = R"(
page: {size: [300pt, 300pt], bleed: 0mm, margins: 0mm}
defaults: {branch: {name: Anywhere}}
styles:
  s: {font: [X], size: 10pt}
pages:
  - background: "#FFFFFF"
    frames:
      - {text: "{headline}", style: s, area: {top: 0pt, left: 0pt, width: 90pt, height: 40pt}}
      - {text: "{branch.name}", style: s, link: "https://{cta.url}",
         area: {top: 0pt, left: 100pt, width: 90pt, height: 40pt}}
      - {text: "{cta.url}", style: s, area: {top: 0pt, left: 200pt, width: 90pt, height: 40pt}}
      - {box: {}, background: "#FF0000", area: {top: 10pt, left: 120pt, width: 20pt, height: 20pt}}
      - {box: {}, background: "#FF0000", area: {top: 100pt, left: 120pt, width: 20pt, height: 20pt}}
)";

core::Variables given(const std::string& name, const std::string& value) {
  return {{name, core::Value::scalar(value)}};
}

/// The texts (or "fill", "link") of a page's items, in order.
std::vector<std::string> kinds(const compose::Page& page) {
  std::vector<std::string> out;
  for (const auto& item : page.items) {
    if (const auto* t = std::get_if<compose::TextLine>(&item))
      out.push_back(t->glyphs->text);
    else if (std::holds_alternative<compose::Fill>(item))
      out.push_back("fill");
    else if (std::holds_alternative<compose::Link>(item))
      out.push_back("link");
    else
      out.push_back("other");
  }
  return out;
}

}  // namespace

TEST_CASE("varying: a frame naming a given value varies, and so does what is drawn over it") {
  const auto c = compose_text(kDesign, statement_with("Head"), given("branch.name", "Detroit"));
  REQUIRE(c.diags.empty());
  const compose::Page& page = c.composition.pages.at(0);
  REQUIRE(page.varying);
  // background, Head, Detroit, link, example.org, the box over Detroit, the box below.
  CHECK(kinds(page) ==
        std::vector<std::string>{"fill", "Head", "Detroit", "link", "example.org", "fill", "fill"});
  std::vector<bool> varies;
  for (size_t i = 0; i < page.items.size(); ++i) varies.push_back(page.varying->contains(i));
  CHECK(varies == std::vector<bool>{false, false, true, true, false, true, false});

  const compose::Layers layers = compose::split_layers(c.composition);
  CHECK(kinds(layers.fixed.pages.at(0)) ==
        std::vector<std::string>{"fill", "Head", "example.org", "fill"});
  CHECK(kinds(layers.varying.pages.at(0)) == std::vector<std::string>{"Detroit", "link", "fill"});
  CHECK(layers.fixed.metadata.title.empty());
  CHECK(layers.varying.metadata.title == c.composition.metadata.title);
}

TEST_CASE("varying: a given value no frame names, or none at all, leaves the page in one layer") {
  for (const auto& values : {core::Variables{}, given("event.place", "Hall")}) {
    const auto c = compose_text(kDesign, statement_with("Head"), values);
    REQUIRE(c.diags.empty());
    CHECK_FALSE(c.composition.pages.at(0).varying);
  }
}

TEST_CASE("varying: a name matches its dotted parents and children, and nothing else") {
  compose::VaryingItems unused(core::Variables{});
  design::Frame frame;
  design::TextFrame text;
  text.text.pieces = {{true, "event"}};
  frame.content = text;
  CHECK(compose::names_given_values(frame, given("event.date", "x")));
  CHECK_FALSE(compose::names_given_values(frame, given("events", "x")));
  CHECK_FALSE(compose::names_given_values(frame, given("even", "x")));
  std::get<design::TextFrame>(frame.content).text.pieces = {{true, "event.date"}};
  CHECK(compose::names_given_values(frame, given("event", "x")));
  CHECK_FALSE(compose::names_given_values(frame, given("event.time", "x")));
  frame.content = design::BoxFrame{};
  CHECK_FALSE(compose::names_given_values(frame, given("event.date", "x")));
  frame.when_unset = {"event.date"};
  CHECK(compose::names_given_values(frame, given("event.date", "x")));
}

TEST_CASE("varying: a stack there only for a given value varies whole; else member by member") {
  const std::string design = R"(
page: {size: [300pt, 300pt], bleed: 0mm, margins: 0mm}
styles:
  s: {font: [X], size: 10pt}
pages:
  - frames:
      - stack: vertical
        area: margin
        gap: 10pt
        background: "#FF0000"
        WHEN
        items:
          - {text: "{headline}", style: s, height: 20pt}
          - {text: "{branch.name}", style: s, height: 20pt}
          - {text: "{cta.url}", style: s, height: 20pt}
)";
  auto with = [&](const std::string& when) {
    std::string d = design;
    d.replace(d.find("WHEN"), 4, when);
    return compose_text(d, statement_with("Head"), given("branch.name", "Detroit"));
  };
  const auto members = with("");
  REQUIRE(members.diags.empty());
  const auto& page = members.composition.pages.at(0);
  REQUIRE(page.varying);
  CHECK(kinds(page) == std::vector<std::string>{"fill", "Head", "Detroit", "example.org"});
  CHECK_FALSE(page.varying->contains(0));
  CHECK_FALSE(page.varying->contains(1));
  CHECK(page.varying->contains(2));
  CHECK_FALSE(page.varying->contains(3));

  const auto whole = with("when-set: branch.name");
  REQUIRE(whole.diags.empty());
  const auto& all = whole.composition.pages.at(0);
  REQUIRE(all.varying);
  for (size_t i = 0; i < all.items.size(); ++i) CHECK(all.varying->contains(i));
}

TEST_CASE("varying: items added after composing (printer's marks) vary") {
  const auto c = compose_text(kDesign, statement_with("Head"), given("branch.name", "Detroit"));
  compose::Page page = c.composition.pages.at(0);
  const size_t composed = page.items.size();
  page.items.push_back(compose::Fill{});
  CHECK(page.varying->composed == composed);
  CHECK(page.varying->contains(composed));
  CHECK_FALSE(page.varying->contains(0));
}
