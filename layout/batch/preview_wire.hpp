// preview_wire.hpp — a preview request and its result as bytes and back, so the web server can
// hand renders to worker processes (see worker_process.hpp: cairo's glyph cache is per process).
#pragma once

#include <string>

#include "batch/preview.hpp"
#include "batch/wire.hpp"

namespace broadside::batch {

std::string encode_preview_request(const PreviewRequest& request);
/// False when `bytes` is not what encode_preview_request() makes. `cancel` is not carried.
bool decode_preview_request(const std::string& bytes, PreviewRequest& request);

std::string encode_preview_result(const PreviewResult& result);
bool decode_preview_result(const std::string& bytes, PreviewResult& result);

/// One problem, as a preview's result and a data merge's (rows.hpp) both carry them.
void put_problem(wire::Writer& w, const FieldProblem& problem);
bool get_problem(wire::Reader& in, FieldProblem& problem);

}  // namespace broadside::batch
