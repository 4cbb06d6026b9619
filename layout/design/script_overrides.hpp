// script_overrides.hpp — `scripts:`: per-script and per-language changes to the type styles
// (a Latin display face has no Arabic; Noto Sans Arabic has no ExtraBold; Arabic is never
// letter-spaced or upper-cased), applied for the statement's language.
#pragma once

#include <map>
#include <string>

#include "design/palette.hpp"
#include "design/styles.hpp"
#include "design/yaml_reader.hpp"

namespace broadside::design {

/// Reads `scripts:` — keys are ISO 15924 script codes (`Arab`, `Deva`, `Hans`) or language tags
/// (`vi`, `de`, `zh-Hant`); values map style names (or `all`, every style) to style keys — and
/// applies, for `lang`, the entries of its script and then of its language (the more specific
/// wins). Every entry is checked whatever the language, so `check` reports all problems.
void apply_script_overrides(Reader& in, const Field& f, const Palette& palette,
                            const std::string& lang, std::map<std::string, StyleDraft>& styles);

}  // namespace broadside::design
