// rich_text.hpp — UTF-8 text with inline style runs (emphasis, strong, links): never markup,
// so a '<' or '&' in a statement or a variable is always printed as it is.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace broadside::core {

/// Inline styling of the byte range [start, end) of a RichText.
struct StyleRun {
  size_t start = 0;
  size_t end = 0;
  bool emphasis = false;
  bool strong = false;
  bool code = false;
  /// Target of a link ("https://socialism2020.org"); empty when the run is not a link.
  std::string link;
  friend bool operator==(const StyleRun&, const StyleRun&) = default;
};

struct RichText {
  std::string text;
  /// Non-overlapping, sorted by start; bytes outside every run are plain.
  std::vector<StyleRun> runs;

  static RichText plain(std::string s) { return RichText{std::move(s), {}}; }
  bool empty() const { return text.empty(); }
  /// Appends `other`, shifting its runs.
  void append(const RichText& other);
  void append(const std::string& plain_text) { text += plain_text; }
  /// Its first `end` bytes, with the runs that start in them (cut at `end`).
  RichText prefix(size_t end) const;
  friend bool operator==(const RichText&, const RichText&) = default;
};

}  // namespace broadside::core
