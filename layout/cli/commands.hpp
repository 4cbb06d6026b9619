// commands.hpp — the CLI's commands; each returns the process exit code.
#pragma once

#include <string>
#include <vector>

#include "core/variables.hpp"

namespace broadside::batch {
struct PrintOverrides;
}

namespace broadside::cli {

/// Exit codes: 0 success, 1 a problem with the inputs or outputs, 2 a command-line mistake.
inline constexpr int kExitOk = 0;
inline constexpr int kExitProblem = 1;
inline constexpr int kExitUsage = 2;

struct RenderArgs {
  std::string design;
  std::string content;
  std::vector<std::string> outputs;
  std::vector<std::string> sets;
  int dpi = 0;
  bool timings = false;
  /// --vars FILE: a YAML file of variable values (below --set).
  std::string vars;
  /// --data FILE: a CSV/TSV file; one job per row, each -o a pattern such as out/{branch.name}.pdf.
  std::string data;
  /// --marks LIST, --no-marks, --color, --pdfx, --icc: print settings over the design's.
  std::string marks;
  bool no_marks = false;
  /// --no-preflight: write PDFs without the print-shop checks. --impose SHEET:LAYOUT[:...]:
  /// impose each PDF written (cli/print_commands.hpp).
  bool no_preflight = false;
  std::string impose;
  std::string color, pdfx, icc;
  /// --pages LIST: the pages PNG and SVG outputs draw ("1", "1,3", "2-4"); empty: all.
  std::string pages;
};

struct BatchArgs {
  std::string manifest;
  std::string out = "out";
  /// Worker threads; 0: one per hardware thread.
  int jobs = 0;
  std::string report;
  std::string shard;
  /// --contact-sheet FILE (.png or .pdf), repeatable: thumbnails of every output of the run.
  std::vector<std::string> contact_sheets;
};

int render(const RenderArgs& args);
/// The print options of `args` (--marks, --no-marks, --color, --pdfx, --icc); false (with a
/// message) on a bad value or combination.
bool parse_print_options(const RenderArgs& args, batch::PrintOverrides& out);
/// render with --data: one job per row of the data file (batch_command.cpp).
int render_rows(const RenderArgs& args);
/// `--set key=value` options into variables; false (with a message) on a malformed one.
bool parse_set_options(const std::vector<std::string>& sets, core::Variables& out);
/// `broadside batch MANIFEST` (batch_command.cpp).
int batch(const BatchArgs& args);
int check(const std::string& design, const std::string& content);
int designs();
/// Lists the font set; with `check_content`, reports its characters no font covers.
/// Lists the font families, or with `check_content` reports the statement's characters no
/// font covers — or, with `design` too, those the design's faces do not (as `render` would).
int fonts(const std::string& check_content, const std::string& design);

}  // namespace broadside::cli
