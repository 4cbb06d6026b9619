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

/// A data file's rows, kept compact for a long merge: every cell's text in one string, and per
/// row only its line and where its cells end; a DataRow (a map of Values, each naming the file)
/// is made when asked for, and is a few hundred bytes that 10,000 rows would otherwise all hold.
class DataRows {
 public:
  class Iterator {
   public:
    Iterator(const DataRows& rows, size_t at) : rows_(&rows), at_(at) {}
    DataRow operator*() const { return (*rows_)[at_]; }
    Iterator& operator++() {
      ++at_;
      return *this;
    }
    bool operator!=(const Iterator& other) const { return at_ != other.at_; }

   private:
    const DataRows* rows_;
    size_t at_;
  };

  size_t size() const { return lines_.size(); }
  bool empty() const { return lines_.empty(); }
  /// Row `index` (from 0), made as read_data read it.
  DataRow operator[](size_t index) const;
  Iterator begin() const { return {*this, 0}; }
  Iterator end() const { return {*this, size()}; }

  /// Adds the next row: its cells (one per column, empty ones too) or, for a row that cannot be
  /// used, its problem.
  void add(int line, const std::vector<std::string>& cells);
  void add(int line, core::Diagnostic problem);
  void reserve(size_t rows);

 private:
  friend struct DataTable;
  void set_source(std::filesystem::path file, std::vector<std::string> columns);

  std::string file_;
  std::vector<std::string> columns_;
  std::string text_;               // every usable row's cells, one after another
  std::vector<size_t> cell_ends_;  // per row, per column: where the cell ends in text_
  std::vector<int> lines_;
  std::vector<std::pair<size_t, core::Diagnostic>> problems_;  // by row index, ascending
};

struct DataTable {
  std::filesystem::path file;
  std::vector<std::string> columns;
  DataRows rows;
  /// Names the file and the columns the rows' values are made with; before rows are added.
  void start_rows() { rows.set_source(file, columns); }
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
