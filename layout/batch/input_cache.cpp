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
  const auto bytes = core::read_file(file, options_.limits, d.diags);
  if (!bytes) return d;
  if (auto parsed = design::parse_design(*bytes, file, options_, d.diags, lang)) {
    d.fingerprint = design_fingerprint(*bytes, *parsed, options_.limits);
    d.design = std::make_shared<const design::Design>(std::move(*parsed));
  }
  return d;
}

const LoadedStatement& InputCache::statement(const fs::path& file) {
  auto [it, is_new] = statements_.try_emplace(file);
  LoadedStatement& s = it->second;
  if (!is_new) return s;
  const auto bytes = core::read_file(file, options_.limits, s.diags);
  if (!bytes) return s;
  if (auto parsed = content::parse_statement(*bytes, file, options_, s.diags)) {
    s.fingerprint = sha256_hex(*bytes);
    s.document = std::make_shared<const content::Document>(std::move(*parsed));
  }
  return s;
}

}  // namespace broadside::batch
