// typography.cpp — smart quotes and dashes for front matter text, sparing addresses.
#include "content/typography.hpp"

#include <algorithm>
#include <array>

#include "core/utf8.hpp"

namespace broadside::content {

namespace {

constexpr std::string_view kLeftDouble = "\u201C";
constexpr std::string_view kRightDouble = "\u201D";
constexpr std::string_view kLeftSingle = "\u2018";
constexpr std::string_view kRightSingle = "\u2019";

// After these a quote opens: nothing, a space, an opening bracket, a dash or another opening
// quote ("He said: “‘no’”", „‚nein‘“, «“non”»). After anything else it closes.
bool opens_after(char32_t previous) {
  switch (previous) {
    case 0:
    case ' ':
    case '\t':
    case '\n':
    case 0xA0:
    case '(':
    case '[':
    case '{':
    case 0x2013:
    case 0x2014:
    case 0x201C:
    case 0x2018:
    case 0x201E:  // „ and ‚ open German quotes, « French ones
    case 0x201A:
    case 0xAB:
      return true;
    default:
      return false;
  }
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n';
}

// Smart punctuation for one word (no whitespace inside); `out` holds what came before, so quotes
// at the start of a word see the space in front of them.
void smarten_word(std::string_view word, std::string& out) {
  for (size_t i = 0; i < word.size(); ++i) {
    const std::string_view rest = word.substr(i);
    if (rest.starts_with("---")) {
      out += "\u2014", i += 2;
    } else if (rest.starts_with("--")) {
      out += "\u2013", i += 1;
    } else if (rest.starts_with("...")) {
      out += "\u2026", i += 2;
    } else if (word[i] == '"') {
      out += opens_after(core::last_code_point(out)) ? kLeftDouble : kRightDouble;
    } else if (word[i] == '\'') {
      out += opens_after(core::last_code_point(out)) ? kLeftSingle : kRightSingle;
    } else {
      out += word[i];
    }
  }
}

bool is_host_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.';
}

// "socialism2020.org": labels of letters, digits and hyphens, the last one (the top-level
// domain) at least two letters.
bool looks_like_host(std::string_view host) {
  if (host.empty() || host.find('.') == std::string_view::npos) return false;
  if (!std::all_of(host.begin(), host.end(), is_host_character)) return false;
  if (host.front() == '.' || host.back() == '.' || host.find("..") != std::string_view::npos)
    return false;
  const std::string_view tld = host.substr(host.rfind('.') + 1);
  return tld.size() >= 2 &&
         std::all_of(tld.begin(), tld.end(), [](char c) { return c > '9' && c != '-'; });
}

}  // namespace

bool looks_like_address(std::string_view word) {
  // Sentence punctuation after an address ("visit wsws.org.") is not part of it.
  while (!word.empty() && std::string_view(".,;:!?)").find(word.back()) != std::string_view::npos)
    word.remove_suffix(1);
  if (word.find("://") != std::string_view::npos || word.starts_with("www.") ||
      word.starts_with("mailto:"))
    return true;
  if (const size_t at = word.find('@'); at != std::string_view::npos && at > 0)
    return looks_like_host(word.substr(at + 1));
  return looks_like_host(word.substr(0, word.find('/')));
}

std::string smarten(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (size_t i = 0; i < text.size();) {
    if (is_space(text[i])) {
      out += text[i++];
      continue;
    }
    size_t end = i;
    while (end < text.size() && !is_space(text[end])) ++end;
    const std::string_view word = text.substr(i, end - i);
    if (looks_like_address(word)) {
      out += word;
    } else {
      smarten_word(word, out);
    }
    i = end;
  }
  return out;
}

void normalise_typography(core::Variables& variables, std::string_view /*lang*/) {
  // Keys whose values are addresses or codes, by the last part of their dotted name.
  static constexpr std::array<std::string_view, 7> kVerbatimKeys = {
      "url", "href", "link", "email", "e-mail", "website", "lang"};
  for (auto& [name, value] : variables) {
    const std::string_view last = std::string_view(name).substr(name.rfind('.') + 1);
    if (std::find(kVerbatimKeys.begin(), kVerbatimKeys.end(), last) != kVerbatimKeys.end())
      continue;
    for (std::string& item : value.items) item = smarten(item);
  }
}

}  // namespace broadside::content
