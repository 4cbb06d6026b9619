// request.hpp — a POST /api/render body decoded into a render request, or the status and the
// problems that refuse it. Pure (no I/O): the fuzz target feeds it any bytes.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "batch/preview.hpp"
#include "batch/rows.hpp"

namespace broadside::serve {

/// What one request may ask for, beyond the engine's own limits.
struct RequestLimits {
  /// Values in one request: a design declares a handful; this leaves room for statement ones.
  size_t values = 64;
  /// Bytes of one value (a list counts its items together): longer than any poster line.
  size_t value_bytes = 2000;
  /// Items of a list value (demands).
  size_t list_items = 32;
  /// Nesting of the JSON body: a render request is two levels deep.
  int depth = 8;
  /// PNG resolution: screen previews and print-resolution PNGs, not gigapixel images.
  int min_dpi = 18, max_dpi = 600;
};

struct DecodedRequest {
  /// 200 when `request` is set; else 400 (not a render request) or 422 (a value refused).
  int status = 400;
  std::optional<batch::PreviewRequest> request;
  std::vector<batch::FieldProblem> problems;
};

DecodedRequest decode_render_request(std::string_view body, const RequestLimits& limits);

/// Bytes of an uploaded table (POST /api/rows): a hundred rows of a poster's few fields take
/// about 15 KiB; under the body limit with room for the JSON around it.
constexpr size_t kMaxTableBytes = 48 * 1024;

struct DecodedRows {
  int status = 400;
  std::optional<batch::RowsRequest> request;
  std::vector<batch::FieldProblem> problems;
};

/// POST /api/rows: a render request's fields (the values are shared by every row) and
/// "table", the CSV's text, with "table_name" for messages.
DecodedRows decode_rows_request(std::string_view body, const RequestLimits& limits);

/// Whether `name` can name a design or statement: letters, digits, '.', '-', '_' (no slash, no
/// leading dot), at most 100 bytes. Anything else names nothing.
bool is_plain_name(std::string_view name);

}  // namespace broadside::serve
