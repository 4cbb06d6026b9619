// paths.cpp — locating bundled data.
#include "batch/paths.hpp"

#include <cstdlib>
#include <system_error>

namespace broadside::batch {

namespace fs = std::filesystem;

namespace {

bool holds_data(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / "designs", ec) && fs::exists(dir / "fonts" / "broadside.conf", ec);
}

}  // namespace

fs::path data_dir() {
  if (const char* env = std::getenv("BROADSIDE_DATA"); env && *env) return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    // Installed: PREFIX/bin/broadside reads PREFIX/share/broadside (the path between the two
    // comes from the install layout), wherever the prefix was moved to.
    const fs::path installed = (exe.parent_path() / BROADSIDE_RELATIVE_DATA_DIR).lexically_normal();
    if (holds_data(installed)) return installed;
    // A build tree: the source folder above it.
    for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path();
         dir = dir.parent_path())
      if (holds_data(dir)) return dir;
  }
  return BROADSIDE_DATA_DIR;
}

fs::path resolve_design(const std::string& name_or_path, const core::Options& options) {
  const fs::path given(name_or_path);
  if (name_or_path.find('/') != std::string::npos || given.extension() == ".yaml" ||
      given.extension() == ".yml")
    return given;
  return options.data_dir / "designs" / (name_or_path + ".yaml");
}

fs::path font_config(const core::Options& options) {
  return options.data_dir / "fonts" / "broadside.conf";
}

fs::path sample_statement(const core::Options& options) {
  return options.data_dir / "content" / "statement.en.md";
}

}  // namespace broadside::batch
