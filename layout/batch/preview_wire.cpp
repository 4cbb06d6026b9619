// preview_wire.cpp — PreviewRequest and PreviewResult over batch::wire.
#include "batch/preview_wire.hpp"

#include "batch/wire.hpp"

namespace broadside::batch {

namespace {

void put(wire::Writer& w, const core::Variables& values) {
  w.u64(values.size());
  for (const auto& [name, v] : values) {
    w.str(name);
    w.u64(v.is_list ? 1 : 0);
    w.str(v.where.file);
    w.i64(v.where.line);
    w.i64(v.where.column);
    w.u64(v.items.size());
    for (const auto& item : v.items) w.str(item);
  }
}

bool get(wire::Reader& in, core::Variables& values) {
  uint64_t n = 0;
  if (!in.u64(n)) return false;
  for (uint64_t i = 0; i < n; ++i) {
    std::string name;
    core::Value v;
    uint64_t is_list = 0, items = 0;
    if (!in.str(name) || !in.u64(is_list) || is_list > 1 || !in.str(v.where.file) ||
        !in.i32(v.where.line) || !in.i32(v.where.column) || !in.u64(items))
      return false;
    v.is_list = is_list == 1;
    for (uint64_t k = 0; k < items; ++k)
      if (!in.str(v.items.emplace_back())) return false;
    values[name] = std::move(v);
  }
  return true;
}

}  // namespace

std::string encode_preview_request(const PreviewRequest& r) {
  wire::Writer w;
  w.str(r.design);
  w.str(r.statement);
  put(w, r.values);
  w.i64(static_cast<int64_t>(r.format));
  w.i64(r.page);
  w.i64(r.dpi);
  w.str(r.print.marks);
  w.u64(r.print.no_marks ? 1 : 0);
  w.str(r.print.color);
  w.str(r.print.pdfx);
  w.str(r.print.icc);
  return w.take();
}

bool decode_preview_request(const std::string& bytes, PreviewRequest& r) {
  wire::Reader in(bytes);
  r = PreviewRequest{};
  int format = 0;
  uint64_t no_marks = 0;
  if (!in.str(r.design) || !in.str(r.statement) || !get(in, r.values) || !in.i32(format) ||
      format < 0 || format > static_cast<int>(Format::svg) || !in.i32(r.page) || !in.i32(r.dpi) ||
      !in.str(r.print.marks) || !in.u64(no_marks) || no_marks > 1 || !in.str(r.print.color) ||
      !in.str(r.print.pdfx) || !in.str(r.print.icc))
    return false;
  r.format = static_cast<Format>(format);
  r.print.no_marks = no_marks == 1;
  return in.done();
}

std::string encode_preview_result(const PreviewResult& r) {
  wire::Writer w;
  w.i64(static_cast<int64_t>(r.status));
  w.str(r.bytes);
  w.u64(r.pages);
  w.u64(r.problems.size());
  for (const auto& p : r.problems) {
    w.str(p.field);
    w.str(p.message);
    w.str(p.where);
  }
  return w.take();
}

bool decode_preview_result(const std::string& bytes, PreviewResult& r) {
  wire::Reader in(bytes);
  r = PreviewResult{};
  int status = 0;
  uint64_t pages = 0, n = 0;
  if (!in.i32(status) || status < 0 || status > static_cast<int>(PreviewStatus::refused) ||
      !in.str(r.bytes) || !in.u64(pages) || !in.u64(n))
    return false;
  r.status = static_cast<PreviewStatus>(status);
  r.pages = pages;
  for (uint64_t i = 0; i < n; ++i) {
    FieldProblem p;
    if (!in.str(p.field) || !in.str(p.message) || !in.str(p.where)) return false;
    r.problems.push_back(std::move(p));
  }
  return in.done();
}

}  // namespace broadside::batch
