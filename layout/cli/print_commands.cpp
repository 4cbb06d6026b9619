// print_commands.cpp — impose and preflight: options checked, batch/ does the work, and what
// happened is printed.
#include "cli/print_commands.hpp"

#include <iostream>
#include <optional>

#include "batch/preflight_file.hpp"
#include "cli/commands.hpp"

namespace broadside::cli {

namespace fs = std::filesystem;

namespace {

/// The imposition `settings` ask for; nullopt after printing why not.
std::optional<prepress::ImposeOptions> imposition(const batch::ImposeSettings& settings) {
  std::string error;
  auto o = batch::impose_options(settings, error);
  if (!o) std::cerr << "broadside: " << error << "\n";
  return o;
}

/// Imposes `input` into `output`; the number of sheet sides, or -1 after printing why.
int impose_file(const fs::path& input, const fs::path& output, const prepress::ImposeOptions& o,
                const core::Options& options) {
  core::Diagnostics diags;
  const auto imposed = batch::impose_file(input, output, o, options, diags);
  print(diags);
  if (!imposed) return -1;
  for (const auto& w : imposed->warnings)
    std::cerr << output.string() << ": warning: " << w << "\n";
  return imposed->sheets;
}

const char* sides(int sheets) {
  return sheets == 1 ? " sheet side" : " sheet sides";
}

}  // namespace

int impose(const ImposeArgs& args, const core::Options& options) {
  const auto o = imposition(args.settings);
  if (!o) return kExitUsage;
  const int sheets = impose_file(args.input, args.output, *o, options);
  if (sheets < 0) return kExitProblem;
  std::cout << "wrote " << args.output << " (" << sheets << sides(sheets) << ")\n";
  return kExitOk;
}

bool valid_impose_spec(const std::string& spec) {
  const auto settings = batch::parse_impose_spec(spec);
  if (!settings) {
    std::cerr
        << "broadside: --impose '" << spec
        << "': expected SHEET:LAYOUT with any of :duplex, :tumble, :cut-stack, :marks, :booklet, "
           "e.g. A4:2x1:duplex\n";
    return false;
  }
  return imposition(*settings).has_value();
}

int impose_written(const std::vector<fs::path>& written, const std::string& spec,
                   const core::Options& options) {
  const auto settings = batch::parse_impose_spec(spec);
  const auto o = settings ? imposition(*settings) : std::nullopt;
  if (!o) return kExitUsage;
  for (const auto& path : written) {
    if (path.extension() != ".pdf") continue;
    const int sheets = impose_file(path, path, *o, options);
    if (sheets < 0) return kExitProblem;
    std::cout << "imposed " << path.string() << " on " << sheets << sides(sheets) << "\n";
  }
  return kExitOk;
}

int preflight(const PreflightArgs& args, const core::Options& options) {
  batch::PreflightRequest request;
  request.file = args.file;
  request.design = args.design;
  request.content = args.content;
  request.limits.ink = args.ink_limit;
  request.limits.min_text = core::Pt{args.min_text};
  request.limits.min_reversed_text =
      core::max(request.limits.min_reversed_text, request.limits.min_text);
  const auto safe = batch::parse_length(args.safe_zone);
  if (!safe) {
    std::cerr << "broadside: --safe-zone '" << core::escape_controls(args.safe_zone)
              << "': expected a length like 3mm\n";
    return kExitUsage;
  }
  request.limits.safe_zone = *safe;
  if (!args.design.empty() && !parse_set_options(args.sets, request.variables)) return kExitProblem;
  core::Diagnostics diags;
  const auto result = batch::preflight_file(request, options, diags);
  print(diags);
  if (!result) {
    // A script reading --json gets a report whatever happened, not an empty stdout.
    if (args.json) std::cout << batch::stopped_report(request, diags).json(args.file);
    return kExitProblem;
  }
  std::cout << (args.json ? result->report.json(args.file) : result->report.text(args.file));
  if (!args.proof.empty()) {
    core::Diagnostics proof_diags;
    for (const auto& p :
         batch::write_proofs(args.file, *result, args.proof, args.proof_dpi, proof_diags))
      std::cerr << "wrote " << p.string() << "\n";
    print(proof_diags);
    if (proof_diags.has_errors()) return kExitProblem;
  }
  if (!args.separations.empty()) {
    core::Diagnostics sep_diags;
    const auto written =
        batch::write_separations(args.file, *result, args.separations, args.proof_dpi, sep_diags);
    if (!written.empty())
      std::cerr << "wrote " << written.size() << " plates to " << args.separations << "\n";
    print(sep_diags);
    if (sep_diags.has_errors()) return kExitProblem;
  }
  return result->report.passed() ? kExitOk : kExitProblem;
}

}  // namespace broadside::cli
