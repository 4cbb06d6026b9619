// language_codes.hpp — whether a statement's `lang` names a language at all: "jp" or "iw" pass
// as tags but choose no language's fonts, phrases or dictionary.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace broadside::content {

/// For a language tag whose primary subtag no ISO 639 language has (ICU's list), or that is
/// a withdrawn code ("iw"), the code to use instead when one is known ("ja" for "jp", "he" for
/// "iw"), else ""; nullopt for a known language.
std::optional<std::string> unknown_language(std::string_view tag);

}  // namespace broadside::content
