// manifest.hpp — a batch manifest (YAML) read into groups of jobs, and the groups expanded into
// the numbered list of jobs a run works through.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "batch/csv_data.hpp"
#include "core/diagnostic.hpp"
#include "core/options.hpp"
#include "core/variables.hpp"

namespace broadside::batch {

/// A matrix of jobs: every design × every statement × every data row (one job per design ×
/// statement without data), each job writing every output pattern.
struct JobGroup {
  core::SourceLocation where;
  std::vector<std::filesystem::path> designs;
  std::vector<std::filesystem::path> statements;
  /// Shared by every group that names the same file: read once.
  std::shared_ptr<const DataTable> data;
  /// From a `vars:` file, and from `set:`; a row's values win over `vars`, `set` over both.
  core::Variables vars;
  core::Variables sets;
  /// File name patterns ("{design}/{lang}/{branch.name}.pdf"); empty: the design's formats.
  std::vector<std::string> outputs;
  int dpi = 0;
};

struct Manifest {
  std::filesystem::path file;
  std::vector<JobGroup> groups;
};

/// One job of the expansion, before its statement is read.
struct PlannedJob {
  /// Place in the whole expansion, from 0; shards and reports refer to it.
  size_t index = 0;
  std::filesystem::path design;
  std::filesystem::path statement;
  /// `set` > data row > `vars`, already merged.
  core::Variables values;
  /// 1-based data row, 0 without data.
  int row = 0;
  std::vector<std::string> outputs;
  int dpi = 0;
  /// A data row that cannot be used: the job fails with this without running.
  std::optional<core::Diagnostic> problem;
  /// The data row's file and line: where a problem of the row's own (an output name it leaves
  /// unset, or the same as another row's) is reported; unknown without data.
  core::SourceLocation where;
};

/// Reads a manifest. Paths in it are relative to its folder; a design without '/' or '.yaml'
/// is a bundled one. Top-level keys form one group; with `jobs:`, they are the defaults every
/// entry of the list starts from. nullopt after reporting problems (nothing should run then).
std::optional<Manifest> read_manifest(const std::filesystem::path& file,
                                      const core::Options& options, core::Diagnostics& diags);

/// As read_manifest, from text in memory; `file` names it and anchors its relative paths.
std::optional<Manifest> parse_manifest(const std::string& yaml, const std::filesystem::path& file,
                                       const core::Options& options, core::Diagnostics& diags);

/// Every job, in a fixed order: groups, then designs, statements, rows.
std::vector<PlannedJob> expand(const Manifest& manifest);

/// Job `index` (below job_count()) of expand()'s list, made alone: a long data merge plans each
/// job as it reaches it instead of holding them all.
PlannedJob plan_job(const Manifest& manifest, size_t index);

/// False (with an error naming the jobs limit) when expand() would make more jobs than allowed;
/// checked before any job is made, so a huge matrix costs no memory.
bool check_job_count(const Manifest& manifest, const core::Limits& limits,
                     core::Diagnostics& diags);

/// How many jobs expand() gives, without making them.
size_t job_count(const Manifest& manifest);

}  // namespace broadside::batch
