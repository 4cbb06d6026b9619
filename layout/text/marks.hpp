// marks.hpp — invisible marks that steer line breaking and bidi for whole tokens: web and mail
// addresses break only where a long one still reads as one (word joiners elsewhere), and stay
// left-to-right inside right-to-left text (bidi isolates), so "socialism2020.org" never reads
// "org.2020..." or splits at a dot.
#pragma once

#include "core/rich_text.hpp"

namespace broadside::text {

/// Puts a WORD JOINER (U+2060) after each '/', '.', '-', '?', '&', '=' and '_' inside a web or
/// mail address, where line breaking would otherwise allow a break. An address of 24
/// bytes or more may break after a path's '/', before '?', '&', '#' and '@', and inside its
/// path before '-', '.', '_', '~' and '%' (a ZERO WIDTH SPACE there), never inside its host
/// name.
core::RichText join_addresses(const core::RichText& text);

/// Puts a WORD JOINER between adjacent Hangul syllables, so Korean breaks only between words
/// (CSS `word-break: keep-all`, the usual setting for Korean), never inside one.
core::RichText keep_hangul_words(const core::RichText& text);

/// Wraps each URL, e-mail address and Latin-script token with digits or dots in LRI … PDI
/// (U+2066, U+2069). Trailing punctuation stays outside.
core::RichText isolate_ltr_tokens(const core::RichText& text);

/// Turns each line break in the text ("\n": Markdown's hard break) into a LINE SEPARATOR
/// (U+2028): Pango starts a new paragraph at "\n", and indents its first line, where a reader
/// expects the paragraph to go on from the column's edge.
core::RichText hard_breaks_as_line_separators(const core::RichText& text);

}  // namespace broadside::text
