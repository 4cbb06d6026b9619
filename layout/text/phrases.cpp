// phrases.cpp — phrase binding for display lines as a list of edits to the text (no-break
// spaces, word joiners, line separators), applied once with the style runs moved along.
#include "text/phrases.hpp"

#include <glib.h>

#include <algorithm>
#include <set>
#include <string_view>
#include <vector>

#include "core/handle.hpp"
#include "core/language.hpp"
#include "text/function_words.hpp"
#include "text/vietnamese_words.hpp"
#include "text/word_breaks.hpp"

namespace broadside::text {

namespace {

constexpr std::string_view kNoBreakSpace = "\u00A0";
constexpr std::string_view kWordJoiner = "\u2060";
constexpr std::string_view kLineSeparator = "\u2028";

struct Edit {
  size_t at = 0, remove = 0;
  std::string_view insert;
};

core::RichText apply(const core::RichText& text, std::vector<Edit> edits) {
  if (edits.empty()) return text;
  std::stable_sort(edits.begin(), edits.end(),
                   [](const Edit& a, const Edit& b) { return a.at < b.at; });
  core::RichText out;
  size_t from = 0;
  for (const Edit& e : edits) {
    if (e.at < from) continue;  // two edits of one space: the first wins
    out.text.append(text.text, from, e.at - from);
    out.text += e.insert;
    from = e.at + e.remove;
  }
  out.text.append(text.text, from);
  // An offset moves by what was inserted before it; a run starting where something is inserted
  // starts after it, one ending there ends before it.
  auto shift = [&](size_t offset, bool is_end) {
    long delta = 0;
    size_t done = 0;
    for (const Edit& e : edits) {
      if (e.at < done) continue;
      done = e.at + e.remove;
      if (e.at < offset || (e.at == offset && !is_end && e.remove == 0))
        delta += static_cast<long>(e.insert.size()) - static_cast<long>(e.remove);
    }
    return static_cast<size_t>(static_cast<long>(offset) + delta);
  };
  for (auto run : text.runs) {
    run.start = shift(run.start, false);
    run.end = shift(run.end, true);
    out.runs.push_back(std::move(run));
  }
  return out;
}

bool is_opening_punct(gunichar c) {
  switch (g_unichar_type(c)) {
    case G_UNICODE_OPEN_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
      return true;
    default:
      return c == '"' || c == '\'' || c == 0xA1 || c == 0xBF || c == 0x201E || c == 0x201A ||
             c == 0xAB;
  }
}

/// A mark that ends a sentence before a space: . ! ? and the full stops and question marks of
/// Devanagari and Bengali (।), Arabic and Urdu (؟ ۔), Armenian (։), Ethiopic (።) and Myanmar (။).
bool is_sentence_mark(gunichar c) {
  switch (c) {
    case '.':
    case '!':
    case '?':
    case 0x0589:
    case 0x061F:
    case 0x06D4:
    case 0x0964:
    case 0x0965:
    case 0x104B:
    case 0x1362:
    case 0x203C:
    case 0x2047:
    case 0x2048:
    case 0x2049:
      return true;
    default:
      return false;
  }
}

/// A word between spaces, its opening punctuation („ ¿ ( ) set apart from its core; `closed`
/// when anything but letters and digits follows the core (a comma, a "!", a closing quote).
struct Token {
  std::string_view core;
  bool closed = false;
  bool sentence_end = false;  // ends in . ! ? (maybe inside a closing quote)
};

Token token(std::string_view word) {
  Token t;
  size_t b = 0;
  while (b < word.size()) {
    const gunichar c = g_utf8_get_char(word.data() + b);
    if (!is_opening_punct(c)) break;
    b = static_cast<size_t>(g_utf8_next_char(word.data() + b) - word.data());
  }
  size_t e = b;
  while (e < word.size()) {
    const gunichar c = g_utf8_get_char(word.data() + e);
    if (!g_unichar_isalnum(c) && g_unichar_type(c) != G_UNICODE_NON_SPACING_MARK &&
        g_unichar_type(c) != G_UNICODE_SPACING_MARK && c != '-' && c != 0x2010 && c != 0x2019 &&
        c != '\'' && c != 0x2060 && c != 0xAD)
      break;
    e = static_cast<size_t>(g_utf8_next_char(word.data() + e) - word.data());
  }
  t.core = word.substr(b, e - b);
  t.closed = e < word.size();
  for (const char* p = word.data() + e; p < word.data() + word.size(); p = g_utf8_next_char(p))
    if (is_sentence_mark(g_utf8_get_char(p))) t.sentence_end = true;
  return t;
}

std::string lower(std::string_view s) {
  core::Handle<gchar, g_free> l(g_utf8_strdown(s.data(), static_cast<gssize>(s.size())));
  return l.get();
}

bool is_acronym(std::string_view s) {
  int letters = 0;
  for (const char* p = s.data(); p < s.data() + s.size(); p = g_utf8_next_char(p)) {
    const gunichar c = g_utf8_get_char(p);
    if (g_unichar_isalpha(c)) {
      if (!g_unichar_isupper(c)) return false;
      ++letters;
    }
  }
  return letters >= 2;
}

int letters(std::string_view s) {
  int n = 0;
  for (const char* p = s.data(); p < s.data() + s.size(); p = g_utf8_next_char(p)) {
    const gunichar c = g_utf8_get_char(p);
    if (!g_unichar_isalpha(c)) return 99;  // digits or signs: not a short word
    ++n;
  }
  return n;
}

/// A word of signs only ("★", "✊", "—", "→"): it belongs with the word before it, not at the
/// start of a line of its own.
bool is_signs_only(std::string_view s) {
  for (const char* p = s.data(); p < s.data() + s.size(); p = g_utf8_next_char(p))
    if (g_unichar_isalnum(g_utf8_get_char(p))) return false;
  return !s.empty();
}

bool starts_with_digit(std::string_view s) {
  return !s.empty() && g_unichar_isdigit(g_utf8_get_char(s.data()));
}

/// A word that leads into the next: "for", "der", "a" (and not "ICE").
bool leads_on(const Token& t, const std::string& lang, bool short_words) {
  if (t.closed || t.core.empty()) return false;
  if (is_function_word(lower(t.core), lang)) return true;
  // Haitian "a", "la", "yo" belong with the noun before them, not with the next word.
  if (is_trailing_word(lower(t.core), lang)) return false;
  const int n = letters(t.core);
  // A single letter ("a", "à", "y", "в") is always taken for a function word.
  if (n == 1) return short_word_rule_applies(lang);
  return short_words && short_word_rule_applies(lang) && n >= 1 && n <= 3 && !is_acronym(t.core);
}

bool is_cjk(gunichar c) {
  switch (g_unichar_get_script(c)) {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
      return true;
    default:
      return c == 0x30FC;  // the prolonged sound mark
  }
}

bool is_digit(gunichar c) {
  return g_unichar_isdigit(c);
}

/// Date and counting units a number keeps: 2026年, 3月, 14日, 5号, 7点, 30分, 10%.
bool is_unit(gunichar c) {
  static const std::u32string kUnits = U"年月日号號时時点點分秒周週岁歲万萬亿億元个個名人%％";
  return kUnits.find(static_cast<char32_t>(c)) != std::u32string::npos;
}

/// Particles that belong with the word before them, and the suffixes that make a compound
/// of it which the dictionary splits (社会|主义 is one word to a reader: socialism).
bool is_enclitic(std::u32string_view word) {
  static const std::set<std::u32string_view> kParticles = {
      U"主义", U"者", U"性", U"化", U"们", U"的",   U"了",   U"地",   U"得",  U"吗", U"呢",
      U"吧",   U"着", U"过", U"は", U"が", U"を",   U"に",   U"で",   U"と",  U"の", U"も",
      U"へ",   U"や", U"か", U"ね", U"よ", U"から", U"まで", U"より", U"など"};
  return kParticles.count(word) > 0;
}

std::u32string utf32(std::string_view s) {
  std::u32string out;
  for (const char* p = s.data(); p < s.data() + s.size(); p = g_utf8_next_char(p))
    out += static_cast<char32_t>(g_utf8_get_char(p));
  return out;
}

std::string utf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) {
    char buf[6];
    out.append(buf, static_cast<size_t>(g_unichar_to_utf8(static_cast<gunichar>(c), buf)));
  }
  return out;
}

