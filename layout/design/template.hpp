// template.hpp — "{variable}" templates: the parser and the rule for variable names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "design/design.hpp"

namespace broadside::design {

/// A problem in a template, at a byte offset into its text.
struct TemplateError {
  size_t offset = 0;
  std::string message;
  std::string hint;
};

/// Letters, digits, '_', '-' and '.', with no empty part between dots ("cta.url"). Bytes of
/// non-ASCII UTF-8 count as letters, so front matter may use any language's words as keys.
bool is_variable_name(std::string_view name);

/// Splits `text` into literal and variable pieces ("{{" and "}}" are literal braces). Every
/// problem goes to `errors`; the pieces are then a best effort.
Template parse_template(std::string_view text, std::vector<TemplateError>& errors);

}  // namespace broadside::design
