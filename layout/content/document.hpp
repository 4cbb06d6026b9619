// document.hpp — a statement as data: variables from its front matter and its body blocks.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/options.hpp"
#include "core/rich_text.hpp"
#include "core/variables.hpp"

namespace broadside::content {

/// A section break is a thematic break (`---`): no text, a pause the body shows. A table is a
/// pipe table's rows, one a line (hard breaks), which are not prose to justify.
enum class BlockKind { paragraph, heading, list_item, quote, section_break, table };

struct Block {
  BlockKind kind = BlockKind::paragraph;
  /// Heading level (2 for "##"), or list nesting depth starting at 1.
  int level = 0;
  /// Ordered list number; 0 for a bulleted item.
  int ordinal = 0;
  core::RichText text;
  core::SourceLocation where;
  /// Inside a block quote: a table, list or break there is set in the quote's style too.
  bool quoted = false;
};

struct Document {
  std::filesystem::path source;
  /// BCP 47 tag from the front matter (`lang:`), "en" when absent.
  std::string lang = "en";
  /// Front matter, flattened ("cta.url"), plus derived ones: headline, byline.
  core::Variables variables;
  std::vector<Block> body;

  /// Words in the body (for overflow messages and tests).
  size_t body_word_count() const;
};

/// Reads a statement: Markdown with optional YAML front matter, or a plain text statement like
/// the seed (`# headline`, byline lines, paragraphs). Problems go to `diags`; nullopt on error.
/// `options` gives the limits on its size and its front matter.
std::optional<Document> load_statement(const std::filesystem::path& file,
                                       const core::Options& options, core::Diagnostics& diags);

/// As load_statement, from text in memory; `file` names it in messages.
std::optional<Document> parse_statement(const std::string& text, const std::filesystem::path& file,
                                        const core::Options& options, core::Diagnostics& diags);

}  // namespace broadside::content
