// text_font.cpp — widths from /Widths or /W, letter heights from the font descriptor, and a
// small ToUnicode CMap reader (bfchar and bfrange, which is all PDF writers use for it).
#include "prepress/text_font.hpp"

#include <qpdf/QPDFObjectHandle.hh>

#include <algorithm>
#include <cctype>

#include "core/utf8.hpp"

namespace broadside::prepress {

namespace {

/// Capitals' height in ems of a usual text face (Inter 0.727, Noto Sans 0.714): what tells a
/// font's rewritten em from its own.
constexpr double kUsualCapHeight = 0.72;

using Handle = QPDFObjectHandle;

double number_or(Handle h, double fallback) {
  return h.isNumber() ? h.getNumericValue() : fallback;
}

/// A CMap's tokens: hex strings (as bytes), brackets and words.
struct CmapToken {
  enum Kind { hex, open, close, word } kind;
  std::string text;
};

std::vector<CmapToken> tokenize(const std::string& s) {
  std::vector<CmapToken> out;
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '<') {
      std::string bytes, digits;
      for (++i; i < s.size() && s[i] != '>'; ++i)
        if (std::isxdigit(static_cast<unsigned char>(s[i]))) digits += s[i];
      ++i;
      if (digits.size() % 2) digits += '0';
      for (size_t d = 0; d + 1 < digits.size(); d += 2)
        bytes += static_cast<char>(std::stoi(digits.substr(d, 2), nullptr, 16));
      out.push_back({CmapToken::hex, bytes});
    } else if (c == '[' || c == ']') {
      out.push_back({c == '[' ? CmapToken::open : CmapToken::close, {}});
      ++i;
    } else if (c == '%') {
      while (i < s.size() && s[i] != '\n' && s[i] != '\r') ++i;
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else {
      std::string w;
      while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])) && s[i] != '<' &&
             s[i] != '[' && s[i] != ']')
        w += s[i++];
      out.push_back({CmapToken::word, w});
    }
  }
  return out;
}

unsigned code_of(const std::string& bytes) {
  unsigned v = 0;
  for (unsigned char b : bytes) v = (v << 8) | b;
  return v;
}

/// UTF-16BE (a ToUnicode destination) to UTF-8, with `add` added to the last unit (bfrange).
std::string utf8_of_utf16(const std::string& bytes, unsigned add = 0) {
  std::vector<unsigned> units;
  for (size_t i = 0; i + 1 < bytes.size(); i += 2)
    units.push_back((static_cast<unsigned char>(bytes[i]) << 8) |
                    static_cast<unsigned char>(bytes[i + 1]));
  if (!units.empty()) units.back() += add;
  std::string out;
  for (size_t i = 0; i < units.size(); ++i) {
    unsigned u = units[i];
    if (u >= 0xD800 && u < 0xDC00 && i + 1 < units.size()) {
      u = 0x10000 + ((u - 0xD800) << 10) + (units[++i] - 0xDC00);
    }
    core::append_utf8(out, static_cast<char32_t>(u));
  }
  return out;
}

}  // namespace

TextFont::TextFont(Handle font) {
  if (!font.isDictionary()) return;
  if (font.getKey("/BaseFont").isName()) name_ = font.getKey("/BaseFont").getName().substr(1);
  two_byte_ = font.getKey("/Subtype").isNameAndEquals("/Type0");
  if (font.getKey("/Subtype").isNameAndEquals("/Type3") && font.getKey("/FontMatrix").isArray()) {
    const double a = number_or(font.getKey("/FontMatrix").getArrayItem(0), 0.001);
    const double d = number_or(font.getKey("/FontMatrix").getArrayItem(3), 0.001);
    scale_ = a;
    // A Type 3 font's glyph heights are in its own units; the letter box is a guess in em.
    (void)d;
  }
  read_widths(font);
  glyphs_ = GlyphInk::read(font);
  try {
    if (font.getKey("/ToUnicode").isStream()) read_to_unicode(font.getKey("/ToUnicode"));
  } catch (const std::exception&) {
    // A broken ToUnicode map only costs the text in messages; the measures stand.
  }
}

