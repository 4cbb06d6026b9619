// encoding.hpp — the statement's bytes before parsing: line endings, byte order mark, UTF-8.
#pragma once

#include <string>
#include <string_view>

#include "core/diagnostic.hpp"

namespace broadside::content {

/// Drops a leading byte order mark and turns CR LF and lone CR into LF, so that every later
/// stage counts lines the same way.
std::string normalise_newlines(std::string_view text);

/// Reports NUL bytes, invalid UTF-8 and control characters other than tab and line breaks (C0,
/// DEL and C1: they cannot be drawn) — the first of each — at file:line:column, columns in
/// bytes as cmark counts them. Returns true when the text is clean.
bool check_encoding(std::string_view text, const std::string& file, core::Diagnostics& diags);

}  // namespace broadside::content
