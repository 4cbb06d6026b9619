// fingerprint.hpp — what a job's outputs depend on, hashed, so an incremental run can tell a job
// whose outputs are current from one that must run again.
#pragma once

#include "batch/print_pdf.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/limits.hpp"
#include "core/variables.hpp"
#include "design/design.hpp"
#include "text/font_library.hpp"

namespace broadside::batch {

/// The design file's bytes plus the bytes of every image it draws.
std::string design_fingerprint(const std::string& design_bytes, const design::Design& design,
                               const core::Limits& limits);

/// The font set: broadside's fontconfig file and every face's file, size and modification
/// time (a font package upgrade changes the output, so it must change this). Computed once a run.
std::string font_set_fingerprint(const text::FontLibrary& fonts,
                                 const std::filesystem::path& config_file,
                                 const core::Limits& limits);

/// Everything one job's outputs depend on. Whoever adds an option to batch::Job that changes
/// what is written must add it here too, or an incremental run would keep stale files.
struct JobInputs {
  std::string design;     // design_fingerprint
  std::string statement;  // sha256 of the statement's bytes
  const core::Variables* values = nullptr;
  std::vector<std::filesystem::path> outputs;
  int dpi = 0;
  std::string font_set;
  /// print_fingerprint() of the job's print settings.
  std::string print;
  /// core::Options::epoch: it sets the dates inside PDFs.
  std::optional<std::int64_t> epoch;
};

/// The print settings given on the command line, with the bytes of a given ICC profile.
std::string print_fingerprint(const PrintOverrides& print, const core::Limits& limits);

/// SHA-256 over the inputs and broadside's version.
std::string job_fingerprint(const JobInputs& inputs);

}  // namespace broadside::batch