bool is_hiragana(gunichar c) {
  return g_unichar_get_script(c) == G_UNICODE_SCRIPT_HIRAGANA;
}

/// What starts a Japanese phrase (bunsetsu) after hiragana: a kanji, katakana, Latin letter or
/// digit ("すべての / 強制捜査を", "ICEと / CBPを").
bool starts_japanese_phrase(gunichar c) {
  if (c == 0x30FC) return false;  // the prolonged sound mark continues its word
  const GUnicodeScript script = g_unichar_get_script(c);
  return script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_KATAKANA || c == 0x3005 ||
         (g_unichar_isalnum(c) && script != G_UNICODE_SCRIPT_HIRAGANA);
}

/// Japanese particles after which a phrase ends even before more hiragana ("人に / まともな").
bool is_japanese_particle(std::u32string_view word) {
  static const std::set<std::u32string_view> kParticles = {
      U"は", U"が", U"を", U"に", U"で", U"と", U"も", U"へ", U"から", U"まで", U"より"};
  return kParticles.count(word) > 0;
}

/// A particle that attaches to a particle before it ("での", "との", "には", "では"): no phrase
/// starts with it.
bool follows_particle(std::u32string_view word) {
  return is_japanese_particle(word) || word == U"の";
}

bool is_japanese(std::string_view text, const std::string& lang) {
  if (core::primary_language(lang) == "ja") return true;
  for (const char* p = text.data(); p < text.data() + text.size(); p = g_utf8_next_char(p)) {
    const GUnicodeScript script = g_unichar_get_script(g_utf8_get_char(p));
    if (script == G_UNICODE_SCRIPT_HIRAGANA || script == G_UNICODE_SCRIPT_KATAKANA) return true;
  }
  return false;
}

