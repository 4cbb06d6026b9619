// preview.hpp — one render asked for by name (the web page's preview and downloads): design and
// statement from a Library, values as plain data, the file made in memory, and every problem
// tied to the variable it concerns so a form can show it next to that field.
#pragma once

#include <atomic>
#include <string>
#include <vector>

#include "batch/job.hpp"
#include "batch/library.hpp"
#include "batch/print_flags.hpp"
#include "core/variables.hpp"

namespace broadside::batch {

struct PreviewRequest {
  std::string design, statement;
  /// Values for the design's variables: always plain text, never markup or paths.
  core::Variables values;
  Format format = Format::png;
  /// The page PNG and SVG draw (from 1); a PDF has every page.
  int page = 1;
  /// 0: the design's own.
  int dpi = 0;
  /// --marks, --pdfx... as the command line writes them ("4" and "all" for a print shop).
  PrintFlags print;
  const std::atomic<bool>* cancel = nullptr;
};

/// A problem, and the variable it concerns ("" when it concerns none: the design, the statement
/// or the server).
struct FieldProblem {
  std::string field;
  std::string message;
  /// file:line:column when the problem is in a file ("" for a value).
  std::string where;
};

enum class PreviewStatus { ok, unknown_design, unknown_statement, bad_request, refused };

struct PreviewResult {
  PreviewStatus status = PreviewStatus::ok;
  std::string bytes;
  /// Pages the composition has (0 when it was not composed).
  size_t pages = 0;
  std::vector<FieldProblem> problems;
  Timings timings;
};

/// The place a value given by name carries in its diagnostics ("value 'event.time'"), so a
/// problem with it names the field.
core::SourceLocation value_location(const std::string& name);

/// Renders `request` with `engine` (one per thread), reading inputs through `library`.
PreviewResult render_preview(const PreviewRequest& request, Library& library, Engine& engine);

}  // namespace broadside::batch
