// variables.hpp — named values a design refers to as {name}: front matter, --set, data rows.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace broadside::core {

/// A scalar or a list of scalars, always plain text (never markup, never expanded again).
struct Value {
  std::vector<std::string> items;
  bool is_list = false;
  SourceLocation where;
  /// The design's own default, which the run filled in (batch::resolve_variables), not a value
  /// the statement, the command line or a data row gave.
  bool is_design_default = false;

  static Value scalar(std::string s, SourceLocation at = {}) { return {{std::move(s)}, false, at}; }
  static Value list(std::vector<std::string> v, SourceLocation at = {}) {
    return {std::move(v), true, at};
  }
  /// The scalar, or the list items joined with ", ".
  std::string text() const;
};

/// Flattened names: nested maps become dotted keys ("cta.url", "event.date").
using Variables = std::map<std::string, Value>;

}  // namespace broadside::core
