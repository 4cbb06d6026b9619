// access.cpp — confinement of design-relative reads, by resolved path prefix.
#include "core/access.hpp"

#include <vector>

namespace broadside::core {

namespace fs = std::filesystem;

namespace {

std::vector<fs::path>& allowed() {
  static std::vector<fs::path> dirs;
  return dirs;
}

/// The path with symbolic links and '..' resolved as far as it exists.
fs::path resolved(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  if (ec) return p.lexically_normal();
  fs::path r = fs::weakly_canonical(abs, ec);
  return ec ? abs.lexically_normal() : r;
}

bool is_inside(const fs::path& file, const fs::path& dir) {
  auto f = file.begin();
  for (auto d = dir.begin(); d != dir.end(); ++d, ++f) {
    if (d->empty()) continue;  // a trailing separator
    if (f == file.end() || *f != *d) return false;
  }
  return true;
}

}  // namespace

void allow_path(const fs::path& dir) {
  allowed().push_back(resolved(dir));
}

bool is_readable_from(const fs::path& file, const fs::path& folder) {
  const fs::path f = resolved(file);
  if (is_inside(f, resolved(folder.empty() ? fs::path(".") : folder))) return true;
  for (const auto& dir : allowed())
    if (is_inside(f, dir)) return true;
  return false;
}

}  // namespace broadside::core
