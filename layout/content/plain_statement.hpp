// plain_statement.hpp — the structure of a statement without front matter, read from its text.
#pragma once

#include "content/document.hpp"

namespace broadside::content {

/// Fills in what the front matter did not give, from the body as a plain statement like the
/// seed lays it out:
/// - headline: the first `#` heading (taken out of the body);
/// - byline: the short paragraphs right after that heading (each under 25 words, at most 3
///   lines, something left after them), joined by "\n"; "Name – Role" + a date line also give
///   author, role and date;
/// - contact: a paragraph starting "To contact" among the last three, with everything after it,
///   joined by spaces (taken out of the body);
/// - cta.url: the text of the first link in the last paragraph when it says "visit".
void derive_structure(Document& document);

}  // namespace broadside::content
