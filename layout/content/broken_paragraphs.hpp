// broken_paragraphs.hpp — repairing sentences split across a blank line.
#pragma once

#include <vector>

#include "content/document.hpp"

namespace broadside::content {

/// Joins a paragraph that ends without terminal punctuation to the next paragraph when that one
/// starts with a lower-case letter: "…to suppress" + "and channel…" is one sentence that lost
/// its line to a stray blank line (twice in the seed statement). The joined block keeps the
/// first one's place; a single space joins the texts.
void join_broken_paragraphs(std::vector<Block>& blocks);

/// True when `text` ends a sentence or a clause: . ! ? : ; … or a closing quote or bracket.
bool ends_with_terminal_punctuation(const std::string& text);

}  // namespace broadside::content
