// byline.hpp — the byline and its parts (author, role, date), each derivable from the other.
#pragma once

#include <string>
#include <string_view>

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

/// The statement's `date` written out in its language when given as YYYY-MM-DD ("2026-03-01":
/// "March 1, 2026", "1 de marzo de 2026"); as given otherwise, and in a language without month
/// names (an ISO date reads the same everywhere; English names would not).
void write_out_date(core::Variables& variables, std::string_view lang);

/// Splits a byline of the shape "Name – Role" + optional "\n" + date line into author, role and
/// date, setting only those still missing, and the signature. A byline of another shape is left
/// unsplit.
void split_byline(core::Variables& variables);

}  // namespace broadside::content
