// variables_section.hpp — a design's `variables:` section: per-variable default, maximum length
// and format (dates per language), declared once by the designer and applied to every value.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostic.hpp"
#include "core/variables.hpp"

namespace broadside::design {

class Reader;
struct Field;
struct Design;

/// How a value is written before it is set: as given, or an ISO date (2026-03-14) spelled out
/// in the statement's language ("14 March 2026", "sábado, 14 de marzo de 2026").
enum class VariableFormat { text, date, weekday_date };

/// One entry of `variables:`, e.g. `branch.name: {max-length: 40}`.
struct VariableSpec {
  std::string name;
  core::SourceLocation where;
  /// Used when neither the command line, a data row nor the statement gives a value.
  std::optional<core::Value> default_value;
  /// At most this many characters (Unicode code points); 0 = no limit. Checked after format.
  int max_length = 0;
  VariableFormat format = VariableFormat::text;
};

/// Reads `variables:` into `design.variables`; each `default` also becomes one of
/// `design.defaults` (an error when `defaults:` gives the same name too).
void read_variables_section(Reader& in, const Field& section, Design& design);

}  // namespace broadside::design
