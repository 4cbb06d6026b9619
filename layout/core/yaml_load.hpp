// yaml_load.hpp — a YAML text read into a node tree in one parse, checked against the nesting
// and alias-expansion limits as it is read (the one core header with a yaml-cpp type: only the
// stages that read YAML and link yaml-cpp themselves include it).
#pragma once

#include <yaml-cpp/node/node.h>

#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "core/limits.hpp"

namespace broadside::core {

/// YAML::Load and check_yaml_limits (core/yaml_guard.hpp) in one parse, for a cold start that
/// reads each file once: the text's first document as a node tree, or nullopt after reporting a
/// limit crossed (the same diagnostics as check_yaml_limits, at the same places). A syntax error
/// in the first document throws YAML::ParserException, as YAML::Load does; an empty text is a
/// null node.
std::optional<YAML::Node> load_yaml(std::string_view text, const std::string& file, int first_line,
                                    const Limits& limits, Diagnostics& diags);

}  // namespace broadside::core
