// language.cpp — tables of scripts and quotation marks for the languages broadside sets.
#include "core/language.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>

#include <unicode/uloc.h>

#include "core/ascii.hpp"

namespace broadside::core {

namespace {

/// Default scripts by primary language (CLDR likely subtags, for the languages we meet).
const std::map<std::string, std::string>& default_scripts() {
  static const std::map<std::string, std::string> table = {
      {"ar", "Arab"}, {"fa", "Arab"}, {"ur", "Arab"}, {"ps", "Arab"},  {"ku", "Arab"},
      {"he", "Hebr"}, {"yi", "Hebr"}, {"ru", "Cyrl"}, {"uk", "Cyrl"},  {"bg", "Cyrl"},
      {"sr", "Cyrl"}, {"mk", "Cyrl"}, {"be", "Cyrl"}, {"kk", "Cyrl"},  {"el", "Grek"},
      {"hy", "Armn"}, {"ka", "Geor"}, {"hi", "Deva"}, {"mr", "Deva"},  {"ne", "Deva"},
      {"bn", "Beng"}, {"pa", "Guru"}, {"gu", "Gujr"}, {"ta", "Taml"},  {"te", "Telu"},
      {"kn", "Knda"}, {"ml", "Mlym"}, {"si", "Sinh"}, {"th", "Thai"},  {"lo", "Laoo"},
      {"km", "Khmr"}, {"my", "Mymr"}, {"am", "Ethi"}, {"ti", "Ethi"},  {"zh", "Hans"},
      {"ja", "Jpan"}, {"ko", "Kore"}, {"dv", "Thaa"}, {"syr", "Syrc"},
  };
  return table;
}

/// The script CLDR's likely subtags give a language the table above does not hold (Uyghur,
/// Sindhi and Central Kurdish are written in Arabic script, Odia in its own, Dzongkha in
/// Tibetan); Latin when ICU does not know it either. Remembered: a statement asks often.
std::string likely_script(const std::string& primary) {
  thread_local std::map<std::string, std::string> known;
  if (auto it = known.find(primary); it != known.end()) return it->second;
  std::string script = "Latn";
  UErrorCode status = U_ZERO_ERROR;
  char full[ULOC_FULLNAME_CAPACITY] = {};
  uloc_addLikelySubtags(primary.c_str(), full, sizeof full, &status);
  char code[ULOC_SCRIPT_CAPACITY] = {};
  if (U_SUCCESS(status)) uloc_getScript(full, code, sizeof code, &status);
  if (U_SUCCESS(status) && std::strlen(code) == 4) script = code;
  known.emplace(primary, script);
  return script;
}

}  // namespace

std::string primary_language(const std::string& lang) {
  return ascii_lower(lang.substr(0, lang.find_first_of("-_")));
}

std::string script_for(const std::string& lang) {
  // An explicit script subtag: four letters after the language ("zh-Hant", "sr-Latn").
  size_t start = lang.find_first_of("-_");
  while (start != std::string::npos) {
    const size_t end = lang.find_first_of("-_", start + 1);
    const std::string sub =
        lang.substr(start + 1, end == std::string::npos ? end : end - start - 1);
    if (sub.size() == 4 && std::all_of(sub.begin(), sub.end(), ::isalpha)) {
      std::string script = ascii_lower(sub);
      script[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(script[0])));
      return script;
    }
    if (primary_language(lang) == "zh" &&
        (ascii_lower(sub) == "tw" || ascii_lower(sub) == "hk" || ascii_lower(sub) == "mo"))
      return "Hant";
    start = end;
  }
  const auto& table = default_scripts();
  const std::string primary = primary_language(lang);
  if (auto it = table.find(primary); it != table.end()) return it->second;
  return likely_script(primary);
}

bool is_script_code(const std::string& key) {
  return key.size() == 4 && std::isupper(static_cast<unsigned char>(key[0])) &&
         std::islower(static_cast<unsigned char>(key[1])) &&
         std::islower(static_cast<unsigned char>(key[2])) &&
         std::islower(static_cast<unsigned char>(key[3]));
}

bool language_matches(const std::string& key, const std::string& lang) {
  if (lang.empty()) return false;
  auto normal = [](const std::string& s) {
    std::string out = ascii_lower(s);
    for (char& c : out) c = c == '_' ? '-' : c;
    return out;
  };
  const std::string k = normal(key), l = normal(lang);
  return k == l || k == primary_language(lang) || l.rfind(k + "-", 0) == 0;
}

bool is_rtl_script(const std::string& script) {
  return script == "Arab" || script == "Hebr" || script == "Syrc" || script == "Thaa" ||
         script == "Nkoo";
}

