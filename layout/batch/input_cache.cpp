// input_cache.cpp — reading each file once: its bytes feed both the parser and the fingerprint.
#include "batch/input_cache.hpp"

#include "batch/fingerprint.hpp"
#include "batch/sha256.hpp"
#include "core/atomic_file.hpp"

namespace broadside::batch {

namespace fs = std::filesystem;

const LoadedDesign& InputCache::design(const fs::path& file, const std::string& lang) {
  auto [it, is_new] = designs_.try_emplace({file, lang});
  LoadedDesign& d = it->second;
  if (!is_new) return d;
  try {
    const std::string bytes = core::read_file(file);
    if (auto parsed = design::parse_design(bytes, file, d.diags, lang)) {
      d.fingerprint = design_fingerprint(bytes, *parsed);
      d.design = std::make_shared<const design::Design>(std::move(*parsed));
    }
  } catch (const core::Failure& f) {
    d.diags.append(f.diagnostics());
  }
  return d;
}

const LoadedStatement& InputCache::statement(const fs::path& file) {
  auto [it, is_new] = statements_.try_emplace(file);
  LoadedStatement& s = it->second;
  if (!is_new) return s;
  try {
    const std::string bytes = core::read_file(file);
    if (auto parsed = content::parse_statement(bytes, file, s.diags)) {
      s.fingerprint = sha256_hex(bytes);
      s.document = std::make_shared<const content::Document>(std::move(*parsed));
    }
  } catch (const core::Failure& f) {
    s.diags.append(f.diagnostics());
  }
  return s;
}

}  // namespace broadside::batch
