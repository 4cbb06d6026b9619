// yaml_guard.hpp — a YAML text checked against the nesting and alias-expansion limits before
// any reader builds or walks its tree.
#pragma once

#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "core/limits.hpp"

namespace broadside::core {

/// yaml-cpp expands nothing when it loads, but every reader that walks the tree visits an
/// aliased node once per alias: nine aliases of nine aliases ("billion laughs") make a few
/// hundred bytes a billion values. This replays the text's parse events and reports, at
/// `file`:line:column (lines counted from `first_line`), nesting deeper than the yaml-depth
/// limit, more values than the yaml-nodes limit once aliases are counted, and an alias inside
/// its own anchor (a cycle no reader could finish). Returns false after reporting. Text that
/// is not valid YAML passes: the reader that loads it reports that in its own words.
bool check_yaml_limits(std::string_view text, const std::string& file, int first_line,
                       const Limits& limits, Diagnostics& diags);

}  // namespace broadside::core
