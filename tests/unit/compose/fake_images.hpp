// fake_images.hpp — image sizes for compose tests without image files: a size per file name,
// and core::Failure for any other name, as an unreadable file gives.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "compose/images.hpp"
#include "core/diagnostic.hpp"

namespace broadside::testing {

class FakeImages final : public compose::ImageMeasurer {
 public:
  std::map<std::string, compose::ImageSize> sizes;

  compose::ImageSize measure(const std::filesystem::path& file) override {
    const auto it = sizes.find(file.filename().string());
    if (it == sizes.end())
      throw core::Failure(core::SourceLocation{file.string()}, "cannot read the file");
    return it->second;
  }
};

}  // namespace broadside::testing
