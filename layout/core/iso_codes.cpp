// iso_codes.cpp — ISO 15924 and ISO 639 code lists from ICU, so they follow the Unicode and
// CLDR data the rest of the program shapes and breaks text with.
#include "core/iso_codes.hpp"

#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <set>

#include "core/language.hpp"

namespace broadside::core {

const std::vector<std::string>& script_codes() {
  static const std::vector<std::string> codes = [] {
    std::vector<std::string> out;
    for (int s = 0; s <= u_getIntPropertyMaxValue(UCHAR_SCRIPT); ++s)
      if (const char* name = uscript_getShortName(static_cast<UScriptCode>(s)))
        if (is_script_code(name)) out.emplace_back(name);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }();
  return codes;
}

bool is_known_script(const std::string& code) {
  const auto& codes = script_codes();
  return std::binary_search(codes.begin(), codes.end(), code);
}

std::string script_code_named(const std::string& name) {
  // ICU matches property value names loosely: case, spaces, '-' and '_' do not count.
  const int script = u_getPropertyValueEnum(UCHAR_SCRIPT, name.c_str());
  if (script < 0) return "";
  const char* code = uscript_getShortName(static_cast<UScriptCode>(script));
  return code ? code : "";
}

bool is_known_language(const std::string& tag) {
  static const std::set<std::string> known = [] {
    std::set<std::string> out;
    for (const char* const* p = uloc_getISOLanguages(); p && *p; ++p) out.insert(*p);
    out.insert("tl");
    return out;
  }();
  return known.count(primary_language(tag)) > 0;
}

}  // namespace broadside::core
