// broken_paragraphs.cpp — joining paragraphs that a stray blank line split mid-sentence.
#include "content/broken_paragraphs.hpp"

#include "content/characters.hpp"
#include "core/utf8.hpp"

namespace broadside::content {

bool ends_with_terminal_punctuation(const std::string& text) {
  switch (core::last_code_point(text)) {
    case '.':
    case '!':
    case '?':
    case ':':
    case ';':
    case '"':
    case '\'':
    case ')':
    case ']':
    case 0x2026:  // …
    case 0x201D:  // ”
    case 0x2019:  // ’
    case 0x00BB:  // »
      return true;
    default:
      return false;
  }
}

void join_broken_paragraphs(std::vector<Block>& blocks) {
  std::vector<Block> joined;
  joined.reserve(blocks.size());
  for (Block& block : blocks) {
    const bool continues_previous = !joined.empty() && joined.back().kind == BlockKind::paragraph &&
                                    block.kind == BlockKind::paragraph &&
                                    !ends_with_terminal_punctuation(joined.back().text.text) &&
                                    is_lowercase_letter(core::first_code_point(block.text.text));
    if (continues_previous) {
      joined.back().text.append(" ");
      joined.back().text.append(block.text);
    } else {
      joined.push_back(std::move(block));
    }
  }
  blocks = std::move(joined);
}

}  // namespace broadside::content
