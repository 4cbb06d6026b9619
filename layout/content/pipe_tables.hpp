// pipe_tables.hpp — GFM pipe tables, which cmark reads as paragraphs: found and set as lines.
#pragma once

#include <cmark.h>

#include <optional>
#include <string_view>
#include <vector>

#include "content/inlines.hpp"
#include "core/rich_text.hpp"

namespace broadside::content {

/// Where a paragraph's source lines hold a table: the index of its delimiter row ("|---|:-:|")
/// under a header row with a pipe; 0 when there is none (the first line cannot be one). Quote
/// markers and indentation before a line are allowed.
size_t find_delimiter_row(const std::vector<std::string_view>& lines);

/// The text of `paragraph`, whose `line_count` source lines hold a table at `delimiter_row`:
/// the lines before the header run on as prose, then each row is a line of its own (a hard
/// break), its outer pipes gone and the header strong; the delimiter row is left out, so
/// smart punctuation never turns it into dashes. Takes the paragraph's inline nodes. nullopt
/// when its inline lines do not match its source lines (a break inside emphasis), leaving the
/// paragraph as it was.
std::optional<core::RichText> table_text(cmark_node* paragraph, size_t delimiter_row,
                                         size_t line_count, const InlineContext& context);

}  // namespace broadside::content
