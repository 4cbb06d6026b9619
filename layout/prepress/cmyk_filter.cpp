// cmyk_filter.cpp — operator-by-operator rewriting; operands are held until their operator
// arrives, and paths until they are painted, so nothing is written in the wrong place.
#include "prepress/cmyk_filter.hpp"

#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_QPDFTokenizer.hh>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/diagnostic.hpp"

namespace broadside::prepress {

namespace {

using Token = QPDFTokenizer::Token;

bool is_one_of(const std::string& op, std::initializer_list<const char*> ops) {
  return std::any_of(ops.begin(), ops.end(), [&](const char* o) { return op == o; });
}

bool is_path_construction(const std::string& op) {
  return is_one_of(op, {"m", "l", "c", "v", "y", "h", "re", "W", "W*"});
}

bool is_path_painting(const std::string& op) {
  return is_one_of(op, {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"});
}

bool is_text_showing(const std::string& op) {
  return is_one_of(op, {"Tj", "TJ", "'", "\""});
}

/// Text render modes that fill (0, 2, 4, 6) and that stroke (1, 2, 5, 6).
bool text_fills(int mode) {
  return mode == 0 || mode == 2 || mode == 4 || mode == 6;
}
bool text_strokes(int mode) {
  return mode == 1 || mode == 2 || mode == 5 || mode == 6;
}

std::string process_color(const core::Cmyk& c, bool is_stroke) {
  return pdf_number(c.c) + " " + pdf_number(c.m) + " " + pdf_number(c.y) + " " + pdf_number(c.k) +
         (is_stroke ? " K" : " k");
}

}  // namespace

std::string pdf_number(double v) {
  if (std::abs(v) < 5e-7) v = 0;  // no "-0"
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 6);
  std::string s(buf, ec == std::errc{} ? end : buf);
  if (s.find('.') != std::string::npos) {
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

std::string separation_resource(size_t spot_index) {
  return "/BSsep" + std::to_string(spot_index);
}

std::string overprint_resource(int state) {
  return "/BSop" + std::to_string(state);
}

CmykFilter::CmykFilter(const InkMap& inks, std::vector<std::string> spots)
    : inks_(inks), spots_(std::move(spots)) {}

void CmykFilter::handleToken(const Token& token) {
  switch (token.getType()) {
    case QPDFTokenizer::tt_word:
      handle_operator(token.getValue());
      break;
    case QPDFTokenizer::tt_inline_image:
      emit_operands();  // the whitespace after ID comes first
      emit(token.getRawValue());
      break;
    case QPDFTokenizer::tt_eof:
      emit_operands();
      is_in_path_ = false;
      write(path_);  // an unpainted path at the end: left as it was
      path_.clear();
      break;
    default:
      operands_.push_back(token);
  }
}

void CmykFilter::emit(const std::string& text) {
  if (is_in_path_)
    path_ += text;
  else
    write(text);
}

void CmykFilter::emit_operands() {
  for (const auto& t : operands_) emit(t.getRawValue());
  operands_.clear();
}

std::vector<double> CmykFilter::numbers() const {
  std::vector<double> out;
  for (const auto& t : operands_) {
    if (t.getType() != QPDFTokenizer::tt_integer && t.getType() != QPDFTokenizer::tt_real) continue;
    std::string s = t.getValue();
    if (!s.empty() && s[0] == '+') s.erase(0, 1);
    double v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    out.push_back(v);
  }
  return out;
}

void CmykFilter::handle_operator(const std::string& op) {
  if (handle_color(op)) return;
  if (is_path_construction(op)) {
    is_in_path_ = true;
  } else if (is_path_painting(op)) {
    paint(op);
  } else if (is_text_showing(op)) {
    int wanted = state_.overprint;
    if (text_fills(state_.text_mode))
      wanted = (wanted & ~kOverprintFill) | (state_.is_fill_black ? kOverprintFill : 0);
    if (text_strokes(state_.text_mode))
      wanted = (wanted & ~kOverprintStroke) | (state_.is_stroke_black ? kOverprintStroke : 0);
    ensure_overprint(wanted);
  } else if (is_one_of(op, {"Do", "sh", "BI"})) {
    ensure_overprint(0);  // images, forms and gradients always knock out
  } else if (op == "ID") {
    check_inline_image();
  } else if (op == "q") {
    saved_.push_back(state_);
  } else if (op == "Q" && !saved_.empty()) {
    state_ = saved_.back();
    saved_.pop_back();
  } else if (op == "w" && numbers().size() == 1) {
    state_.line_width = numbers()[0];
  } else if (op == "Tr" && numbers().size() == 1) {
    state_.text_mode = static_cast<int>(numbers()[0]);
  }
  emit_operands();
  emit(op);
}

void CmykFilter::paint(const std::string& op) {
  const bool fills = !is_one_of(op, {"S", "s", "n"});
  const bool strokes = is_one_of(op, {"S", "s", "B", "B*", "b", "b*"});
  int wanted = state_.overprint;
  if (fills) wanted &= ~kOverprintFill;
  if (strokes) {
    const bool is_thin_black = state_.is_stroke_black && state_.line_width <= kThinRuleWidth;
    wanted = (wanted & ~kOverprintStroke) | (is_thin_black ? kOverprintStroke : 0);
  }
  is_in_path_ = false;
  ensure_overprint(wanted);
  write(path_);
  path_.clear();
}

void CmykFilter::ensure_overprint(int wanted) {
  if (wanted == state_.overprint) return;
  state_.overprint = wanted;
  needs_.overprint_states.insert(wanted);
  // Leading whitespace: the previous operator must not fuse with the name.
  std::string text = "\n";
  text += overprint_resource(wanted);
  text += " gs\n";
  write(text);
}

void CmykFilter::check_inline_image() const {
  bool is_color_space_key = false;
  for (const auto& t : operands_) {
    if (t.getType() == QPDFTokenizer::tt_space) continue;
    const std::string v = t.getValue();
    if (is_color_space_key &&
        is_one_of(v, {"/RGB", "/DeviceRGB", "/CalRGB", "/I", "/Indexed", "/ICCBased"}))
      throw core::Failure({}, "cannot convert an inline image with colour space " + v + " to CMYK");
    is_color_space_key = v == "/CS" || v == "/ColorSpace";
  }
}

bool CmykFilter::handle_color(const std::string& op) {
  if (!is_one_of(op, {"rg", "RG", "g", "G", "k", "K", "cs", "CS", "sc", "scn", "SC", "SCN"}))
    return false;
  const bool is_stroke = is_one_of(op, {"RG", "G", "K", "CS", "SC", "SCN"});
  Space& space = is_stroke ? state_.stroke_space : state_.fill_space;
  bool& is_black = is_stroke ? state_.is_stroke_black : state_.is_fill_black;
  const std::vector<double> v = numbers();
  if ((op == "rg" || op == "RG") && v.size() == 3) {
    set_ink(inks_.for_rgb({v[0], v[1], v[2]}), is_stroke);
  } else if ((op == "g" || op == "G") && v.size() == 1) {
    set_ink(inks_.for_gray(v[0]), is_stroke);
  } else if ((op == "k" || op == "K") && v.size() == 4) {
    space = Space::converted;
    is_black = Ink{{v[0], v[1], v[2], v[3]}, {}}.is_solid_black();
    return false;
  } else if (op == "cs" || op == "CS") {
    std::string name;
    for (const auto& t : operands_)
      if (t.getType() == QPDFTokenizer::tt_name) name = t.getValue();
    if (name != "/DeviceRGB") {
      space = name == "/Pattern" ? Space::pattern : Space::other;
      is_black = false;
      return false;
    }
    set_ink(inks_.for_rgb({0, 0, 0}), is_stroke);  // `cs` also sets the initial colour, black
    space = Space::rgb;
  } else if (is_one_of(op, {"sc", "scn", "SC", "SCN"}) && space == Space::rgb && v.size() == 3) {
    set_ink(inks_.for_rgb({v[0], v[1], v[2]}), is_stroke);
    space = Space::rgb;  // further `scn` are still RGB values
  } else {
    if (is_one_of(op, {"sc", "scn", "SC", "SCN"})) is_black = false;
    return false;
  }
  return true;
}

void CmykFilter::set_ink(const Ink& ink, bool is_stroke) {
  operands_.clear();
  std::string text;
  if (ink.spot.empty()) {
    text = process_color(ink.cmyk, is_stroke);
  } else {
    const size_t index =
        static_cast<size_t>(std::find(spots_.begin(), spots_.end(), ink.spot) - spots_.begin());
    if (index == spots_.size()) {
      text = process_color(ink.cmyk, is_stroke);  // unknown spot: its process alternate
    } else {
      needs_.spots.insert(index);
      text = separation_resource(index) + (is_stroke ? " CS 1 SCN" : " cs 1 scn");
    }
  }
  emit("\n" + text);
  (is_stroke ? state_.stroke_space : state_.fill_space) = Space::converted;
  (is_stroke ? state_.is_stroke_black : state_.is_fill_black) = ink.is_solid_black();
}

std::string rewrite_to_cmyk(const std::string& content, const InkMap& inks, StreamNeeds& needs) {
  CmykFilter filter(inks, inks.table().spot_names());
  Pl_Buffer buffer("cmyk");
  Pl_QPDFTokenizer tokenizer("cmyk-filter", &filter, &buffer);
  tokenizer.writeString(content);
  tokenizer.finish();
  needs = filter.needs();
  auto bytes = buffer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(bytes->getBuffer()), bytes->getSize());
}

}  // namespace broadside::prepress
