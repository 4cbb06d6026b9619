// csv_data.cpp — CSV/TSV through libcsv, fed line by line so every row knows its line number.
#include "batch/csv_data.hpp"

#include <csv.h>

#include <algorithm>
#include <set>

#include "core/ascii.hpp"
#include "core/atomic_file.hpp"
#include "design/template.hpp"

namespace broadside::batch {

namespace fs = std::filesystem;

namespace {

/// Owns a libcsv parser (RAII over csv_init / csv_free).
class CsvParser {
 public:
  CsvParser(const fs::path& file, unsigned char options) {
    // csv_init fails only when malloc does: as exceptional as std::bad_alloc.
    if (csv_init(&parser_, options) != 0)
      throw core::Failure({file.string()}, "cannot start the CSV reader: out of memory");
  }
  ~CsvParser() { csv_free(&parser_); }
  CsvParser(const CsvParser&) = delete;
  CsvParser& operator=(const CsvParser&) = delete;
  csv_parser* get() { return &parser_; }

 private:
  csv_parser parser_{};
};

bool read_header(const std::vector<std::string>& header, const fs::path& file, int line,
                 DataTable& table, core::Diagnostics& diags);
void add_row(const std::vector<std::string>& cells, int number, int line, DataTable& table);

/// Collects libcsv's callbacks into records, each with the line it started on: the first is
/// the header, each later one goes into the table's compact rows as soon as it is read.
struct Collector {
  DataTable& table;
  /// The header's problems: reported only when the whole file could be read.
  core::Diagnostics header_diags;
  bool has_header = false, is_header_ok = false;
  int header_line = 0;
  size_t records = 0;
  std::vector<std::string> current;
  int line = 1;
  int record_line = 0;  // 0: the next record has not started yet

