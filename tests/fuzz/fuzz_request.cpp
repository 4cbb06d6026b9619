// fuzz_request.cpp — fuzz target: the web server's request decoding. Any bytes as a POST
// /api/render or /api/rows body: decoded (or refused with a status and problems), and the
// problems encoded as the JSON the server would answer, which must always be valid JSON; a
// decoded request crosses to a worker process and back unchanged; any bytes as a worker's
// message are refused or read, never read past their end.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "batch/preview_wire.hpp"
#include "batch/rows.hpp"
#include "serve/api.hpp"
#include "serve/request.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace broadside;
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const serve::DecodedRequest d = serve::decode_render_request(body, serve::RequestLimits{});
  if (d.request.has_value() != (d.status == 200)) __builtin_trap();
  if (!d.request && (d.problems.empty() || (d.status != 400 && d.status != 422))) __builtin_trap();
  if (d.request) {
    const serve::RequestLimits limits;
    if (d.request->values.size() > limits.values) __builtin_trap();
    for (const auto& [name, value] : d.request->values) {
      size_t bytes = 0;
      for (const auto& item : value.items) bytes += item.size();
      if (bytes > limits.value_bytes || !serve::is_plain_name(name)) __builtin_trap();
    }
  }
  const std::string answer = serve::errors_json(d.problems);
  if (!nlohmann::json::accept(answer)) __builtin_trap();
  if (d.request) {
    batch::PreviewRequest back;
    if (!batch::decode_preview_request(batch::encode_preview_request(*d.request), back) ||
        back.values.size() != d.request->values.size() || back.design != d.request->design ||
        back.page != d.request->page)
      __builtin_trap();
  }
  const serve::DecodedRows rows = serve::decode_rows_request(body, serve::RequestLimits{});
  if (rows.request.has_value() != (rows.status == 200)) __builtin_trap();
  if (!rows.request && rows.problems.empty()) __builtin_trap();
  if (rows.request && rows.request->table.size() > serve::kMaxTableBytes) __builtin_trap();
  // The same bytes as messages between the server and a worker.
  const std::string raw(body);
  batch::PreviewRequest request;
  batch::PreviewResult result;
  batch::RowsRequest rows_request;
  batch::RowsResult rows_result;
  (void)batch::decode_preview_request(raw, request);
  (void)batch::decode_preview_result(raw, result);
  (void)batch::decode_rows_request(raw, rows_request);
  (void)batch::decode_rows_result(raw, rows_result);
  return 0;
}
