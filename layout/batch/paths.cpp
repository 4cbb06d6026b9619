// paths.cpp — locating bundled data.
#include "batch/paths.hpp"

#include <cstdlib>
#include <system_error>

namespace broadside::batch {

namespace fs = std::filesystem;

fs::path data_dir() {
  if (const char* env = std::getenv("BROADSIDE_DATA"); env && *env) return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path();
         dir = dir.parent_path()) {
      if (fs::exists(dir / "designs", ec) && fs::exists(dir / "fonts" / "broadside.conf", ec))
        return dir;
    }
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