  static void on_field(void* data, size_t size, void* self) {
    auto* c = static_cast<Collector*>(self);
    std::string& cell = c->current.emplace_back(data ? static_cast<const char*>(data) : "", size);
    // A quoted cell of several lines from a Windows export ends each line in CR LF: the line
    // break is what it holds, not a control character the layout must refuse.
    if (cell.find("\r\n") != std::string::npos) {
      size_t kept = 0;
      for (size_t i = 0; i < cell.size(); ++i)
        if (!(cell[i] == '\r' && i + 1 < cell.size() && cell[i + 1] == '\n'))
          cell[kept++] = cell[i];
      cell.resize(kept);
    }
  }
  static void on_record(int, void* self) {
    auto* c = static_cast<Collector*>(self);
    const int at = c->record_line ? c->record_line : c->line;
    if (!c->has_header) {
      c->has_header = true;
      c->header_line = at;
      c->is_header_ok = read_header(c->current, c->table.file, at, c->table, c->header_diags);
      c->table.start_rows();
    } else if (c->is_header_ok) {
      add_row(c->current, static_cast<int>(c->records), at, c->table);
    }
    ++c->records;
    c->current.clear();
    c->record_line = 0;
  }
};

/// In TSV a tab separates fields, so only the space may be trimmed around them.
int is_space_only(unsigned char c) {
  return c == CSV_SPACE;
}

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool is_valid_text(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const size_t n = lead == 0                            ? 0
                     : lead < 0x80                        ? 1
                     : (lead >> 5) == 0x6 && lead >= 0xC2 ? 2
                     : (lead >> 4) == 0xE                 ? 3
                     : (lead >> 3) == 0x1E                ? 4
                                                          : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

/// Runs libcsv over the text; false after reporting malformed quoting.
bool collect(std::string_view text, const fs::path& file, char delimiter, Collector& c,
             core::Diagnostics& diags) {
  CsvParser parser(file, CSV_STRICT | CSV_STRICT_FINI);
  csv_set_delim(parser.get(), static_cast<unsigned char>(delimiter));
  if (delimiter == '\t') csv_set_space_func(parser.get(), is_space_only);
  for (size_t start = 0; start < text.size(); ++c.line) {
    const size_t end = std::min(text.find('\n', start), text.size() - 1) + 1;
    const std::string_view chunk = text.substr(start, end - start);
    if (c.record_line == 0 && c.current.empty() && !is_blank(chunk)) c.record_line = c.line;
    if (csv_parse(parser.get(), chunk.data(), chunk.size(), Collector::on_field,
                  Collector::on_record, &c) != chunk.size()) {
      diags.error({file.string(), c.line}, "malformed quotes in this row",
                  "a field with a quote in it must be quoted whole, with the quote doubled: "
                  "\"the \"\"Union\"\" hall\"");
      return false;
    }
    start = end;
  }
  --c.line;
  if (csv_fini(parser.get(), Collector::on_field, Collector::on_record, &c) != 0) {
    diags.error({file.string(), c.record_line ? c.record_line : c.line},
                "a quoted field opened in this row is never closed", "end it with '\"'");
    return false;
  }
  return true;
}

bool read_header(const std::vector<std::string>& header, const fs::path& file, int line,
                 DataTable& table, core::Diagnostics& diags) {
  std::set<std::string> seen;
  bool ok = true;
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string& name = header[i];
    const std::string which = "column " + std::to_string(i + 1) + " '" + name + "'";
    if (!design::is_variable_name(name)) {
      diags.error({file.string(), line}, which + " is not a variable name",
                  "names use letters, digits, '_', '-' and '.', e.g. branch.name");
      ok = false;
    } else if (!seen.insert(name).second) {
      diags.error({file.string(), line}, which + " appears twice in the header");
      ok = false;
    }
    table.columns.push_back(name);
  }
  return ok;
}

void add_row(const std::vector<std::string>& cells, int number, int line, DataTable& table) {
  const core::SourceLocation where{table.file.string(), line};
  if (cells.size() != table.columns.size()) {
    return table.rows.add(
        line,
        core::Diagnostic{
            core::Severity::error, where,
            "row " + std::to_string(number) + " has " + std::to_string(cells.size()) +
                " fields, the header has " + std::to_string(table.columns.size()),
            "quote a value that holds the separator, and give every column a value or leave it "
            "empty"});
  }
  for (size_t i = 0; i < cells.size(); ++i) {
    if (is_valid_text(cells[i])) continue;
    // A NUL is valid UTF-8, and saving the file again as UTF-8 keeps it: say what it is.
    const bool nul = cells[i].find('\0') != std::string::npos;
    return table.rows.add(
        line, core::Diagnostic{core::Severity::error, where,
                               "row " + std::to_string(number) + ", column '" + table.columns[i] +
                                   (nul ? "' holds a NUL byte" : "' is not valid UTF-8 text"),
                               nul ? "remove it: no text holds one" : "save the file as UTF-8"});
  }
  table.rows.add(line, cells);
}

}  // namespace

void DataRows::set_source(fs::path file, std::vector<std::string> columns) {
  file_ = file.string();
  columns_ = std::move(columns);
}

void DataRows::reserve(size_t rows) {
  lines_.reserve(rows);
}

void DataRows::add(int line, const std::vector<std::string>& cells) {
  for (const auto& cell : cells) {
    text_ += cell;
    cell_ends_.push_back(text_.size());
  }
  lines_.push_back(line);
}

void DataRows::add(int line, core::Diagnostic problem) {
  // No cells: empty ones keep every row's cells at the same place in cell_ends_.
  cell_ends_.insert(cell_ends_.end(), columns_.size(), text_.size());
  problems_.emplace_back(lines_.size(), std::move(problem));
  lines_.push_back(line);
}

DataRow DataRows::operator[](size_t index) const {
  DataRow row{static_cast<int>(index + 1), lines_[index], {}, std::nullopt};
  const auto problem = std::lower_bound(problems_.begin(), problems_.end(), index,
                                        [](const auto& p, size_t i) { return p.first < i; });
  if (problem != problems_.end() && problem->first == index) {
    row.problem = problem->second;
    return row;
  }
  const core::SourceLocation where{file_, row.line};
  const size_t first = index * columns_.size();
  for (size_t i = 0; i < columns_.size(); ++i) {
    const size_t begin = first + i == 0 ? 0 : cell_ends_[first + i - 1],
                 end = cell_ends_[first + i];
    if (end > begin)
      row.values[columns_[i]] = core::Value::scalar(text_.substr(begin, end - begin), where);
  }
  return row;
}

char delimiter_for(const fs::path& file) {
  const std::string ext = core::ascii_lower(file.extension().string());
  return ext == ".tsv" || ext == ".tab" ? '\t' : ',';
}

std::optional<DataTable> parse_data(std::string_view text, const fs::path& file, char delimiter,
                                    core::Diagnostics& diags) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // spreadsheet exports add it
  DataTable table;
  table.file = file;
  Collector c{table};
  if (!collect(text, file, delimiter, c, diags)) return std::nullopt;
  if (c.records == 0) {
    diags.error({file.string()}, "the data file is empty",
                "its first row names the variables, e.g. branch.name,event.place");
    return std::nullopt;
  }
  diags.append(c.header_diags);
  if (!c.is_header_ok) return std::nullopt;
  if (c.records == 1) {
    diags.error({file.string(), c.header_line}, "the data file has a header but no rows");
    return std::nullopt;
  }
  return table;
}

std::optional<DataTable> read_data(const fs::path& file, const core::Limits& limits,
                                   core::Diagnostics& diags) {
  const auto text = core::read_file(file, limits, diags);
  if (!text) return std::nullopt;
  return parse_data(*text, file, delimiter_for(file), diags);
}

}  // namespace broadside::batch
