// preflight_file.cpp — the file read and inspected, the layout made again and matched to it,
// preflight::preflight_file, and the proofs.
#include "batch/preflight_file.hpp"

#include <cmath>

#include "batch/job.hpp"
#include "batch/paths.hpp"
#include "core/atomic_file.hpp"
#include "preflight/preflight.hpp"
#include "preflight/proof.hpp"
#include "prepress/pdf_inspect.hpp"

namespace broadside::batch {

namespace fs = std::filesystem;

namespace {

/// Lays the design out again; nullptr after reporting why it cannot.
std::shared_ptr<compose::Composition> compose_again(const PreflightRequest& request,
                                                    const core::Options& options,
                                                    core::Diagnostics& diags) {
  auto session = open_session(options, diags);
  if (!session) return nullptr;
  Job job;
  job.design = resolve_design(request.design, options);
  job.content = request.content.empty() ? sample_statement(options) : fs::path(request.content);
  job.variables = request.variables;
  job.dry_run = true;
  job.keep_composition = std::make_shared<compose::Composition>();
  Engine engine(std::move(session));
  const auto result = run_job(job, engine);
  diags.append(result.diags);
  if (!result.ok()) return nullptr;
  return job.keep_composition;
}

/// The layout must be the file's: same pages, same trim, same language. False after reporting.
bool matches(const compose::Composition& c, const prepress::PdfInspection& pdf,
             const fs::path& file, core::Diagnostics& diags) {
  std::string why;
  if (c.pages.size() != pdf.pages.size())
    why = "the design makes " + std::to_string(c.pages.size()) + " pages, the PDF has " +
          std::to_string(pdf.pages.size());
  for (size_t i = 0; why.empty() && i < c.pages.size(); ++i) {
    const auto& trim = pdf.pages[i].trim.value_or(pdf.pages[i].media);
    const auto& size = c.pages[i].geometry.trim;
    if (std::abs(trim.width() - size.width.value) > 0.5 ||
        std::abs(trim.height() - size.height.value) > 0.5)
      why = "page " + std::to_string(i + 1) + " is trimmed to a different size";
  }
  if (why.empty() && !pdf.lang.empty() && pdf.lang != c.metadata.lang)
    why = "the PDF is in '" + pdf.lang + "', the statement in '" + c.metadata.lang +
          "' (give the statement with --content)";
  if (why.empty()) return true;
  diags.error({file.string()}, "the PDF was not made from this design and statement: " + why);
  return false;
}

}  // namespace

std::optional<PreflightResult> preflight_file(const PreflightRequest& request,
                                              const core::Options& options,
                                              core::Diagnostics& diags) {
  const auto bytes = core::read_file(request.file, options.limits, diags);
  if (!bytes) return std::nullopt;
  try {
    // qpdf's and Ghostscript's failures reach here as exceptions from inside preflight.
    prepress::PdfInspection pdf = prepress::inspect_pdf(*bytes, true, true, request.file.string());
    std::shared_ptr<compose::Composition> layout;
    if (!request.design.empty()) {
      layout = compose_again(request, options, diags);
      if (!layout || !matches(*layout, pdf, request.file, diags)) return std::nullopt;
    }
    PreflightResult result{preflight::preflight_file(request.file, pdf, layout.get(), nullptr,
                                                     request.limits, options.limits),
                           std::move(pdf),
                           {}};
    if (layout)
      for (const auto& page : layout->pages) result.folds.push_back(page.folds);
    return result;
  } catch (const core::Failure& f) {
    diags.append(f.diagnostics());
    return std::nullopt;
  }
}

preflight::Report stopped_report(const PreflightRequest& request, const core::Diagnostics& diags) {
  preflight::Report report(request.limits);
  std::string error = "the preflight stopped";
  for (const auto& d : diags.all()) {
    if (d.severity != core::Severity::error) continue;
    error = d.message + (d.hint.empty() ? "" : " (" + d.hint + ")");
    break;
  }
  report.stop(std::move(error));
  return report;
}

std::vector<fs::path> write_proofs(const fs::path& file, const PreflightResult& result,
                                   const fs::path& proof, int dpi, core::Diagnostics& diags) {
  std::vector<fs::path> written;
  try {
    const auto pngs =
        preflight::proof_from_pdf(file, result.inspection, result.folds, result.report, dpi);
    for (size_t i = 0; i < pngs.size(); ++i) {
      fs::path p = proof;
      if (pngs.size() > 1)
        p.replace_filename(proof.stem().string() + "-" + std::to_string(i + 1) +
                           proof.extension().string());
      if (!core::write_file_atomically(p, pngs[i], diags)) break;
      written.push_back(p);
    }
  } catch (const core::Failure& f) {
    diags.append(f.diagnostics());
  }
  return written;
}

std::vector<fs::path> write_separations(const fs::path& file, const PreflightResult& result,
                                        const fs::path& dir, int dpi, core::Diagnostics& diags) {
  std::vector<fs::path> written;
  try {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
      diags.error({dir.string()}, "cannot make the folder: " + ec.message());
      return written;
    }
    for (const auto& [name, png] : preflight::separations_from_pdf(file, result.inspection, dpi)) {
      // Plate names come from the file (spot colour names): only a plain file name is used.
      std::string safe;
      for (char c : name) safe += (c == '/' || c == '\\' || c == '\0') ? '_' : c;
      const fs::path p = dir / safe;
      if (!core::write_file_atomically(p, png, diags)) break;
      written.push_back(p);
    }
  } catch (const core::Failure& f) {
    diags.append(f.diagnostics());
  }
  return written;
}

}  // namespace broadside::batch
