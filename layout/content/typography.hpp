// typography.hpp — typographic normalisation of plain text: curly quotes, apostrophes, dashes.
#pragma once

#include <string>
#include <string_view>

#include "core/variables.hpp"

namespace broadside::content {

/// English typography, the same rules cmark's CMARK_OPT_SMART applies to the body: straight
/// double quotes become “ ”, single quotes ‘ ’ (an apostrophe is ’), "---" an em dash, "--" an
/// en dash, "..." an ellipsis. Words that look like web or mail addresses are left alone.
std::string smarten(std::string_view text);

/// True for "https://x.org/a", "www.x.org", "socialism2020.org", "wsws.org/contact",
/// "name@example.org": words whose dashes and quotes must never be touched.
bool looks_like_address(std::string_view word);

/// Applies smarten() to every front matter value except language tags and addresses (values
/// of keys named url, href, link, email or website). `lang` picks the rules; every language
/// gets the English ones for now, as the body's cmark does.
void normalise_typography(core::Variables& variables, std::string_view lang);

}  // namespace broadside::content
