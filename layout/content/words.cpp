// words.cpp — word counting for overflow messages and tests.
#include "content/words.hpp"

#include "content/characters.hpp"
#include "core/utf8.hpp"

namespace broadside::content {

namespace {

// Separators between words. Dashes count because typeset prose writes "enemy—capitalism"
// without spaces, yet a reader sees two words (a plain whitespace split would see one).
bool is_separator(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == 0xA0 || c == 0x202F || c == 0x2013 ||
         c == 0x2014;
}

}  // namespace

size_t count_words(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (size_t pos = 0; pos < text.size();) {
    const char32_t c = core::decode_utf8(text, pos);
    if (is_separator(c)) {
      in_word = false;
    } else if (is_word_character(c) && !in_word) {
      in_word = true;
      ++words;
    }
  }
  return words;
}

}  // namespace broadside::content