/// Word joiners between Chinese or Japanese characters where no line should break. Chinese
/// keeps ICU's words whole (its particles with the word before, function words with the word
/// after). Japanese keeps each phrase (bunsetsu) whole: a line breaks only where hiragana meets
/// the kanji, katakana or Latin that starts the next phrase, or after a particle, as BudouX
/// segments it; a phrase too wide for the line (per `too_wide`) falls back to ICU's words.
void bind_cjk_words(std::string_view text, const std::string& lang,
                    const std::function<bool(std::string_view)>& too_wide,
                    std::vector<Edit>& edits) {
  bool any = false;
  for (const char* p = text.data(); p < text.data() + text.size() && !any; p = g_utf8_next_char(p))
    any = is_cjk(g_utf8_get_char(p));
  if (!any) return;
  const bool japanese = is_japanese(text, lang);
  const std::vector<size_t> bounds = word_boundaries(text, lang);
  const std::set<size_t> boundary(bounds.begin(), bounds.end());
  // The word that starts at byte `b`, up to the next boundary.
  auto word_at = [&](size_t b) {
    const auto next = boundary.upper_bound(b);
    const size_t end = next == boundary.end() ? text.size() : *next;
    return utf32(text.substr(b, end - b));
  };
  auto word_before = [&](size_t b) {
    auto it = boundary.lower_bound(b);
    const size_t start = it == boundary.begin() ? 0 : *std::prev(it);
    return utf32(text.substr(start, b - start));
  };
  // Whether the word iterator's rule joins the two characters meeting at `at`.
  auto word_join = [&](size_t at) {
    return !boundary.count(at) || is_enclitic(word_at(at)) ||
           is_function_word(utf8(word_before(at)), lang);
  };
  // Each place between two characters that a line might break at, and whether it is joined.
  struct Joint {
    size_t at;
    bool join;
    bool phrase;  // the join is the Japanese phrase rule's, loosened for a phrase too wide
    bool before_particle = false;  // a particle follows: no line starts with it, loosened or not
  };
  std::vector<Joint> joints;
  for (const char* p = text.data(); p < text.data() + text.size();) {
    const gunichar c1 = g_utf8_get_char(p);
    const char* q = g_utf8_next_char(p);
    if (q >= text.data() + text.size()) break;
    const gunichar c2 = g_utf8_get_char(q);
    const auto at = static_cast<size_t>(q - text.data());
    const bool letters =
        (is_cjk(c1) || is_digit(c1)) && (is_cjk(c2) || is_digit(c2)) && (is_cjk(c1) || is_cjk(c2));
    Joint j{at, false, false};
    if (is_digit(c1) && (is_unit(c2) || is_digit(c2))) {
      j.join = true;  // 14日, 2026年
    } else if ((c1 == U'年' || c1 == U'月') && is_digit(c2)) {
      j.join = true;  // 2026年3月14日 is one date
    } else if (japanese && g_unichar_isalnum(c1) && !is_cjk(c1) && is_hiragana(c2)) {
      j.join = true;  // a particle stays with the Latin word before it: "ICEと"
    } else if (is_cjk(c1) && g_unichar_isalnum(c2) && !is_cjk(c2) && !is_digit(c2)) {
      // A function word leads into the Latin word after it as into a Chinese one: "和CBP".
      j.join = is_function_word(utf8(word_before(at)), lang);
    } else if (japanese && letters) {
      const bool phrase_starts =
          is_hiragana(c1) && (starts_japanese_phrase(c2) ||
                              (boundary.count(at) && is_japanese_particle(word_before(at)) &&
                               !follows_particle(word_at(at))));
      j.join = !phrase_starts;
      j.phrase = j.join && boundary.count(at) && !word_join(at);
      j.before_particle = boundary.count(at) && follows_particle(word_at(at));
    } else if (letters) {
      j.join = word_join(at);
    }
    joints.push_back(j);
    p = q;
  }
  if (too_wide) {
    // A phrase wider than the line is held together by its words alone.
    for (size_t first = 0; first < joints.size();) {
      size_t last = first;
      while (last < joints.size() && joints[last].join) ++last;
      if (last > first) {
        const size_t start = first == 0 ? 0 : joints[first - 1].at;
        const size_t end = last < joints.size() ? joints[last].at : text.size();
        bool any_phrase = false;
        for (size_t k = first; k < last; ++k) any_phrase = any_phrase || joints[k].phrase;
        if (any_phrase && too_wide(text.substr(start, end - start)))
          for (size_t k = first; k < last; ++k)
            if (joints[k].phrase && !joints[k].before_particle) joints[k].join = false;
      }
      first = last + 1;
    }
  }
  for (const Joint& j : joints)
    if (j.join) edits.push_back({j.at, 0, kWordJoiner});
}

