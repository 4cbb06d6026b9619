// body_limits.cpp — counting a statement's blocks and measuring each against the limits.
#include "content/body_limits.hpp"

namespace broadside::content {

namespace {

const char* block_name(BlockKind kind) {
  switch (kind) {
    case BlockKind::heading:
      return "heading";
    case BlockKind::list_item:
      return "list item";
    case BlockKind::quote:
      return "quote";
    case BlockKind::section_break:
      return "section break";
    case BlockKind::table:
      return "table";
    case BlockKind::paragraph:
      break;
  }
  return "paragraph";
}

}  // namespace

bool check_body_limits(const std::vector<Block>& body, const std::string& file,
                       const core::Limits& limits, core::Diagnostics& diags) {
  // Reading cost what the statement-bytes limit allows; laying out is what costs: each block
  // becomes a Pango paragraph, measured at every size a fit tries.
  const auto most = static_cast<size_t>(limits[core::Limit::paragraphs]);
  if (body.size() > most) {
    core::SourceLocation where = body[most].where;
    if (where.file.empty()) where.file = file;
    diags.error(
        where,
        "the statement has " + std::to_string(body.size()) + " paragraphs, " +
            limits.over(core::Limit::paragraphs),
        "split it into several statements, or " + core::limit_hint(core::Limit::paragraphs));
    return false;
  }
  const auto longest = static_cast<size_t>(limits[core::Limit::paragraph_bytes]);
  for (const Block& block : body) {
    if (block.text.text.size() <= longest) continue;
    core::SourceLocation where = block.where;
    if (where.file.empty()) where.file = file;
    diags.error(where,
                std::string("this ") + block_name(block.kind) + " is " +
                    std::to_string(block.text.text.size()) + " bytes long, " +
                    limits.over(core::Limit::paragraph_bytes),
                "break it into paragraphs with a blank line, or " +
                    core::limit_hint(core::Limit::paragraph_bytes));
    return false;
  }
  return true;
}

}  // namespace broadside::content
