// labels.hpp — the short words a design prints around the statement's content (a QR code's
// "Scan to join"), in the statement's language, when neither the statement nor the command
// line gives them.
#pragma once

#include <string>
#include <vector>

#include "core/variables.hpp"

namespace broadside::compose {

/// The label `name` in language `lang` ("pt-BR" uses "pt"): `labels.scan` ("Scan to join") and
/// `labels.read-more` ("Read the full statement:"), English for a language without a table;
/// `cta.text` (the campaign's call to action), `labels.demands`, `labels.statement` and
/// `event.title` for a language other than English (nullptr for English and languages without
/// one, so the design's default stands). nullptr for a name that is no label.
const core::Value* language_label(const std::string& name, const std::string& lang);

/// Whether `name` is a label language_label() knows with no text of `lang`'s own: what it
/// gives (or the design's default) is in another language. English always has its own.
bool lacks_label_in(const std::string& name, const std::string& lang);

/// Every name language_label() knows.
std::vector<std::string> label_names();

}  // namespace broadside::compose
