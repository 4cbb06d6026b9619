// manifest.cpp — reading manifests (with design's located YAML reader) and expanding them.
#include "batch/manifest.hpp"

#include <fmt/format.h>

#include <map>

#include "batch/output_names.hpp"
#include "batch/paths.hpp"
#include "batch/variable_values.hpp"
#include "core/atomic_file.hpp"
#include "core/yaml_load.hpp"
#include "core/yaml_syntax.hpp"
#include "design/template.hpp"
#include "design/yaml_reader.hpp"

namespace broadside::batch {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kGroupKeys = {"designs", "statements", "data", "vars",
                                             "set",     "outputs",    "dpi"};

/// A group as written: what it says, and which keys it says it at (the rest inherit).
struct GroupDraft {
  core::SourceLocation where;
  std::optional<std::vector<fs::path>> designs, statements;
  std::optional<std::shared_ptr<const DataTable>> data;  // holds nullptr for `data:` (none)
  std::optional<core::Variables> vars;
  core::Variables sets;
  std::optional<std::vector<std::string>> outputs;
  std::optional<int> dpi;
};

struct ManifestReader {
  design::Reader& in;
  const core::Options& options;
  fs::path folder;
  core::Diagnostics& diags;
  std::map<fs::path, std::shared_ptr<const DataTable>> tables;  // each file read once

  fs::path relative(const std::string& path) const {
    const fs::path p(path);
    return p.is_absolute() ? p : (folder / p).lexically_normal();
  }

  fs::path design(const std::string& name) const {
    const fs::path resolved = resolve_design(name, options);
    return resolved == fs::path(name) ? relative(name) : resolved;  // bundled or a path
  }

  /// One text or a list of texts.
  std::optional<std::vector<std::string>> texts(const design::Field& f) {
    if (f.present && f.node.IsScalar()) return std::vector<std::string>{f.node.Scalar()};
    auto items = in.list(f, "a text or a list of texts");
    if (!items) return std::nullopt;
    std::vector<std::string> out;
    for (const auto& item : *items)
      if (auto s = in.scalar(item, "a text")) out.push_back(*s);
    if (out.empty()) in.error(f, "'" + f.name + "' needs at least one entry");
    return out;
  }

  void flatten(const design::Field& f, const std::string& prefix, core::Variables& into) {
    design::MapView map(in, f, "a map of variable values");
    for (const design::Field& e : map.entries()) {
      const std::string name = prefix.empty() ? e.name : prefix + "." + e.name;
      if (!design::is_variable_name(e.name))
        in.error(in.at(e.key_mark), "bad variable name '" + e.name + "'");
      else if (e.node.IsMap())
        flatten(e, name, into);
      else if (!e.node.IsSequence())
        into[name] = core::Value::scalar(e.is_null() ? "" : e.node.Scalar(), in.at(e));
      else if (auto list = texts(e))
        into[name] = core::Value::list(*list, in.at(e));
    }
  }

  std::optional<std::shared_ptr<const DataTable>> data(const design::Field& f) {
    if (f.is_null()) return std::shared_ptr<const DataTable>();  // `data:` turns it off
    auto path = in.scalar(f, "a CSV or TSV file");
    if (!path) return std::nullopt;
    const fs::path file = relative(*path);
    if (auto it = tables.find(file); it != tables.end()) return it->second;
    auto table = read_data(file, options.limits, diags);
    if (!table) {
      in.error(f, "cannot use the data file '" + *path + "'");
      return std::nullopt;
    }
    return tables[file] = std::make_shared<const DataTable>(std::move(*table));
  }

  std::optional<std::vector<std::string>> outputs(const design::Field& f) {
    auto patterns = texts(f);
    if (!patterns) return std::nullopt;
    for (const auto& p : *patterns) {
      if (const std::string problem = check_confined_pattern(p); !problem.empty())
        in.error(f, problem);
      std::vector<design::TemplateError> errors;
      design::parse_template(p, errors);
      for (const auto& e : errors) in.error(f, "output pattern '" + p + "': " + e.message, e.hint);
    }
    return patterns;
  }

