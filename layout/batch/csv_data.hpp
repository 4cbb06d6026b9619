// csv_data.hpp — a CSV or TSV file of rows for data merge: a header row of variable names, then
// one job's values per row.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/limits.hpp"
#include "core/variables.hpp"

namespace broadside::batch {

struct DataRow {
  /// 1-based, the header not counted: "row 3" is the third branch.
  int number = 0;
  /// File line the row starts on.
  int line = 0;
  /// Column name -> cell; empty cells are left out, so a design's default applies to them.
  core::Variables values;
  /// Set when the row cannot be used (ragged, invalid UTF-8): its job fails with this, the
  /// other rows still run.
  std::optional<core::Diagnostic> problem;
};

struct DataTable {
  std::filesystem::path file;
  std::vector<std::string> columns;
  std::vector<DataRow> rows;
};

/// Reads a data file: tab-separated when it ends in .tsv or .tab, else comma-separated. Quoted
/// fields (with "" for a quote and line breaks inside), a UTF-8 byte order mark and CRLF line
/// ends are understood. nullopt after reporting a problem with the file as a whole (missing,
/// no header, a column that is not a variable name, unbalanced quotes, no rows).
std::optional<DataTable> read_data(const std::filesystem::path& file, const core::Limits& limits,
                                   core::Diagnostics& diags);

/// As read_data, from text in memory; `file` names it in messages.
std::optional<DataTable> parse_data(std::string_view text, const std::filesystem::path& file,
                                    char delimiter, core::Diagnostics& diags);

/// '\t' for .tsv and .tab files, else ','.
char delimiter_for(const std::filesystem::path& file);

}  // namespace broadside::batch
