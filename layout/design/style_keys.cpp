// style_keys.cpp — reading the individual style keys (font, weight, size, leading, …).
#include <cctype>
#include <charconv>
#include <cstdio>
#include <functional>
#include <limits>

#include <fmt/format.h>

#include "design/length.hpp"
#include "design/styles.hpp"

namespace broadside::design {

namespace {

using core::Align;
using core::FontSlant;
using core::FontWidth;
using core::TextCase;

const std::vector<std::pair<std::string, int>> kWeights = {
    {"thin", 100},   {"extralight", 200}, {"light", 300}, {"regular", 400},   {"normal", 400},
    {"medium", 500}, {"semibold", 600},   {"bold", 700},  {"extrabold", 800}, {"black", 900}};
const std::vector<std::pair<std::string, FontSlant>> kSlants = {
    {"normal", FontSlant::normal}, {"italic", FontSlant::italic}, {"oblique", FontSlant::oblique}};
const std::vector<std::pair<std::string, FontWidth>> kWidths = {
    {"ultra-condensed", FontWidth::ultra_condensed},
    {"extra-condensed", FontWidth::extra_condensed},
    {"condensed", FontWidth::condensed},
    {"semi-condensed", FontWidth::semi_condensed},
    {"normal", FontWidth::normal},
    {"semi-expanded", FontWidth::semi_expanded},
    {"expanded", FontWidth::expanded},
    {"extra-expanded", FontWidth::extra_expanded},
    {"ultra-expanded", FontWidth::ultra_expanded}};
const std::vector<std::pair<std::string, TextCase>> kCases = {
    {"none", TextCase::none}, {"upper", TextCase::upper}, {"lower", TextCase::lower}};
const std::vector<std::pair<std::string, Align>> kAligns = {
    {"start", Align::start}, {"end", Align::end},       {"left", Align::left},
    {"right", Align::right}, {"center", Align::center}, {"justify", Align::justify}};

std::string trim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  size_t start = 0;
  while (start < s.size() && std::isspace(static_cast<unsigned char>(s[start]))) ++start;
  return s.substr(start);
}

// A string, or a list of strings; a single string may also list several, comma-separated.
std::optional<std::vector<std::string>> strings(Reader& in, const Field& f, char split) {
  std::vector<std::string> out;
  if (f.present && f.node.IsSequence()) {
    const auto items = in.list(f);
    for (const auto& item : *items) {
      auto s = in.string(item);
      if (!s) return std::nullopt;
      out.push_back(trim(*s));
    }
  } else {
    auto s = in.scalar(f, "a string or a list of strings");
    if (!s) return std::nullopt;
    size_t start = 0;
    for (size_t comma; (comma = s->find(split, start)) != std::string::npos; start = comma + 1)
      out.push_back(trim(s->substr(start, comma - start)));
    out.push_back(trim(s->substr(start)));
  }
  std::erase_if(out, [](const std::string& s) { return s.empty(); });
  return out;
}

void read_weight(Reader& in, const Field& f, StylePatch& p) {
  const bool numeric = f.present && f.node.IsScalar() && !f.node.Scalar().empty() &&
                       std::isdigit(static_cast<unsigned char>(f.node.Scalar()[0]));
  p.weight = numeric ? in.integer(f, 100, 900) : in.keyword(f, kWeights);
}

void read_font(Reader& in, const Field& f, StylePatch& p) {
  auto families = strings(in, f, ',');
  if (families && families->empty()) {
    in.error(f, "'font' needs at least one family name");
  } else if (families) {
    p.families = std::move(families);
    p.font_where = in.at(f);
  }
}

// Tracking is a plain number in thousandths of an em; a unit written after it is the usual
// slip (`-0.05em`), answered with the number it meant.
std::optional<double> read_tracking(Reader& in, const Field& f) {
  if (f.present && f.node.IsScalar()) {
    const std::string text = f.node.Scalar();
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    const std::string_view unit(end, static_cast<size_t>(text.data() + text.size() - end));
    if (ec == std::errc{} && !unit.empty() && std::isalpha(static_cast<unsigned char>(unit[0]))) {
      char meant[32];
      std::snprintf(meant, sizeof meant, "%g", value * 1000);
      const std::string hint =
          unit == "em" ? "tracking is in thousandths of an em, without a unit: write tracking: " +
                             std::string(meant)
                       : "tracking is a plain number in thousandths of an em, without a unit "
                         "(e.g. tracking: -20)";
      in.error(f, "expected a number for 'tracking', got '" + text + "'", hint);
      return std::nullopt;
    }
  }
  return in.number(f);
}

// A bare number is a multiple of the size; a length is the pitch from baseline to baseline.
void read_leading(Reader& in, const Field& f, StylePatch& p) {
  auto text = in.scalar(f, "a number (times the size) or a length");
  if (!text) return;
  double factor = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), factor);
  const bool is_number = ec == std::errc{} && end == text->data() + text->size();
  const ParsedLength parsed = is_number ? ParsedLength{} : parse_length(*text);
  if (!is_number && (!parsed.error.empty() || parsed.percent)) {
    in.error(f, "expected a number (times the size) or a length for 'leading', got '" + *text + "'",
             parsed.hint);
  } else if (is_number ? factor <= 0 : *parsed.length <= Pt{0}) {
    in.error(f, "'leading' must be greater than 0, got " + *text);
  } else if (is_number) {
    p.leading = factor;
  } else {
    p.leading_pitch = *parsed.length;
  }
}

