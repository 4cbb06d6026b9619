// wire.hpp — values as bytes and back between a parent and its worker processes: fixed-width
// little-endian numbers and length-prefixed strings, every read checked against the end.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

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
  void flag(bool b) { u64(b ? 1 : 0); }
  template <class Enum>
  void enumerated(Enum e) {
    i64(static_cast<int64_t>(e));
  }
  /// The count, then each item as `put(writer, item)` writes it.
  template <class Items, class Put>
  void list(const Items& items, Put put) {
    u64(items.size());
    for (const auto& item : items) put(*this, item);
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
  bool flag(bool& b) {
    uint64_t v = 0;
    if (!u64(v) || v > 1) return false;
    b = v == 1;
    return true;
  }
  /// False for a number outside [0, last].
  template <class Enum>
  bool enumerated(Enum& e, Enum last) {
    int v = 0;
    if (!i32(v) || v < 0 || v > static_cast<int>(last)) return false;
    e = static_cast<Enum>(v);
    return true;
  }
  /// What Writer::list wrote, each item read by `get(reader, item)`.
  template <class T, class Get>
  bool list(std::vector<T>& items, Get get) {
    uint64_t n = 0;
    // Every item takes a byte at least: a count beyond the bytes left is no list.
    if (!u64(n) || n > in_.size() - at_) return false;
    for (uint64_t i = 0; i < n; ++i)
      if (!get(*this, items.emplace_back())) return false;
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
