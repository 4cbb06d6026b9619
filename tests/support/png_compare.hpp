// png_compare.hpp — golden image comparison with a stated tolerance, and a side-by-side picture
// (expected | difference | actual) when it fails.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace broadside::testing {

struct Image {
  int width = 0, height = 0;
  std::vector<uint8_t> rgb;  // 3 bytes per pixel, row-major
};

std::optional<Image> load_png(const std::filesystem::path& file);
void save_png(const std::filesystem::path& file, const Image& image);

/// A pixel differs when any channel differs by more than this.
inline constexpr int kChannelTolerance = 2;
/// A golden case passes when at most this fraction of pixels differ (0.05 %).
inline constexpr double kMaxDifferingFraction = 0.0005;

struct Comparison {
  bool same_size = false;
  size_t differing = 0;
  double fraction = 1.0;
  bool passes() const { return same_size && fraction <= kMaxDifferingFraction; }
};

Comparison compare(const Image& expected, const Image& actual);

/// expected | difference (red where pixels differ) | actual.
Image side_by_side(const Image& expected, const Image& actual);

}  // namespace broadside::testing
