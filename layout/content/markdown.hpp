// markdown.hpp — a statement body in Markdown (CommonMark, via cmark) as a list of blocks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/document.hpp"
#include "core/diagnostic.hpp"

namespace broadside::content {

/// Parses `markdown` with smart punctuation into blocks: paragraphs, headings (every level, the
/// headline's `#` included), list items with their depth and number, and one quote block per
/// paragraph of a block quote, and a section break for each thematic break. Raw HTML is dropped
/// with a warning; images become their alt text; a GFM table, which cmark does not read, is a
/// table block of one row a line, with a warning. `line_offset` is the number of file lines before
/// the body (the front matter).
std::vector<Block> parse_markdown(std::string_view markdown, int line_offset,
                                  const std::string& file, core::Diagnostics& diags);

}  // namespace broadside::content
