// script_keys.cpp — is a `scripts:` or font class key a script or a language we know?
#include "design/script_keys.hpp"

#include <cctype>

#include "core/iso_codes.hpp"
#include "core/language.hpp"
#include "design/suggest.hpp"

namespace broadside::design {

namespace {

constexpr const char* kWhatKeysAre =
    "keys are ISO 15924 script codes (Latn, Arab, Cyrl, Deva, Hans, ...) or language tags (vi, "
    "ur, zh-Hant)";

bool all_of(const std::string& s, int (*is)(int)) {
  for (unsigned char c : s)
    if (!is(c)) return false;
  return !s.empty();
}

/// BCP 47's shape: a primary subtag of 2 or 3 letters, then subtags of 1 to 8 letters or
/// digits ("zh-Hant-TW", "pt_BR"); the '_' of POSIX locales is taken as '-'.
bool is_language_tag_shaped(const std::string& key) {
  size_t start = 0;
  for (bool first = true;; first = false) {
    const size_t end = key.find_first_of("-_", start);
    const std::string sub = key.substr(start, end == std::string::npos ? end : end - start);
    if (first ? (sub.size() < 2 || sub.size() > 3 || !all_of(sub, ::isalpha))
              : (sub.size() > 8 || !all_of(sub, ::isalnum)))
      return false;
    if (end == std::string::npos) return true;
    start = end + 1;
  }
}

/// The script code a slip most likely meant: a script's name ("Arabic", "cyrillic") or a code
/// a letter or two off ("Cyrll", "arab").
std::string nearest_script(const std::string& key) {
  if (const std::string named = core::script_code_named(key); !named.empty())
    return "did you mean '" + named + "'?";
  // Two edits turn any four letters into many codes ("Qaaa" into "Java"): one, for those.
  return did_you_mean(key, core::script_codes(), key.size() == 4 ? 1 : 2);
}

}  // namespace

bool check_script_key(Reader& in, const Field& key) {
  const std::string& name = key.name;
  if (core::is_script_code(name)) {
    if (core::is_known_script(name)) return true;
    const std::string near = nearest_script(name);
    in.error(in.at(key.key_mark), "'" + name + "' is not a script code broadside knows (ISO 15924)",
             near.empty() ? kWhatKeysAre : near);
    return false;
  }
  if (is_language_tag_shaped(name)) {
    if (core::is_known_language(name)) return true;
    // A known script's name can be tag-shaped too ("Lao", "Yi").
    const std::string named = core::script_code_named(name);
    in.error(in.at(key.key_mark),
             "'" + name + "' is not a script code or the tag of a language broadside knows",
             named.empty() ? kWhatKeysAre : "did you mean '" + named + "'?");
    return false;
  }
  const std::string near = nearest_script(name);
  in.error(in.at(key.key_mark), "'" + name + "' is not a script code or language tag",
           near.empty() ? kWhatKeysAre : near);
  return false;
}

}  // namespace broadside::design