Quotes quotes_for(const std::string& lang) {
  // CLDR "delimiters", with French typography's narrow no-break spaces inside guillemets; a
  // language not listed takes English's.
  static const std::map<std::string, Quotes> table = {
      {"en", {"\u201C", "\u201D", "\u2018", "\u2019", ""}},
      {"fr", {"\u00AB", "\u00BB", "\u201C", "\u201D", "\u202F"}},
      {"es", {"\u00AB", "\u00BB", "\u201C", "\u201D", ""}},
      {"pt", {"\u201C", "\u201D", "\u2018", "\u2019", ""}},
      {"de", {"\u201E", "\u201C", "\u201A", "\u2018", ""}},
      {"ru", {"\u00AB", "\u00BB", "\u201E", "\u201C", ""}},
      {"uk", {"\u00AB", "\u00BB", "\u201E", "\u201C", ""}},
      {"ar", {"\u00AB", "\u00BB", "\u201C", "\u201D", ""}},
      {"fa", {"\u00AB", "\u00BB", "\u201C", "\u201D", ""}},
      {"he", {"\u201D", "\u201D", "\u2019", "\u2019", ""}},
      {"zh", {"\u201C", "\u201D", "\u2018", "\u2019", ""}},
      {"ja", {"\u300C", "\u300D", "\u300E", "\u300F", ""}},
      {"ko", {"\u201C", "\u201D", "\u2018", "\u2019", ""}},
      {"vi", {"\u201C", "\u201D", "\u2018", "\u2019", ""}},
      {"tl", {"\u201C", "\u201D", "\u2018", "\u2019", ""}},
      {"hi", {"\u201C", "\u201D", "\u2018", "\u2019", ""}},
      {"bn", {"\u201C", "\u201D", "\u2018", "\u2019", ""}},
      {"ht", {"\u00AB", "\u00BB", "\u201C", "\u201D", ""}},
      {"pl", {"\u201E", "\u201D", "\u00AB", "\u00BB", ""}},
      {"it", {"\u00AB", "\u00BB", "\u201C", "\u201D", ""}},
      {"el", {"\u00AB", "\u00BB", "\u201C", "\u201D", ""}},
      {"hy", {"\u00AB", "\u00BB", "\u201C", "\u201D", ""}},
      {"am", {"\u00AB", "\u00BB", "\u2039", "\u203A", ""}},
      {"ka", {"\u201E", "\u201C", "\u00AB", "\u00BB", ""}},
      {"cs", {"\u201E", "\u201C", "\u201A", "\u2018", ""}},
      {"sk", {"\u201E", "\u201C", "\u201A", "\u2018", ""}},
      {"sl", {"\u201E", "\u201C", "\u201A", "\u2018", ""}},
      {"hr", {"\u201E", "\u201C", "\u201A", "\u2018", ""}},
      {"bs", {"\u201E", "\u201C", "\u201A", "\u2018", ""}},
      {"sr", {"\u201E", "\u201C", "\u2018", "\u2019", ""}},
      {"mk", {"\u201E", "\u201C", "\u201A", "\u2018", ""}},
      {"bg", {"\u201E", "\u201C", "\u201E", "\u201C", ""}},
      {"lt", {"\u201E", "\u201C", "\u201E", "\u201C", ""}},
      {"et", {"\u201E", "\u201C", "\u201A", "\u2018", ""}},
      {"ro", {"\u201E", "\u201D", "\u00AB", "\u00BB", ""}},
      {"hu", {"\u201E", "\u201D", "\u00BB", "\u00AB", ""}},
      {"sv", {"\u201D", "\u201D", "\u2019", "\u2019", ""}},
      {"fi", {"\u201D", "\u201D", "\u2019", "\u2019", ""}},
      {"nb", {"\u00AB", "\u00BB", "\u2018", "\u2019", ""}},
      {"nn", {"\u00AB", "\u00BB", "\u2018", "\u2019", ""}},
      {"no", {"\u00AB", "\u00BB", "\u2018", "\u2019", ""}},
      {"be", {"\u00AB", "\u00BB", "\u201E", "\u201C", ""}},
      {"kk", {"\u00AB", "\u00BB", "\u201E", "\u201C", ""}},
      {"ca", {"\u00AB", "\u00BB", "\u201C", "\u201D", ""}},
      {"eu", {"\u00AB", "\u00BB", "\u201C", "\u201D", ""}},
  };
  auto it = table.find(primary_language(lang));
  return it == table.end() ? table.at("en") : it->second;
}

}  // namespace broadside::core
