// text_check.hpp — is a file's text well-formed: valid UTF-8 with no control characters but tab
// and line breaks. For inputs whose own parser would let bad bytes through to the page.
#pragma once

#include <string>
#include <string_view>

#include "core/diagnostic.hpp"

namespace broadside::core {

/// Where the first malformed UTF-8 sequence, NUL or other control character (but tab, CR and
/// LF) is, and what it is; `offset` is npos when the text is fine.
struct TextProblem {
  size_t offset = std::string_view::npos;
  std::string what;  // "invalid UTF-8 (byte 0xFF)", "a NUL byte", "control character U+001B"
};

TextProblem check_text(std::string_view text);

/// The 1-based line and column (in bytes) of `offset` in `text`, as a location in `file`.
SourceLocation location_of(std::string_view text, size_t offset, const std::string& file);

}  // namespace broadside::core
