// hyphen_policy.cpp — words found as runs of letters (soft hyphens and joiners inside), each
// judged whole.
#include "text/hyphen_policy.hpp"

#include <glib.h>

#include <algorithm>

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

}  // namespace

std::vector<size_t> allowed_hyphen_points(std::string_view text, std::vector<size_t> points,
                                          const std::string& lang) {
  if (points.empty()) return points;
  struct Word {
    size_t start, end;
    bool keep_whole;
  };
  std::vector<Word> words;
  const bool nouns = capitalises_nouns(lang);
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
    words.push_back({static_cast<size_t>(start - text.data()), static_cast<size_t>(p - text.data()),
                     capital && (!nouns || letters <= kLongNoun)});
  }
  if (!words.empty()) words.back().keep_whole = true;  // the paragraph's last word
  std::erase_if(points, [&](size_t at) {
    const auto w = std::upper_bound(words.begin(), words.end(), at,
                                    [](size_t a, const Word& word) { return a < word.end; });
    return w != words.end() && w->start < at && w->keep_whole;
  });
  return points;
}

}  // namespace broadside::text
