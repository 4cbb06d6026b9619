// input_cache.hpp — designs and statements read once per run, however many jobs use them, with
// the fingerprints of their bytes. Shared read-only by the worker threads.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "content/document.hpp"
#include "core/diagnostic.hpp"
#include "core/options.hpp"
#include "design/design.hpp"

namespace broadside::batch {

struct LoadedDesign {
  std::shared_ptr<const design::Design> design;  // null when it could not be read
  /// The files it includes (palettes, font classes), whether it could be read or not.
  std::vector<std::filesystem::path> included;
  std::string fingerprint;
  core::Diagnostics diags;
};

struct LoadedStatement {
  std::shared_ptr<const content::Document> document;  // null when it could not be read
  std::string fingerprint;
  core::Diagnostics diags;
};

/// Not thread-safe: filled before the workers start.
class InputCache {
 public:
  /// Files are read and resolved under `options`, which must outlive the cache.
  explicit InputCache(const core::Options& options) : options_(options) {}

  /// A design is resolved for a language (its `scripts:` changes), so it is read once per
  /// language that uses it.
  const LoadedDesign& design(const std::filesystem::path& file, const std::string& lang);
  const LoadedStatement& statement(const std::filesystem::path& file);

 private:
  const core::Options& options_;
  std::map<std::pair<std::filesystem::path, std::string>, LoadedDesign> designs_;
  std::map<std::filesystem::path, LoadedStatement> statements_;
};

}  // namespace broadside::batch