/// Word joiners inside Thai, where a prefix or preposition leads into the word after it
/// ("ผู้อพยพ", "เพื่อนโยบาย") or a word such as "ทั้งหมด" belongs with the one before it. Pango
/// breaks Thai at libthai's words whatever marks the text has, so the paragraph turns these
/// joiners into ranges where it may not break.
void bind_thai_words(std::string_view text, const std::string& lang, std::vector<Edit>& edits) {
  const std::vector<size_t> breaks = pango_dictionary_breaks(text, lang);
  if (breaks.empty()) return;
  // The word of such a script from `from` up to the next break or the end of its run.
  auto word_from = [&](size_t from) {
    const auto next = std::upper_bound(breaks.begin(), breaks.end(), from);
    size_t end = from;
    while (end < text.size() && (next == breaks.end() || end < *next) &&
           is_dictionary_script(g_utf8_get_char(text.data() + end)))
      end = static_cast<size_t>(g_utf8_next_char(text.data() + end) - text.data());
    return std::string(text.substr(from, end - from));
  };
  auto word_to = [&](size_t to) {
    const auto it = std::lower_bound(breaks.begin(), breaks.end(), to);
    const size_t limit = it == breaks.begin() ? 0 : *std::prev(it);
    size_t start = to;
    while (start > limit) {
      const char* prev = g_utf8_find_prev_char(text.data(), text.data() + start);
      if (!prev || !is_dictionary_script(g_utf8_get_char(prev))) break;
      start = static_cast<size_t>(prev - text.data());
    }
    return std::string(text.substr(start, to - start));
  };
  for (size_t b : breaks) {
    const std::string before = word_to(b), after = word_from(b);
    const bool leads = is_function_word(before, lang) && !is_conjunction(after, lang);
    if (leads || is_trailing_word(after, lang)) edits.push_back({b, 0, kWordJoiner});
  }
}

