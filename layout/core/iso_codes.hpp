// iso_codes.hpp — which ISO 15924 script codes and ISO 639 languages exist (ICU's lists), for
// stages that check codes a person typed but may not use ICU themselves (design/).
#pragma once

#include <string>
#include <vector>

namespace broadside::core {

/// Every ISO 15924 code ICU knows ("Adlm" … "Zzzz"), for "did you mean" hints.
const std::vector<std::string>& script_codes();

/// Whether `code` is one of script_codes(), spelt as ISO 15924 writes it ("Arab", not "arab").
bool is_known_script(const std::string& code);

/// The code of a script written by its name ("Arabic", "cyrillic", "Old_Italic"), or "".
std::string script_code_named(const std::string& name);

/// Whether a language tag's primary subtag ("pt" of "pt-BR") is an ISO 639 language ICU
/// lists, or Tagalog's "tl" (which ICU lists as Filipino, "fil", only).
bool is_known_language(const std::string& tag);

}  // namespace broadside::core
