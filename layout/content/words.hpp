// words.hpp — counting words in statement text.
#pragma once

#include <cstddef>
#include <string_view>

namespace broadside::content {

/// Words in `text`: maximal stretches between whitespace, en dashes and em dashes that hold at
/// least one letter or digit. "enemy—capitalism" is two words; a lone "–" is none.
size_t count_words(std::string_view text);

}  // namespace broadside::content
