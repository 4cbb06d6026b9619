// length.cpp — parsing lengths, CSS-style insets and font size ranges into points.
#include "design/length.hpp"

#include <cctype>
#include <charconv>
#include <cmath>

#include "core/ascii.hpp"

namespace broadside::design {

namespace {

const std::vector<std::string> kUnits = {"pt", "mm", "cm", "in", "px"};
constexpr std::string_view kUnitList = "pt, mm, cm, in, px";

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::optional<Pt> to_points(double value, const std::string& unit) {
  if (unit == "pt") return Pt{value};
  if (unit == "mm") return core::from_mm(value);
  if (unit == "cm") return core::from_mm(value * 10);
  if (unit == "in") return core::from_in(value);
  if (unit == "px") return core::from_px(value);
  return std::nullopt;
}

}  // namespace

ParsedLength parse_length(std::string_view raw) {
  const std::string_view text = trim(raw);
  ParsedLength out;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || !std::isfinite(value)) {
    out.error = "expected a length like '3mm' or '12pt', got '" + std::string(text) + "'";
    return out;
  }
  const std::string unit =
      core::ascii_lower(trim(std::string_view(end, text.data() + text.size() - end)));
  if (unit.empty()) {
    if (value == 0)
      out.length = Pt{0};
    else
      out.error =
          "length '" + std::string(text) + "' needs a unit (" + std::string(kUnitList) + ")";
  } else if (unit == "%") {
    out.percent = value;
  } else if (auto pt = to_points(value, unit)) {
    out.length = pt;
  } else {
    out.error = "unknown unit '" + unit + "' in length '" + std::string(text) +
                "': use pt, mm, cm, in or px";
    out.hint = did_you_mean(unit, kUnits);
  }
  return out;
}

std::optional<Pt> read_length(Reader& in, const Field& f, LengthRule rule) {
  auto text = in.scalar(f, "a length");
  if (!text) return std::nullopt;
  ParsedLength parsed = parse_length(*text);
  if (!parsed.error.empty()) {
    in.error(f, parsed.error, parsed.hint);
    return std::nullopt;
  }
  if (parsed.percent && !rule.percent_of) {
    in.error(f, "a percentage ('" + *text + "') is only allowed in an area; give a length");
    return std::nullopt;
  }
  const Pt value = parsed.length ? *parsed.length : *rule.percent_of * (*parsed.percent / 100);
  if (value < Pt{0} && !rule.may_be_negative) {
    const std::string who = f.name.empty() ? "a length here" : "'" + f.name + "'";
    in.error(f, who + " cannot be negative, got " + *text);
    return std::nullopt;
  }
  return value;
}

namespace {

std::optional<Insets> insets_from_list(Reader& in, const Field& f) {
  auto items = in.list(f);
  if (!items) return std::nullopt;
  if (items->empty() || items->size() > 4) {
    in.error(f, "expected 1 to 4 lengths [top, right, bottom, left] for '" + f.name + "', got " +
                    std::to_string(items->size()));
    return std::nullopt;
  }
  std::vector<Pt> v;
  for (const auto& item : *items) {
    if (auto len = read_length(in, item)) v.push_back(*len);
  }
  if (v.size() != items->size()) return std::nullopt;
  // CSS shorthand: missing right copies top, missing bottom copies top, missing left copies right.
  const Pt top = v[0], right = v.size() > 1 ? v[1] : top;
  const Pt bottom = v.size() > 2 ? v[2] : top, left = v.size() > 3 ? v[3] : right;
  return Insets{top, right, bottom, left};
}

std::optional<Insets> insets_from_map(Reader& in, const Field& f, const Insets& fallback) {
  MapView map(in, f);
  if (!map.is_map()) return std::nullopt;
  map.check({"top", "right", "bottom", "left"});
  Insets out = fallback;
  bool ok = true;
  auto side = [&](const char* key, Pt& into) {
    if (!map.has(key)) return;
    if (auto len = read_length(in, map.get(key)))
      into = *len;
    else
      ok = false;
  };
  side("top", out.top);
  side("right", out.right);
  side("bottom", out.bottom);
  side("left", out.left);
  return ok ? std::optional<Insets>(out) : std::nullopt;
}

}  // namespace

std::optional<Insets> read_insets(Reader& in, const Field& f, const Insets& fallback) {
  if (f.present && f.node.IsSequence()) return insets_from_list(in, f);
  if (f.present && f.node.IsMap()) return insets_from_map(in, f, fallback);
  auto len = read_length(in, f);
  if (!len) return std::nullopt;
  return Insets::uniform(*len);
}

std::optional<SizeRange> read_size(Reader& in, const Field& f) {
  auto text = in.scalar(f, "a size like 12pt or a range like 28pt..96pt");
  if (!text) return std::nullopt;
  const size_t dots = text->find("..");
  const std::string low = text->substr(0, dots);
  const std::string high = dots == std::string::npos ? low : text->substr(dots + 2);
  SizeRange out;
  for (auto [part, into] : {std::pair{&low, &out.min}, std::pair{&high, &out.max}}) {
    ParsedLength p = parse_length(*part);
    // Only the top of a range may be a share of the frame: display type that grows with it.
    if (p.percent && into == &out.max && dots != std::string::npos && p.error.empty()) {
      if (*p.percent <= 0 || *p.percent > 100) {
        in.error(f, "the largest size '" + std::string(trim(high)) +
                        "' must be a share of the frame's width above 0% and at most 100%");
        return std::nullopt;
      }
      out.max_share = *p.percent / 100;
      out.max = out.min;
      continue;
    }
    if (!p.error.empty() || p.percent) {
      in.error(f,
               p.percent ? "a font size cannot be a percentage (only the top of a range, "
                           "'28pt..30%', as a share of the frame's width)"
                         : p.error,
               p.hint);
      return std::nullopt;
    }
    if (*p.length <= Pt{0}) {
      in.error(f, "a font size must be greater than 0, got '" + *text + "'");
      return std::nullopt;
    }
    *into = *p.length;
  }
  if (out.max < out.min) {
    in.error(f, "size range '" + *text + "' runs backwards",
             "write the smaller size first: '" + std::string(trim(high)) + ".." +
                 std::string(trim(low)) + "'");
    return std::nullopt;
  }
  return out;
}

}  // namespace broadside::design
