// hyphen_loader.hpp — reads a libhyphen pattern file (.dic) into libhyphen's own structures, in
// milliseconds where hnj_hyphen_load takes seconds (German), for libhyphen's matcher to use.
#pragma once

#include <hyphen.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace broadside::text {

/// A loaded dictionary: libhyphen's HyphenDict (both levels, linked by `nextlevel`) and the
/// storage its pointers point into. Its states, transitions, matches and fallbacks are exactly
/// what hnj_hyphen_load builds from the same file, numbered the same way. Owned here:
/// hnj_hyphen_free must never see it.
class HyphenPatterns {
 public:
  struct Level;
  HyphenPatterns(std::unique_ptr<Level> top, std::unique_ptr<Level> next);
  ~HyphenPatterns();
  HyphenPatterns(const HyphenPatterns&) = delete;
  HyphenPatterns& operator=(const HyphenPatterns&) = delete;

  /// For hnj_hyphen_hyphenate2/3, which take a non-const pointer but only read through it.
  HyphenDict* dict() const;

 private:
  std::unique_ptr<Level> top_;
  std::unique_ptr<Level> next_;
};

struct HyphenLoad {
  std::unique_ptr<HyphenPatterns> patterns;  // nullptr when `error` says why
  std::string error;
};

/// Reads `file` as hnj_hyphen_load would. Fails (never crashes) on a file that cannot be read,
/// and on one libhyphen would load but whose matcher would then write outside its buffers: an
/// empty NOHYPHEN entry, a digit before a leading '.', a replacement pattern whose index or
/// cut lies outside the pattern.
HyphenLoad load_hyphen_patterns(const std::filesystem::path& file);

/// The same from the file's bytes.
HyphenLoad parse_hyphen_patterns(std::string_view bytes);

}  // namespace broadside::text
