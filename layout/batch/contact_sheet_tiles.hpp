// contact_sheet_tiles.hpp — what a contact sheet shows: one tile per document a run made (its
// PDF, PNG and SVG of the same name are one document) and one per job that failed, in sections
// by output folder.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "batch/manifest.hpp"
#include "batch/runner.hpp"

namespace broadside::batch {

enum class TileState { written, current, failed };

struct SheetTile {
  TileState state = TileState::written;
  /// The folder its files are in, relative to --out ("poster-meeting-a3/en"); "" for the
  /// folder itself. Failed jobs have their own section.
  std::string section;
  /// The file name without its extension ("Oakland & East Bay"), or for a failed job what it
  /// was (design and statement).
  std::string title;
  /// "row 4 · PDF PNG · 2 pages · up to date", or for a failed job "job 7 · row 4".
  std::string detail;
  /// A failed job's first error.
  std::string problem;
  /// A PNG of the first page, when the job wrote one; else the document is composed again.
  std::filesystem::path png;
  /// The job that made it (to compose it again); null for a failed job.
  const PlannedJob* job = nullptr;
};

struct SheetSection {
  std::string name;
  /// The section of failed jobs, shown first and in red.
  bool failures = false;
  std::vector<SheetTile> tiles;
};

/// The tiles of a run's jobs, failed ones first, then one section per output folder in the
/// order the jobs first wrote to it. `jobs` is the expansion the run was given.
std::vector<SheetSection> collect_tiles(const RunSummary& summary,
                                        const std::vector<PlannedJob>& jobs,
                                        const std::filesystem::path& out_dir);

}  // namespace broadside::batch
