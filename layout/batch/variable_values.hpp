// variable_values.hpp — variable values a job gets: read from a --vars file, then formatted and
// checked against the design's `variables:` section before composing.
#pragma once

#include <filesystem>
#include <optional>

#include "content/document.hpp"
#include "core/diagnostic.hpp"
#include "core/variables.hpp"
#include "design/design.hpp"

namespace broadside::batch {

/// A YAML file of values (`--vars`, `vars:` in a manifest): nested maps become dotted names
/// ("event.date"), lists stay lists. nullopt after reporting a problem.
std::optional<core::Variables> read_vars_file(const std::filesystem::path& file,
                                              const core::Limits& limits, core::Diagnostics& diags);

/// `overrides` plus every variable the design declares in `variables:`, taken from the first
/// source that has it (overrides, the statement, the design's defaults), formatted (dates in
/// the statement's language) and checked against its max-length. The result is what compose
/// should see first, so declared variables always come out formatted. Errors name the variable,
/// the value's place and the limit.
core::Variables resolve_variables(const design::Design& design, const content::Document& document,
                                  const core::Variables& overrides, core::Diagnostics& diags);

/// Errors for given values (--set, a data row, --vars) that no frame of `design` names while
/// their name is a slip of one it names and is not given ("event.plcae" for "event.place"):
/// such a value would be lost without a word, and the meeting's place with it.
void check_given_names(const design::Design& design, const core::Variables& given,
                       core::Diagnostics& diags);

}  // namespace broadside::batch
