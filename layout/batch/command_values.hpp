// command_values.hpp — the values `render` and `check` take on the command line (--vars, --set,
// --data), read the same way for both.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "batch/manifest.hpp"
#include "core/diagnostic.hpp"
#include "core/options.hpp"
#include "core/variables.hpp"

namespace broadside::batch {

struct ValueFlags {
  /// --set key=value, repeatable; wins over the rest.
  std::vector<std::string> sets;
  /// --vars FILE: a YAML file of values.
  std::string vars;
  /// --data FILE: a CSV or TSV file, one job per row.
  std::string data;
};

/// `--set key=value` options into `out`; the first malformed one's message ("--set 'x':
/// expected key=value"), or "" when all are well formed.
std::string parse_sets(const std::vector<std::string>& sets, core::Variables& out);

/// The values of one job: the --vars file, then --set over it. nullopt after reporting a
/// problem with the file; a malformed --set is reported in `usage` (a command-line mistake).
std::optional<core::Variables> command_values(const ValueFlags& flags, const core::Limits& limits,
                                              core::Diagnostics& diags, std::string& usage);

/// `DESIGN CONTENT --data FILE`: one group running the design and statement for every row, with
/// the --vars file below each row and --set above it. nullopt after reporting as above.
std::optional<Manifest> rows_manifest(const std::filesystem::path& design,
                                      const std::filesystem::path& statement,
                                      const ValueFlags& flags,
                                      const std::vector<std::string>& outputs, int dpi,
                                      const core::Limits& limits, core::Diagnostics& diags,
                                      std::string& usage);

}  // namespace broadside::batch