// A size the fitter may grow with its frame, or whose top is print-sized, can still come out
// readable; one that cannot is certain to fail preflight, line by line, after the whole render.
std::optional<SizeRange> read_type_size(Reader& in, const Field& f) {
  auto size = read_size(in, f);
  if (size && size->max_share == 0 && size->max < kMinPrintTypeSize - Pt{0.001})
    in.warning(f,
               fmt::format("font size {} is below the {:g}pt minimum for print", f.node.Scalar(),
                           kMinPrintTypeSize.value),
               fmt::format("preflight refuses text under {:g}pt unless run with a lower --min-text",
                           kMinPrintTypeSize.value));
  return size;
}

void read_step(Reader& in, const Field& f, StylePatch& p) {
  auto step = read_length(in, f);
  if (step && *step <= Pt{0})
    in.error(f, "'step' must be greater than 0");
  else if (step)
    p.step = step;
}

void read_features(Reader& in, const Field& f, StylePatch& p) {
  // Features are listed whole ("liga=0"), so a single string is kept as written.
  auto list = strings(in, f, '\0');
  if (!list) return;
  std::string joined;
  for (const auto& feature : *list) joined += (joined.empty() ? "" : ", ") + feature;
  p.features = joined;
}

constexpr int kNoLimit = std::numeric_limits<int>::max();

using KeyReader = std::function<void(Reader&, const Field&, const Palette&, StylePatch&)>;

const std::vector<std::pair<std::string, KeyReader>>& key_readers() {
  using R = Reader;
  using F = const Field&;
  using P = const Palette&;
  using S = StylePatch&;
  static const std::vector<std::pair<std::string, KeyReader>> readers = {
      {"font", [](R& in, F f, P, S p) { read_font(in, f, p); }},
      {"weight", [](R& in, F f, P, S p) { read_weight(in, f, p); }},
      {"style", [](R& in, F f, P, S p) { p.slant = in.keyword(f, kSlants); }},
      {"slant", [](R& in, F f, P, S p) { p.slant = in.keyword(f, kSlants); }},
      {"width", [](R& in, F f, P, S p) { p.width = in.keyword(f, kWidths); }},
      {"size", [](R& in, F f, P, S p) { p.size = read_type_size(in, f); }},
      {"step", [](R& in, F f, P, S p) { read_step(in, f, p); }},
      {"leading", [](R& in, F f, P, S p) { read_leading(in, f, p); }},
      {"tracking", [](R& in, F f, P, S p) { p.tracking = read_tracking(in, f); }},
      {"case", [](R& in, F f, P, S p) { p.text_case = in.keyword(f, kCases); }},
      {"align", [](R& in, F f, P, S p) { p.align = in.keyword(f, kAligns); }},
      {"hyphenate", [](R& in, F f, P, S p) { p.hyphenate = in.boolean(f); }},
      {"features", [](R& in, F f, P, S p) { read_features(in, f, p); }},
      {"color", [](R& in, F f, P colors, S p) { p.color = read_color(in, f, colors); }},
      {"max-lines", [](R& in, F f, P, S p) { p.max_lines = in.integer(f, 0, kNoLimit); }},
      {"balance", [](R& in, F f, P, S p) { p.balance = in.boolean(f); }},
      {"space-before", [](R& in, F f, P, S p) { p.space_before = read_length(in, f); }},
      {"space-after", [](R& in, F f, P, S p) { p.space_after = read_length(in, f); }},
      // A negative indent hangs the first line out into the margin.
      {"indent",
       [](R& in, F f, P, S p) {
         p.indent = read_length(in, f, {true, {}});
       }},
      {"keep-lines", [](R& in, F f, P, S p) { p.keep_lines = in.integer(f, 1, kNoLimit); }},
  };
  return readers;
}

}  // namespace

const std::vector<std::string>& style_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> out;
    for (const auto& [key, reader] : key_readers()) out.push_back(key);
    return out;
  }();
  return keys;
}

bool is_font_width(std::string_view word) {
  for (const auto& [name, width] : kWidths)
    if (name == word) return true;
  return false;
}

bool read_style_key(Reader& in, const Field& f, const Palette& palette, StylePatch& patch) {
  for (const auto& [key, reader] : key_readers()) {
    if (key != f.name) continue;
    reader(in, f, palette, patch);
    return true;
  }
  return false;
}

}  // namespace broadside::design
