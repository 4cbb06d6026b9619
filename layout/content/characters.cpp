// characters.cpp — character classes for statement text, independent of the process locale.
#include "content/characters.hpp"

#include "core/utf8.hpp"

namespace broadside::content {

bool is_lowercase_letter(char32_t c) {
  if (c >= 'a' && c <= 'z') return true;
  if (c >= 0xDF && c <= 0xFF) return c != 0xF7;  // Latin-1 lower case, without the division sign
  if (c >= 0x3AC && c <= 0x3CE) return true;     // Greek lower case
  return c >= 0x430 && c <= 0x45F;               // Cyrillic lower case
}

bool is_word_character(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (c == core::kInvalidCodePoint || c < 0xC0) return false;  // Latin-1 punctuation and symbols
  if (c == 0xD7 || c == 0xF7) return false;                    // multiplication and division signs
  return c < 0x2000 || c > 0x206F;                             // not General Punctuation
}

}  // namespace broadside::content
