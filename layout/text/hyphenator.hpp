// hyphenator.hpp — dictionary hyphenation (libhyphen, Debian's hyphen-* packages): where a soft
// hyphen may go in a text, never inside URLs, e-mail addresses, numbers or acronyms.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace broadside::text {

class Hyphenator {
 public:
  /// The dictionary for a BCP 47 tag ("en", "de-AT") from the pattern files in `folder`
  /// (core::Options::hyphenation_dir), loaded once per process and shared; nullptr when none is
  /// installed for the language. Only callers asking for the same language wait for its load:
  /// a French job never waits while German's dictionary loads.
  static std::shared_ptr<const Hyphenator> for_language(const std::string& lang,
                                                        const std::filesystem::path& folder);
  /// Whether for_language(lang, folder) has finished loading (and so returns at once). Loading
  /// a dictionary takes tens of milliseconds: a cold render starts it on another thread early.
  static bool is_loaded(const std::string& lang, const std::filesystem::path& folder);

  /// Public for std::make_shared; Dict is defined only in hyphenator.cpp, so only load() makes one.
  struct Dict;
  Hyphenator(std::unique_ptr<Dict> dict, std::string file);
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  /// Byte offsets into `text` at which a soft hyphen may be inserted, in increasing order.
  /// `min_left`/`min_right`: fewest letters kept before / carried after a break.
  std::vector<size_t> break_points(std::string_view text, int min_left, int min_right) const;

  /// Dictionary file, for messages.
  const std::string& file() const { return file_; }

 private:
  void hyphenate_word(std::string_view word, size_t offset, int min_left, int min_right,
                      std::vector<size_t>& out) const;

  std::unique_ptr<Dict> dict_;
  std::string file_;
};

}  // namespace broadside::text
