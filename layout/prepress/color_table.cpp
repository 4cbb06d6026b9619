// color_table.cpp — unique RGB keys for the design's CMYK and spot colours.
#include "prepress/color_table.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

namespace broadside::prepress {

namespace {

constexpr double kKeyScale = 65535.0;

std::uint16_t channel(double v) {
  return static_cast<std::uint16_t>(std::lround(std::clamp(v, 0.0, 1.0) * kKeyScale));
}

/// What makes two press colours the same ink: spot name, CMYK values, and the RGB a spot
/// given only in RGB falls back to.
auto identity(const core::Color& c) {
  const core::Cmyk v = c.cmyk.value_or(core::Cmyk{-1, -1, -1, -1});
  return std::tuple(c.spot, v.c, v.m, v.y, v.k, c.cmyk ? 0.0 : c.rgb.r, c.cmyk ? 0.0 : c.rgb.g,
                    c.cmyk ? 0.0 : c.rgb.b);
}

bool identity_less(const core::Color& a, const core::Color& b) {
  return identity(a) < identity(b);
}

/// The nearest free key to `wanted`: blue, then green, then red moved by 1, 2, ... steps.
RgbKey free_key(const RgbKey& wanted, const std::set<RgbKey>& taken) {
  if (!taken.count(wanted)) return wanted;
  for (int step = 1; step < 65536; ++step) {
    for (int channel_index : {2, 1, 0}) {
      for (int sign : {1, -1}) {
        const int v = wanted[static_cast<size_t>(channel_index)] + sign * step;
        if (v < 0 || v > 65535) continue;
        RgbKey k = wanted;
        k[static_cast<size_t>(channel_index)] = static_cast<std::uint16_t>(v);
        if (!taken.count(k)) return k;
      }
    }
  }
  return wanted;  // unreachable: a composition never has 2^48 colours
}

}  // namespace

RgbKey key_of(const core::Rgb& rgb) {
  return {channel(rgb.r), channel(rgb.g), channel(rgb.b)};
}

core::Rgb rgb_of(const RgbKey& key) {
  return {key[0] / kKeyScale, key[1] / kKeyScale, key[2] / kKeyScale};
}

bool has_press_values(const core::Color& color) {
  return color.cmyk.has_value() || !color.spot.empty();
}

ColorTable::ColorTable(const std::vector<core::Color>& colors) {
  std::set<RgbKey> taken;
  // RGB-only colours first: they cannot move, so press colours make way for them.
  for (const auto& c : colors)
    if (!has_press_values(c)) taken.insert(key_of(c.rgb));
  std::vector<core::Color> press;
  for (const auto& c : colors)
    if (has_press_values(c)) press.push_back(c);
  std::sort(press.begin(), press.end(), identity_less);
  press.erase(std::unique(press.begin(), press.end(),
                          [](const auto& a, const auto& b) { return identity(a) == identity(b); }),
              press.end());
  for (auto c : press) {
    const RgbKey key = free_key(key_of(c.rgb), taken);
    taken.insert(key);
    c.alpha = 1.0;
    by_key_.emplace(key, c);
  }
}

core::Rgb ColorTable::draw_rgb(const core::Color& color) const {
  if (!has_press_values(color)) return color.rgb;
  for (const auto& [key, c] : by_key_)
    if (identity(c) == identity(color)) return rgb_of(key);
  return color.rgb;  // not in the table: drawn as it is and converted through the profile
}

const core::Color* ColorTable::find(const core::Rgb& written) const {
  auto it = by_key_.find(key_of(written));
  return it == by_key_.end() ? nullptr : &it->second;
}

const core::Color* ColorTable::find_spot(const std::string& name) const {
  for (const auto& [key, c] : by_key_)
    if (c.spot == name) return &c;
  return nullptr;
}

std::vector<std::string> ColorTable::spot_names() const {
  std::set<std::string> names;
  for (const auto& [key, c] : by_key_)
    if (!c.spot.empty()) names.insert(c.spot);
  return {names.begin(), names.end()};
}

}  // namespace broadside::prepress
