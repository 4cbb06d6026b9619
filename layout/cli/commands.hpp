// commands.hpp — the CLI's commands; each returns the process exit code. They reach the engine
// only through batch/.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "batch/command_values.hpp"
#include "batch/print_flags.hpp"
#include "batch/session.hpp"
#include "core/options.hpp"
#include "core/variables.hpp"

namespace broadside::cli {

/// Exit codes: 0 success, 1 a problem with the inputs or outputs, 2 a command-line mistake.
inline constexpr int kExitOk = 0;
inline constexpr int kExitProblem = 1;
inline constexpr int kExitUsage = 2;

struct RenderArgs {
  std::string design;
  std::string content;
  std::vector<std::string> outputs;
  /// --set, --vars FILE (below --set), --data FILE (one job per row, each -o a pattern such as
  /// out/{branch.name}.pdf): the same for `check`.
  batch::ValueFlags values;
  int dpi = 0;
  bool timings = false;
  /// --marks LIST, --no-marks, --color, --pdfx, --icc: print settings over the design's.
  batch::PrintFlags print;
  /// --no-preflight: write PDFs without the print-shop checks. --impose SHEET:LAYOUT[:...]:
  /// impose each PDF written (cli/print_commands.hpp).
  bool no_preflight = false;
  std::string impose;
  /// --pages LIST: the pages PNG and SVG outputs draw ("1", "1,3", "2-4"); empty: all.
  std::string pages;
  /// --watch: render again whenever an input changes, until interrupted.
  bool watch = false;
  /// --vt FILE (with --data): every row's PDF also gathered into one variable-data PDF.
  std::string vt;
};

struct CheckArgs {
  std::string design;
  std::string content;
  batch::ValueFlags values;
  bool watch = false;
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
  /// --vt FILE: every job's PDF also gathered into one variable-data PDF (PDF/VT-1 over PDF/X-4).
  std::string vt;
};

/// --set, --vars and --data on `render` or `check`, described the same way.
void add_value_options(CLI::App* command, batch::ValueFlags& values, std::string_view data_help);
/// Every diagnostic on stderr, one line each.
void print(const core::Diagnostics& diags);
/// The session (the font set loaded); nullptr after printing why it cannot be had.
std::shared_ptr<const batch::Session> open_session(const core::Options& options);

int render(const RenderArgs& args, const core::Options& options);
/// render with --data: one job per row of the data file (batch_command.cpp).
int render_rows(const RenderArgs& args, const core::Options& options);
/// `--set key=value` options into variables; false (with a message) on a malformed one.
bool parse_set_options(const std::vector<std::string>& sets, core::Variables& out);
/// `broadside batch MANIFEST` (batch_command.cpp).
int batch(const BatchArgs& args, const core::Options& options);
int check(const CheckArgs& args, const core::Options& options);
/// render or check, then again each time the design, statement, data, values or an image the
/// design names changes; a run that fails leaves the last good files as they are.
int watch(const std::string& design, const std::string& content, const batch::ValueFlags& values,
          const std::function<int()>& run, const core::Options& options);
int designs(const core::Options& options);
/// Lists the font families, or with `check_content` reports the statement's characters no
/// font covers — or, with `design` too, those the design's faces do not (as `render` would).
int fonts(const std::string& check_content, const std::string& design,
          const core::Options& options);

}  // namespace broadside::cli
