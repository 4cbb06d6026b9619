// wire.hpp — values as bytes and back between a parent and its worker processes: fixed-width
// little-endian numbers and length-prefixed strings, every read checked against the end.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>

namespace broadside::batch::wire {

class Writer {
 public:
  void u64(uint64_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void i64(int64_t v) { u64(static_cast<uint64_t>(v)); }
  void f64(double v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void str(const std::string& s) {
    u64(s.size());
    out_ += s;
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

/// Each read is false when the bytes end first; `in` must outlive the reader.
class Reader {
 public:
  explicit Reader(const std::string& in) : in_(in) {}
  bool u64(uint64_t& v) { return raw(&v, sizeof v); }
  bool i64(int64_t& v) {
    uint64_t u = 0;
    if (!u64(u)) return false;
    v = static_cast<int64_t>(u);
    return true;
  }
  bool i32(int& v) {
    int64_t w = 0;
    if (!i64(w)) return false;
    v = static_cast<int>(w);
    return true;
  }
  bool f64(double& v) { return raw(&v, sizeof v); }
  bool str(std::string& s) {
    uint64_t n = 0;
    if (!u64(n) || n > in_.size() - at_) return false;
    s.assign(in_, at_, n);
    at_ += n;
    return true;
  }
  bool done() const { return at_ == in_.size(); }

 private:
  bool raw(void* p, size_t n) {
    if (n > in_.size() - at_) return false;
    std::memcpy(p, in_.data() + at_, n);
    at_ += n;
    return true;
  }
  const std::string& in_;
  size_t at_ = 0;
};

}  // namespace broadside::batch::wire
