// library.hpp — the designs and statements a long-running process (broadside serve) offers, found
// by name in the folders it was given, each read once and read again only when its file changes.
// Thread-safe: every request of the web server shares one.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "batch/input_cache.hpp"
#include "core/geometry.hpp"
#include "core/options.hpp"

namespace broadside::batch {

/// One declared variable of a design, as a form shows it.
struct VariableInfo {
  std::string name;
  /// The design's default ("" when it has none), list items joined with ", ".
  std::string default_value;
  /// Characters allowed; 0 = no limit.
  int max_length = 0;
  /// "text", "date" or "weekday-date" (both dates are written YYYY-MM-DD).
  std::string format = "text";
};

struct DesignInfo {
  /// The file's name without .yaml: what requests name it by.
  std::string name;
  std::string title;
  core::Size trim;
  core::Pt bleed{0};
  /// Pages it always has; `repeats` when a repeated page adds more while text remains.
  size_t pages = 0;
  bool repeats = false;
  std::vector<VariableInfo> variables;
  /// The formats it is made in by default: "pdf", "png".
  std::vector<std::string> formats;
  std::filesystem::path file;
};

struct StatementInfo {
  /// The file's name without its extension (.md, .txt): "statement.en".
  std::string name;
  std::string lang;
  std::string headline;
  std::filesystem::path file;
};

class Library {
 public:
  /// Designs (*.yaml) and statements (*.md, *.txt) directly inside the folders given; a name
  /// found in two folders is the first folder's. `options` must outlive the library.
  Library(const core::Options& options, std::vector<std::filesystem::path> design_dirs,
          std::vector<std::filesystem::path> content_dirs);

  const core::Options& options() const { return options_; }

  /// Every design that can be read, by name; those that cannot are reported in `diags`.
  std::vector<DesignInfo> designs(core::Diagnostics& diags);
  std::vector<StatementInfo> statements(core::Diagnostics& diags);

  /// Every design's and statement's name, whether it can be read or not.
  std::vector<std::string> design_names() const;
  std::vector<std::string> statement_names() const;

  /// The file of the design or statement called `name`; nullopt when there is none. Names are
  /// matched against the folders' listings, never joined to a folder: "../x" finds nothing.
  std::optional<std::filesystem::path> find_design(const std::string& name) const;
  std::optional<std::filesystem::path> find_statement(const std::string& name) const;

  /// The design read for `lang` (its `scripts:` changes); read again when its file changed.
  std::shared_ptr<const LoadedDesign> design(const std::filesystem::path& file,
                                             const std::string& lang);
  std::shared_ptr<const LoadedStatement> statement(const std::filesystem::path& file);

 private:
  /// What tells a changed file from the one read: its modification time and size.
  struct Stamp {
    std::filesystem::file_time_type time;
    std::uintmax_t size = 0;
    bool operator==(const Stamp&) const = default;
  };
  static Stamp stamp_of(const std::filesystem::path& file);
  std::map<std::string, std::filesystem::path> listing(
      const std::vector<std::filesystem::path>& dirs, const std::vector<std::string>& exts) const;

  const core::Options& options_;
  std::vector<std::filesystem::path> design_dirs_, content_dirs_;
  std::mutex mutex_;
  struct DesignSlot {
    Stamp stamp;
    std::vector<std::filesystem::path> included;
    std::vector<Stamp> included_stamps;
    std::shared_ptr<const LoadedDesign> loaded;
  };
  std::map<std::pair<std::filesystem::path, std::string>, DesignSlot> designs_;
  std::map<std::filesystem::path, std::pair<Stamp, std::shared_ptr<const LoadedStatement>>>
      statements_;
};

}  // namespace broadside::batch
