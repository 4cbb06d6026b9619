// whitespace.hpp — one space between words: collapsing whitespace in plain and rich text.
#pragma once

#include <string>
#include <string_view>

#include "core/rich_text.hpp"

namespace broadside::content {

/// Collapses runs of spaces and tabs to one space, drops spaces at both ends and around line
/// breaks ("\n" is kept: it is a deliberate break), and keeps no-break spaces as they are.
std::string collapse_whitespace(std::string_view text);

/// As above, moving the style runs with their text; empty runs are dropped and neighbouring
/// runs with the same style are merged, so runs stay sorted and non-overlapping.
core::RichText collapse_whitespace(const core::RichText& text);

/// Merges neighbouring runs with the same style and drops empty runs.
void merge_runs(core::RichText& text);

}  // namespace broadside::content
