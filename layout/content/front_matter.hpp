// front_matter.hpp — the YAML block at the top of a statement, read into flattened variables.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "core/limits.hpp"
#include "core/variables.hpp"

namespace broadside::content {

/// A statement cut into its front matter (if any) and its Markdown body, with the line numbers
/// needed to report places in the file.
struct StatementParts {
  bool has_front_matter = false;
  /// The YAML between the `---` lines, and the file line its first line is on.
  std::string_view front_matter;
  int front_matter_first_line = 0;
  /// The Markdown after the closing `---`, and how many file lines come before it.
  std::string_view body;
  int body_line_offset = 0;
};

/// Finds front matter: a first line `---`, YAML, and a closing `---` (or `...`) line. A missing
/// closing line is an error (nullopt). Text without an opening `---` is all body.
std::optional<StatementParts> split_front_matter(std::string_view text, const std::string& file,
                                                 core::Diagnostics& diags);

/// Which top-level keys a YAML block may have.
enum class FrontMatterKeys {
  /// A statement's front matter: broadside's keys (lang, headline, …, demands, cta with text
  /// and url), and any other key only as a map, a group of the statement's own variables.
  statement,
  /// A vars file: any names (the well-known ones still have their shape checked).
  any,
};

/// Reads the YAML front matter into `variables`: nested maps become dotted names ("cta.url"),
/// lists of scalars stay lists, scalars are plain text, each with its file:line:column. Checks
/// the well-known keys (lang is a BCP 47 tag, headline is text, demands a list, cta a map).
/// Returns false when it reported an error.
bool read_front_matter(std::string_view yaml, int first_line, const std::string& file,
                       const core::Limits& limits, FrontMatterKeys keys, core::Variables& variables,
                       core::Diagnostics& diags);

/// True for tags such as "en", "pt-BR", "zh-Hant-TW", "de-CH-1996" (RFC 5646 shape: a 2-3
/// letter language, then subtags of 1-8 letters or digits).
bool is_language_tag(std::string_view tag);

}  // namespace broadside::content