/// Marks bound the spaces inside each Vietnamese word of several syllables (vietnamese_words.hpp)
/// in `text`, whose space-separated words are `ws`: "bố ráp", "người nhập cư". Only a single
/// space with no punctuation either side is bound.
void bind_vietnamese_words(std::string_view text, const std::vector<std::pair<size_t, size_t>>& ws,
                           std::vector<bool>& bound) {
  auto word = [&](size_t i) { return text.substr(ws[i].first, ws[i].second - ws[i].first); };
  // The syllable `i` as letters alone, when nothing but a single space follows it (`last`: or
  // when it ends the word), and nothing opens before it; empty otherwise.
  auto syllable = [&](size_t i, bool last) -> std::string_view {
    if (i >= ws.size()) return {};
    const Token t = token(word(i));
    if (t.core.empty() || word(i).substr(0, t.core.size()) != t.core) return {};
    if (!last && (t.closed || i + 1 >= ws.size() || ws[i + 1].first != ws[i].second + 1)) return {};
    return t.core;
  };
  for (size_t i = 0; i + 1 < ws.size();) {
    const std::string_view a = syllable(i, false);
    const std::string_view b = a.empty() ? std::string_view() : syllable(i + 1, true);
    const std::string_view c =
        b.empty() || syllable(i + 1, false).empty() ? std::string_view() : syllable(i + 2, true);
    const int n = b.empty() ? 1 : vietnamese_word_syllables(a, b, c);
    for (int k = 0; k + 1 < n; ++k) bound[i + static_cast<size_t>(k)] = true;
    i += static_cast<size_t>(n);
  }
}

/// A sentence's last word this short (in letters) is kept with the word before it
/// (PhraseRules::keep_sentence_ends); a longer one fills a line of its own well enough, and
/// binding it would push the word before it, with whatever binds to that, onto its line.
constexpr int kShortSentenceEnd = 4;

/// Byte ranges of the words of `text` between plain spaces: {start, end}.
std::vector<std::pair<size_t, size_t>> words(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t i = 0; i < text.size();) {
    while (i < text.size() && text[i] == ' ') ++i;
    const size_t start = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > start) out.push_back({start, i});
  }
  return out;
}

bool is_hyphen_at(std::string_view s, size_t i) {
  return s[i] == '-';
}

/// Where a new sentence starts after a space: the sentence before ends in . ! ? and the next
/// starts with a capital, an opening mark or a digit ("U.S. troops" and "etc. and" stay).
std::vector<size_t> sentence_spaces(std::string_view text) {
  std::vector<size_t> out;
  const auto ws = words(text);
  for (size_t i = 0; i + 1 < ws.size(); ++i) {
    const std::string_view before = text.substr(ws[i].first, ws[i].second - ws[i].first);
    const std::string_view after = text.substr(ws[i + 1].first, ws[i + 1].second - ws[i + 1].first);
    const Token t = token(before);
    if (!t.sentence_end || letters(t.core) < 2) continue;
    const gunichar first = g_utf8_get_char(after.data());
    const bool period = before.find_first_of("!?") == std::string_view::npos;
    if (period && (is_acronym(t.core) || t.core.find('.') != std::string_view::npos)) continue;
    if (!g_unichar_islower(first)) out.push_back(ws[i].second);
  }
  return out;
}

