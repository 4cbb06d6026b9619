// yaml_syntax.cpp — finds the tab, the unclosed bracket or the commented-out colour behind a
// YAML syntax error, by a light scan of the text (yaml-cpp says only where it gave up).
#include "core/yaml_syntax.hpp"

#include <cctype>
#include <optional>
#include <vector>

namespace broadside::core {

namespace {

struct Place {
  int line = 0;    // 0-based, within the text
  int column = 0;  // 0-based, in bytes
};

bool is_hex(char c) {
  return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

// `#` followed by 3 to 8 hex digits and then the end of a token: a colour YAML took for a
// comment. Returns the colour ("#C8102E") or "".
std::string colour_at(std::string_view line, size_t hash) {
  size_t end = hash + 1;
  while (end < line.size() && is_hex(line[end])) ++end;
  const size_t digits = end - hash - 1;
  if (digits < 3 || digits > 8) return {};
  if (end < line.size() && !std::isspace(static_cast<unsigned char>(line[end])) &&
      line[end] != ',' && line[end] != '}' && line[end] != ']')
    return {};
  return std::string(line.substr(hash, end - hash));
}

std::string quote_hint(const std::string& colour) {
  return "'" + colour.substr(0, 1) + "' starts a comment in YAML, so the value is lost: quote " +
         "it: '" + colour + "'";
}

// The first comment that is a colour on lines [from, to] of `lines`; "" when none.
std::string colour_comment(const std::vector<std::string_view>& lines, int from, int to) {
  for (int l = std::max(0, from); l <= to && l < static_cast<int>(lines.size()); ++l) {
    const std::string_view line = lines[static_cast<size_t>(l)];
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] != '#' || (i > 0 && !std::isspace(static_cast<unsigned char>(line[i - 1]))))
        continue;
      if (std::string c = colour_at(line, i); !c.empty()) return c;
    }
  }
  return {};
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

// The first tab in a line's indentation (before its first other character).
std::optional<Place> tab_in_indentation(const std::vector<std::string_view>& lines) {
  for (size_t l = 0; l < lines.size(); ++l) {
    const std::string_view line = lines[l];
    const size_t content = line.find_first_not_of(" \t");
    if (content == std::string_view::npos || line[content] == '#') continue;
    const size_t tab = line.substr(0, content).find('\t');
    if (tab != std::string_view::npos) return Place{static_cast<int>(l), static_cast<int>(tab)};
  }
  return std::nullopt;
}

// The outermost `[` or `{` never closed. Brackets count inside flow collections, and in block
// context only where a value starts (after `key: `, `- ` or at the start of a line): elsewhere
// they are letters of a plain scalar. Quoted scalars, comments and block scalars are skipped.
std::optional<Place> unclosed_bracket(const std::vector<std::string_view>& lines) {
  std::vector<Place> open;
  std::optional<Place> mismatched;
  char quote = 0;
  int block_indent = -1;  // inside a block scalar (| or >) of a line this indented
  for (size_t l = 0; l < lines.size(); ++l) {
    const std::string_view line = lines[l];
    const size_t first = line.find_first_not_of(' ');
    const int indent = first == std::string_view::npos ? -1 : static_cast<int>(first);
    if (block_indent >= 0) {
      if (indent < 0 || indent > block_indent) continue;
      block_indent = -1;
    }
    bool value_start = true;
    for (size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (quote) {
        if (quote == '"' && c == '\\') {
          ++i;
        } else if (c == quote) {
          if (quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
            ++i;
          } else {
            quote = 0;
          }
        }
        continue;
      }
      const bool after_space = i == 0 || std::isspace(static_cast<unsigned char>(line[i - 1]));
      if (c == '#' && after_space) break;
      if (c == ' ' || c == '\t') continue;
      if (!open.empty()) {
        if (c == '[' || c == '{') {
          open.push_back({static_cast<int>(l), static_cast<int>(i)});
        } else if (c == ']' || c == '}') {
          // `{font: [Inter, size: 8pt}`: the `}` closes the map, so the `[` inside is the one
          // never closed.
          const Place top = open.back();
          const char opener = lines[static_cast<size_t>(top.line)][static_cast<size_t>(top.column)];
          open.pop_back();
          if ((opener == '[') != (c == ']')) {
            if (!mismatched) mismatched = top;
            if (!open.empty()) open.pop_back();
          }
          value_start = false;
        } else if ((c == '"' || c == '\'') && (after_space || line[i - 1] == '[' ||
                                               line[i - 1] == '{' || line[i - 1] == ',')) {
          quote = c;
        }
        continue;
      }
      if (value_start) {
        if (c == '[' || c == '{') {
          open.push_back({static_cast<int>(l), static_cast<int>(i)});
          continue;
        }
        if (c == '"' || c == '\'') {
          quote = c;
          value_start = false;
          continue;
        }
        if (c == '|' || c == '>') {
          block_indent = indent;
          break;
        }
        if ((c == '-' || c == '?') && (i + 1 == line.size() || line[i + 1] == ' ')) continue;
        value_start = false;
      }
      // `key: value`: a value starts after the colon.
      if (c == ':' && (i + 1 == line.size() || line[i + 1] == ' ')) value_start = true;
    }
  }
  if (mismatched) return mismatched;
  if (open.empty()) return std::nullopt;
  return open.front();
}

}  // namespace

std::string comment_colour_hint(std::string_view text, size_t offset) {
  if (offset > text.size()) return {};
  const size_t start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  const size_t from = start == std::string_view::npos || offset == 0 ? 0 : start + 1;
  size_t end = text.find('\n', offset);
  if (end == std::string_view::npos) end = text.size();
  const std::vector<std::string_view> line{text.substr(from, end - from)};
  const std::string colour = colour_comment(line, 0, 0);
  return colour.empty() ? std::string{} : quote_hint(colour);
}

Diagnostic explain_yaml_error(std::string_view text, const std::string& file, int first_line,
                              const std::string& message, int mark_line, int mark_column) {
  const std::vector<std::string_view> lines = split_lines(text);
  auto at = [&](Place p) { return SourceLocation{file, first_line + p.line, p.column + 1}; };
  if (const auto tab = tab_in_indentation(lines))
    return {Severity::error, at(*tab), "YAML does not allow tabs for indentation; use spaces",
            "indent with spaces only: set your editor to insert spaces for the Tab key"};
  if (message.find("flow") != std::string::npos) {
    if (const auto bracket = unclosed_bracket(lines)) {
      const char c =
          lines[static_cast<size_t>(bracket->line)][static_cast<size_t>(bracket->column)];
      const char close = c == '[' ? ']' : '}';
      const std::string colour = colour_comment(lines, bracket->line, mark_line);
      return {Severity::error, at(*bracket), std::string("this '") + c + "' is never closed",
              colour.empty() ? std::string("close it with '") + close + "'" : quote_hint(colour)};
    }
  }
  const SourceLocation where = mark_line < 0
                                   ? SourceLocation{file, first_line, 0}
                                   : SourceLocation{file, first_line + mark_line, mark_column + 1};
  std::string hint;
  if (mark_line >= 0) {
    const std::string colour = colour_comment(lines, mark_line - 1, mark_line);
    if (!colour.empty()) hint = quote_hint(colour);
  }
  return {Severity::error, where, message, hint};
}

}  // namespace broadside::core
