// inlines.hpp — the inline content of one cmark block as rich text.
#pragma once

#include <cmark.h>

#include <string>

#include "core/diagnostic.hpp"
#include "core/rich_text.hpp"

namespace broadside::content {

/// Where inline nodes are in the file: cmark's lines plus the front matter's, for warnings.
struct InlineContext {
  const std::string& file;
  int line_offset = 0;
  core::Diagnostics& diags;
};

/// Text and style runs of the inlines under `block` (a paragraph or heading): emphasis, strong,
/// code and links become runs; a soft break is a space, a hard break "\n"; images give their alt
/// text; raw HTML is dropped with a warning. Whitespace is collapsed.
core::RichText collect_inlines(cmark_node* block, const InlineContext& context);

}  // namespace broadside::content
