// function_words.hpp — per-language lists of the short function words (articles, prepositions,
// conjunctions, possessives) a display line should not end on.
#pragma once

#include <string>
#include <string_view>

namespace broadside::text {

/// Whether `word` (lower-cased, no punctuation) is a function word of `lang`'s primary language
/// that belongs with the word after it ("for", "der", "les", "на", "和").
bool is_function_word(std::string_view word, const std::string& lang);

/// Whether `word` (lower-cased, no punctuation) belongs with the word before it: a
/// postposition ("में", "için") or a determiner set after its noun (Haitian "yo", "la").
bool is_trailing_word(std::string_view word, const std::string& lang);

/// Whether `word` (lower-cased) is a coordinating conjunction of `lang` ("and", "und", "et",
/// "и"): a word before it does not lead into it, so "Macht mit / und unterstützt" may break
/// after the verb particle "mit" that reads like a preposition.
bool is_conjunction(std::string_view word, const std::string& lang);

/// Whether a word of 1–3 letters (not an acronym) is taken as a function word too: in languages
/// written with an alphabet and spaces between words, except Vietnamese (whose syllables stand
/// apart) — Arabic roots, Korean words and Devanagari words are short and carry meaning.
bool short_word_rule_applies(const std::string& lang);

}  // namespace broadside::text
