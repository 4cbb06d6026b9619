// compose_fixture.hpp — composing a design and a statement given as text, with the fake
// typesetter, and reading back where lines landed.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compose/compose.hpp"
#include "content/document.hpp"
#include "design/design.hpp"
#include "fake_images.hpp"
#include "fake_typesetter.hpp"
#include "support/test_options.hpp"

namespace broadside::testing {

struct PlacedLine {
  std::string text;
  double x = 0, y = 0, size = 0;
  size_t page = 0;
};

struct Composed {
  core::Diagnostics diags;
  compose::Composition composition;
  std::vector<PlacedLine> lines;

  std::string errors() const { return diags.to_string(); }
  const PlacedLine* find(const std::string& text) const {
    for (const auto& l : lines)
      if (l.text == text) return &l;
    return nullptr;
  }
  std::vector<PlacedLine> on_page(size_t page) const {
    std::vector<PlacedLine> out;
    for (const auto& l : lines)
      if (l.page == page) out.push_back(l);
    return out;
  }
};

/// `design` and `statement` as file text; `overrides` as from --set; `images` the sizes of the
/// images the design names (the files must exist next to `design_file`, which names the design).
inline Composed compose_text(const std::string& design, const std::string& statement,
                             const core::Variables& overrides = {},
                             const std::map<std::string, compose::ImageSize>& images = {},
                             const std::filesystem::path& design_file = "test.yaml") {
  Composed out;
  auto d = design::parse_design(design, design_file, kOptions, out.diags);
  auto doc = content::parse_statement(statement, "test.md", kOptions, out.diags);
  REQUIRE_MESSAGE(d, out.diags.to_string());
  REQUIRE_MESSAGE(doc, out.diags.to_string());
  FakeTypesetter typesetter;
  FakeImages measurer;
  measurer.sizes = images;
  out.composition = compose::compose(*d, *doc, overrides, typesetter, measurer, out.diags);
  for (size_t p = 0; p < out.composition.pages.size(); ++p) {
    for (const auto& item : out.composition.pages[p].items) {
      if (const auto* t = std::get_if<compose::TextLine>(&item))
        out.lines.push_back(
            {t->glyphs->text, t->origin.x.value, t->origin.y.value, t->glyphs->size.value, p});
    }
  }
  return out;
}

/// A statement with the given headline and body paragraphs (each a string of words).
inline std::string statement_with(const std::string& headline,
                                  const std::vector<std::string>& paragraphs = {"Body."}) {
  std::string s =
      "---\nheadline: \"" + headline + "\"\ndemands: [alpha, beta]\ncta: {url: example.org}\n---\n";
  // Full stops: a paragraph ending without one before a lower-case start would be joined to
  // the next as a repaired line break (content's broken-paragraph rule).
  for (const auto& p : paragraphs) s += p + ".\n\n";
  return s;
}

/// "w01 w02 ... wNN": n distinct three-letter words.
inline std::string words(int n, const std::string& prefix = "w") {
  std::string s;
  for (int i = 1; i <= n; ++i) {
    std::string w = prefix + (i < 10 ? "0" : "") + std::to_string(i);
    s += (s.empty() ? "" : " ") + w;
  }
  return s;
}

}  // namespace broadside::testing
