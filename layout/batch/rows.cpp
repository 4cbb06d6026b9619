// rows.cpp — a CSV table read by data merge's reader, a render per row, the files zipped.
#include "batch/rows.hpp"

#include <cstdio>

#include "batch/csv_data.hpp"
#include "batch/output_names.hpp"
#include "batch/preview_wire.hpp"
#include "batch/wire.hpp"
#include "batch/zip_archive.hpp"

namespace broadside::batch {

namespace {

/// Archive dates when SOURCE_DATE_EPOCH is not set: 1980-01-01, the zip format's first day, so
/// the same table makes the same archive.
constexpr std::int64_t kZipEpoch = 315532800;

RowsResult refuse(int row, std::string field, std::string message, std::string where = {}) {
  RowsResult out;
  out.status = PreviewStatus::refused;
  out.problems.push_back({row, {std::move(field), std::move(message), std::move(where)}});
  return out;
}

/// "03-Leeds branch.pdf": the row's number (sorted as the table is), then its first cell.
std::string entry_name(const DataRow& row, const std::vector<std::string>& columns, int rows,
                       const std::string& ext) {
  char number[16];
  std::snprintf(number, sizeof number, "%0*d", rows >= 100 ? 3 : 2, row.number);
  std::string name = number;
  if (!columns.empty())
    if (auto it = row.values.find(columns.front()); it != row.values.end())
      name += "-" + sanitize_name_part(it->second.text());
  return name + ext;
}

}  // namespace

RowsResult render_rows(const RowsRequest& request, Library& library, Engine& engine) {
  core::Diagnostics diags;
  const auto table = parse_data(request.table, request.table_name, ',', diags);
  if (!table) {
    RowsResult out;
    out.status = PreviewStatus::refused;
    for (const auto& d : diags.all())
      out.problems.push_back({0, {"table", d.message, d.where.to_string()}});
    if (out.problems.empty())
      out.problems.push_back({0, {"table", "the table cannot be read", ""}});
    return out;
  }
  const int rows = static_cast<int>(table->rows.size());
  if (rows > request.max_rows)
    return refuse(0, "table",
                  "the table has " + std::to_string(rows) + " rows; at most " +
                      std::to_string(request.max_rows) +
                      " are made here (broadside batch --data makes any number)");
  const std::string ext = request.base.format == Format::pdf   ? ".pdf"
                          : request.base.format == Format::svg ? ".svg"
                                                               : ".png";
  RowsResult out;
  out.rows = static_cast<size_t>(rows);
  std::vector<ZipEntry> entries;
  for (const auto& row : table->rows) {
    if (row.problem) {
      out.problems.push_back(
          {row.number, {"", row.problem->message, row.problem->where.to_string()}});
      continue;
    }
    PreviewRequest r = request.base;
    for (const auto& [name, value] : row.values) {
      core::Value v = value;
      v.where = value_location(name);  // a problem names the column as the form's field
      r.values[name] = std::move(v);
    }
    PreviewResult made = render_preview(r, library, engine);
    if (made.status == PreviewStatus::unknown_design ||
        made.status == PreviewStatus::unknown_statement ||
        made.status == PreviewStatus::bad_request) {
      out.status = made.status;  // the same for every row: said once
      out.problems.clear();
      for (auto& p : made.problems) out.problems.push_back({0, std::move(p)});
      return out;
    }
    if (made.status != PreviewStatus::ok) {
      for (auto& p : made.problems) out.problems.push_back({row.number, std::move(p)});
      continue;
    }
    entries.push_back({entry_name(row, table->columns, rows, ext), std::move(made.bytes)});
  }
  if (!out.problems.empty()) {
    out.status = PreviewStatus::refused;
    return out;
  }
  std::string error;
  const auto epoch = library.options().epoch;
  auto zip = zip_files(entries, epoch ? *epoch : kZipEpoch, error);
  if (!zip) return refuse(0, "", "the archive could not be made: " + error);
  out.zip = std::move(*zip);
  return out;
}

std::string encode_rows_request(const RowsRequest& r) {
  wire::Writer w;
  w.str(encode_preview_request(r.base));
  w.str(r.table);
  w.str(r.table_name);
  w.i64(r.max_rows);
  return w.take();
}

bool decode_rows_request(const std::string& bytes, RowsRequest& r) {
  wire::Reader in(bytes);
  std::string base;
  return in.str(base) && decode_preview_request(base, r.base) && in.str(r.table) &&
         in.str(r.table_name) && in.i32(r.max_rows) && in.done();
}

std::string encode_rows_result(const RowsResult& r) {
  wire::Writer w;
  w.enumerated(r.status);
  w.str(r.zip);
  w.u64(r.rows);
  w.list(r.problems, [](wire::Writer& w, const RowProblem& p) {
    w.i64(p.row);
    put_problem(w, p.problem);
  });
  return w.take();
}

bool decode_rows_result(const std::string& bytes, RowsResult& r) {
  wire::Reader in(bytes);
  r = RowsResult{};
  uint64_t rows = 0;
  if (!in.enumerated(r.status, PreviewStatus::refused) || !in.str(r.zip) || !in.u64(rows) ||
      !in.list(r.problems, [](wire::Reader& in, RowProblem& p) {
        return in.i32(p.row) && get_problem(in, p.problem);
      }))
    return false;
  r.rows = rows;
  return in.done();
}

}  // namespace broadside::batch
