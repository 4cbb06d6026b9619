// catalogue.hpp — what broadside has to offer, for `broadside designs` and `broadside fonts`:
// the bundled designs, the font families and the characters of a statement no font covers.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "batch/session.hpp"
#include "core/diagnostic.hpp"
#include "core/geometry.hpp"

namespace broadside::batch {

struct DesignEntry {
  std::string name;
  /// One line about it, from its `about:`.
  std::string about;
  core::Size trim;
  /// Pages it always has; `repeats` when a repeated page adds more while text remains.
  size_t pages = 0;
  bool repeats = false;
};

/// Every bundled design (options.data_dir/designs), by file name; designs that cannot be read
/// are left out and reported in `diags`.
std::vector<DesignEntry> bundled_designs(const core::Options& options, core::Diagnostics& diags);

struct FontFamily {
  std::string family;
  /// "Bold", "Regular", ..., sorted.
  std::vector<std::string> styles;
  /// ISO 15924 codes of the scripts it can set.
  std::vector<std::string> scripts;
};

/// The session's font set by family, sorted by name.
std::vector<FontFamily> font_families(const Session& session);

struct UncoveredCharacter {
  char32_t character = 0;
  /// The first place it occurs: "statement.md:3:1".
  std::string where;
};

/// Every character of the statement `content` that no font of the set has (not spaces, control
/// or format characters), once each, at its first place; nullopt when the statement cannot be
/// read (reported).
std::optional<std::vector<UncoveredCharacter>> uncovered_characters(
    const Session& session, const std::filesystem::path& content, core::Diagnostics& diags);

/// What `fonts --check CONTENT --design D` reports: the statement's characters the design's
/// faces cannot set, found by composing the job exactly as `render` would (a dry run), as the
/// located errors render prints. nullopt when it never got as far as composing (the design or
/// statement is wrong: reported in `diags`).
std::optional<std::vector<core::Diagnostic>> design_coverage_problems(
    const std::shared_ptr<const Session>& session, const std::string& design,
    const std::filesystem::path& content, core::Diagnostics& diags);

}  // namespace broadside::batch
