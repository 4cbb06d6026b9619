// hyphen_policy.hpp — which of a dictionary's hyphenation points a paragraph may use: names
// and the paragraph's last word stay whole.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace broadside::text {

/// `points` (byte offsets into `text`, increasing) without those inside a name or inside the
/// paragraph's last word. A name is a word capitalised inside a sentence ("New Or-leans",
/// "Hous-ton"), or one that opens a sentence and is capitalised inside one elsewhere in the
/// paragraph; a capital that only opens a sentence ("Forces-type", "Demo-crats") is no name. German
/// capitalises every noun, so there only capitalised words of up to 8 letters (names, short nouns)
/// stay whole and long compounds still break.
std::vector<size_t> allowed_hyphen_points(std::string_view text, std::vector<size_t> points,
                                          const std::string& lang);

}  // namespace broadside::text
