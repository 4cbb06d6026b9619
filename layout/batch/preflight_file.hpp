// preflight_file.hpp — `broadside preflight FILE`: a PDF's own checks and, given the design it
// was made with, the checks that need the layout (laid out again and matched to the file);
// proof images with the guides and findings drawn over each page.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "batch/session.hpp"
#include "core/diagnostic.hpp"
#include "core/variables.hpp"
#include "preflight/report.hpp"
#include "prepress/pdf_inspect.hpp"

namespace broadside::batch {

struct PreflightRequest {
  std::filesystem::path file;
  /// The design it was made with (a bundled name or a .yaml file); empty: the file's own
  /// checks only.
  std::string design;
  /// With a design: the statement (empty: the bundled one) and the variables it was set with.
  std::string content;
  core::Variables variables;
  preflight::Limits limits;
};

struct PreflightResult {
  preflight::Report report;
  /// What the file says for itself.
  prepress::PdfInspection inspection;
  /// Per page of the layout, where it folds (empty without a design): the proofs draw them.
  std::vector<std::vector<core::Pt>> folds;
};

/// Preflights `request.file`; nullopt after reporting what stopped it: the file cannot be read,
/// or the design cannot be laid out or is not the one the file was made from. The font set is
/// loaded only when there is a design to lay out.
std::optional<PreflightResult> preflight_file(const PreflightRequest& request,
                                              const core::Options& options,
                                              core::Diagnostics& diags);

/// The report of a preflight that `preflight_file` stopped, for `--json`: no check run, and
/// the first error in `diags` (its message, without the file name) as the reason.
preflight::Report stopped_report(const PreflightRequest& request, const core::Diagnostics& diags);

/// Writes a proof PNG per page of `file` at `dpi` to `proof` (`name-1.png`, `name-2.png`, …
/// when there are several) and returns the files written; a file that cannot be written is
/// reported in `diags`.
std::vector<std::filesystem::path> write_proofs(const std::filesystem::path& file,
                                                const PreflightResult& result,
                                                const std::filesystem::path& proof, int dpi,
                                                core::Diagnostics& diags);

/// Writes one greyscale PNG per plate of each page of `file` into `dir` (made if missing):
/// `p1-Cyan.png`, `p1-Black.png`, `p2-PANTONE 485 C.png`, …, dark where the plate prints; returns
/// the files written; what cannot be written is reported in `diags`.
std::vector<std::filesystem::path> write_separations(const std::filesystem::path& file,
                                                     const PreflightResult& result,
                                                     const std::filesystem::path& dir, int dpi,
                                                     core::Diagnostics& diags);

}  // namespace broadside::batch
