// quotes.hpp — quotation marks and punctuation spacing per language: the English curly quotes
// that smart punctuation made from straight ones become the language's own (« » with narrow
// no-break spaces in French, „ “ in German, 「 」 in Japanese, …).
#pragma once

#include <string>

#include "core/rich_text.hpp"
#include "core/variables.hpp"

namespace broadside::content {

/// Rewrites “ ” ‘ ’ (an apostrophe inside a word stays ’) into `lang`'s marks, sets French
/// spacing before ; ! ? and inside guillemets, and binds a spaced dash to the word before it
/// with a no-break space (no line starts with a dash).
std::string localise_quotes(const std::string& text, const std::string& lang);

/// The same for a rich text, keeping its style runs on their words.
core::RichText localise_quotes(const core::RichText& text, const std::string& lang);

/// The same for every front matter value that is not a web or mail address.
void localise_quotes(core::Variables& variables, const std::string& lang);

}  // namespace broadside::content
