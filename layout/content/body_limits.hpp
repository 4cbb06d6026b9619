// body_limits.hpp — a statement's body held to the paragraphs and paragraph-bytes limits.
#pragma once

#include <string>
#include <vector>

#include "content/document.hpp"
#include "core/diagnostic.hpp"
#include "core/limits.hpp"

namespace broadside::content {

/// Reports, at its line, the first block past the paragraphs limit and the first longer than
/// the paragraph-bytes limit, before any of them is typeset. Returns false after reporting.
bool check_body_limits(const std::vector<Block>& body, const std::string& file,
                       const core::Limits& limits, core::Diagnostics& diags);

}  // namespace broadside::content
