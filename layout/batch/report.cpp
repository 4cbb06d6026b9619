// report.cpp — the JSON report and the failure table.
#include "batch/report.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"

namespace broadside::batch {

using json = nlohmann::json;

namespace {

const char* status_name(JobStatus s) {
  switch (s) {
    case JobStatus::done:
      return "done";
    case JobStatus::skipped:
      return "up-to-date";
    case JobStatus::failed:
      return "failed";
    case JobStatus::interrupted:
      return "interrupted";
  }
  return "failed";
}

json diagnostics_json(const core::Diagnostics& diags) {
  json out = json::array();
  for (const auto& d : diags.all()) {
    json j = {{"severity", core::severity_name(d.severity)}, {"message", d.message}};
    if (d.where.is_known()) j["file"] = d.where.file;
    if (d.where.line) j["line"] = d.where.line;
    if (d.where.column) j["column"] = d.where.column;
    if (!d.hint.empty()) j["hint"] = d.hint;
    j["text"] = d.to_string();
    out.push_back(std::move(j));
  }
  return out;
}

json timings_json(const Timings& t) {
  // The statement and design are read once for the whole run, so a job's own stages start at
  // the font check.
  return {{"fonts", t.fonts},
          {"compose", t.compose},
          {"pdf", t.pdf},
          {"png", t.png},
          {"prepress", t.prepress},
          {"preflight", t.preflight},
          {"write", t.write},
          {"layout_passes", t.layout_passes},
          {"font_searches", t.font_searches},
          {"font_searches_reused", t.font_searches_reused}};
}

json job_json(const JobRecord& r) {
  json j = {{"job", r.index + 1},
            {"design", r.design.string()},
            {"statement", r.statement.string()},
            {"status", status_name(r.status)},
            {"ms", std::round(r.ms * 10) / 10}};
  if (r.row) j["row"] = r.row;
  json outputs = json::array();
  for (const auto& o : r.outputs) outputs.push_back(o.string());
  j["outputs"] = std::move(outputs);
  if (r.status == JobStatus::done) j["timings_ms"] = timings_json(r.timings);
  j["diagnostics"] = diagnostics_json(r.diags);
  return j;
}

std::string cell(std::string text, size_t width) {
  if (text.size() > width) text = text.substr(0, width - 1) + "~";
  text.resize(width, ' ');
  return text;
}

}  // namespace

std::string report_json(const RunSummary& summary, const ReportHeader& header) {
  json jobs = json::array();
  for (const auto& r : summary.jobs) jobs.push_back(job_json(r));
  const json j = {{"broadside", BROADSIDE_VERSION},
                  {"manifest", header.manifest.string()},
                  {"shard", header.shard.to_string()},
                  {"threads", summary.threads},
                  {"seconds", std::round(summary.seconds * 1000) / 1000},
                  {"summary",
                   {{"planned", summary.planned},
                    {"in_shard", summary.in_shard()},
                    {"done", summary.count(JobStatus::done)},
                    {"up_to_date", summary.count(JobStatus::skipped)},
                    {"failed", summary.count(JobStatus::failed)},
                    {"interrupted", summary.count(JobStatus::interrupted)}}},
                  {"stopped_by_signal", summary.signal},
                  {"diagnostics", diagnostics_json(summary.diags)},
                  {"jobs", std::move(jobs)}};
  return j.dump(2) + "\n";
}

bool write_report(const std::filesystem::path& file, const RunSummary& summary,
                  const ReportHeader& header, core::Diagnostics& diags) {
  return core::write_file_atomically(file, report_json(summary, header), diags);
}

std::string failure_table(const RunSummary& summary) {
  const size_t failed = summary.count(JobStatus::failed);
  if (failed == 0) return {};
  std::string out = std::to_string(failed) + " of " + std::to_string(summary.in_shard()) +
                    " jobs failed:\n  " + cell("job", 6) + cell("design", 20) +
                    cell("statement", 22) + cell("row", 5) + "problem\n";
  for (const auto& r : summary.jobs) {
    if (r.status != JobStatus::failed) continue;
    std::string problem = "failed";
    const auto& all = r.diags.all();
    const auto first = std::find_if(
        all.begin(), all.end(), [](const auto& d) { return d.severity == core::Severity::error; });
    if (first != all.end()) problem = first->to_string();
    out += "  " + cell(std::to_string(r.index + 1), 6) + cell(r.design.stem().string(), 20) +
           cell(r.statement.filename().string(), 22) +
           cell(r.row ? std::to_string(r.row) : "-", 5) + problem + "\n";
  }
  return out;
}

}  // namespace broadside::batch
