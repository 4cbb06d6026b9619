// scripts.cpp — script look-ups through GLib's Unicode tables (the ones Pango itemizes with).
#include "text/scripts.hpp"

#include <algorithm>
#include <set>

#include "core/language.hpp"

namespace broadside::text {

namespace {

std::string iso_code(GUnicodeScript script) {
  const guint32 tag = g_unicode_script_to_iso15924(script);
  if (tag == 0) return {};
  return {static_cast<char>(tag >> 24), static_cast<char>((tag >> 16) & 0xFF),
          static_cast<char>((tag >> 8) & 0xFF), static_cast<char>(tag & 0xFF)};
}

bool is_cjk_script(const std::string& s) {
  return s == "Hans" || s == "Hant" || s == "Jpan" || s == "Kore";
}

// Marks that make an emoji of what they follow (a keycap "1" U+FE0F U+20E3, "✌" U+FE0F): Pango
// then sets the sequence in its emoji face, whatever the character, so the text needs its
// symbol faces.
bool makes_emoji(gunichar c) {
  return c == 0xFE0F || c == 0x20E3;
}

}  // namespace

bool is_symbol(gunichar c) {
  if (c < 0x80 || g_unichar_get_script(c) != G_UNICODE_SCRIPT_COMMON) return false;
  const GUnicodeType type = g_unichar_type(c);
  return type == G_UNICODE_OTHER_SYMBOL || type == G_UNICODE_MATH_SYMBOL;
}

std::string class_script(gunichar c, const std::string& lang_script) {
  switch (const GUnicodeScript script = g_unichar_get_script(c)) {
    case G_UNICODE_SCRIPT_COMMON:
    case G_UNICODE_SCRIPT_INHERITED:
    case G_UNICODE_SCRIPT_UNKNOWN:
      return {};
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
      return "Jpan";
    case G_UNICODE_SCRIPT_HANGUL:
      return "Kore";
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_BOPOMOFO:
      return is_cjk_script(lang_script) ? lang_script : "Hans";
    default:
      return iso_code(script);
  }
}

std::vector<std::string> families_for_text(const core::Typeface& face, std::string_view text,
                                           const std::string& lang) {
  if (face.by_script.empty()) return face.families;
  const std::string own = core::script_for(lang);
  std::vector<std::string> scripts;  // of the text's letters, in order of first use
  bool symbols = false;
  for (const char* p = text.data(); p < text.data() + text.size(); p = g_utf8_next_char(p)) {
    const gunichar c = g_utf8_get_char(p);
    symbols = symbols || is_symbol(c) || makes_emoji(c);
    std::string script =
        c < 0x80 ? (g_ascii_isalpha(static_cast<char>(c)) ? "Latn" : "") : class_script(c, own);
    if (!script.empty() && std::find(scripts.begin(), scripts.end(), script) == scripts.end())
      scripts.push_back(std::move(script));
  }
  std::vector<std::string> out;
  auto add = [&](const std::vector<std::string>& families) {
    for (const auto& family : families)
      if (std::find(out.begin(), out.end(), family) == out.end()) out.push_back(family);
  };
  auto add_script = [&](const std::string& script) {
    if (const auto it = face.by_script.find(script); it != face.by_script.end()) add(it->second);
  };
  // The statement's own faces first, unless the text has none of its letters: an Arabic
  // poster's "Detroit" line is set in the design's Latin face, not in the Latin letters of its
  // Arabic one.
  const bool has_own =
      scripts.empty() || std::find(scripts.begin(), scripts.end(), own) != scripts.end();
  if (has_own) add(face.families);
  for (const auto& script : scripts) add_script(script);
  if (!has_own) add(face.families);
  add_script("Latn");
  if (symbols) add_script("Zsym");
  return out;
}

bool is_letter_spaced(gunichar c) {
  switch (g_unichar_get_script(c)) {
    case G_UNICODE_SCRIPT_LATIN:
    case G_UNICODE_SCRIPT_GREEK:
    case G_UNICODE_SCRIPT_CYRILLIC:
    case G_UNICODE_SCRIPT_ARMENIAN:
    case G_UNICODE_SCRIPT_GEORGIAN:
    case G_UNICODE_SCRIPT_HEBREW:
    case G_UNICODE_SCRIPT_ETHIOPIC:
    case G_UNICODE_SCRIPT_CHEROKEE:
    case G_UNICODE_SCRIPT_CANADIAN_ABORIGINAL:
    case G_UNICODE_SCRIPT_TIFINAGH:
    case G_UNICODE_SCRIPT_VAI:
    case G_UNICODE_SCRIPT_COPTIC:
    case G_UNICODE_SCRIPT_OSAGE:
    case G_UNICODE_SCRIPT_COMMON:
    case G_UNICODE_SCRIPT_INHERITED:
      return true;
    default:
      return false;
  }
}

namespace {

/// Full-width marks whose glyph sits at one side of its em, the other half blank: closing
/// brackets, the ideographic comma and full stop (blank after), opening brackets (blank before).
enum class Blank { none, after, before };

Blank blank_of(gunichar c) {
  switch (c) {
    case 0x3001:
    case 0x3002:
    case 0xFF0C:
    case 0xFF0E:  // 、。，．
    case 0x300D:
    case 0x300F:
    case 0xFF09:
    case 0x3011:
    case 0x3015:  // 」』）】〕
    case 0x3009:
    case 0x300B:
    case 0x3017:
    case 0x3019:
    case 0x301B:  // 〉》〗〙〛
    case 0xFF3D:
    case 0xFF5D:  // ］｝
      return Blank::after;
    case 0x300C:
    case 0x300E:
    case 0xFF08:
    case 0x3010:
    case 0x3014:  // 「『（【〔
    case 0x3008:
    case 0x300A:
    case 0x3016:
    case 0x3018:
    case 0x301A:  // 〈《〖〘〚
    case 0xFF3B:
    case 0xFF5B:  // ［｛
      return Blank::before;
    default:
      return Blank::none;
  }
}

bool closes(gunichar c) {
  const GUnicodeType t = g_unichar_type(c);
  return t == G_UNICODE_CLOSE_PUNCTUATION || t == G_UNICODE_FINAL_PUNCTUATION ||
         t == G_UNICODE_OTHER_PUNCTUATION || t == G_UNICODE_DASH_PUNCTUATION || c == 0x30FC;
}

bool opens(gunichar c) {
  const GUnicodeType t = g_unichar_type(c);
  return t == G_UNICODE_OPEN_PUNCTUATION || t == G_UNICODE_INITIAL_PUNCTUATION;
}

}  // namespace

bool is_cjk_character(gunichar c) {
  switch (g_unichar_get_script(c)) {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_BOPOMOFO:
      return true;
    default:
      // The CJK blocks' own marks, which Unicode gives no script: CJK symbols and punctuation,
      // the prolonged sound mark and middle dot of the kana blocks, vertical forms, full- and
      // half-width forms.
      return (c >= 0x3000 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
             (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF01 && c <= 0xFF9F) ||
             (c >= 0xFFE0 && c <= 0xFFE6);
  }
}

bool is_cjk_gap(gunichar before, gunichar after) {
  return is_cjk_character(before) && is_cjk_character(after) && !opens(before) && !closes(after);
}

std::vector<size_t> halved_punctuation(std::string_view text, const std::string& lang) {
  std::vector<size_t> out;
  const std::string script = core::script_for(lang);
  if (script != "Hans" && script != "Hant" && script != "Jpan") return out;
  // Simplified Chinese sets the colon, semicolon, exclamation and question marks at the left of
  // their em as well; Japanese and Traditional Chinese centre them, with no blank to give up.
  const auto blank = [simplified = script == "Hans"](gunichar c) {
    if (simplified && (c == 0xFF1A || c == 0xFF1B || c == 0xFF01 || c == 0xFF1F))
      return Blank::after;
    return blank_of(c);
  };
  const char* end = text.data() + text.size();
  for (const char* p = text.data(); p < end;) {
    const char* next = g_utf8_next_char(p);
    if (next >= end) break;
    const Blank here = blank(g_utf8_get_char(p));
    const gunichar following = g_utf8_get_char(next);
    const Blank after = blank(following);
    const auto at = static_cast<size_t>(p - text.data());
    if (here == Blank::after && (after != Blank::none || following == 0x2028))
      out.push_back(at);  // its blank meets the next mark's, or the line's end
    else if (here != Blank::none && after == Blank::before)
      out.push_back(static_cast<size_t>(next - text.data()));
    p = next;
  }
  return out;
}

bool justifies_without_hyphenation(const std::string& lang) {
  static const std::set<std::string> kLanguages = {"zh", "ja", "yue", "vi", "th",
                                                   "lo", "km", "my",  "bo"};
  return kLanguages.count(core::primary_language(lang)) > 0;
}

}  // namespace broadside::text
