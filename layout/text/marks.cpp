// marks.cpp — finding the tokens, and inserting marks without losing style runs.
#include "text/marks.hpp"

#include <glib.h>

#include <string_view>
#include <vector>

namespace broadside::text {

namespace {

constexpr std::string_view kLri = "\u2066";
constexpr std::string_view kPdi = "\u2069";
constexpr std::string_view kWordJoiner = "\u2060";
constexpr std::string_view kZeroWidthSpace = "\u200B";

/// An address of at least this many bytes may break inside (see join_addresses); a shorter
/// one ("socialism2020.org", "wsws.org/contact") is read, and set, as one word.
constexpr size_t kLongAddress = 24;

using Marks = std::vector<std::pair<size_t, std::string_view>>;  // byte offset, mark

bool is_trailing_punctuation(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
         c == '"' || c == '\'';
}

/// Calls `visit(begin, end)` for each whitespace-separated token, trailing punctuation cut.
template <class Visit>
void for_each_token(const std::string& s, Visit visit) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && g_ascii_isspace(s[i])) ++i;
    size_t end = i;
    while (end < s.size() && !g_ascii_isspace(s[end])) ++end;
    size_t last = end;
    while (last > i && is_trailing_punctuation(s[last - 1])) --last;
    if (last > i) visit(i, last);
    i = end;
  }
}

/// "https://x.org/a", "www.x.org", "wsws.org/contact", "a@b.org": a dot between letters and
/// a top-level domain, or an explicit scheme or @.
bool is_address(std::string_view t) {
  if (t.find("://") != std::string_view::npos || t.rfind("www.", 0) == 0) return true;
  const size_t at = t.find('@');
  const size_t dot = t.find('.', at == std::string_view::npos ? 0 : at);
  if (dot == std::string_view::npos || dot == 0 || dot + 2 >= t.size()) return false;
  for (size_t i = dot + 1; i < t.size() && t[i] != '/'; ++i)
    if (!g_ascii_isalnum(t[i]) && t[i] != '.' && t[i] != '-') return false;
  return g_ascii_isalpha(t[dot + 1]) && g_ascii_isalpha(t[dot + 2]);
}

/// A token written left to right that bidi would scramble: an address, or a Latin word holding
/// a dot or digits.
bool needs_isolation(std::string_view token) {
  bool has_latin = false, has_digit_or_dot = false, has_rtl = false;
  for (const char* p = token.data(); p < token.data() + token.size(); p = g_utf8_next_char(p)) {
    const gunichar c = g_utf8_get_char(p);
    if (c < 0x80 && g_ascii_isalpha(static_cast<char>(c))) has_latin = true;
    if (c == '.' || c == '/' || c == '@' || c == ':' || (c >= '0' && c <= '9'))
      has_digit_or_dot = true;
    const GUnicodeScript script = g_unichar_get_script(c);
    if (script == G_UNICODE_SCRIPT_ARABIC || script == G_UNICODE_SCRIPT_HEBREW) has_rtl = true;
  }
  return has_latin && has_digit_or_dot && !has_rtl;
}

core::RichText insert_marks(const core::RichText& text, const Marks& marks) {
  if (marks.empty()) return text;
  core::RichText out;
  size_t from = 0;
  for (const auto& [at, mark] : marks) {
    out.text.append(text.text, from, at - from);
    out.text += mark;
    from = at;
  }
  out.text.append(text.text, from);
  // A mark at a run's start belongs inside it when it opens something (an isolate), outside
  // otherwise; a mark at a run's end stays outside.
  auto shift = [&](size_t offset, bool is_end) {
    size_t added = 0;
    for (const auto& [at, mark] : marks)
      if (at < offset || (!is_end && at == offset && mark == kLri)) added += mark.size();
    return offset + added;
  };
  for (auto run : text.runs) {
    run.start = shift(run.start, false);
    run.end = shift(run.end, true);
    out.runs.push_back(std::move(run));
  }
  return out;
}

}  // namespace

core::RichText join_addresses(const core::RichText& text) {
  Marks marks;
  for_each_token(text.text, [&](size_t begin, size_t end) {
    if (!is_address(std::string_view(text.text).substr(begin, end - begin))) return;
    // A long address is a line of its own at a poster's size: it may break where a reader
    // still sees one address (after a path's '/', before its '?', '&', '#' or a mail
    // address's '@'), never inside the host name and never after the scheme's "//".
    // Inside its path a name longer than a column ("public-transport-fares.pdf") may break
    // before a '-', '.', '_', '~' or '%' too, the mark starting the next line, so that it
    // reads as no hyphenation.
    const bool long_address = end - begin >= kLongAddress;
    bool in_path = false;
    for (size_t i = begin; i + 1 < end; ++i) {
      const char c = text.text[i];
      const char next = text.text[i + 1];
      const bool path_mark = c == '-' || c == '.' || c == '_' || c == '~' || c == '%';
      if (long_address && i > begin &&
          (c == '?' || c == '&' || c == '#' || c == '@' || (in_path && path_mark)))
        marks.emplace_back(i, kZeroWidthSpace);
      if (c == '/' && next != '/' && i > begin && text.text[i - 1] != '/') in_path = true;
      if (long_address && c == '/' && next != '/' && text.text[i - 1] != '/' && i > begin)
        marks.emplace_back(i + 1, kZeroWidthSpace);
      else if (c == '/' || c == '.' || c == '-' || c == '?' || c == '&' || c == '=' || c == '_')
        marks.emplace_back(i + 1, kWordJoiner);
    }
  });
  return insert_marks(text, marks);
}

core::RichText keep_hangul_words(const core::RichText& text) {
  auto is_hangul = [](gunichar c) {
    return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) ||
           (c >= 0x3130 && c <= 0x318F);
  };
  Marks marks;
  const std::string& s = text.text;
  bool previous = false;
  for (const char* p = s.data(); p < s.data() + s.size(); p = g_utf8_next_char(p)) {
    const bool hangul = is_hangul(g_utf8_get_char(p));
    if (hangul && previous) marks.emplace_back(static_cast<size_t>(p - s.data()), kWordJoiner);
    previous = hangul;
  }
  return insert_marks(text, marks);
}

core::RichText isolate_ltr_tokens(const core::RichText& text) {
  Marks marks;
  for_each_token(text.text, [&](size_t begin, size_t end) {
    if (!needs_isolation(std::string_view(text.text).substr(begin, end - begin))) return;
    marks.emplace_back(begin, kLri);
    marks.emplace_back(end, kPdi);
  });
  return insert_marks(text, marks);
}

core::RichText hard_breaks_as_line_separators(const core::RichText& text) {
  if (text.text.find('\n') == std::string::npos) return text;
  core::RichText out;
  std::vector<size_t> moved(text.text.size() + 1);  // each byte's offset in `out`
  for (size_t i = 0; i < text.text.size(); ++i) {
    moved[i] = out.text.size();
    if (text.text[i] == '\n')
      out.text += "\u2028";
    else
      out.text += text.text[i];
  }
  moved[text.text.size()] = out.text.size();
  for (auto run : text.runs) {
    run.start = moved[run.start];
    run.end = moved[run.end];
    out.runs.push_back(std::move(run));
  }
  return out;
}

}  // namespace broadside::text
