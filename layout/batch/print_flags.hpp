// print_flags.hpp — the command line's print settings (--marks, --no-marks, --color, --pdfx,
// --icc) read into the overrides every job of a run gets.
#pragma once

#include <string>

#include "batch/print_pdf.hpp"

namespace broadside::batch {

/// The print settings as written; empty: the design's own.
struct PrintFlags {
  /// "crop,bleed,registration,colorbar,slug-info", "all" or "none".
  std::string marks;
  bool no_marks = false;
  /// "rgb" or "cmyk".
  std::string color;
  /// "4", "1a" or "none".
  std::string pdfx;
  std::string icc;
};

/// Sets `out` from `flags`; a one-line message for an unknown mark or a combination that cannot
/// be (RGB with PDF/X or a press profile), "" when they are fine.
std::string apply_print_flags(const PrintFlags& flags, PrintOverrides& out);

}  // namespace broadside::batch
