// byline.hpp — the byline and its parts (author, role, date), each derivable from the other.
#pragma once

#include <string>

#include "core/variables.hpp"

namespace broadside::content {

/// True when `name` is set to something other than empty text.
bool has_value(const core::Variables& variables, const std::string& name);

/// When there is an author: signature = author, then " — role" if there is one — a one-line
/// kicker a design can show without breaking when the role is absent.
void derive_signature(core::Variables& variables);

/// When there is no byline but an author: byline = author, then " – role", then "\n" + date,
/// for the parts present. Located where the author is.
void derive_byline(core::Variables& variables);

/// Splits a byline of the shape "Name – Role" + optional "\n" + date line into author, role and
/// date, setting only those still missing, and the signature. A byline of another shape is left
/// unsplit.
void split_byline(core::Variables& variables);

}  // namespace broadside::content