/// Offsets just after a Chinese or Japanese full stop, exclamation or question mark (and any
/// closing quote after it) that more text follows.
std::vector<size_t> cjk_sentence_ends(std::string_view text) {
  std::vector<size_t> out;
  for (const char* p = text.data(); p < text.data() + text.size();) {
    const gunichar c = g_utf8_get_char(p);
    p = g_utf8_next_char(p);
    if (c != 0x3002 && c != 0xFF01 && c != 0xFF1F) continue;
    while (p < text.data() + text.size()) {
      const gunichar n = g_utf8_get_char(p);
      if (g_unichar_type(n) != G_UNICODE_CLOSE_PUNCTUATION &&
          g_unichar_type(n) != G_UNICODE_FINAL_PUNCTUATION && n != 0x300D && n != 0x300F)
        break;
      p = g_utf8_next_char(p);
    }
    if (p < text.data() + text.size() && *p != ' ')
      out.push_back(static_cast<size_t>(p - text.data()));
  }
  return out;
}

}  // namespace

core::RichText bind_phrases(const core::RichText& text, const std::string& lang,
                            PhraseRules rules) {
  const std::string_view s = text.text;
  std::vector<Edit> edits;
  const auto ws = words(s);
  std::vector<bool> bound(ws.size(), false);  // bound[i]: the space after word i
  for (size_t i = 0; i + 1 < ws.size(); ++i) {
    // Only a single plain space between the two words is made no-break.
    const size_t space = ws[i].second;
    if (ws[i + 1].first != space + 1) continue;
    const std::string_view a = s.substr(ws[i].first, ws[i].second - ws[i].first);
    const std::string_view b = s.substr(ws[i + 1].first, ws[i + 1].second - ws[i + 1].first);
    const Token ta = token(a), tb = token(b);
    const bool number_after = starts_with_digit(tb.core) && !ta.closed && !ta.core.empty();
    const bool number_before =
        starts_with_digit(ta.core) && !ta.closed && !tb.core.empty() && !starts_with_digit(tb.core);
    // Nothing leads into a conjunction: "mit" before "und" is a verb's particle, not a
    // preposition ("Macht mit / und unterstützt").
    const bool before_conjunction = !ta.closed && is_conjunction(lower(tb.core), lang);
    // A postposition or a determiner after its noun holds on to the word before it.
    const bool trails = !ta.closed && !ta.core.empty() && !tb.core.empty() &&
                        b.substr(0, tb.core.size()) == tb.core &&
                        is_trailing_word(lower(tb.core), lang);
    const bool signs_after = is_signs_only(b);
    bound[i] = (leads_on(ta, lang, rules.bind_short_words) && !before_conjunction) ||
               number_after || number_before || trails || signs_after;
  }
  // Vietnamese spaces its syllables: a word of several stays whole.
  if (core::primary_language(lang) == "vi") bind_vietnamese_words(s, ws, bound);
  if (rules.keep_sentence_ends) {
    // The sentences end where break_sentences() breaks them, and at the text's end.
    std::vector<size_t> ends = sentence_spaces(s);
    ends.push_back(s.size());
    size_t first = 0;  // the sentence's first word
    for (const size_t end : ends) {
      if (first >= ws.size()) break;
      size_t last = first;
      while (last + 1 < ws.size() && ws[last + 1].second <= end) ++last;
      const Token end_word = token(s.substr(ws[last].first, ws[last].second - ws[last].first));
      if (last >= first + 2 && ws[last].first == ws[last - 1].second + 1 &&
          letters(end_word.core) <= kShortSentenceEnd)
        bound[last - 1] = true;
      first = last + 1;
    }
  }
  if (rules.too_wide) {
    // A phrase wider than the line may break after its first word, then its second, ...:
    // "against / the immigrants", a preposition ending a line rather than an article.
    for (size_t first = 0; first < ws.size();) {
      size_t last = first;
      while (last + 1 < ws.size() && bound[last]) ++last;
      while (last > first &&
             rules.too_wide(s.substr(ws[first].first, ws[last].second - ws[first].first)))
        bound[first++] = false;
      first = last + 1;
    }
  }
  for (size_t i = 0; i + 1 < ws.size(); ++i)
    if (bound[i]) edits.push_back({ws[i].second, 1, kNoBreakSpace});
  // A hard hyphen between letters does not end a display line ("anti-immigrant").
  for (size_t i = 1; rules.keep_hyphenated && i + 1 < s.size(); ++i) {
    if (!is_hyphen_at(s, i)) continue;
    const char* before = g_utf8_find_prev_char(s.data(), s.data() + i);
    if (before && g_unichar_isalpha(g_utf8_get_char(before)) &&
        g_unichar_isalpha(g_utf8_get_char(s.data() + i + 1)))
      edits.push_back({i + 1, 0, kWordJoiner});
  }
  bind_cjk_words(s, lang, rules.too_wide, edits);
  bind_thai_words(s, lang, edits);
  return apply(text, std::move(edits));
}

