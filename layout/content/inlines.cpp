// inlines.cpp — cmark inline nodes to RichText: one pass with a stack of styles, no recursion,
// so deeply nested emphasis in hostile input cannot exhaust the call stack.
#include "content/inlines.hpp"

#include <string_view>
#include <vector>

#include "content/cmark_handle.hpp"
#include "content/whitespace.hpp"

namespace broadside::content {

namespace {

// The style in force at a point of the inline tree.
struct InlineStyle {
  bool emphasis = false;
  bool strong = false;
  bool code = false;
  std::string link;

  bool is_plain() const { return !emphasis && !strong && !code && link.empty(); }
};

void append_styled(core::RichText& out, std::string_view text, const InlineStyle& style) {
  const size_t start = out.text.size();
  out.text += text;
  if (style.is_plain() || text.empty()) return;
  out.runs.push_back(
      {start, out.text.size(), style.emphasis, style.strong, style.code, style.link});
}

std::string_view literal(cmark_node* node) {
  const char* s = cmark_node_get_literal(node);
  return s ? std::string_view(s) : std::string_view();
}

// Pushes the style inside a container inline (emphasis, strong, link, image); false for a leaf.
bool push_container(cmark_node* node, std::vector<InlineStyle>& styles) {
  InlineStyle style = styles.back();
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_EMPH:
      style.emphasis = true;
      break;
    case CMARK_NODE_STRONG:
      style.strong = true;
      break;
    case CMARK_NODE_LINK: {
      const char* url = cmark_node_get_url(node);
      style.link = url ? url : "";
      break;
    }
    case CMARK_NODE_IMAGE:
      break;  // its children are the alt text, in the outer style
    default:
      return false;
  }
  styles.push_back(std::move(style));
  return true;
}

void append_leaf(cmark_node* node, const InlineStyle& style, core::RichText& out,
                 const InlineContext& context) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_TEXT:
      append_styled(out, literal(node), style);
      break;
    case CMARK_NODE_SOFTBREAK:
      append_styled(out, " ", style);
      break;
    case CMARK_NODE_LINEBREAK:
      append_styled(out, "\n", style);
      break;
    case CMARK_NODE_CODE: {
      InlineStyle code = style;
      code.code = true;
      append_styled(out, literal(node), code);
      break;
    }
    case CMARK_NODE_HTML_INLINE:
      // Markup is never interpreted: the text would print its tags, so it goes. A comment is
      // a note to fellow editors, dropped without a word.
      if (literal(node).starts_with("<!--")) break;
      context.diags.warning({context.file, cmark_node_get_start_line(node) + context.line_offset,
                             cmark_node_get_start_column(node)},
                            "raw HTML '" + std::string(literal(node)) + "' dropped",
                            "use *emphasis* or **strong** instead");
      break;
    default:
      break;
  }
}

}  // namespace

core::RichText collect_inlines(cmark_node* block, const InlineContext& context) {
  core::RichText out;
  std::vector<InlineStyle> styles(1);
  CmarkIter iter(cmark_iter_new(block));
  for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    if (node == block) continue;
    if (event == CMARK_EVENT_EXIT) {
      styles.pop_back();  // only containers get an exit event
    } else if (!push_container(node, styles)) {
      append_leaf(node, styles.back(), out, context);
    }
  }
  return collapse_whitespace(out);
}

}  // namespace broadside::content
