// language_codes.cpp — known ISO 639 languages, from ICU, and the codes people type instead.
#include "content/language_codes.hpp"

#include <unicode/uloc.h>

#include <set>
#include <utility>

#include "core/ascii.hpp"

namespace broadside::content {

namespace {

/// Withdrawn ISO 639 codes, and what replaced them: always a mistake.
constexpr std::pair<std::string_view, std::string_view> kWithdrawn[] = {
    {"iw", "he"}, {"in", "id"}, {"ji", "yi"}, {"jw", "jv"}, {"mo", "ro"},
};

/// Country codes typed for their language's code: a mistake where no language has the code
/// ("jp"; but "se" is Northern Sami, "ee" Ewe).
constexpr std::pair<std::string_view, std::string_view> kCountries[] = {
    {"jp", "ja"}, {"cn", "zh"}, {"gr", "el"}, {"ua", "uk"}, {"dk", "da"}, {"cz", "cs"},
    {"kr", "ko"}, {"vn", "vi"}, {"il", "he"}, {"ge", "ka"}, {"rs", "sr"}, {"tw", "zh"},
};

const std::set<std::string, std::less<>>& known() {
  static const std::set<std::string, std::less<>> codes = [] {
    std::set<std::string, std::less<>> out;
    for (const char* const* p = uloc_getISOLanguages(); p && *p; ++p) out.insert(*p);
    // ICU lists Filipino as "fil" only; Tagalog's "tl" is ISO 639-1's.
    out.insert("tl");
    return out;
  }();
  return codes;
}

}  // namespace

std::optional<std::string> unknown_language(std::string_view tag) {
  const std::string primary = core::ascii_lower(tag.substr(0, tag.find('-')));
  for (const auto& [code, instead] : kWithdrawn)
    if (primary == code) return std::string(instead);
  if (known().contains(primary)) return std::nullopt;
  for (const auto& [code, instead] : kCountries)
    if (primary == code) return std::string(instead);
  return std::string();
}

}  // namespace broadside::content
