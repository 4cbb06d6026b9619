// output_names.hpp — file names made from output patterns ("{design}/{lang}/{branch.name}.pdf"):
// values are sanitised so that no value can name a folder, climb out of one, or hide a file.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/variables.hpp"

namespace broadside::batch {

/// Longest piece of a file name a value may become, in bytes: far under the 255 of common file
/// systems, leaving room for the pattern's own text, "-12" page numbers and temporary names.
inline constexpr size_t kMaxNamePartBytes = 100;

/// A value as part of one file name: '/' and '\' become '-', as do characters Windows forbids
/// (<>:"|?*); NUL and other control characters, invalid UTF-8 and leading or trailing dots and
/// spaces go; runs of spaces become one; the result is cut to kMaxNamePartBytes. Never empty,
/// never "." or "..": an empty result is "_".
std::string sanitize_name_part(std::string_view value);

/// Looks a pattern variable up; nullptr when it has no value.
using NameLookup = std::function<const core::Value*(const std::string&)>;

struct ExpandedName {
  std::filesystem::path path;
  /// Empty when it worked; else what went wrong ("variable 'branch.name' is not set").
  std::string error;
};

/// The pattern with its {variables} filled in, each value sanitised; `{{`, `}}` are braces.
ExpandedName expand_output_pattern(std::string_view pattern, const NameLookup& lookup);

/// For patterns that must stay inside an output folder (batch manifests): an error message when
/// `pattern` is absolute or has a ".." part, else empty. Values cannot add either once
/// sanitised, so checking the pattern's own text is enough.
std::string check_confined_pattern(std::string_view pattern);

/// name.png for a one-page output; name-1.png, name-2.png, … for `pages` pages (`page` from 0).
std::filesystem::path page_path(const std::filesystem::path& path, size_t page, size_t pages);

}  // namespace broadside::batch
