// markdown.cpp — cmark block tree to content::Block values, with file lines and list depths.
#include "content/markdown.hpp"

#include "content/cmark_handle.hpp"
#include "content/inlines.hpp"
#include "content/whitespace.hpp"

namespace broadside::content {

namespace {

// Quotes in lists in quotes... beyond this depth the input is hostile or broken; the limit keeps
// the recursion below bounded (cmark itself accepts any depth).
constexpr int kMaxBlockDepth = 32;

bool is_comment(cmark_node* node) {
  const char* literal = cmark_node_get_literal(node);
  return literal && std::string_view(literal).starts_with("<!--");
}

// Where a walk is in the block tree.
struct BlockContext {
  bool in_quote = false;
  int list_level = 0;
  int depth = 0;
};

class BlockCollector {
 public:
  BlockCollector(const std::string& file, int line_offset, core::Diagnostics& diags)
      : inline_context_{file, line_offset, diags} {}

  void visit_children(cmark_node* parent, BlockContext context);
  std::vector<Block> take() { return std::move(blocks_); }

 private:
  void visit(cmark_node* node, BlockContext context);
  void visit_list(cmark_node* list, BlockContext context);
  void visit_item(cmark_node* item, int ordinal, BlockContext context);
  void add_text_block(cmark_node* node, BlockKind kind, int level, core::RichText text);
  core::SourceLocation where(cmark_node* node) const {
    return {inline_context_.file, cmark_node_get_start_line(node) + inline_context_.line_offset,
            cmark_node_get_start_column(node)};
  }

  InlineContext inline_context_;
  std::vector<Block> blocks_;
  bool reported_depth_ = false;
};

void BlockCollector::visit_children(cmark_node* parent, BlockContext context) {
  for (cmark_node* child = cmark_node_first_child(parent); child; child = cmark_node_next(child))
    visit(child, context);
}

void BlockCollector::visit(cmark_node* node, BlockContext context) {
  if (context.depth > kMaxBlockDepth) {
    if (!reported_depth_)
      inline_context_.diags.error(where(node), "blocks nested too deeply",
                                  "at most " + std::to_string(kMaxBlockDepth) + " levels");
    reported_depth_ = true;
    return;
  }
  const BlockKind prose = context.in_quote ? BlockKind::quote : BlockKind::paragraph;
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_PARAGRAPH:
      add_text_block(node, prose, 0, collect_inlines(node, inline_context_));
      break;
    case CMARK_NODE_HEADING:
      add_text_block(node, context.in_quote ? BlockKind::quote : BlockKind::heading,
                     context.in_quote ? 0 : cmark_node_get_heading_level(node),
                     collect_inlines(node, inline_context_));
      break;
    case CMARK_NODE_CODE_BLOCK: {
      // Printed as it stands, as one code-styled block (a leaflet has no use for syntax).
      const char* literal = cmark_node_get_literal(node);
      core::RichText text = core::RichText::plain(literal ? literal : "");
      text.runs.push_back({0, text.text.size(), false, false, true, {}});
      add_text_block(node, prose, 0, collapse_whitespace(text));
      break;
    }
    case CMARK_NODE_BLOCK_QUOTE:
      visit_children(node, {true, context.list_level, context.depth + 1});
      break;
    case CMARK_NODE_LIST:
      visit_list(node, context);
      break;
    case CMARK_NODE_HTML_BLOCK:
      if (is_comment(node)) break;  // a note to fellow editors, not content
      inline_context_.diags.warning(where(node), "raw HTML block dropped",
                                    "a statement is Markdown; HTML is never interpreted");
      break;
    default:
      break;  // thematic breaks: the design decides where rules go
  }
}

void BlockCollector::visit_list(cmark_node* list, BlockContext context) {
  const bool is_ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
  int ordinal = is_ordered ? cmark_node_get_list_start(list) : 0;
  const BlockContext inner{context.in_quote, context.list_level + 1, context.depth + 1};
  for (cmark_node* item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
    visit_item(item, ordinal, inner);
    if (is_ordered) ++ordinal;
  }
}

// An item's first paragraph is the list item; later paragraphs of the same item continue it
// after a line break (a second bullet would misnumber the list); nested lists go one level in.
void BlockCollector::visit_item(cmark_node* item, int ordinal, BlockContext context) {
  const size_t item_index = blocks_.size();
  bool has_text = false;
  for (cmark_node* child = cmark_node_first_child(item); child; child = cmark_node_next(child)) {
    if (cmark_node_get_type(child) != CMARK_NODE_PARAGRAPH) {
      visit(child, context);
      continue;
    }
    core::RichText text = collect_inlines(child, inline_context_);
    if (text.empty()) continue;
    if (!has_text) {
      blocks_.insert(blocks_.begin() + item_index, Block{BlockKind::list_item, context.list_level,
                                                         ordinal, std::move(text), where(item)});
      has_text = true;
    } else {
      blocks_[item_index].text.append("\n");
      blocks_[item_index].text.append(text);
    }
  }
}

void BlockCollector::add_text_block(cmark_node* node, BlockKind kind, int level,
                                    core::RichText text) {
  if (text.empty()) return;  // e.g. a paragraph that held only raw HTML
  blocks_.push_back(Block{kind, level, 0, std::move(text), where(node)});
}

}  // namespace

std::vector<Block> parse_markdown(std::string_view markdown, int line_offset,
                                  const std::string& file, core::Diagnostics& diags) {
  CmarkDocument document(cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_SMART));
  BlockCollector collector(file, line_offset, diags);
  collector.visit_children(document.get(), {});
  return collector.take();
}

}  // namespace broadside::content
