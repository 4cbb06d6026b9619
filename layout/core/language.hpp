// language.hpp — what a BCP 47 language tag implies for typesetting: its script (ISO 15924),
// its direction, and its quotation marks.
#pragma once

#include <string>

namespace broadside::core {

/// The script a language is written in: "Latn", "Arab", "Deva", "Hans", ... An explicit script
/// subtag wins ("sr-Latn", "zh-Hant"); unknown languages are taken as Latin.
std::string script_for(const std::string& lang);

/// Right-to-left scripts: Arabic, Hebrew, Syriac, Thaana, N'Ko.
bool is_rtl_script(const std::string& script);
inline bool is_rtl(const std::string& lang) {
  return is_rtl_script(script_for(lang));
}

/// The primary language subtag, lower-cased: "pt-BR" -> "pt".
std::string primary_language(const std::string& lang);

/// "Arab" (an ISO 15924 script code: four letters, the first upper-case) rather than a
/// language tag ("vi", "zh-Hant").
bool is_script_code(const std::string& key);

/// Whether language tag `key` covers `lang`: the same tag, its primary language, or a prefix of
/// it ("zh" and "zh-Hant" cover "zh-Hant-TW"); case and '_' against '-' do not matter.
bool language_matches(const std::string& key, const std::string& lang);

/// Quotation marks of a language, outer and inner (CLDR delimiters), and the space a language
/// sets inside them (French: a narrow no-break space).
struct Quotes {
  std::string open, close, inner_open, inner_close;
  std::string inside_space;
};

Quotes quotes_for(const std::string& lang);

}  // namespace broadside::core
