// pipe_tables.cpp — finding a GFM table in a paragraph's lines and setting its rows as lines.
#include "content/pipe_tables.hpp"

#include "content/cmark_handle.hpp"
#include "content/whitespace.hpp"

namespace broadside::content {

namespace {

// A line without the quote markers and indentation its containers put before it.
std::string_view line_content(std::string_view line) {
  const size_t start = line.find_first_not_of(" \t>");
  if (start == std::string_view::npos) return {};
  line.remove_prefix(start);
  const size_t end = line.find_last_not_of(" \t\r");
  return line.substr(0, end + 1);
}

bool is_delimiter_row(std::string_view line) {
  line = line_content(line);
  bool pipe = false, dash = false;
  for (const char c : line) {
    if (c == '|')
      pipe = true;
    else if (c == '-')
      dash = true;
    else if (c != ':' && c != ' ' && c != '\t')
      return false;
  }
  // Without a pipe, dashes under a line are a setext heading, which cmark has already taken.
  return pipe && dash;
}

bool in_code(const core::RichText& text, size_t at) {
  for (const auto& run : text.runs)
    if (run.code && run.start <= at && at < run.end) return true;
  return false;
}

// "| a | b |" reads "a | b": the inner pipes stay, as they show where a cell ends.
core::RichText without_outer_pipes(core::RichText row) {
  if (!row.text.empty() && row.text.front() == '|' && !in_code(row, 0)) row.text.front() = ' ';
  if (!row.text.empty() && row.text.back() == '|' && !in_code(row, row.text.size() - 1))
    row.text.back() = ' ';
  return collapse_whitespace(row);
}

void make_strong(core::RichText& text) {
  std::vector<core::StyleRun> runs;
  size_t at = 0;
  for (core::StyleRun run : text.runs) {
    if (run.start > at) runs.push_back({at, run.start, false, true, false, {}});
    run.strong = true;
    at = run.end;
    runs.push_back(std::move(run));
  }
  if (at < text.text.size()) runs.push_back({at, text.text.size(), false, true, false, {}});
  text.runs = std::move(runs);
  merge_runs(text);
}

// The text of `nodes` (inlines taken from a paragraph), as a paragraph of their own would have.
core::RichText text_of(const std::vector<cmark_node*>& nodes, const InlineContext& context) {
  CmarkDocument holder(cmark_node_new(CMARK_NODE_PARAGRAPH));
  for (cmark_node* node : nodes) cmark_node_append_child(holder.get(), node);
  return collect_inlines(holder.get(), context);
}

}  // namespace

size_t find_delimiter_row(const std::vector<std::string_view>& lines) {
  for (size_t k = 1; k < lines.size(); ++k)
    if (is_delimiter_row(lines[k]) && line_content(lines[k - 1]).find('|') != std::string::npos)
      return k;
  return 0;
}

std::optional<core::RichText> table_text(cmark_node* paragraph, size_t delimiter_row,
                                         size_t line_count, const InlineContext& context) {
  // The paragraph's top-level inlines, line by line, and the breaks between the lines.
  std::vector<std::vector<cmark_node*>> lines(1);
  std::vector<cmark_node*> breaks;
  for (cmark_node* child = cmark_node_first_child(paragraph); child;
       child = cmark_node_next(child)) {
    const cmark_node_type type = cmark_node_get_type(child);
    if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
      breaks.push_back(child);
      lines.emplace_back();
    } else {
      lines.back().push_back(child);
    }
  }
  if (lines.size() != line_count || delimiter_row == 0 || delimiter_row >= line_count)
    return std::nullopt;
  const size_t header = delimiter_row - 1;
  std::vector<cmark_node*> prose;
  for (size_t i = 0; i < header; ++i) {
    if (i > 0) prose.push_back(breaks[i - 1]);
    prose.insert(prose.end(), lines[i].begin(), lines[i].end());
  }
  core::RichText out = text_of(prose, context);
  for (size_t i = header; i < line_count; ++i) {
    if (i == delimiter_row) continue;
    core::RichText row = without_outer_pipes(text_of(lines[i], context));
    if (i == header) make_strong(row);
    if (row.empty()) continue;
    if (!out.empty()) out.append("\n");
    out.append(row);
  }
  return out;
}

}  // namespace broadside::content
