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
  const std::vector<fs::path> none;
  CHECK(is_readable_from(design / "img" / "logo.svg", design, none));
  CHECK(is_readable_from(design / "img" / ".." / "logo.svg", design, none));
  CHECK_FALSE(is_readable_from(design / ".." / "other" / "secret.png", design, none));
  CHECK_FALSE(is_readable_from(design / "link" / "secret.png", design, none));
  CHECK_FALSE(is_readable_from("/etc/passwd", design, none));
  CHECK_FALSE(is_readable_from(root / "designer" / "x.png", design, none));  // a prefix only
  const std::vector<fs::path> allowed = {resolve_folder(root / "other")};
  CHECK(is_readable_from(design / "link" / "secret.png", design, allowed));
  CHECK(is_readable_from(root / "other" / "secret.png", design, allowed));
  CHECK_FALSE(is_readable_from("/etc/passwd", design, allowed));
  // The allowed folders are the caller's, not the process's: without them, no.
  CHECK_FALSE(is_readable_from(root / "other" / "secret.png", design, none));
  fs::remove_all(root);
}
