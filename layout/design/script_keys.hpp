// script_keys.hpp — checking the keys of `scripts:` and of `fonts:` classes, which name a
// script (ISO 15924) or a language (BCP 47): a slip there matches no statement, so the entry
// would be dropped without a word.
#pragma once

#include "design/yaml_reader.hpp"

namespace broadside::design {

/// Whether `key` is an ISO 15924 script code ICU knows ("Arab", "Hans", "Zsym") or a
/// well-formed language tag of a known ISO 639 language ("vi", "zh-Hant", "pt_BR"); otherwise
/// an error at the key naming it, with the nearest script code ("Arabic": 'Arab').
bool check_script_key(Reader& in, const Field& key);

}  // namespace broadside::design
