// contact_sheet_command.cpp — the CLI side of contact sheets: checking the names, writing the
// sheet after the run's summary line, reporting failures like any other output's.
#include "cli/contact_sheet_command.hpp"

#include <iostream>

#include "batch/contact_sheet.hpp"

namespace broadside::cli {

namespace fs = std::filesystem;

bool contact_sheet_names_ok(const BatchArgs& args) {
  for (const auto& name : args.contact_sheets) {
    if (batch::is_contact_sheet_format(name)) continue;
    std::cerr << "broadside: --contact-sheet '" << core::escape_controls(name)
              << "': a contact sheet is a .png or a .pdf file\n";
    return false;
  }
  return true;
}

bool write_contact_sheets(const BatchArgs& args, const batch::RunSummary& summary,
                          const batch::Manifest& manifest,
                          std::shared_ptr<const batch::Session> session) {
  if (args.contact_sheets.empty() || summary.signal != 0 || summary.abandoned) return true;
  batch::ContactSheetOptions options;
  options.out_dir = args.out;
  options.title = fs::path(args.manifest).filename().string();
  options.shard = args.shard;
  options.threads = args.jobs;
  const std::vector<fs::path> files(args.contact_sheets.begin(), args.contact_sheets.end());
  const auto jobs = batch::expand(manifest);  // the sheet composes some jobs again
  core::Diagnostics diags;
  for (const auto& f :
       batch::write_contact_sheet(files, summary, jobs, options, std::move(session), diags))
    std::cout << "contact sheet: " << f.string() << "\n";
  print(diags);
  return !diags.has_errors();
}

}  // namespace broadside::cli
