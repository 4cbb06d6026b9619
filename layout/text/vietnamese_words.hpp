// vietnamese_words.hpp — Vietnamese words of several syllables, which a display line should
// not break inside (Vietnamese writes a space between syllables, not between words).
#pragma once

#include <string_view>

namespace broadside::text {

/// How many of the syllables `first`, `second`, `third` (their letters only, any case; `third`
/// may be empty) make one listed word starting at `first`: 3, 2, or 1 when none does.
int vietnamese_word_syllables(std::string_view first, std::string_view second,
                              std::string_view third);

}  // namespace broadside::text
