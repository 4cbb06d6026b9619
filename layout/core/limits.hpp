// limits.hpp — hard limits on what one input may demand, each with a default, an override
// (--limit NAME=N or BROADSIDE_LIMIT_NAME=N) and a name the error message gives.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace broadside::core {

/// Every limit broadside enforces. Inputs come from many hands (designers, translators, branch
/// spreadsheets) and batches run unattended: none of them may exhaust memory or time.
enum class Limit {
  file_bytes,       // any one input file: design, statement, data, vars, manifest, image
  statement_bytes,  // one statement
  list_items,       // items in one list of a statement's front matter or a vars file (demands)
  paragraphs,       // paragraphs, headings, list items and quotes in one statement's body
  paragraph_bytes,  // one paragraph, heading, list item or quote, or one front matter value
  yaml_depth,       // nesting of maps and lists in any YAML input
  yaml_nodes,       // values in a YAML input once its aliases are expanded ("billion laughs")
  pages,            // pages a design may have or ask for (max-pages)
  frames,           // frames in one design, stack members included
  jobs,             // jobs in one batch or `render --data` run
  image_pixels,     // width × height of one raster image in a design
  png_pixels,       // width × height of one PNG page written
  fit_steps,        // sizes one fitted size range may try (each fit is a binary search)
  job_seconds,      // wall-clock time one job of a batch may take
};

/// How many limits there are.
inline constexpr size_t kLimitCount = static_cast<size_t>(Limit::job_seconds) + 1;

struct LimitInfo {
  Limit id;
  /// As written on the command line: "yaml-depth".
  const char* name;
  std::int64_t default_value;
  /// What is counted, for messages and --help: "nesting levels".
  const char* unit;
};

/// Every limit, in the order above.
std::span<const LimitInfo> limit_table();

/// "yaml-depth".
std::string limit_name(Limit which);

/// The hint every limit error carries: "raise it with --limit yaml-depth=N or
/// BROADSIDE_LIMIT_YAML_DEPTH=N".
std::string limit_hint(Limit which);

/// The value of every limit for one run: the defaults, changed by the environment and by
/// --limit. A plain value, carried in core::Options: whoever checks a limit reads the run's
/// own value, never a process-wide one.
class Limits {
 public:
  /// Every limit at its default.
  Limits();

  /// The limit's value.
  std::int64_t operator[](Limit which) const { return values_[static_cast<size_t>(which)]; }

  /// Applies "name=value" (value a whole number > 0, with an optional K, M or G suffix for
  /// 1024-multiples); returns an error message, or "" when it was applied.
  std::string set(std::string_view assignment);

  /// Applies every BROADSIDE_LIMIT_* variable of the environment; one message per bad one
  /// (which is ignored).
  std::vector<std::string> set_from_environment();

  /// "over the yaml-depth limit of 64 nesting levels": every limit error names its limit.
  std::string over(Limit which) const;

 private:
  std::array<std::int64_t, kLimitCount> values_{};
};

}  // namespace broadside::core
