// contact_sheet.hpp — one PNG or PDF of labelled thumbnails of every output of a batch run, so a
// person can check a whole campaign at a glance (`broadside batch … --contact-sheet FILE`).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "batch/manifest.hpp"
#include "batch/runner.hpp"
#include "batch/session.hpp"
#include "core/diagnostic.hpp"

namespace broadside::batch {

struct ContactSheetOptions {
  /// The run's --out: tiles are grouped by their folder relative to it.
  std::filesystem::path out_dir;
  /// What the sheet's heading names: the manifest's file name.
  std::string title;
  /// The part of the jobs the run did ("2/4"); empty for a whole run.
  std::string shard;
  /// Threads making thumbnails; 0: one per hardware thread.
  int threads = 0;
};

/// Whether `file` names a contact sheet broadside can write (.png or .pdf).
bool is_contact_sheet_format(const std::filesystem::path& file);

/// Draws the sheet of `summary` (whose jobs are among `jobs`) and writes it to every file of
/// `files`, each atomically: a PDF with one page per sheet, a PNG per sheet (`name.png`, or
/// `name-1.png`, `name-2.png`, … when a run needs several). A tile shows each document's first
/// page, read from its PNG when the job wrote one, else composed again from the job's inputs
/// (skipped jobs included); a failed job shows its first error. Returns the files written; a
/// file that cannot be written is reported in `diags`.
std::vector<std::filesystem::path> write_contact_sheet(
    const std::vector<std::filesystem::path>& files, const RunSummary& summary,
    const std::vector<PlannedJob>& jobs, const ContactSheetOptions& options,
    std::shared_ptr<const Session> session, core::Diagnostics& diags);

}  // namespace broadside::batch