  /// Reads one group's keys; `jobs`, when given, receives the `jobs:` list (top level only).
  GroupDraft group(const design::Field& f, design::Field* jobs);
};

GroupDraft ManifestReader::group(const design::Field& f, design::Field* jobs) {
  GroupDraft g;
  g.where = in.at(f);
  design::MapView map(in, f, "a map of job settings (designs, statements, data, outputs, ...)");
  if (!map.is_map()) return g;
  std::vector<std::string> allowed = kGroupKeys;
  if (jobs) allowed.push_back("jobs");
  map.check(allowed);
  if (jobs && map.has("jobs")) *jobs = map.get("jobs");
  auto paths = [&](const char* key, bool is_design) {
    std::optional<std::vector<fs::path>> out;
    if (!map.has(key)) return out;
    out.emplace();
    for (const auto& t : texts(map.get(key)).value_or(std::vector<std::string>{}))
      out->push_back(is_design ? design(t) : relative(t));
    return out;
  };
  g.designs = paths("designs", true);
  g.statements = paths("statements", false);
  if (map.has("data")) g.data = data(map.get("data"));
  if (map.has("vars")) {
    const design::Field v = map.get("vars");
    if (auto path = in.scalar(v, "a YAML file of variable values"))
      if (!(g.vars = read_vars_file(relative(*path), options.limits, diags)))
        in.error(v, "cannot use '" + *path + "'");
  }
  if (map.has("set")) flatten(map.get("set"), "", g.sets);
  if (map.has("outputs")) g.outputs = outputs(map.get("outputs"));
  if (map.has("dpi")) g.dpi = in.integer(map.get("dpi"), 18, 2400);
  return g;
}

/// The entry's own settings over the top level's.
JobGroup finish(const GroupDraft& top, const GroupDraft& own, design::Reader& in) {
  JobGroup g;
  g.where = own.where;
  g.designs = own.designs.value_or(top.designs.value_or(std::vector<fs::path>{}));
  g.statements = own.statements.value_or(top.statements.value_or(std::vector<fs::path>{}));
  g.data = own.data.value_or(top.data.value_or(nullptr));
  g.vars = own.vars.value_or(top.vars.value_or(core::Variables{}));
  g.sets = top.sets;
  for (const auto& [k, v] : own.sets) g.sets[k] = v;
  g.outputs = own.outputs.value_or(top.outputs.value_or(std::vector<std::string>{}));
  g.dpi = own.dpi.value_or(top.dpi.value_or(0));
  if (g.designs.empty()) in.error(g.where, "these jobs name no design", "add 'designs:'");
  if (g.statements.empty()) in.error(g.where, "these jobs name no statement", "add 'statements:'");
  return g;
}

Manifest read_groups(design::Reader& in, const design::Field& root, const fs::path& file,
                     const core::Options& options, core::Diagnostics& diags) {
  Manifest m;
  m.file = file;
  ManifestReader r{in, options, file.parent_path(), diags, {}};
  design::Field jobs;
  const GroupDraft top = r.group(root, &jobs);
  if (!jobs.present) {
    m.groups.push_back(finish(top, GroupDraft{top.where}, in));
    return m;
  }
  auto entries = in.list(jobs, "a list of jobs");
  if (entries && entries->empty()) in.error(jobs, "'jobs' needs at least one entry");
  for (const auto& entry : entries.value_or(std::vector<design::Field>{}))
    m.groups.push_back(finish(top, r.group(entry, nullptr), in));
  return m;
}

}  // namespace

std::optional<Manifest> parse_manifest(const std::string& yaml, const fs::path& file,
                                       const core::Options& options, core::Diagnostics& diags) {
  design::Reader in(file.string(), yaml, diags);
  try {
    const std::optional<YAML::Node> loaded =
        core::load_yaml(yaml, file.string(), 1, options.limits, diags);
    if (!loaded) return std::nullopt;
    const YAML::Node& root = *loaded;
    if (!root.IsMap()) {
      in.error(core::SourceLocation{file.string(), 1, 1},
               "a manifest is a map (designs, statements, data, outputs, jobs)");
      return std::nullopt;
    }
    Manifest m = read_groups(in, design::Field(root), file, options, diags);
    if (in.errors() > 0 || diags.has_errors() || !check_job_count(m, options.limits, diags))
      return std::nullopt;
    return m;
  } catch (const YAML::ParserException& e) {
    const core::Diagnostic d = core::explain_yaml_error(
        yaml, file.string(), 1, e.msg, e.mark.is_null() ? -1 : e.mark.line, e.mark.column);
    in.error(d.where, d.message, d.hint);
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    in.error(in.at(e.mark), e.msg);
    return std::nullopt;
  }
}

std::optional<Manifest> read_manifest(const fs::path& file, const core::Options& options,
                                      core::Diagnostics& diags) {
  const auto text = core::read_file(file, options.limits, diags);
  if (!text) return std::nullopt;
  return parse_manifest(*text, file, options, diags);
}

bool check_job_count(const Manifest& manifest, const core::Limits& limits,
                     core::Diagnostics& diags) {
  // In floating point: designs x statements x rows may not fit any integer.
  double n = 0;
  for (const auto& g : manifest.groups)
    n += static_cast<double>(g.designs.size()) * static_cast<double>(g.statements.size()) *
         static_cast<double>(g.data ? g.data->rows.size() : 1);
  if (n <= static_cast<double>(limits[core::Limit::jobs])) return true;
  diags.error(
      {manifest.file.string()},
      "the run would have " + fmt::format("{:.0f}", n) + " jobs, " + limits.over(core::Limit::jobs),
      core::limit_hint(core::Limit::jobs));
  return false;
}

size_t job_count(const Manifest& manifest) {
  size_t n = 0;
  for (const auto& g : manifest.groups)
    n += g.designs.size() * g.statements.size() * (g.data ? g.data->rows.size() : 1);
  return n;
}

PlannedJob plan_job(const Manifest& manifest, size_t index) {
  size_t first = 0;  // the index of the group's first job
  for (const auto& g : manifest.groups) {
    const size_t rows = g.data ? g.data->rows.size() : 1;
    const size_t in_group = g.designs.size() * g.statements.size() * rows;
    if (index - first >= in_group) {
      first += in_group;
      continue;
    }
    // Designs, then statements, then rows: the order expand() lists them in.
    const size_t at = index - first, r = at % rows, s = at / rows % g.statements.size(),
                 d = at / rows / g.statements.size();
    PlannedJob job{index, g.designs[d], g.statements[s], g.vars, 0, g.outputs, g.dpi, {}};
    if (g.data) {
      const DataRow& row = g.data->rows[r];
      job.row = row.number;
      job.problem = row.problem;
      job.where = {g.data->file.string(), row.line};
      for (const auto& [k, v] : row.values) job.values[k] = v;
    }
    for (const auto& [k, v] : g.sets) job.values[k] = v;
    return job;
  }
  return {};  // past the end: callers ask only below job_count()
}

std::vector<PlannedJob> expand(const Manifest& manifest) {
  std::vector<PlannedJob> jobs;
  const size_t n = job_count(manifest);
  jobs.reserve(n);
  for (size_t i = 0; i < n; ++i) jobs.push_back(plan_job(manifest, i));
  return jobs;
}

}  // namespace broadside::batch
