// line_edges.cpp — the marks that may not start or end a line of Chinese or Japanese (kinsoku):
// CLREQ 3.1.7 and JLREQ 3.1.7 (classes cl-01 to cl-11), by character class.
#include "text/line_edges.hpp"

#include "text/scripts.hpp"

#include <string_view>

namespace broadside::text {

namespace {

/// Small kana (cl-11): they sound with the kana before them.
constexpr std::u32string_view kSmallKana = U"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ";

/// Marks other than closing brackets and quotes that may not start a line: commas (cl-07), full
/// stops (cl-06), colons and semicolons (cl-05), question and exclamation marks (cl-04), hyphens
/// and wave dashes (cl-03), dashes and ellipses, which also may not be split (cl-08), iteration
/// marks (cl-09), the prolonged sound mark (cl-10) and the kana voicing marks.
constexpr std::u32string_view kNoStart =
    U"、，､,。．｡.：；:;？！?!‼⁇⁈⁉‐–〜゠～—―‥…⋯ーｰ々〻ゝゞヽヾ゛゜";

bool is_small_kana(gunichar c) {
  // Small katakana for Ainu, and half-width ｧ to ｯ.
  return kSmallKana.find(static_cast<char32_t>(c)) != std::u32string_view::npos ||
         (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF67 && c <= 0xFF6F);
}

bool is_middle_dot(gunichar c) {
  return c == 0x00B7 || c == 0x30FB || c == 0xFF65 || c == 0x2027;  // · ・ ･ ‧
}

/// Below this (CJK RADICALS SUPPLEMENT) no character is CJK.
constexpr gunichar kFirstCjk = 0x2E80;

bool is_punctuation(gunichar c) {
  switch (g_unichar_type(c)) {
    case G_UNICODE_CONNECT_PUNCTUATION:
    case G_UNICODE_DASH_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
    case G_UNICODE_OTHER_PUNCTUATION:
      return true;
    default:
      return false;
  }
}

bool is_hard_break(gunichar c) {
  return c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x85 || c == 0x2028 ||
         c == 0x2029;
}

/// Characters with no width of their own, which a hold looks through: the joiners and break
/// opportunities phrases.cpp and word_breaks.cpp insert, soft hyphens, direction marks.
bool is_format(gunichar c) {
  return c == 0xAD || (c >= 0x200B && c <= 0x200F) || c == 0x2060 || c == 0xFEFF || c == 0x061C ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

struct Char {
  size_t start, end;
  gunichar c;
};

}  // namespace

bool may_not_start_line(gunichar c) {
  switch (g_unichar_type(c)) {
    case G_UNICODE_CLOSE_PUNCTUATION:  // ）」』】〕〉》〗〙〛 (cl-02)
    case G_UNICODE_FINAL_PUNCTUATION:  // ” ’
      return true;
    default:
      break;
  }
  return kNoStart.find(static_cast<char32_t>(c)) != std::u32string_view::npos || is_middle_dot(c) ||
         is_small_kana(c);
}

bool may_not_end_line(gunichar c) {
  const GUnicodeType t = g_unichar_type(c);
  return t == G_UNICODE_OPEN_PUNCTUATION || t == G_UNICODE_INITIAL_PUNCTUATION;  // 「『（【“‘
}

std::vector<Unbreakable> line_edge_holds(std::string_view text) {
  // Every hold needs a CJK character, and most paragraphs (set again at each size and width
  // the fit tries) have none: they cost one look at each character.
  bool any_cjk = false;
  for (const char* p = text.data(); p < text.data() + text.size() && !any_cjk;
       p = g_utf8_next_char(p)) {
    const gunichar c = g_utf8_get_char(p);
    any_cjk = c >= kFirstCjk && is_cjk_character(c);
  }
  if (!any_cjk) return {};
  std::vector<Char> chars;
  for (const char* p = text.data(); p < text.data() + text.size();) {
    const char* next = g_utf8_find_next_char(p, text.data() + text.size());
    if (!next) next = text.data() + text.size();
    const gunichar c = g_utf8_get_char_validated(p, next - p);
    if (!is_format(c))
      chars.push_back(
          {static_cast<size_t>(p - text.data()), static_cast<size_t>(next - text.data()), c});
    p = next;
  }
  // Whether the text at each character is Chinese or Japanese: the character itself is CJK, or it
  // is punctuation and the nearest character that is not, on that side, is CJK ("说——" and "——说"
  // both set the dashes in Chinese). One pass each way, so runs of dashes stay linear.
  const size_t n = chars.size();
  std::vector<char> cjk_before(n), cjk_after(n);
  for (size_t i = 0; i < n; ++i) {
    const gunichar c = chars[i].c;
    cjk_before[i] = is_cjk_character(c) || (is_punctuation(c) && i > 0 && cjk_before[i - 1]);
  }
  for (size_t i = n; i-- > 0;) {
    const gunichar c = chars[i].c;
    cjk_after[i] = is_cjk_character(c) || (is_punctuation(c) && i + 1 < n && cjk_after[i + 1]);
  }
  std::vector<Unbreakable> holds;
  for (size_t i = 0; i + 1 < n; ++i) {
    const gunichar a = chars[i].c, b = chars[i + 1].c;
    if (is_hard_break(a) || is_hard_break(b)) continue;
    const bool in_cjk = cjk_before[i] || cjk_after[i + 1];
    // A name's dot binds the names on both sides: 伯尼·桑德斯 breaks before 伯 or after 斯.
    const bool joins_name =
        is_middle_dot(a) && i > 0 && is_cjk_character(chars[i - 1].c) && is_cjk_character(b);
    if (!joins_name && !(in_cjk && (may_not_start_line(b) || may_not_end_line(a)))) continue;
    const Unbreakable hold{chars[i].start, chars[i + 1].end};
    // Overlapping holds become one: Pango's attribute iterator shows one attribute of a type
    // for each stretch of text, and one wholly covered by others could go unseen.
    if (!holds.empty() && hold.start < holds.back().end)
      holds.back().end = hold.end;
    else
      holds.push_back(hold);
  }
  return holds;
}

}  // namespace broadside::text
