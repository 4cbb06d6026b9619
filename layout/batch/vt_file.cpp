// vt_file.cpp — each job's one PDF read back and appended as a record, then the file written.
#include "batch/vt_file.hpp"

#include "core/ascii.hpp"
#include "core/atomic_file.hpp"

namespace broadside::batch {

namespace fs = std::filesystem;

namespace {

/// The job's PDF outputs.
std::vector<fs::path> pdfs_of(const JobRecord& job) {
  std::vector<fs::path> out;
  for (const auto& p : job.outputs)
    if (core::ascii_lower(p.extension().string()) == ".pdf") out.push_back(p);
  return out;
}

std::string job_name(const JobRecord& job) {
  return job.row > 0 ? "the job of row " + std::to_string(job.row)
                     : "job " + std::to_string(job.index + 1);
}

/// Why the run's outputs cannot make one file, or "" when they can.
std::string unusable(const RunSummary& summary) {
  if (summary.signal != 0 || summary.abandoned) return "the run was interrupted";
  if (summary.jobs.empty()) return "the run has no jobs";
  if (const size_t failed = summary.count(JobStatus::failed))
    return std::to_string(failed) + " job" + (failed == 1 ? "" : "s") + " failed";
  for (const auto& job : summary.jobs) {
    if (job.status == JobStatus::interrupted) return "the run was interrupted";
    const size_t n = pdfs_of(job).size();
    if (n == 0) return job_name(job) + " writes no PDF (give it a .pdf output)";
    if (n > 1)
      return job_name(job) + " writes " + std::to_string(n) + " PDFs; each job gives one record";
  }
  return "";
}

prepress::VtValues values_of(const PlannedJob& job) {
  prepress::VtValues out;
  for (const auto& [name, value] : job.values) out.emplace_back(name, value.text());
  return out;
}

}  // namespace

const char* describe(prepress::VtConformance conformance) {
  return conformance == prepress::VtConformance::pdfvt1
             ? "PDF/VT-1 over PDF/X-4"
             : "one document part per record; not PDF/VT, as the records are not PDF/X-4 "
               "(use --pdfx 4)";
}

std::optional<VtFile> write_vt_file(const fs::path& file, const RunSummary& summary,
                                    const Manifest& manifest, const core::Options& options,
                                    core::Diagnostics& diags) {
  const core::SourceLocation where{file.string()};
  if (const std::string why = unusable(summary); !why.empty()) {
    diags.error(where, "variable-data PDF not written: " + why, "it holds every record or none");
    return std::nullopt;
  }
  VtFile out;
  try {
    prepress::VtDocument doc;
    for (const auto& job : summary.jobs) {
      const fs::path pdf_file = pdfs_of(job).front();
      const auto pdf = core::read_file(pdf_file, options.limits, diags);
      if (!pdf) return std::nullopt;
      out.record_bytes += pdf->size();
      doc.add_record(*pdf, values_of(plan_job(manifest, job.index)));
    }
    const prepress::VtWritten written = doc.write();
    if (!core::write_file_atomically(file, written.bytes, diags)) return std::nullopt;
    out.records = written.records;
    out.pages = written.pages;
    out.conformance = written.conformance;
    out.bytes = written.bytes.size();
    out.shared_objects = written.shared_objects;
    out.shared_forms = written.shared_forms;
    return out;
  } catch (const core::Failure& f) {
    for (const auto& d : f.diagnostics().all())
      diags.error(where, "variable-data PDF not written: " + d.message, d.hint);
  }
  return std::nullopt;
}

}  // namespace broadside::batch
