// suggest.hpp — "did you mean" hints for misspelt names, and name lists for messages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace broadside::core {

/// Levenshtein distance (insertions, deletions, substitutions; Levenshtein 1966), ASCII
/// case-insensitive.
size_t edit_distance(std::string_view a, std::string_view b);

/// "did you mean 'colors'?" naming the nearest candidate, or "" when none is near enough.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);
/// The same with a looser bound for long names, where a few slips still leave most of the name
/// ("League Spartn", "Noto Sans Bengli"): up to `max_distance` edits, never the whole word.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates,
                         size_t max_distance);

/// "a, b or c" — the valid names, for messages that list them.
std::string join_names(const std::vector<std::string>& names, std::string_view last = " or ");

}  // namespace broadside::core
