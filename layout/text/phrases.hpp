// phrases.hpp — where a display line (a headline, a date line) may break: between phrases, not
// after an article or a preposition, not inside "14 March" or a Chinese word.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/rich_text.hpp"

namespace broadside::text {

/// What bind_phrases keeps on one line.
struct PhraseRules {
  /// No break after a hard hyphen between letters ("anti-immigrant" stays whole).
  bool keep_hyphenated = true;
  /// A 1–3 letter word that is not an acronym holds on to the next word like a function word
  /// ("all anti-immigrant"); off, only the language's listed function words do, so a narrow
  /// column may end a line on "all" rather than set the headline small.
  bool bind_short_words = true;
  /// A sentence of three words or more ending in a word of 1–4 letters keeps its last two on
  /// one line ("ألغوا وكالتَي / ICE وCBP!", not "… ICE / وCBP!"): for a text set a sentence a
  /// line, where each sentence's lines are filled first to last and may end on a short word
  /// alone.
  bool keep_sentence_ends = false;
  /// Whether a phrase (its words as written, spaces included) is too wide for a line: such a
  /// phrase may break after its first word, and so on while the rest is still too wide. None:
  /// every phrase stays whole.
  std::function<bool(std::string_view)> too_wide;
};

/// The text with line breaks allowed only between phrases: the space after a function word or
/// (per `rules`) a 1–3 letter word that is not an acronym becomes a no-break space, as do the
/// spaces that keep a number with its unit or date; per `rules`, a hard hyphen between letters
/// gets a WORD JOINER (U+2060) after it; in Chinese and Japanese, word joiners keep each word
/// (ICU's word iterator) whole, numbers with their date units (2026年3月14日), particles with the
/// word before them and function words with the word after. Style runs stay on their characters.
core::RichText bind_phrases(const core::RichText& text, const std::string& lang,
                            PhraseRules rules = {});

/// The text with a hard line break (U+2028) after each sentence that another follows on the
/// same line ("Stop the raids! Abolish ICE!"), for a display line that should break there.
core::RichText break_sentences(const core::RichText& text, const std::string& lang);

/// Byte offsets in running text where a sentence ends and another follows, just after its
/// closing mark (and quote), as break_sentences() finds them: where an excerpt may end a
/// paragraph.
std::vector<size_t> sentence_ends(std::string_view text);

/// Whether break_sentences() has anything to break.
bool has_inner_sentence_end(const core::RichText& text, const std::string& lang);

/// The last word of a laid-out line, as written, its punctuation included; words bound by a
/// no-break space count apart.
std::string_view last_word(std::string_view line);

/// Whether a laid-out line ends in a word that leads into the next ("For", "les", "των", or
/// another 1–3 letter word that is not an acronym): a break there is against the phrase.
bool ends_leading_on(std::string_view line, const std::string& lang);

/// Whether a laid-out line ends on a sentence's first word alone, after another sentence's end
/// ("… durdurun! ICE / ve CBP …"): the new sentence reads better starting the next line.
bool ends_on_lone_sentence_start(std::string_view line);

/// Whether a line break between `line` and `next` (laid-out lines' text) falls where a phrase
/// ends: after a comma, a semicolon, a dash or other punctuation, or before a conjunction
/// ("… free healthcare / and free education").
bool is_phrase_end(std::string_view line, std::string_view next, const std::string& lang);

}  // namespace broadside::text
