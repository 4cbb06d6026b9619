// generate.cpp — the generator behind fuzz_render: bytes in, a design and a statement out.
#include "generate.hpp"

#include <cstdio>
#include <vector>

namespace broadside::fuzz {

namespace {

/// Reads choices from the fuzz input; past its end every choice is the first option.
class Bytes {
 public:
  explicit Bytes(std::string_view b) : b_(b) {}
  unsigned byte() { return at_ < b_.size() ? static_cast<unsigned char>(b_[at_++]) : 0; }
  int range(int lo, int hi) {
    return lo + static_cast<int>(byte() % static_cast<unsigned>(hi - lo + 1));
  }
  bool chance(unsigned percent) { return byte() % 100 < percent; }
  const char* pick(const std::vector<const char*>& v) { return v[byte() % v.size()]; }
  bool done() const { return at_ >= b_.size(); }

 private:
  std::string_view b_;
  size_t at_ = 0;
};

/// Pieces of text that stress shaping, breaking, bidi, hyphenation and markup handling.
const std::vector<const char*> kPieces = {"é",
                                          "ß",
                                          "—",
                                          "“",
                                          "”",
                                          "«",
                                          "»",
                                          "\u00AD",
                                          "\u200B",
                                          "\u200D",
                                          "\u00A0",
                                          "ا",
                                          "ل",
                                          "ع",
                                          "ש",
                                          "中",
                                          "文",
                                          "日",
                                          "한",
                                          "न",
                                          "ि",
                                          "ก",
                                          "😀",
                                          "\u0301",
                                          "&",
                                          "<",
                                          ">",
                                          "{",
                                          "}",
                                          "{{",
                                          "}}",
                                          "*",
                                          "_",
                                          "#",
                                          "\n",
                                          "\n\n",
                                          "supercalifragilisticexpialidocious",
                                          "https://socialism2020.org/?ref=x",
                                          "\t",
                                          "\\",
                                          "\"",
                                          "\u202E",
                                          "\u2066",
                                          "\uFFFD",
                                          "\U0001F3F3\uFE0F\u200D\U0001F308",
                                          " ",
                                          "  ",
                                          "- ",
                                          "1. ",
                                          "> ",
                                          "**",
                                          "[link](https://wsws.org)",
                                          "<b>",
                                          "&amp;",
                                          "Ωμέγα",
                                          "Привет",
                                          "\x7F"};

constexpr const char* kAscii =
    "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ .,;:!?'-0123456789";

std::string text(Bytes& in, int max_units) {
  std::string s;
  const int n = in.range(0, max_units);
  for (int i = 0; i < n; ++i) {
    const unsigned b = in.byte();
    if (b == 159)
      s.push_back('\0');  // a NUL byte: statements must reject it, designs must not choke
    else if (b < 159)
      s += kAscii[b % 72];
    else
      s += kPieces[b % kPieces.size()];
  }
  return s;
}

/// A YAML double-quoted scalar.
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string length(Bytes& in, int lo, int hi, const char* unit = "mm") {
  return std::to_string(in.range(lo, hi)) + unit;
}

std::string style(Bytes& in, int n) {
  std::string s = "  s" + std::to_string(n) + ": {font: [" +
                  in.pick({"League Spartan", "Inter", "Noto Serif", "Noto Sans", "Noto Sans Arabic",
                           "Missing Family"}) +
                  "], weight: " + in.pick({"400", "700", "800", "bold", "300"});
  const int size = in.range(1, 60);
  if (in.chance(50))
    s += ", size: " + std::to_string(size) + "pt.." + std::to_string(size + in.range(0, 90)) + "pt";
  else
    s += ", size: " + std::to_string(size) + "pt";
  if (in.chance(30)) s += ", step: " + std::string(in.pick({"0.5pt", "0.1pt", "3pt", "0.01pt"}));
  if (in.chance(40)) s += ", max-lines: " + std::to_string(in.range(1, 8));
  if (in.chance(40)) s += ", balance: true";
  if (in.chance(40)) s += ", hyphenate: true";
  if (in.chance(40))
    s += ", align: " + std::string(in.pick({"left", "right", "center", "justify"}));
  if (in.chance(20)) s += ", case: " + std::string(in.pick({"upper", "lower", "title"}));
  if (in.chance(20)) s += ", tracking: " + std::to_string(in.range(-100, 300));
  if (in.chance(30)) s += ", leading: " + std::string(in.pick({"0.8", "1.2", "2", "12pt", "0.1"}));
  return s + ", color: " + in.pick({"ink", "red", "paper"}) + "}\n";
}

std::string area(Bytes& in) {
  switch (in.byte() % 5) {
    case 0:
      return "margin";
    case 1:
      return "bleed";
    case 2:
      return "{grid: [" + std::to_string(in.range(1, 3)) + ", " + std::to_string(in.range(1, 3)) +
             ", " + std::to_string(in.range(1, 2)) + ", " + std::to_string(in.range(1, 2)) + "]}";
    case 3:
      return "{top: " + length(in, -3, 120) + ", height: " + length(in, 1, 150) +
             ", left: " + length(in, -3, 80) + ", width: " + length(in, 1, 120) + "}";
    default:
      return "{top: " + std::to_string(in.range(0, 90)) + "%, bottom: margin}";
  }
}

std::string frame(Bytes& in, int depth, bool in_stack);

std::string content(Bytes& in, int depth) {
  const char* style = in.pick({"s0", "s1", "s2"});
  switch (in.byte() % 9) {
    case 0:
      return std::string("text: ") +
             quoted(in.pick({"{headline}", "{byline}", "{contact}", "{cta.text} {cta.url}",
                             "{event.place}", "Page {page} of {pages}"})) +
             ", style: " + style;
    case 1:
      return "text: " + quoted(text(in, 40)) + ", style: " + style;
    case 2:
      return std::string("list: \"{demands}\", style: ") + style +
             ", marker: " + in.pick({"square", "disc", "dash", "number", "none"});
    case 3:
      return std::string("flow: body, style: ") + style +
             ", columns: " + std::to_string(in.range(1, 3)) + ", gutter: " + length(in, 0, 10);
    case 4:
      return std::string("qr: \"https://{cta.url}?r=") + std::to_string(in.byte()) +
             "\", level: " + in.pick({"L", "M", "Q", "H"});
    case 5:
      return std::string("image: ") +
             in.pick({"logo.svg", "photo.jpg", "tiny.png", "corrupt.png", "truncated.jpg"}) +
             ", fit: " + in.pick({"contain", "cover", "stretch"}) + ", focus: [" +
             std::to_string(in.range(0, 10) / 10.0) + ", " +
             std::to_string(in.range(0, 10) / 10.0) + "]";
    case 6:
      return "rule: {thickness: " + length(in, 1, 20, "pt") + "}";
    case 7:
      if (depth < 2) {
        std::string s = std::string("stack: ") + in.pick({"vertical", "horizontal"}) +
                        ", gap: " + length(in, 0, 8) + ", items: [";
        const int n = in.range(1, 4);
        for (int i = 0; i < n; ++i) s += (i ? ", " : "") + frame(in, depth + 1, true);
        return s + "]";
      }
      [[fallthrough]];
    default:
      return "box: {}, background: red";
  }
}

std::string frame(Bytes& in, int depth, bool in_stack) {
  std::string s = "{" + content(in, depth);
  if (in_stack) {
    if (in.chance(40))
      s += ", grow: true";
    else if (in.chance(50))
      s += std::string(", ") + in.pick({"height", "width"}) + ": " + length(in, 1, 60);
  } else {
    s += ", area: " + area(in);
  }
  if (in.chance(20)) s += ", padding: " + length(in, 0, 10);
  if (in.chance(15)) s += ", valign: " + std::string(in.pick({"top", "middle", "bottom"}));
  if (in.chance(10)) s += ", border: {width: 1pt, color: ink}";
  return s + "}";
}

std::string design(Bytes& in) {
  std::string d = "name: fuzz\npage: {size: ";
  d += in.chance(60) ? in.pick({"A6", "A7", "A5"})
                     : length(in, 10, 200) + " x " + length(in, 10, 200);
  d += ", bleed: " + length(in, 0, 5) + ", margins: " + length(in, 0, 20) + "}\n";
  if (in.chance(40))
    d += "grid: {columns: " + std::to_string(in.range(1, 4)) +
         ", rows: " + std::to_string(in.range(1, 4)) + ", gutter: " + length(in, 0, 6) + "}\n";
  d += "colors: {red: \"#C8102E\", ink: \"#111111\", paper: \"#FFFFFF\"}\n";
  d += "max-pages: " + std::to_string(in.range(1, 6)) + "\n";
  if (in.chance(30)) d += "mirror-rtl: true\n";
  d += "output: {dpi: " + std::to_string(in.range(18, 40)) + "}\nstyles:\n";
  for (int i = 0; i < 3; ++i) d += style(in, i);
  d += "pages:\n";
  const int pages = in.range(1, 3);
  for (int p = 0; p < pages; ++p) {
    d += "  - {";
    if (in.chance(40)) d += "background: red, ";
    if (in.chance(30)) d += "repeat: true, ";
    d += "frames: [";
    const int n = in.range(1, 5);
    for (int f = 0; f < n; ++f) d += (f ? ", " : "") + frame(in, 0, false);
    d += "]}\n";
  }
  return d;
}

std::string statement(Bytes& in) {
  std::string s = "---\nlang: ";
  s += in.pick({"en", "ar", "he", "zh", "ja", "ko", "hi", "ru", "de", "fr", "es", "th", "vi"});
  s += "\nheadline: " + quoted(text(in, 30)) + "\nauthor: " + quoted(text(in, 10));
  s += "\ndemands:\n";
  const int demands = in.range(0, 4);
  for (int i = 0; i < demands; ++i) s += "  - " + quoted(text(in, 12)) + "\n";
  s += "cta: {text: " + quoted(text(in, 8)) + ", url: " + quoted(text(in, 8)) + "}\n";
  if (in.chance(50)) s += "event: {place: " + quoted(text(in, 10)) + "}\n";
  s += "---\n";
  while (!in.done()) s += text(in, 60) + "\n\n";
  return s;
}

}  // namespace

Generated generate(std::string_view bytes) {
  Bytes in(bytes);
  Generated g;
  g.design = design(in);
  g.statement = statement(in);
  return g;
}

}  // namespace broadside::fuzz
