// fuzz_request.cpp — fuzz target: the web server's request decoding. Any bytes as a POST
// /api/render body: decoded (or refused with a status and problems), and the problems encoded
// as the JSON the server would answer, which must always be valid JSON.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

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
  return 0;
}
