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

/// A pixel differs when any channel differs by more than this: rounding in anti-aliasing, not a
/// colour anyone could see.
inline constexpr int kChannelTolerance = 2;
/// A page passes when at most this many pixels differ. A count, not a share of the page: a
/// glyph covers as many pixels on a poster as on a leaflet. One wrong letter of 9pt body text
/// at 72 dpi changes 12 to 35 pixels even when it is as wide as the right one (b for d; see
/// golden_test.cpp), so it always fails; rendering here is exact, so 4 leaves room only for a
/// stray rounding difference on another machine.
inline constexpr size_t kMaxDifferingPixels = 4;

struct Comparison {
  bool same_size = false;
  size_t differing = 0;
  double fraction = 1.0;
  bool passes() const { return same_size && differing <= kMaxDifferingPixels; }
};

Comparison compare(const Image& expected, const Image& actual);

/// expected | difference (red where pixels differ) | actual.
Image side_by_side(const Image& expected, const Image& actual);

}  // namespace broadside::testing
