// vt_file.hpp — `--vt FILE`: the PDFs a data merge wrote, in job order, gathered into one file
// for a variable-data press (prepress/vt_document), written atomically or not at all.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>

#include "batch/manifest.hpp"
#include "batch/runner.hpp"
#include "core/diagnostic.hpp"
#include "core/options.hpp"
#include "prepress/vt_document.hpp"

namespace broadside::batch {

struct VtFile {
  int records = 0, pages = 0;
  prepress::VtConformance conformance = prepress::VtConformance::none;
  /// The file's size, and the sum of the records' own PDFs it was made from.
  std::uintmax_t bytes = 0, record_bytes = 0;
  size_t shared_objects = 0;
  /// Pages drawing the end of their content, the same on every record, from a shared form.
  size_t shared_forms = 0;
};

/// Writes `file` from the run's PDFs, one record per job in job order, each record's values
/// (the job's variables) as its document part metadata. nullopt after reporting why not: the run
/// was interrupted or a job failed (the file holds every record or none), a job wrote no PDF or
/// more than one, or a record's PDF cannot be read or joined to the others. Nothing is left at
/// `file` then.
std::optional<VtFile> write_vt_file(const std::filesystem::path& file, const RunSummary& summary,
                                    const Manifest& manifest, const core::Options& options,
                                    core::Diagnostics& diags);

/// "PDF/VT-1 (over PDF/X-4)" or "PDF with one document part per record (not PDF/VT: the
/// records are not PDF/X-4)", for the line the CLI prints.
const char* describe(prepress::VtConformance conformance);

}  // namespace broadside::batch
