// rows.hpp — the web page's data merge: one design filled from each row of an uploaded CSV
// table (columns named for the design's variables), every row's file in one zip. All rows or
// nothing: a row that fails is reported with its number and field, and no archive is made.
#pragma once

#include <string>
#include <vector>

#include "batch/preview.hpp"

namespace broadside::batch {

struct RowsRequest {
  /// Design, statement, format, page, print, and values every row shares (a row's cells win;
  /// an empty cell leaves the shared value or the design's default).
  PreviewRequest base;
  /// The table's text, and the name it is called by in messages ("branches.csv").
  std::string table, table_name = "table.csv";
  /// Rows one request may render: a render each, all on one worker.
  int max_rows = 100;
};

struct RowProblem {
  /// 1-based, the header not counted; 0 for the table as a whole.
  int row = 0;
  FieldProblem problem;
};

struct RowsResult {
  /// ok: `zip` holds one file per row; refused: `problems` says why.
  PreviewStatus status = PreviewStatus::ok;
  std::string zip;
  size_t rows = 0;
  std::vector<RowProblem> problems;
};

/// Renders every row of `request.table` with `engine`, reading inputs through `library`.
RowsResult render_rows(const RowsRequest& request, Library& library, Engine& engine);

std::string encode_rows_request(const RowsRequest& request);
bool decode_rows_request(const std::string& bytes, RowsRequest& request);
std::string encode_rows_result(const RowsResult& result);
bool decode_rows_result(const std::string& bytes, RowsResult& result);

}  // namespace broadside::batch
