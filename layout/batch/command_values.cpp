// command_values.cpp — --set, --vars and --data read into a job's values or a group of jobs.
#include "batch/command_values.hpp"

#include <memory>

#include "batch/csv_data.hpp"
#include "batch/variable_values.hpp"

namespace broadside::batch {

std::string parse_sets(const std::vector<std::string>& sets, core::Variables& out) {
  for (const auto& s : sets) {
    const auto eq = s.find('=');
    if (eq == std::string::npos || eq == 0) return "--set '" + s + "': expected key=value";
    out[s.substr(0, eq)] = core::Value::scalar(s.substr(eq + 1), {"--set " + s.substr(0, eq)});
  }
  return {};
}

std::optional<core::Variables> command_values(const ValueFlags& flags, const core::Limits& limits,
                                              core::Diagnostics& diags, std::string& usage) {
  core::Variables values;
  if (!flags.vars.empty()) {
    auto vars = read_vars_file(flags.vars, limits, diags);
    if (!vars) return std::nullopt;
    values = std::move(*vars);  // --set, parsed next, wins over the file
  }
  usage = parse_sets(flags.sets, values);
  if (!usage.empty()) return std::nullopt;
  return values;
}

std::optional<Manifest> rows_manifest(const std::filesystem::path& design,
                                      const std::filesystem::path& statement,
                                      const ValueFlags& flags,
                                      const std::vector<std::string>& outputs, int dpi,
                                      const core::Limits& limits, core::Diagnostics& diags,
                                      std::string& usage) {
  JobGroup g;
  g.designs = {design};
  g.statements = {statement};
  g.outputs = outputs;
  g.dpi = dpi;
  auto table = read_data(flags.data, limits, diags);
  std::optional<core::Variables> vars =
      flags.vars.empty() ? core::Variables{} : read_vars_file(flags.vars, limits, diags);
  if (!table || !vars) return std::nullopt;
  g.data = std::make_shared<const DataTable>(std::move(*table));
  g.vars = std::move(*vars);
  usage = parse_sets(flags.sets, g.sets);
  if (!usage.empty()) return std::nullopt;
  Manifest manifest{flags.data, {std::move(g)}};
  if (!check_job_count(manifest, limits, diags)) return std::nullopt;
  return manifest;
}

}  // namespace broadside::batch
