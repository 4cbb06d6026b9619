// page_content.cpp — what a colour as set in a content stream prints with.
#include "prepress/page_content.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace broadside::prepress {

namespace {

/// The process plate a colorant name stands for (0..3), or -1 for a spot colour.
int process_plate(const std::string& name) {
  static const char* const kPlates[] = {"Cyan", "Magenta", "Yellow", "Black"};
  for (int i = 0; i < 4; ++i)
    if (name == kPlates[i]) return i;
  return -1;
}

double value(const std::vector<double>& v, size_t i) {
  return i < v.size() ? std::clamp(v[i], 0.0, 1.0) : 0.0;
}

}  // namespace

std::optional<std::array<double, 4>> PaintColor::process() const {
  switch (space) {
    case SpaceKind::gray:
      return std::array<double, 4>{0, 0, 0, 1 - value(values, 0)};
    case SpaceKind::cmyk:
      return std::array<double, 4>{value(values, 0), value(values, 1), value(values, 2),
                                   value(values, 3)};
    case SpaceKind::separation:
    case SpaceKind::device_n: {
      std::array<double, 4> out{0, 0, 0, 0};
      for (size_t i = 0; i < colorants.size(); ++i) {
        if (colorants[i] == "None") continue;
        const int plate = process_plate(colorants[i]);
        if (plate < 0) return std::nullopt;
        out[static_cast<size_t>(plate)] = value(values, i);
      }
      return out;
    }
    default:
      return std::nullopt;
  }
}

bool PaintColor::is_registration() const {
  if (space == SpaceKind::separation && !colorants.empty() && colorants[0] == "All")
    return value(values, 0) > 0.99;
  const auto p = process();
  return p && std::all_of(p->begin(), p->end(), [](double v) { return v > 0.99; });
}

bool PaintColor::is_white() const {
  if (space == SpaceKind::rgb)
    return values.size() >= 3 && value(values, 0) > 0.999 && value(values, 1) > 0.999 &&
           value(values, 2) > 0.999;
  if (space == SpaceKind::separation || space == SpaceKind::device_n)
    return !values.empty() &&
           std::all_of(values.begin(), values.end(), [](double v) { return v < 0.001; });
  const auto p = process();
  return p && std::all_of(p->begin(), p->end(), [](double v) { return v < 0.001; });
}

bool PaintColor::is_solid_black() const {
  const auto p = process();
  return p && (*p)[0] < 0.001 && (*p)[1] < 0.001 && (*p)[2] < 0.001 && (*p)[3] > 0.999;
}

bool PaintColor::is_spot() const {
  return (space == SpaceKind::separation || space == SpaceKind::device_n) && !process() &&
         !is_registration();
}

std::string PaintColor::describe() const {
  auto pct = [](double v) { return std::lround(std::clamp(v, 0.0, 1.0) * 100); };
  switch (space) {
    case SpaceKind::gray:
      return fmt::format("gray {:g}", value(values, 0));
    case SpaceKind::rgb:
      return fmt::format("RGB {:g} {:g} {:g}", value(values, 0), value(values, 1),
                         value(values, 2));
    case SpaceKind::cmyk:
      return fmt::format("C{} M{} Y{} K{}", pct(value(values, 0)), pct(value(values, 1)),
                         pct(value(values, 2)), pct(value(values, 3)));
    case SpaceKind::separation:
      return fmt::format("separation {} {}%", colorants.empty() ? "?" : colorants[0],
                         pct(value(values, 0)));
    case SpaceKind::device_n: {
      std::string out = "DeviceN";
      for (size_t i = 0; i < colorants.size(); ++i)
        out += fmt::format(" {} {}%", colorants[i], pct(value(values, i)));
      return out;
    }
    case SpaceKind::lab:
      return "Lab";
    case SpaceKind::pattern:
      return "a pattern";
    case SpaceKind::other:
      break;
  }
  return "a colour space preflight does not read";
}

}  // namespace broadside::prepress
