// suggest.hpp — "did you mean" hints for misspelt names, and name lists for messages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace broadside::design {

/// Levenshtein distance (insertions, deletions, substitutions; Levenshtein 1966), ASCII
/// case-insensitive.
size_t edit_distance(std::string_view a, std::string_view b);

/// "did you mean 'colors'?" naming the nearest candidate, or "" when none is near enough.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

/// "a, b or c" — the valid names, for messages that list them.
std::string join_names(const std::vector<std::string>& names, std::string_view last = " or ");

}  // namespace broadside::design
