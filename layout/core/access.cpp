// access.cpp — confinement of design-relative reads, by resolved path prefix.
#include "core/access.hpp"

namespace broadside::core {

namespace fs = std::filesystem;

namespace {

bool is_inside(const fs::path& file, const fs::path& dir) {
  auto f = file.begin();
  for (auto d = dir.begin(); d != dir.end(); ++d, ++f) {
    if (d->empty()) continue;  // a trailing separator
    if (f == file.end() || *f != *d) return false;
  }
  return true;
}

}  // namespace

fs::path resolve_folder(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  if (ec) return p.lexically_normal();
  fs::path r = fs::weakly_canonical(abs, ec);
  return ec ? abs.lexically_normal() : r;
}

bool is_readable_from(const fs::path& file, const fs::path& folder,
                      const std::vector<fs::path>& allowed) {
  const fs::path f = resolve_folder(file);
  if (is_inside(f, resolve_folder(folder.empty() ? fs::path(".") : folder))) return true;
  for (const auto& dir : allowed)
    if (is_inside(f, dir)) return true;
  return false;
}

}  // namespace broadside::core
