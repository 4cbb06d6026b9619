// hyphen_policy.cpp — words found as runs of letters (soft hyphens and joiners inside), each
// judged whole.
#include "text/hyphen_policy.hpp"

#include <glib.h>

#include <algorithm>
#include <set>

#include "core/language.hpp"

namespace broadside::text {

namespace {

bool is_word_char(gunichar c) {
  return g_unichar_isalpha(c) || g_unichar_ismark(c) || c == 0xAD || c == 0x2060 || c == 0x200D;
}

/// German and Luxembourgish capitalise nouns: a capital says little about a name there.
bool capitalises_nouns(const std::string& lang) {
  const std::string primary = core::primary_language(lang);
  return primary == "de" || primary == "lb";
}

constexpr long kLongNoun = 8;

/// Whether a word starting at `start` opens a sentence: nothing but spaces and opening quotes
/// or brackets between it and the text's start or a sentence's end.
bool opens_sentence(std::string_view text, const char* start) {
  for (const char* p = start; p > text.data();) {
    p = g_utf8_prev_char(p);
    const gunichar c = g_utf8_get_char(p);
    if (g_unichar_isspace(c)) continue;
    const GUnicodeType type = g_unichar_type(c);
    if (type == G_UNICODE_OPEN_PUNCTUATION || type == G_UNICODE_INITIAL_PUNCTUATION || c == '"' ||
        c == '\'')
      continue;
    return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':' || c == 0x3002 ||
           c == 0xFF01 || c == 0xFF1F || c == 0x061F || c == 0x0964;
  }
  return true;
}

}  // namespace

std::vector<size_t> allowed_hyphen_points(std::string_view text, std::vector<size_t> points,
                                          const std::string& lang) {
  if (points.empty()) return points;
  struct Word {
    size_t start, end;
    bool capital, opens, keep_whole;
  };
  std::vector<Word> words;
  const bool nouns = capitalises_nouns(lang);
  // A word capitalised inside a sentence is a name; one capitalised only where a sentence
  // begins ("Forces", "Trump") is a name when the paragraph also has it inside a sentence.
  std::set<std::string_view> names;
  for (const char* p = text.data(); p < text.data() + text.size();) {
    if (!is_word_char(g_utf8_get_char(p))) {
      p = g_utf8_next_char(p);
      continue;
    }
    const char* start = p;
    long letters = 0;
    while (p < text.data() + text.size() && is_word_char(g_utf8_get_char(p))) {
      letters += g_unichar_isalpha(g_utf8_get_char(p)) ? 1 : 0;
      p = g_utf8_next_char(p);
    }
    const bool capital =
        g_unichar_isupper(g_utf8_get_char(start)) || g_unichar_istitle(g_utf8_get_char(start));
    Word w{static_cast<size_t>(start - text.data()), static_cast<size_t>(p - text.data()), capital,
           capital && opens_sentence(text, start), false};
    // German capitalises every noun: there a capital only keeps short words whole (names,
    // short nouns), and long compounds still break.
    w.keep_whole = capital && (nouns ? letters <= kLongNoun : !w.opens);
    if (w.keep_whole && !nouns) names.insert(text.substr(w.start, w.end - w.start));
    words.push_back(w);
  }
  for (auto& w : words)
    if (w.opens && !nouns && names.count(text.substr(w.start, w.end - w.start)))
      w.keep_whole = true;
  if (!words.empty()) words.back().keep_whole = true;  // the paragraph's last word
  std::erase_if(points, [&](size_t at) {
    const auto w = std::upper_bound(words.begin(), words.end(), at,
                                    [](size_t a, const Word& word) { return a < word.end; });
    return w != words.end() && w->start < at && w->keep_whole;
  });
  return points;
}

}  // namespace broadside::text
