// report.hpp — what a preflight found: findings that name the page and the object, and for every
// check whether it passed, failed, warned, or could not run (and why).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/geometry.hpp"
#include "core/print_sizes.hpp"

namespace broadside::preflight {

using core::Pt;

/// The print-shop numbers (shared/notes/anchors.md, print-shop checklist); each can be changed.
struct Limits {
  /// Total area coverage, C + M + Y + K, in %.
  double ink = 300;
  Pt min_text = core::kMinPrintTypeSize;
  /// Light text on a darker ground (knocked out of the ink) fills in sooner.
  Pt min_reversed_text = core::kMinPrintReversedTypeSize;
  Pt min_rule{0.25};
  /// Text, QR codes and logos stay this far inside the trim, and this far from a fold.
  Pt safe_zone = core::from_mm(3);
  /// Image resolution at its printed size: below `good_ppi` a warning, below `min_ppi` an error.
  double good_ppi = 300, min_ppi = 150;
};

/// The checks, in the order reports list them.
enum class Check {
  /// The file itself: readable without repair, with pages, printing allowed, content walked.
  file,
  boxes,
  fonts,
  color,
  ink,
  overprint,
  registration,
  text_size,
  rules,
  safe_zone,
  folds,
  images,
  glyphs,
  overflow,
  pdfx
};

/// The last check, for loops over all of them.
inline constexpr Check kLastCheck = Check::pdfx;

/// "boxes", "text-size", ... (the JSON id) and the one-line description.
std::string check_id(Check check);
std::string check_title(Check check, const Limits& limits);

struct Finding {
  core::Severity severity = core::Severity::error;
  Check check = Check::boxes;
  /// 1-based; 0 for the whole document.
  int page = 0;
  /// What is at fault: "text “Join and support…”", "font ABCDEF+Inter-Bold", "image object 12".
  std::string object;
  std::string message;
  /// Where, in points from the page's trim top-left, for the proof; none for document-wide.
  std::optional<core::Rect> rect;
  /// What was measured and the limit it broke, in `unit` ("pt", "mm", "%", "ppi"), for the
  /// JSON report; unset when the finding is not a measure.
  std::optional<double> value, limit;
  std::string unit;
  /// The design's frame it concerns, when the finding comes from the composition and the frame
  /// is known.
  core::SourceLocation where;
};

enum class Status { passed, warned, failed, skipped };

class Report {
 public:
  explicit Report(Limits limits = {}) : limits_(limits) {}

  const Limits& limits() const { return limits_; }
  void add(Finding finding) { findings_.push_back(std::move(finding)); }
  /// Marks a check as run; `note` says how ("from the composition's colours").
  void ran(Check check, std::string note = {});
  /// Marks a check as not run, and why ("needs --design").
  void skip(Check check, std::string why);

  const std::vector<Finding>& findings() const { return findings_; }
  /// Run or skipped checks, in Check order, with their status.
  struct Line {
    Check check;
    Status status;
    std::string note;
  };
  std::vector<Line> summary() const;
  bool passed() const;
  bool has_warnings() const;

  /// The run stopped before its checks (the file is not a readable PDF, the design cannot be
  /// laid out): every check is marked not run, and the JSON says why as "error".
  void stop(std::string error);
  const std::string& error() const { return error_; }

  /// "page 2: error: [text-size] text “…”: 5.5pt is below 6pt" for each finding, then the table.
  std::string text(const std::string& file) const;
  std::string json(const std::string& file) const;

 private:
  Limits limits_;
  std::vector<Finding> findings_;
  std::vector<std::pair<Check, std::string>> ran_, skipped_;
  std::string error_;
};

/// One finding as a one-line message: "page 2, text “…”: 5.5pt is below the 6pt minimum";
/// with `alike` others of the same page, check and message, "… (and 41 more like it)".
std::string describe(const Finding& finding, size_t alike = 0);

/// A finding and how many later ones say the same of other objects (the same severity, check,
/// page and message): a design set in too small a type fails every line of it, which is one
/// problem to a reader of the report.
struct AlikeFindings {
  const Finding* first;
  size_t more;
};
/// `findings` grouped so, in the order of each group's first finding.
std::vector<AlikeFindings> group_alike(const std::vector<Finding>& findings);

}  // namespace broadside::preflight
