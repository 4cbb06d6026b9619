// report.hpp — the end of a run: a table of what failed and why, and the JSON report
// (`--report FILE`) listing every job, its outputs, its time and its diagnostics.
#pragma once

#include <filesystem>
#include <string>

#include "batch/runner.hpp"

namespace broadside::batch {

/// What the report says about the run as a whole.
struct ReportHeader {
  std::filesystem::path manifest;
  Shard shard;
};

/// The report as JSON text (nlohmann-json), jobs in job order.
std::string report_json(const RunSummary& summary, const ReportHeader& header);

/// Writes report_json atomically; false after reporting, naming the file, why it cannot.
[[nodiscard]] bool write_report(const std::filesystem::path& file, const RunSummary& summary,
                                const ReportHeader& header, core::Diagnostics& diags);

/// "2 of 12 jobs failed:" and one row per failed job (job, design, statement, row, first
/// error); empty when none failed.
std::string failure_table(const RunSummary& summary);

}  // namespace broadside::batch
