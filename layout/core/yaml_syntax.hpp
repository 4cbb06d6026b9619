// yaml_syntax.hpp — yaml-cpp's syntax errors said in a designer's words, at the place to fix.
#pragma once

#include <string>
#include <string_view>

#include "core/diagnostic.hpp"

namespace broadside::core {

/// yaml-cpp reports a tab as "illegal tab when looking for indentation" or worse, and an
/// unclosed `[` or `{` where it gave up looking, often lines later. Given the text, the file,
/// the line the text starts on (front matter starts below `---`), and yaml-cpp's message and
/// 0-based mark (-1 when it has none), this returns the diagnostic to show: a tab in the
/// indentation at its line:column, an unclosed bracket at the bracket, an unquoted `#rrggbb`
/// (a comment to YAML) named with the quotes it needs; otherwise yaml-cpp's words at its mark.
Diagnostic explain_yaml_error(std::string_view text, const std::string& file, int first_line,
                              const std::string& message, int mark_line, int mark_column);

/// When the value after `key:` on the line holding byte `offset` is a comment that looks like a
/// colour (`color: #C8102E`), "quote it: '#C8102E' ..."; else "". For a value YAML read as
/// nothing.
std::string comment_colour_hint(std::string_view text, size_t offset);

}  // namespace broadside::core
