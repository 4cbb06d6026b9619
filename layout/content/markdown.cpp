// markdown.cpp — cmark block tree to content::Block values, with file lines and list depths.
#include "content/markdown.hpp"

#include <optional>

#include "content/cmark_handle.hpp"
#include "content/inlines.hpp"
#include "content/pipe_tables.hpp"
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
  BlockCollector(std::string_view markdown, const std::string& file, int line_offset,
                 core::Diagnostics& diags)
      : markdown_(markdown), inline_context_{file, line_offset, diags} {}

  void visit_children(cmark_node* parent, BlockContext context);
  std::vector<Block> take() { return std::move(blocks_); }

 private:
  void visit(cmark_node* node, BlockContext context);
  void visit_list(cmark_node* list, BlockContext context);
  void visit_item(cmark_node* item, int ordinal, BlockContext context);
  void add_text_block(cmark_node* node, BlockKind kind, int level, core::RichText text,
                      bool quoted);
  core::RichText paragraph_text(cmark_node* paragraph, bool* is_table = nullptr);
  std::string_view source_line(int line);
  core::SourceLocation where(cmark_node* node) const {
    return {inline_context_.file, cmark_node_get_start_line(node) + inline_context_.line_offset,
            cmark_node_get_start_column(node)};
  }

  std::string_view markdown_;
  std::vector<std::string_view> lines_;  // of markdown_, split when a paragraph first needs them
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
    case CMARK_NODE_PARAGRAPH: {
      bool is_table = false;
      core::RichText text = paragraph_text(node, &is_table);
      add_text_block(node, is_table ? BlockKind::table : prose, 0, std::move(text),
                     context.in_quote);
      break;
    }
    case CMARK_NODE_HEADING:
      add_text_block(node, context.in_quote ? BlockKind::quote : BlockKind::heading,
                     context.in_quote ? 0 : cmark_node_get_heading_level(node),
                     collect_inlines(node, inline_context_), context.in_quote);
      break;
    case CMARK_NODE_CODE_BLOCK: {
      // Printed as it stands, as one code-styled block (a leaflet has no use for syntax).
      const char* literal = cmark_node_get_literal(node);
      core::RichText text = core::RichText::plain(literal ? literal : "");
      text.runs.push_back({0, text.text.size(), false, false, true, {}});
      add_text_block(node, prose, 0, collapse_whitespace(text), context.in_quote);
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
    case CMARK_NODE_THEMATIC_BREAK:
      blocks_.push_back(Block{BlockKind::section_break, 0, 0, {}, where(node), context.in_quote});
      break;
    default:
      break;
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
    core::RichText text = paragraph_text(child);
    if (text.empty()) continue;
    if (!has_text) {
      blocks_.insert(blocks_.begin() + item_index,
                     Block{BlockKind::list_item, context.list_level, ordinal, std::move(text),
                           where(item), context.in_quote});
      has_text = true;
    } else {
      blocks_[item_index].text.append("\n");
      blocks_[item_index].text.append(text);
    }
  }
}

void BlockCollector::add_text_block(cmark_node* node, BlockKind kind, int level,
                                    core::RichText text, bool quoted) {
  if (text.empty()) return;  // e.g. a paragraph that held only raw HTML
  blocks_.push_back(Block{kind, level, 0, std::move(text), where(node), quoted});
}

// cmark has no tables: a GFM table is a paragraph of pipes, its delimiter row smart dashes.
core::RichText BlockCollector::paragraph_text(cmark_node* paragraph, bool* is_table) {
  const int first = cmark_node_get_start_line(paragraph);
  const int last = cmark_node_get_end_line(paragraph);
  if (last <= first) return collect_inlines(paragraph, inline_context_);
  std::vector<std::string_view> lines;
  for (int line = first; line <= last; ++line) lines.push_back(source_line(line));
  const size_t delimiter = find_delimiter_row(lines);
  if (delimiter == 0) return collect_inlines(paragraph, inline_context_);
  core::SourceLocation header = where(paragraph);
  if (delimiter > 1) {
    const std::string_view line = lines[delimiter - 1];
    header.line += static_cast<int>(delimiter) - 1;
    header.column = static_cast<int>(line.find_first_not_of(" \t>")) + 1;
  }
  inline_context_.diags.warning(header, "tables are not supported: this one is set as text",
                                "each row prints as a line with its cells split by '|'; a list "
                                "may read better");
  std::optional<core::RichText> text =
      table_text(paragraph, delimiter, lines.size(), inline_context_);
  if (!text) return collect_inlines(paragraph, inline_context_);
  if (is_table) *is_table = true;
  return std::move(*text);
}

std::string_view BlockCollector::source_line(int line) {
  if (lines_.empty()) {
    for (size_t start = 0; start <= markdown_.size();) {
      size_t end = markdown_.find('\n', start);
      if (end == std::string_view::npos) end = markdown_.size();
      lines_.push_back(markdown_.substr(start, end - start));
      start = end + 1;
    }
  }
  return line >= 1 && static_cast<size_t>(line) <= lines_.size() ? lines_[line - 1]
                                                                 : std::string_view();
}

}  // namespace

std::vector<Block> parse_markdown(std::string_view markdown, int line_offset,
                                  const std::string& file, core::Diagnostics& diags) {
  CmarkDocument document(cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_SMART));
  BlockCollector collector(markdown, file, line_offset, diags);
  collector.visit_children(document.get(), {});
  return collector.take();
}

}  // namespace broadside::content
