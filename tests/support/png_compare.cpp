// png_compare.cpp — libpng reading/writing and per-pixel comparison.
#include "png_compare.hpp"

#include <png.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace broadside::testing {

std::optional<Image> load_png(const std::filesystem::path& file) {
  png_image img{};
  img.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&img, file.c_str())) return std::nullopt;
  img.format = PNG_FORMAT_RGB;
  Image out;
  out.width = static_cast<int>(img.width);
  out.height = static_cast<int>(img.height);
  out.rgb.resize(PNG_IMAGE_SIZE(img));
  if (!png_image_finish_read(&img, nullptr, out.rgb.data(), 0, nullptr)) return std::nullopt;
  return out;
}

void save_png(const std::filesystem::path& file, const Image& image) {
  png_image img{};
  img.version = PNG_IMAGE_VERSION;
  img.width = static_cast<png_uint_32>(image.width);
  img.height = static_cast<png_uint_32>(image.height);
  img.format = PNG_FORMAT_RGB;
  std::filesystem::create_directories(file.parent_path());
  png_image_write_to_file(&img, file.c_str(), 0, image.rgb.data(), 0, nullptr);
}

Comparison compare(const Image& expected, const Image& actual) {
  Comparison c;
  c.same_size = expected.width == actual.width && expected.height == actual.height;
  if (!c.same_size) return c;
  for (size_t i = 0; i + 2 < expected.rgb.size(); i += 3) {
    for (int k = 0; k < 3; ++k) {
      if (std::abs(expected.rgb[i + k] - actual.rgb[i + k]) > kChannelTolerance) {
        ++c.differing;
        break;
      }
    }
  }
  const double pixels = static_cast<double>(expected.width) * expected.height;
  c.fraction = pixels > 0 ? static_cast<double>(c.differing) / pixels : 0;
  return c;
}

Image side_by_side(const Image& expected, const Image& actual) {
  const int w = std::max(expected.width, actual.width),
            h = std::max(expected.height, actual.height);
  Image out;
  out.width = w * 3;
  out.height = h;
  out.rgb.assign(static_cast<size_t>(out.width) * h * 3, 255);
  auto px = [](const Image& img, int x, int y) -> const uint8_t* {
    if (x >= img.width || y >= img.height) return nullptr;
    return &img.rgb[(static_cast<size_t>(y) * img.width + x) * 3];
  };
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const uint8_t* e = px(expected, x, y);
      const uint8_t* a = px(actual, x, y);
      uint8_t* dst_e = &out.rgb[(static_cast<size_t>(y) * out.width + x) * 3];
      uint8_t* dst_d = dst_e + static_cast<size_t>(w) * 3;
      uint8_t* dst_a = dst_d + static_cast<size_t>(w) * 3;
      if (e) std::copy(e, e + 3, dst_e);
      if (a) std::copy(a, a + 3, dst_a);
      bool differs = !e || !a;
      for (int k = 0; !differs && k < 3; ++k) differs = std::abs(e[k] - a[k]) > kChannelTolerance;
      const uint8_t grey = e ? static_cast<uint8_t>(200 + (e[0] + e[1] + e[2]) / 3 / 5) : 255;
      dst_d[0] = differs ? 255 : grey;
      dst_d[1] = differs ? 0 : grey;
      dst_d[2] = differs ? 0 : grey;
    }
  }
  return out;
}

}  // namespace broadside::testing
