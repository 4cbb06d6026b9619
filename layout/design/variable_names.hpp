// variable_names.hpp — the variable names a design writes, checked against the names something
// can give a value: a slip of one ("event.dat") would leave its content out on every print.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace broadside::design {

class Reader;
struct Design;
struct PageTemplate;

/// A variable name as the design writes it (in a template or a `when-set:`), and where.
struct VariableUse {
  std::string name;
  core::SourceLocation where;
};

/// The names broadside gives a value of its own, whatever the design: the statement's fields
/// (content/front_matter.cpp), the values derived from them, the built-ins compose sets
/// (`excerpt`, `page`, `pages`) and the labels it has in many languages (compose/labels.cpp).
const std::vector<std::string>& builtin_variable_names();

/// Every variable name the templates of `pages` write (text, list, qr, link, read-more), with
/// the place of the name itself.
std::vector<VariableUse> template_variable_uses(const std::vector<PageTemplate>& pages);

/// Reports as an error each use of a name that neither broadside nor the design (`variables:`,
/// `defaults:`) gives, and that is a slip of one that is given (`event.dat` for a declared
/// `event.date`): no value could ever be meant for it. Any other name of the design's own is
/// left alone: a statement's front matter may carry groups of its own (`branch: {name: …}`),
/// and --set or a data row any name.
void check_variable_uses(Reader& in, const std::vector<VariableUse>& uses, const Design& design);

}  // namespace broadside::design