std::vector<size_t> sentence_ends(std::string_view text) {
  std::vector<size_t> out = sentence_spaces(text);
  const auto cjk = cjk_sentence_ends(text);
  out.insert(out.end(), cjk.begin(), cjk.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

core::RichText break_sentences(const core::RichText& text, const std::string& /*lang*/) {
  std::vector<Edit> edits;
  for (size_t at : sentence_spaces(text.text)) edits.push_back({at, 1, kLineSeparator});
  for (size_t at : cjk_sentence_ends(text.text)) edits.push_back({at, 0, kLineSeparator});
  return apply(text, std::move(edits));
}

bool has_inner_sentence_end(const core::RichText& text, const std::string& /*lang*/) {
  return !sentence_spaces(text.text).empty() || !cjk_sentence_ends(text.text).empty();
}

std::string_view last_word(std::string_view line) {
  const char* end = line.data() + line.size();
  while (end > line.data() && (end[-1] == ' ' || end[-1] == '\n')) --end;
  const std::string_view trimmed = line.substr(0, static_cast<size_t>(end - line.data()));
  size_t start = 0;
  for (const std::string_view space : {std::string_view(" "), std::string_view("\u00A0")}) {
    const size_t at = trimmed.rfind(space);
    if (at != std::string_view::npos) start = std::max(start, at + space.size());
  }
  return trimmed.substr(start);
}

bool ends_leading_on(std::string_view line, const std::string& lang) {
  return leads_on(token(last_word(line)), lang, true);
}

bool ends_on_lone_sentence_start(std::string_view line) {
  const char* end = line.data() + line.size();
  while (end > line.data() && (end[-1] == ' ' || end[-1] == '\n')) --end;
  const std::string_view trimmed = line.substr(0, static_cast<size_t>(end - line.data()));
  const std::vector<size_t> ends = sentence_spaces(trimmed);
  if (ends.empty()) return false;
  // The words after the last sentence's end, no-break spaces apart too ("For a" is two).
  std::string rest(trimmed.substr(ends.back()));
  for (size_t at; (at = rest.find("\u00A0")) != std::string::npos;) rest.replace(at, 2, " ");
  return words(rest).size() == 1;
}

bool is_phrase_end(std::string_view line, std::string_view next, const std::string& lang) {
  // The line's last character: punctuation closes a clause ("workers," "—"), a hyphen does not.
  const char* end = line.data() + line.size();
  while (end > line.data() && (end[-1] == ' ' || end[-1] == '\n')) --end;
  if (end > line.data()) {
    const gunichar c = g_utf8_get_char(g_utf8_find_prev_char(line.data(), end));
    if (g_unichar_ispunct(c) && c != '-' && c != 0x2010 && c != 0xAD) return true;
  }
  // The next line's first word, up to a space or a no-break space the phrases put there.
  size_t word_end = next.size();
  for (const std::string_view space : {std::string_view(" "), std::string_view("\u00A0")})
    word_end = std::min(word_end, next.find(space));
  return is_conjunction(lower(token(next.substr(0, word_end)).core), lang);
}

}  // namespace broadside::text
