// contact_sheet_command.hpp — `batch … --contact-sheet FILE`: its names checked before a run,
// and the sheet written after it.
#pragma once

#include <memory>
#include <vector>

#include "batch/manifest.hpp"
#include "batch/runner.hpp"
#include "batch/session.hpp"
#include "cli/commands.hpp"

namespace broadside::cli {

/// False, after saying why, when a --contact-sheet name is not a .png or .pdf file.
bool contact_sheet_names_ok(const BatchArgs& args);

/// Writes the run's contact sheet to every --contact-sheet file and says where; false, after
/// printing the problem, when one cannot be written. An interrupted run gets none.
bool write_contact_sheets(const BatchArgs& args, const batch::RunSummary& summary,
                          const batch::Manifest& manifest,
                          std::shared_ptr<const batch::Session> session);

}  // namespace broadside::cli
