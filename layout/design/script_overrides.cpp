// script_overrides.cpp — reading `scripts:` and patching the matching styles.
#include "design/script_overrides.hpp"

#include <vector>

#include "core/language.hpp"
#include "design/script_keys.hpp"

namespace broadside::design {

namespace {

/// The name that stands for every style in an entry.
constexpr const char* kAllStyles = "all";

struct Entry {
  std::string key;
  std::map<std::string, StylePatch> patches;  // style name or "all"
};

Entry read_entry(Reader& in, const Field& f, const Palette& palette,
                 const std::map<std::string, StyleDraft>& styles) {
  Entry entry{f.name, {}};
  MapView by_style(in, f, "a map of style names to style keys");
  std::vector<std::string> names{kAllStyles};
  for (const auto& [name, draft] : styles) names.push_back(name);
  by_style.check(names);
  for (const Field& style : by_style.entries()) {
    MapView keys(in, style, "a map of style keys");
    keys.check(style_keys());
    StylePatch& patch = entry.patches[style.name];
    for (const Field& key : keys.entries()) read_style_key(in, key, palette, patch);
  }
  return entry;
}

void apply(const Entry& entry, std::map<std::string, StyleDraft>& styles) {
  if (auto all = entry.patches.find(kAllStyles); all != entry.patches.end())
    for (auto& [name, draft] : styles) draft.apply(all->second);
  for (const auto& [name, patch] : entry.patches) {
    if (name == kAllStyles) continue;
    if (auto it = styles.find(name); it != styles.end()) it->second.apply(patch);
  }
}

}  // namespace

void apply_script_overrides(Reader& in, const Field& f, const Palette& palette,
                            const std::string& lang, std::map<std::string, StyleDraft>& styles) {
  if (!f.present) return;
  MapView entries(in, f, "a map of scripts (Arab, Deva, ...) or languages (vi, de, ...)");
  std::vector<Entry> by_script, by_language;
  for (const Field& e : entries.entries())
    if (check_script_key(in, e))
      (core::is_script_code(e.name) ? by_script : by_language)
          .push_back(read_entry(in, e, palette, styles));
  const std::string script = lang.empty() ? "" : core::script_for(lang);
  for (const Entry& e : by_script)
    if (e.key == script) apply(e, styles);
  for (const Entry& e : by_language)
    if (core::language_matches(e.key, lang)) apply(e, styles);
}

}  // namespace broadside::design