void TextFont::read_widths(Handle font) {
  Handle descriptor = font.getKey("/FontDescriptor");
  if (two_byte_) {
    Handle d = font.getKey("/DescendantFonts");
    Handle cid = d.isArray() && d.getArrayNItems() > 0 ? d.getArrayItem(0) : Handle();
    if (!cid.isDictionary()) return;
    descriptor = cid.getKey("/FontDescriptor");
    default_width_ = number_or(cid.getKey("/DW"), 1000);
    // /W: c [w1 w2 ...] or c_first c_last w.
    Handle w = cid.getKey("/W");
    const int n = w.isArray() ? w.getArrayNItems() : 0;
    for (int i = 0; i < n;) {
      Handle first = w.getArrayItem(i);
      if (!first.isInteger()) break;
      const long long c = first.getIntValue();
      if (i + 1 < n && w.getArrayItem(i + 1).isArray()) {
        Handle list = w.getArrayItem(i + 1);
        for (int k = 0; k < list.getArrayNItems() && k < 65536; ++k)
          widths_[static_cast<unsigned>(c + k)] = number_or(list.getArrayItem(k), default_width_);
        i += 2;
      } else if (i + 2 < n) {
        const long long last = number_or(w.getArrayItem(i + 1), c);
        const double width = number_or(w.getArrayItem(i + 2), default_width_);
        for (long long k = c; k <= last && k - c < 65536; ++k)
          widths_[static_cast<unsigned>(k)] = width;
        i += 3;
      } else {
        break;
      }
    }
  } else {
    const int first =
        font.getKey("/FirstChar").isInteger() ? font.getKey("/FirstChar").getIntValueAsInt() : 0;
    Handle w = font.getKey("/Widths");
    if (w.isArray())
      for (int k = 0; k < w.getArrayNItems() && k < 256; ++k)
        widths_[static_cast<unsigned>(first + k)] = number_or(w.getArrayItem(k), 0);
    if (descriptor.isDictionary())
      default_width_ = number_or(descriptor.getKey("/MissingWidth"), default_width_);
  }
  if (descriptor.isDictionary()) {
    // Capitals, not the ascent: the ascent leaves room for accents most lines never carry, and
    // a safe zone is about the letters. But no higher than the ascent: cairo writes the font's
    // whole bounding box top as CapHeight (1806 for Noto Sans CJK, whose ascent is 1160).
    double cap = number_or(descriptor.getKey("/CapHeight"), 700) / 1000;
    const double ascent = number_or(descriptor.getKey("/Ascent"), 0) / 1000;
    if (ascent > 0.3 && ascent < cap) cap = ascent;
    const double descent = number_or(descriptor.getKey("/Descent"), -200) / 1000;
    if (cap > 0.3 && cap < 1.2) {
      cap_height_ = cap;
    } else if (cap >= 1.2 && cap < 10) {
      // No font's capitals stand taller than its em: the glyphs were scaled up, and the size
      // the reader sees is the set size times that.
      cap_height_ = cap;
      em_scale_ = cap / kUsualCapHeight;
    }
    if (descent < 0 && descent > -0.5 * em_scale_) descent_ = descent;
  }
}

void TextFont::read_to_unicode(Handle stream) {
  const auto data = stream.getStreamData(qpdf_dl_generalized);
  const std::string text(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
  const auto tokens = tokenize(text);
  enum { none, chars, ranges } mode = none;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const auto& t = tokens[i];
    if (t.kind == CmapToken::word) {
      if (t.text == "beginbfchar") mode = chars;
      if (t.text == "beginbfrange") mode = ranges;
      if (t.text == "endbfchar" || t.text == "endbfrange") mode = none;
      continue;
    }
    if (mode == chars && t.kind == CmapToken::hex && i + 1 < tokens.size() &&
        tokens[i + 1].kind == CmapToken::hex) {
      unicode_[code_of(t.text)] = utf8_of_utf16(tokens[i + 1].text);
      ++i;
    } else if (mode == ranges && t.kind == CmapToken::hex && i + 2 < tokens.size() &&
               tokens[i + 1].kind == CmapToken::hex) {
      const unsigned lo = code_of(t.text), hi = code_of(tokens[i + 1].text);
      if (hi < lo || hi - lo > 65535) break;
      if (tokens[i + 2].kind == CmapToken::hex) {
        for (unsigned c = lo; c <= hi; ++c) unicode_[c] = utf8_of_utf16(tokens[i + 2].text, c - lo);
        i += 2;
      } else if (tokens[i + 2].kind == CmapToken::open) {
        size_t k = i + 3;
        for (unsigned c = lo; c <= hi && k < tokens.size() && tokens[k].kind == CmapToken::hex;
             ++c, ++k)
          unicode_[c] = utf8_of_utf16(tokens[k].text);
        i = k;
      }
    }
  }
}

std::vector<unsigned> TextFont::codes(const std::string& bytes) const {
  std::vector<unsigned> out;
  if (two_byte_) {
    for (size_t i = 0; i + 1 < bytes.size(); i += 2)
      out.push_back((static_cast<unsigned char>(bytes[i]) << 8) |
                    static_cast<unsigned char>(bytes[i + 1]));
  } else {
    for (unsigned char b : bytes) out.push_back(b);
  }
  return out;
}

double TextFont::advance(unsigned code) const {
  const auto it = widths_.find(code);
  return (it == widths_.end() ? default_width_ : it->second) * scale_;
}

std::optional<InkBox> TextFont::ink(unsigned code) const {
  if (!glyphs_) return std::nullopt;
  char32_t first = 0;
  const auto it = unicode_.find(code);
  if (it != unicode_.end() && !it->second.empty()) {
    size_t pos = 0;
    first = core::decode_utf8(it->second, pos);
  } else if (!two_byte_) {
    first = code;  // a simple font without a map: its codes are most likely Latin-1
  }
  return glyphs_->ink(code, first);
}

std::string TextFont::unicode(unsigned code) const {
  const auto it = unicode_.find(code);
  if (it != unicode_.end()) return it->second;
  if (two_byte_ || code < 0x20) return "";
  std::string out;
  core::append_utf8(out, static_cast<char32_t>(code));
  return out;
}

}  // namespace broadside::prepress
