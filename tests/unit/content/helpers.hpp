// helpers.hpp — shared helpers for the content stage tests: parsing text and reading variables.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <optional>
#include <string>

#include "content/document.hpp"
#include "core/atomic_file.hpp"
#include "support/test_options.hpp"

namespace broadside::content::test {

/// Parses `text` as "statement.md", which must succeed; diagnostics go to `diags`.
inline Document parse_ok(const std::string& text, core::Diagnostics& diags) {
  std::optional<Document> doc = parse_statement(text, "statement.md", kOptions, diags);
  INFO(diags.to_string());
  REQUIRE(doc.has_value());
  return std::move(*doc);
}

inline Document parse_ok(const std::string& text) {
  core::Diagnostics diags;
  Document doc = parse_ok(text, diags);
  CHECK_MESSAGE(diags.empty(), diags.to_string());
  return doc;
}

/// Parses `text`, which must fail; returns all diagnostics as text.
inline std::string parse_error(const std::string& text) {
  core::Diagnostics diags;
  CHECK_FALSE(parse_statement(text, "statement.md", kOptions, diags).has_value());
  CHECK(diags.has_errors());
  return diags.to_string();
}

/// The text of a variable, or "<unset>".
inline std::string var(const Document& doc, const std::string& name) {
  auto found = doc.variables.find(name);
  return found == doc.variables.end() ? "<unset>" : found->second.text();
}

inline std::filesystem::path source_dir() {
  return BROADSIDE_SOURCE_DIR;
}

inline std::filesystem::path seed_path() {
  return source_dir() / "tests/unit/content/data/seed.txt";
}

}  // namespace broadside::content::test
