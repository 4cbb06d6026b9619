// preview_wire.cpp — PreviewRequest and PreviewResult over batch::wire.
#include "batch/preview_wire.hpp"

namespace broadside::batch {

namespace {

void put_string(wire::Writer& w, const std::string& s) {
  w.str(s);
}

bool get_string(wire::Reader& in, std::string& s) {
  return in.str(s);
}

void put(wire::Writer& w, const core::Variables& values) {
  w.list(values, [](wire::Writer& w, const auto& entry) {
    const auto& [name, v] = entry;
    w.str(name);
    w.flag(v.is_list);
    w.flag(v.is_design_default);
    w.str(v.where.file);
    w.i64(v.where.line);
    w.i64(v.where.column);
    w.list(v.items, put_string);
  });
}

bool get(wire::Reader& in, core::Variables& values) {
  uint64_t n = 0;
  if (!in.u64(n)) return false;
  for (uint64_t i = 0; i < n; ++i) {
    std::string name;
    core::Value v;
    if (!in.str(name) || !in.flag(v.is_list) || !in.flag(v.is_design_default) ||
        !in.str(v.where.file) || !in.i32(v.where.line) || !in.i32(v.where.column) ||
        !in.list(v.items, get_string))
      return false;
    values[name] = std::move(v);
  }
  return true;
}

}  // namespace

void put_problem(wire::Writer& w, const FieldProblem& p) {
  w.str(p.field);
  w.str(p.message);
  w.str(p.where);
}

bool get_problem(wire::Reader& in, FieldProblem& p) {
  return in.str(p.field) && in.str(p.message) && in.str(p.where);
}

std::string encode_preview_request(const PreviewRequest& r) {
  wire::Writer w;
  w.str(r.design);
  w.str(r.statement);
  put(w, r.values);
  w.enumerated(r.format);
  w.i64(r.page);
  w.i64(r.dpi);
  w.str(r.print.marks);
  w.flag(r.print.no_marks);
  w.str(r.print.color);
  w.str(r.print.pdfx);
  w.str(r.print.icc);
  return w.take();
}

bool decode_preview_request(const std::string& bytes, PreviewRequest& r) {
  wire::Reader in(bytes);
  r = PreviewRequest{};
  return in.str(r.design) && in.str(r.statement) && get(in, r.values) &&
         in.enumerated(r.format, Format::svg) && in.i32(r.page) && in.i32(r.dpi) &&
         in.str(r.print.marks) && in.flag(r.print.no_marks) && in.str(r.print.color) &&
         in.str(r.print.pdfx) && in.str(r.print.icc) && in.done();
}

std::string encode_preview_result(const PreviewResult& r) {
  wire::Writer w;
  w.enumerated(r.status);
  w.str(r.bytes);
  w.u64(r.pages);
  w.list(r.problems, put_problem);
  return w.take();
}

bool decode_preview_result(const std::string& bytes, PreviewResult& r) {
  wire::Reader in(bytes);
  r = PreviewResult{};
  uint64_t pages = 0;
  if (!in.enumerated(r.status, PreviewStatus::refused) || !in.str(r.bytes) || !in.u64(pages) ||
      !in.list(r.problems, get_problem))
    return false;
  r.pages = pages;
  return in.done();
}

}  // namespace broadside::batch
