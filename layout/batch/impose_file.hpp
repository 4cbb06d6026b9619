// impose_file.hpp — `broadside impose` and render's --impose: press-sheet settings read from
// their text, and a finished PDF imposed onto press sheets.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/options.hpp"
#include "prepress/impose.hpp"

namespace broadside::batch {

/// Press-sheet settings as a person writes them.
struct ImposeSettings {
  std::string sheet = "A4";
  std::string layout = "2x1";
  bool duplex = false, tumble = false, cut_stack = false, marks = false;
  /// Space between cells, "6mm"; empty: room for both bleeds when the sheet has it.
  std::string gutter;
  bool keep_orientation = false;
  /// Saddle-stitched booklet (2x1, nested sheets, work and turn); `creep` the paper's
  /// thickness, "0.1mm", empty for none.
  bool booklet = false;
  std::string creep;
};

/// `A4:2x1:duplex` (render's --impose: SHEET:LAYOUT then any of duplex, tumble, cut-stack,
/// marks, booklet) as settings; nullopt when malformed.
std::optional<ImposeSettings> parse_impose_spec(const std::string& spec);

/// The imposition `settings` ask for; nullopt after a one-line message in `error` (an unknown
/// sheet, a malformed layout or gutter, --tumble without --duplex).
std::optional<prepress::ImposeOptions> impose_options(const ImposeSettings& settings,
                                                      std::string& error);

struct ImposedFile {
  /// Sheet sides written (a duplex sheet counts twice).
  int sheets = 0;
  /// What the sheet could not give (bleed cut at its edges, no room for marks).
  std::vector<std::string> warnings;
};

/// Imposes the PDF `input` into `output` (which may be `input`), written atomically; nullopt
/// after reporting why it cannot.
std::optional<ImposedFile> impose_file(const std::filesystem::path& input,
                                       const std::filesystem::path& output,
                                       const prepress::ImposeOptions& imposition,
                                       const core::Options& options, core::Diagnostics& diags);

/// "6mm", "0.25in", "12pt", "1cm" as points; nullopt when malformed.
std::optional<core::Pt> parse_length(const std::string& text);

}  // namespace broadside::batch
