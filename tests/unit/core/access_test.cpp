// access_test.cpp — designs read files inside their folder, or inside --allow-path folders.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "core/access.hpp"

using namespace broadside::core;
namespace fs = std::filesystem;

TEST_CASE("inside the folder yes; outside, through '..' or a symbolic link, no") {
  const fs::path root = fs::temp_directory_path() / "broadside-access-test";
  fs::remove_all(root);
  fs::create_directories(root / "design" / "img");
  fs::create_directories(root / "other");
  std::ofstream(root / "other" / "secret.png") << "x";
  fs::create_directory_symlink(root / "other", root / "design" / "link");
  const fs::path design = root / "design";
  CHECK(is_readable_from(design / "img" / "logo.svg", design));
  CHECK(is_readable_from(design / "img" / ".." / "logo.svg", design));
  CHECK_FALSE(is_readable_from(design / ".." / "other" / "secret.png", design));
  CHECK_FALSE(is_readable_from(design / "link" / "secret.png", design));
  CHECK_FALSE(is_readable_from("/etc/passwd", design));
  CHECK_FALSE(is_readable_from(root / "designer" / "x.png", design));  // a prefix, not a folder
  allow_path(root / "other");
  CHECK(is_readable_from(design / "link" / "secret.png", design));
  CHECK(is_readable_from(root / "other" / "secret.png", design));
  CHECK_FALSE(is_readable_from("/etc/passwd", design));
  fs::remove_all(root);
}
