// glyph_ink.cpp — a bounds-checked reader of embedded TrueType (head, loca, glyf, cmap) and CFF
// (Top DICT, Private DICT, charset, encoding, FDSelect, Type 2 charstrings) programs: enough to
// say where each glyph's outline lies. Sources: the OpenType spec (tables glyf, loca, cmap),
// Adobe TN #5176 (CFF) and TN #5177 (Type 2 charstrings). Anything it cannot follow is nullopt.
#include "prepress/glyph_ink.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace broadside::prepress {

namespace {

using Handle = QPDFObjectHandle;

/// Subroutine calls nest at most 10 deep (TN #5177, Appendix B).
constexpr int kMaxSubrDepth = 10;
/// Operators run for one glyph before it counts as hostile: real glyphs take a few hundred.
constexpr int kMaxGlyphOperations = 20000;
/// Type 2 argument stack depth (TN #5177, Appendix B).
constexpr size_t kMaxStack = 48;

struct Bad : std::runtime_error {
  Bad() : std::runtime_error("bad font program") {}
};

/// Big-endian reads of a byte string that throw Bad past its end.
struct Bytes {
  const std::string& s;
  uint32_t u8(size_t at) const {
    if (at >= s.size()) throw Bad();
    return static_cast<unsigned char>(s[at]);
  }
  uint32_t u16(size_t at) const { return (u8(at) << 8) | u8(at + 1); }
  int32_t s16(size_t at) const { return static_cast<int16_t>(u16(at)); }
  uint32_t u32(size_t at) const { return (u16(at) << 16) | u16(at + 2); }
  uint32_t un(size_t at, uint32_t n) const {
    uint32_t v = 0;
    for (uint32_t i = 0; i < n; ++i) v = (v << 8) | u8(at + i);
    return v;
  }
};

/// A growing box of points.
struct Bounds {
  double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
  bool empty() const { return x0 > x1; }
  void add(double x, double y) {
    x0 = std::min(x0, x), x1 = std::max(x1, x);
    y0 = std::min(y0, y), y1 = std::max(y1, y);
  }
  /// A cubic Bézier's exact extent: its ends and the roots of its derivative in (0, 1).
  void curve(double ax, double ay, double bx, double by, double cx, double cy, double dx,
             double dy) {
    add(ax, ay);
    add(dx, dy);
    auto extrema = [&](double p0, double p1, double p2, double p3, bool is_x) {
      const double a = -p0 + 3 * p1 - 3 * p2 + p3, b = 2 * (p0 - 2 * p1 + p2), c = p1 - p0;
      std::array<double, 2> ts{-1, -1};
      if (std::abs(a) < 1e-12) {
        if (std::abs(b) > 1e-12) ts[0] = -c / b;
      } else {
        const double disc = b * b - 4 * a * c;
        if (disc >= 0) {
          ts[0] = (-b + std::sqrt(disc)) / (2 * a);
          ts[1] = (-b - std::sqrt(disc)) / (2 * a);
        }
      }
      for (double t : ts) {
        if (t <= 0 || t >= 1) continue;
        const double u = 1 - t;
        const double v = u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
        if (is_x)
          x0 = std::min(x0, v), x1 = std::max(x1, v);
        else
          y0 = std::min(y0, v), y1 = std::max(y1, v);
      }
    };
    extrema(ax, bx, cx, dx, true);
    extrema(ay, by, cy, dy, false);
  }
};

std::string stream_bytes(Handle stream) {
  const auto data = stream.getStreamData(qpdf_dl_generalized);
  return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

// ---------------------------------------------------------------------------------------------
// CFF

/// A CFF INDEX: where each item starts and ends, and where the next structure begins.
struct Index {
  std::vector<std::pair<size_t, size_t>> items;
  size_t end = 0;
};

Index read_index(const Bytes& b, size_t at) {
  Index out;
  const uint32_t count = b.u16(at);
  if (count == 0) {
    out.end = at + 2;
    return out;
  }
  const uint32_t size = b.u8(at + 2);
  if (size < 1 || size > 4) throw Bad();
  const size_t offsets = at + 3, data = offsets + (count + 1) * size - 1;
  if (offsets + (count + 1) * size > b.s.size()) throw Bad();
  out.items.reserve(count);
  uint32_t previous = b.un(offsets, size);
  for (uint32_t i = 1; i <= count; ++i) {
    const uint32_t next = b.un(offsets + i * size, size);
    if (next < previous || data + next > b.s.size()) throw Bad();
    out.items.emplace_back(data + previous, data + next);
    previous = next;
  }
  out.end = data + previous;
  return out;
}

/// A CFF DICT: each operator (12 x as 1200 + x) and its operands.
std::map<int, std::vector<double>> read_dict(const Bytes& b, size_t from, size_t to) {
  std::map<int, std::vector<double>> out;
  std::vector<double> operands;
  for (size_t i = from; i < to;) {
    const uint32_t v = b.u8(i);
    if (v <= 21) {
      int op = static_cast<int>(v);
      ++i;
      if (v == 12) op = 1200 + static_cast<int>(b.u8(i++));
      out[op] = operands;
      operands.clear();
    } else if (v == 28) {
      operands.push_back(b.s16(i + 1));
      i += 3;
    } else if (v == 29) {
      operands.push_back(static_cast<int32_t>(b.u32(i + 1)));
      i += 5;
    } else if (v == 30) {
      // A real: nibbles, which only the font matrix uses here.
      std::string text;
      bool done = false;
      for (++i; !done; ++i) {
        const uint32_t byte = b.u8(i);
        for (uint32_t nibble : {byte >> 4, byte & 15}) {
          if (nibble <= 9)
            text += static_cast<char>('0' + nibble);
          else if (nibble == 0xa)
            text += '.';
          else if (nibble == 0xb)
            text += 'E';
          else if (nibble == 0xc)
            text += "E-";
          else if (nibble == 0xe)
            text += '-';
          else if (nibble == 0xf) {
            done = true;
            break;
          }
        }
      }
      try {
        operands.push_back(std::stod(text));
      } catch (const std::exception&) {
        throw Bad();
      }
    } else if (v >= 32 && v <= 246) {
      operands.push_back(static_cast<double>(v) - 139);
      ++i;
    } else if (v >= 247 && v <= 250) {
      operands.push_back((static_cast<double>(v) - 247) * 256 + b.u8(i + 1) + 108);
      i += 2;
    } else if (v >= 251 && v <= 254) {
      operands.push_back(-(static_cast<double>(v) - 251) * 256 - b.u8(i + 1) - 108);
      i += 2;
    } else {
      throw Bad();
    }
  }
  return out;
}

double bias(size_t count) {
  return count < 1240 ? 107 : count < 33900 ? 1131 : 32768;
}

/// The outline bounds of Type 2 charstrings.
class CharstringBounds {
 public:
  CharstringBounds(const Bytes& b, const Index& global, const Index* local)
      : b_(b), global_(global), local_(local) {}

  /// The bounds of one glyph's charstring, in font units.
  Bounds run(std::pair<size_t, size_t> charstring) {
    run_range(charstring, 0);
    return bounds_;
  }

 private:
  double pop_front() {
    if (start_ >= stack_.size()) throw Bad();
    return stack_[start_++];
  }
  size_t left() const { return stack_.size() - start_; }
  void clear() { stack_.clear(), start_ = 0; }

  /// A width may come first at the first stack-clearing operator (TN #5177, 4.1).
  void width(size_t expected_even_or_count, bool is_pairs) {
    if (seen_width_) return;
    seen_width_ = true;
    const size_t n = left();
    if (is_pairs ? n % 2 == 1 : n > expected_even_or_count) ++start_;
  }

  void move(double dx, double dy) { x_ += dx, y_ += dy, open_ = false; }
  void line(double dx, double dy) {
    if (!open_) bounds_.add(x_, y_), open_ = true;
    x_ += dx, y_ += dy;
    bounds_.add(x_, y_);
  }
  void curve(double dxa, double dya, double dxb, double dyb, double dxc, double dyc) {
    open_ = true;
    const double ax = x_ + dxa, ay = y_ + dya, bx = ax + dxb, by = ay + dyb, cx = bx + dxc,
                 cy = by + dyc;
    bounds_.curve(x_, y_, ax, ay, bx, by, cx, cy);
    x_ = cx, y_ = cy;
  }

  void run_range(std::pair<size_t, size_t> range, int depth) {
    if (depth > kMaxSubrDepth) throw Bad();
    for (size_t i = range.first; i < range.second;) {
      if (++operations_ > kMaxGlyphOperations) throw Bad();
      const uint32_t v = b_.u8(i);
      if (v == 28) {
        push(b_.s16(i + 1));
        i += 3;
        continue;
      }
      if (v >= 32) {
        if (v <= 246)
          push(static_cast<double>(v) - 139), i += 1;
        else if (v <= 250)
          push((static_cast<double>(v) - 247) * 256 + b_.u8(i + 1) + 108), i += 2;
        else if (v <= 254)
          push(-(static_cast<double>(v) - 251) * 256 - b_.u8(i + 1) - 108), i += 2;
        else
          push(static_cast<int32_t>(b_.u32(i + 1)) / 65536.0), i += 5;
        continue;
      }
      ++i;
      switch (v) {
        case 1:
        case 3:
        case 18:
        case 23:  // hstem vstem hstemhm vstemhm
          width(0, true);
          stems_ += left() / 2;
          clear();
          break;
        case 19:
        case 20: {  // hintmask cntrmask
          width(0, true);
          stems_ += left() / 2;
          clear();
          i += (stems_ + 7) / 8;
          break;
        }
        case 21:  // rmoveto
          width(2, false);
          {
            const double dx = pop_front(), dy = pop_front();
            move(dx, dy);
          }
          clear();
          break;
        case 22:  // hmoveto
          width(1, false);
          move(pop_front(), 0);
          clear();
          break;
        case 4:  // vmoveto
          width(1, false);
          move(0, pop_front());
          clear();
          break;
        case 5:  // rlineto
          while (left() >= 2) {
            const double dx = pop_front(), dy = pop_front();
            line(dx, dy);
          }
          clear();
          break;
        case 6:
        case 7: {  // hlineto vlineto: alternating
          bool horizontal = v == 6;
          while (left() >= 1) {
            const double d = pop_front();
            horizontal ? line(d, 0) : line(0, d);
            horizontal = !horizontal;
          }
          clear();
          break;
        }
        case 8:  // rrcurveto
          while (left() >= 6) curve6();
          clear();
          break;
        case 24:  // rcurveline
          while (left() >= 8) curve6();
          if (left() >= 2) {
            const double dx = pop_front(), dy = pop_front();
            line(dx, dy);
          }
          clear();
          break;
        case 25:  // rlinecurve
          while (left() >= 8) {
            const double dx = pop_front(), dy = pop_front();
            line(dx, dy);
          }
          if (left() >= 6) curve6();
          clear();
          break;
        case 26: {  // vvcurveto
          double dx1 = left() % 2 ? pop_front() : 0;
          while (left() >= 4) {
            const double dya = pop_front(), dxb = pop_front(), dyb = pop_front(), dyc = pop_front();
            curve(dx1, dya, dxb, dyb, 0, dyc);
            dx1 = 0;
          }
          clear();
          break;
        }
        case 27: {  // hhcurveto
          double dy1 = left() % 2 ? pop_front() : 0;
          while (left() >= 4) {
            const double dxa = pop_front(), dxb = pop_front(), dyb = pop_front(), dxc = pop_front();
            curve(dxa, dy1, dxb, dyb, dxc, 0);
            dy1 = 0;
          }
          clear();
          break;
        }
        case 30:
        case 31: {  // vhcurveto hvcurveto: alternating, a last odd argument
          bool horizontal = v == 31;
          while (left() >= 4) {
            const double a = pop_front(), bx = pop_front(), by = pop_front(), c = pop_front();
            const double last = left() == 1 ? pop_front() : 0;
            if (horizontal)
              curve(a, 0, bx, by, last, c);
            else
              curve(0, a, bx, by, c, last);
            horizontal = !horizontal;
          }
          clear();
          break;
        }
        case 10:
        case 29: {  // callsubr callgsubr
          const Index* subrs = v == 10 ? local_ : &global_;
          if (!subrs || stack_.size() <= start_) throw Bad();
          const double n = stack_.back() + bias(subrs->items.size());
          stack_.pop_back();
          if (n < 0 || n >= static_cast<double>(subrs->items.size())) throw Bad();
          run_range(subrs->items[static_cast<size_t>(n)], depth + 1);
          if (ended_) return;
          break;
        }
        case 11:  // return
          return;
        case 14:  // endchar; four arguments more are the deprecated seac, not followed here
          width(0, true);
          if (left() >= 4) throw Bad();
          ended_ = true;
          return;
        case 12:
          escape(b_.u8(i++));
          break;
        default:
          throw Bad();
      }
    }
  }

  void curve6() {
    const double a = pop_front(), b = pop_front(), c = pop_front(), d = pop_front(),
                 e = pop_front(), f = pop_front();
    curve(a, b, c, d, e, f);
  }

  void escape(uint32_t op) {
    std::vector<double> a(stack_.begin() + static_cast<long>(start_), stack_.end());
    clear();
    const double y = y_;
    if (op == 35 && a.size() >= 13) {  // flex
      curve(a[0], a[1], a[2], a[3], a[4], a[5]);
      curve(a[6], a[7], a[8], a[9], a[10], a[11]);
    } else if (op == 34 && a.size() >= 7) {  // hflex
      curve(a[0], 0, a[1], a[2], a[3], 0);
      curve(a[4], 0, a[5], y - y_, a[6], 0);
    } else if (op == 36 && a.size() >= 9) {  // hflex1
      curve(a[0], a[1], a[2], a[3], a[4], 0);
      curve(a[5], 0, a[6], a[7], a[8], y - (y_ + a[7]));
    } else if (op == 37 && a.size() >= 11) {  // flex1: the last point returns to the start
      double dx = 0, dy = 0;
      for (int k = 0; k < 10; k += 2) dx += a[k], dy += a[k + 1];
      const bool is_horizontal = std::abs(dx) > std::abs(dy);
      curve(a[0], a[1], a[2], a[3], a[4], a[5]);
      curve(a[6], a[7], a[8], a[9], is_horizontal ? a[10] : -dx, is_horizontal ? -dy : a[10]);
    } else {
      throw Bad();  // the deprecated arithmetic and storage operators
    }
  }

  void push(double v) {
    if (stack_.size() >= kMaxStack) throw Bad();
    stack_.push_back(v);
  }

  const Bytes& b_;
  const Index& global_;
  const Index* local_;
  std::vector<double> stack_;
  size_t start_ = 0, stems_ = 0;
  int operations_ = 0;
  bool seen_width_ = false, ended_ = false, open_ = false;
  double x_ = 0, y_ = 0;
  Bounds bounds_;
};

/// What a CFF program says of its glyphs.
class Cff {
 public:
  Cff(std::string data, size_t offset) : data_(std::move(data)), b_{data_} {
    const size_t header = b_.u8(offset + 2);
    const Index names = read_index(b_, offset + header);
    const Index top = read_index(b_, names.end);
    if (top.items.empty()) throw Bad();
    const Index strings = read_index(b_, top.end);
    global_ = read_index(b_, strings.end);
    const auto dict = read_dict(b_, top.items[0].first, top.items[0].second);
    auto at = [&](int op, size_t k = 0) -> std::optional<double> {
      const auto it = dict.find(op);
      if (it == dict.end() || it->second.size() <= k) return std::nullopt;
      return it->second[k];
    };
    auto position = [&](double v) {
      if (v < 0 || v >= static_cast<double>(data_.size())) throw Bad();
      return offset + static_cast<size_t>(v);
    };
    if (auto m = dict.find(1207); m != dict.end() && m->second.size() == 6)
      scale_x_ = m->second[0], scale_y_ = m->second[3];
    const auto charstrings = at(17);
    if (!charstrings) throw Bad();
    charstrings_ = read_index(b_, position(*charstrings));
    const size_t glyphs = charstrings_.items.size();
    is_cid_ = dict.count(1230) > 0;
    // Charset: glyph -> SID (or CID in a CID font); glyph 0 is .notdef.
    sids_.assign(glyphs, 0);
    if (auto c = at(15); c && *c > 2) {
      size_t p = position(*c);
      const uint32_t format = b_.u8(p++);
      for (size_t g = 1; g < glyphs;) {
        if (format == 0) {
          sids_[g++] = b_.u16(p), p += 2;
        } else if (format == 1 || format == 2) {
          const uint32_t first = b_.u16(p);
          const uint32_t n = format == 1 ? b_.u8(p + 2) : b_.u16(p + 2);
          p += format == 1 ? 3 : 4;
          for (uint32_t k = 0; k <= n && g < glyphs; ++k) sids_[g++] = first + k;
        } else {
          throw Bad();
        }
      }
    } else {
      for (size_t g = 0; g < glyphs; ++g) sids_[g] = static_cast<uint32_t>(g);  // ISOAdobe
    }
    if (is_cid_) {
      for (size_t g = 0; g < glyphs; ++g) cid_to_glyph_.emplace(sids_[g], g);
      read_fonts(at(1236), at(1237), position);
    } else {
      local_.emplace_back();
      if (auto size = at(18, 0), off = at(18, 1); size && off)
        local_[0] = private_subrs(*off, *size, position);
      read_encoding(at(16), position);
    }
  }

  bool is_cid() const { return is_cid_; }
  size_t glyphs() const { return charstrings_.items.size(); }

  std::optional<size_t> glyph_of_cid(unsigned cid) const {
    if (!is_cid_) return cid < glyphs() ? std::optional<size_t>(cid) : std::nullopt;
    const auto it = cid_to_glyph_.find(cid);
    return it == cid_to_glyph_.end() ? std::nullopt : std::optional<size_t>(it->second);
  }
  std::optional<size_t> glyph_of_code(unsigned code) const {
    const auto it = encoding_.find(code);
    return it == encoding_.end() ? std::nullopt : std::optional<size_t>(it->second);
  }

  /// The ink of glyph `g` in font units times the font matrix.
  std::optional<InkBox> ink(size_t g) const {
    if (g >= glyphs()) return std::nullopt;
    const size_t fd = g < fd_select_.size() ? fd_select_[g] : 0;
    const Index* local = fd < local_.size() && !local_[fd].items.empty() ? &local_[fd] : nullptr;
    const Bounds r = CharstringBounds(b_, global_, local).run(charstrings_.items[g]);
    if (r.empty()) return InkBox{0, 0, 0, 0, true};
    const double sx = fd < fd_scale_.size() ? fd_scale_[fd].first : scale_x_;
    const double sy = fd < fd_scale_.size() ? fd_scale_[fd].second : scale_y_;
    return InkBox{std::min(r.x0 * sx, r.x1 * sx), std::min(r.y0 * sy, r.y1 * sy),
                  std::max(r.x0 * sx, r.x1 * sx), std::max(r.y0 * sy, r.y1 * sy), false};
  }

 private:
  template <class Position>
  Index private_subrs(double off, double size, Position position) {
    const size_t from = position(off);
    const auto priv = read_dict(b_, from, from + static_cast<size_t>(std::max(0.0, size)));
    const auto subrs = priv.find(19);
    if (subrs == priv.end() || subrs->second.empty()) return {};
    return read_index(b_, from + static_cast<size_t>(std::max(0.0, subrs->second[0])));
  }

  /// A font dict's matrix applies after the top one (TN #5176, 19); writers put the usual
  /// thousandth in one or the other, and FreeType reads a default top matrix as "use the font
  /// dict's" the same way.
  std::pair<double, double> combined_scale(const std::map<int, std::vector<double>>& d) const {
    const auto m = d.find(1207);
    if (m == d.end() || m->second.size() != 6) return {scale_x_, scale_y_};
    const bool is_default_top = scale_x_ == 0.001 && scale_y_ == 0.001;
    const double sx = is_default_top ? m->second[0] : scale_x_ * m->second[0];
    const double sy = is_default_top ? m->second[3] : scale_y_ * m->second[3];
    auto sane = [](double v) { return std::abs(v) > 1.0 / 20000 && std::abs(v) < 1.0 / 10; };
    return sane(sx) && sane(sy) ? std::pair{sx, sy} : std::pair{scale_x_, scale_y_};
  }

  template <class Position>
  void read_fonts(std::optional<double> fd_array, std::optional<double> fd_select,
                  Position position) {
    if (!fd_array) throw Bad();
    const Index fds = read_index(b_, position(*fd_array));
    for (const auto& item : fds.items) {
      const auto d = read_dict(b_, item.first, item.second);
      const auto p = d.find(18);
      local_.push_back(p != d.end() && p->second.size() == 2
                           ? private_subrs(p->second[1], p->second[0], position)
                           : Index{});
      fd_scale_.push_back(combined_scale(d));
    }
    if (!fd_select) return;
    size_t p = position(*fd_select);
    const uint32_t format = b_.u8(p++);
    fd_select_.assign(glyphs(), 0);
    if (format == 0) {
      for (size_t g = 0; g < glyphs(); ++g) fd_select_[g] = b_.u8(p + g);
    } else if (format == 3) {
      const uint32_t ranges = b_.u16(p);
      for (uint32_t r = 0; r < ranges; ++r) {
        const size_t at = p + 2 + r * 3;
        const uint32_t first = b_.u16(at), fd = b_.u8(at + 2), next = b_.u16(at + 3);
        for (uint32_t g = first; g < next && g < glyphs(); ++g) fd_select_[g] = fd;
      }
    } else {
      throw Bad();
    }
  }

  template <class Position>
  void read_encoding(std::optional<double> offset, Position position) {
    // 0 and 1 are the Standard and Expert encodings, which go by glyph names: not followed.
    if (!offset || *offset <= 1) return;
    size_t p = position(*offset);
    const uint32_t format = b_.u8(p++);
    if ((format & 0x7f) == 0) {
      const uint32_t n = b_.u8(p++);
      for (uint32_t k = 0; k < n; ++k) encoding_.emplace(b_.u8(p++), k + 1);
    } else if ((format & 0x7f) == 1) {
      const uint32_t ranges = b_.u8(p++);
      size_t g = 1;
      for (uint32_t r = 0; r < ranges; ++r, p += 2)
        for (uint32_t k = 0; k <= b_.u8(p + 1); ++k) encoding_.emplace(b_.u8(p) + k, g++);
    } else {
      return;
    }
    if (format & 0x80) {
      const uint32_t n = b_.u8(p++);
      for (uint32_t k = 0; k < n; ++k, p += 3) {
        const uint32_t code = b_.u8(p), sid = b_.u16(p + 1);
        for (size_t g = 0; g < sids_.size(); ++g)
          if (sids_[g] == sid) encoding_.emplace(code, g);
      }
    }
  }

  std::string data_;
  Bytes b_;
  Index global_, charstrings_;
  std::vector<Index> local_;
  std::vector<std::pair<double, double>> fd_scale_;
  std::vector<uint32_t> sids_, fd_select_;
  std::map<unsigned, size_t> cid_to_glyph_, encoding_;
  double scale_x_ = 0.001, scale_y_ = 0.001;
  bool is_cid_ = false;
};

// ---------------------------------------------------------------------------------------------
// TrueType

class TrueType {
 public:
  explicit TrueType(std::string data) : data_(std::move(data)), b_{data_} {
    const uint32_t tables = b_.u16(4);
    for (uint32_t i = 0; i < tables && i < 256; ++i) {
      const size_t at = 12 + i * 16;
      tables_[data_.substr(at, 4)] = {b_.u32(at + 8), b_.u32(at + 12)};
    }
  }

  std::optional<std::pair<size_t, size_t>> table(const std::string& tag) const {
    const auto it = tables_.find(tag);
    if (it == tables_.end() || it->second.first + it->second.second > data_.size())
      return std::nullopt;
    return it->second;
  }

  const std::string& data() const { return data_; }

  /// Reads head, loca and cmap for glyf outlines; false when the font has none.
  bool read_glyf() {
    const auto head = table("head"), loca = table("loca"), glyf = table("glyf");
    const auto maxp = table("maxp");
    if (!head || !loca || !glyf || !maxp) return false;
    const uint32_t upem = b_.u16(head->first + 18);
    if (upem < 16 || upem > 16384) return false;
    scale_ = 1.0 / upem;
    is_long_loca_ = b_.s16(head->first + 50) == 1;
    glyphs_ = b_.u16(maxp->first + 4);
    loca_ = loca->first;
    glyf_ = *glyf;
    return true;
  }

  void read_cmaps() {
    const auto cmap = table("cmap");
    if (!cmap) return;
    const size_t base = cmap->first;
    const uint32_t n = b_.u16(base + 2);
    for (uint32_t i = 0; i < n && i < 64; ++i) {
      const size_t at = base + 4 + i * 8;
      const uint32_t platform = b_.u16(at), encoding = b_.u16(at + 2);
      const size_t sub = base + b_.u32(at + 4);
      if (platform == 3 && encoding == 0) symbol_ = sub;
      if (platform == 3 && encoding == 1) unicode_ = sub;
      if (platform == 1 && encoding == 0) mac_ = sub;
    }
  }

  std::optional<size_t> glyph_of(unsigned code, char32_t unicode) const {
    if (symbol_)
      for (unsigned c : {0xF000u + code, code})
        if (auto g = lookup(*symbol_, c)) return g;
    if (unicode_ && unicode)
      if (auto g = lookup(*unicode_, unicode)) return g;
    if (mac_)
      if (auto g = lookup(*mac_, code)) return g;
    return std::nullopt;
  }

  std::optional<InkBox> ink(size_t g) const {
    if (g >= glyphs_) return std::nullopt;
    const size_t from = is_long_loca_ ? b_.u32(loca_ + g * 4) : b_.u16(loca_ + g * 2) * 2;
    const size_t to = is_long_loca_ ? b_.u32(loca_ + g * 4 + 4) : b_.u16(loca_ + g * 2 + 2) * 2;
    if (to <= from) return InkBox{0, 0, 0, 0, true};
    if (to > glyf_.second) return std::nullopt;
    const size_t at = glyf_.first + from;
    return InkBox{b_.s16(at + 2) * scale_, b_.s16(at + 4) * scale_, b_.s16(at + 6) * scale_,
                  b_.s16(at + 8) * scale_, false};
  }

 private:
  std::optional<size_t> lookup(size_t sub, unsigned c) const {
    const uint32_t format = b_.u16(sub);
    if (format == 0) {
      if (c > 255) return std::nullopt;
      const uint32_t g = b_.u8(sub + 6 + c);
      return g ? std::optional<size_t>(g) : std::nullopt;
    }
    if (format == 6) {
      const uint32_t first = b_.u16(sub + 6), count = b_.u16(sub + 8);
      if (c < first || c >= first + count) return std::nullopt;
      const uint32_t g = b_.u16(sub + 10 + (c - first) * 2);
      return g ? std::optional<size_t>(g) : std::nullopt;
    }
    if (format != 4 || c > 0xFFFF) return std::nullopt;
    const uint32_t segments = b_.u16(sub + 6) / 2;
    const size_t ends = sub + 14, starts = ends + segments * 2 + 2, deltas = starts + segments * 2,
                 ranges = deltas + segments * 2;
    for (uint32_t s = 0; s < segments; ++s) {
      if (c > b_.u16(ends + s * 2)) continue;
      const uint32_t start = b_.u16(starts + s * 2);
      if (c < start) return std::nullopt;
      const uint32_t delta = b_.u16(deltas + s * 2), range = b_.u16(ranges + s * 2);
      uint32_t g = 0;
      if (range == 0) {
        g = (c + delta) & 0xFFFF;
      } else {
        g = b_.u16(ranges + s * 2 + range + (c - start) * 2);
        if (g) g = (g + delta) & 0xFFFF;
      }
      return g ? std::optional<size_t>(g) : std::nullopt;
    }
    return std::nullopt;
  }

  std::string data_;
  Bytes b_;
  std::map<std::string, std::pair<size_t, size_t>> tables_;
  double scale_ = 0.001;
  bool is_long_loca_ = false;
  size_t glyphs_ = 0, loca_ = 0;
  std::pair<size_t, size_t> glyf_{0, 0};
  std::optional<size_t> symbol_, unicode_, mac_;
};

// ---------------------------------------------------------------------------------------------

/// How codes become glyphs.
enum class Mapping { cid_identity, cid_to_gid_map, simple };

class ProgramInk final : public GlyphInk {
 public:
  ProgramInk(std::unique_ptr<Cff> cff, std::unique_ptr<TrueType> tt, Mapping mapping,
             std::string cid_to_gid)
      : cff_(std::move(cff)),
        tt_(std::move(tt)),
        mapping_(mapping),
        cid_to_gid_(std::move(cid_to_gid)) {}

  std::optional<InkBox> ink(unsigned code, char32_t unicode) const override {
    const auto cached = cache_.find(code);
    if (cached != cache_.end()) return cached->second;
    std::optional<InkBox> out;
    try {
      out = uncached(code, unicode);
    } catch (const std::exception&) {
      out.reset();
    }
    if (cache_.size() < 65536) cache_.emplace(code, out);
    return out;
  }

 private:
  std::optional<InkBox> uncached(unsigned code, char32_t unicode) const {
    std::optional<size_t> glyph;
    if (mapping_ == Mapping::cid_to_gid_map) {
      const Bytes b{cid_to_gid_};
      glyph = b.u16(code * 2);
    } else if (mapping_ == Mapping::cid_identity) {
      glyph = cff_ ? cff_->glyph_of_cid(code) : std::optional<size_t>(code);
    } else {
      // An OpenType font's cmap, else a bare CFF program's own encoding.
      if (tt_) glyph = tt_->glyph_of(code, unicode);
      if (!glyph && cff_) glyph = cff_->glyph_of_code(code);
    }
    if (!glyph || *glyph == 0) return std::nullopt;  // .notdef: not what was meant
    return cff_ ? cff_->ink(*glyph) : tt_->ink(*glyph);
  }

  std::unique_ptr<Cff> cff_;
  std::unique_ptr<TrueType> tt_;
  Mapping mapping_;
  std::string cid_to_gid_;
  mutable std::map<unsigned, std::optional<InkBox>> cache_;
};

std::unique_ptr<GlyphInk> read_program(Handle font) {
  const bool is_type0 = font.getKey("/Subtype").isNameAndEquals("/Type0");
  Handle glyphs = font;
  Mapping mapping = Mapping::simple;
  std::string cid_to_gid;
  if (is_type0) {
    Handle encoding = font.getKey("/Encoding");
    if (!encoding.isNameAndEquals("/Identity-H") && !encoding.isNameAndEquals("/Identity-V"))
      return nullptr;
    Handle d = font.getKey("/DescendantFonts");
    glyphs = d.isArray() && d.getArrayNItems() > 0 ? d.getArrayItem(0) : Handle();
    if (!glyphs.isDictionary()) return nullptr;
    mapping = Mapping::cid_identity;
    Handle map = glyphs.getKey("/CIDToGIDMap");
    if (map.isStream()) {
      cid_to_gid = stream_bytes(map);
      mapping = Mapping::cid_to_gid_map;
    }
  }
  Handle descriptor = glyphs.getKey("/FontDescriptor");
  if (!descriptor.isDictionary()) return nullptr;
  std::unique_ptr<Cff> cff;
  std::unique_ptr<TrueType> tt;
  if (Handle f2 = descriptor.getKey("/FontFile2"); f2.isStream()) {
    tt = std::make_unique<TrueType>(stream_bytes(f2));
  } else if (Handle f3 = descriptor.getKey("/FontFile3"); f3.isStream()) {
    Handle subtype = f3.getDict().getKey("/Subtype");
    std::string data = stream_bytes(f3);
    if (subtype.isNameAndEquals("/OpenType")) {
      tt = std::make_unique<TrueType>(std::move(data));
      if (const auto table = tt->table("CFF ")) {
        cff = std::make_unique<Cff>(tt->data(), table->first);
      }
    } else {
      cff = std::make_unique<Cff>(std::move(data), 0);
    }
  } else {
    return nullptr;
  }
  if (tt) {
    tt->read_cmaps();
    if (!cff && !tt->read_glyf()) return nullptr;
  }
  if (mapping == Mapping::cid_to_gid_map && cff) return nullptr;
  return std::make_unique<ProgramInk>(std::move(cff), std::move(tt), mapping,
                                      std::move(cid_to_gid));
}

}  // namespace

std::unique_ptr<GlyphInk> GlyphInk::read(QPDFObjectHandle font) {
  if (!font.isDictionary()) return nullptr;
  try {
    return read_program(font);
  } catch (const std::exception&) {
    return nullptr;
  }
}

}  // namespace broadside::prepress
