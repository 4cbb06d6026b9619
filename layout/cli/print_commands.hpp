// print_commands.hpp — `broadside impose` and `broadside preflight`, and render's --impose
// (their options are in print_options.hpp, which only main.cpp includes: CLI11 stays in one TU).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "batch/impose_file.hpp"
#include "core/options.hpp"

namespace broadside::cli {

struct ImposeArgs {
  std::string input, output;
  batch::ImposeSettings settings;
};

struct PreflightArgs {
  std::string file;
  std::string design, content;
  std::vector<std::string> sets;
  bool json = false;
  std::string proof;
  int proof_dpi = 100;
  std::string separations;
  double ink_limit = 300;
  std::string safe_zone = "3mm";
  double min_text = 6;
};

int impose(const ImposeArgs& args, const core::Options& options);
int preflight(const PreflightArgs& args, const core::Options& options);

/// render --impose SHEET:LAYOUT[:duplex][:tumble][:cut-stack][:marks]: imposes each PDF the
/// render wrote, in place. kExitOk, or an exit code after printing why.
int impose_written(const std::vector<std::filesystem::path>& written, const std::string& spec,
                   const core::Options& options);

/// Checks the --impose text before anything is rendered; false (with a message) when wrong.
bool valid_impose_spec(const std::string& spec);

}  // namespace broadside::cli
