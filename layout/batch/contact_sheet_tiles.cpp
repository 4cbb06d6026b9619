// contact_sheet_tiles.cpp — a run's records into tiles: a job's files grouped into documents
// (name.pdf + name.png, or the pages name-1.png, name-2.png), failures first.
#include "batch/contact_sheet_tiles.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/ascii.hpp"

namespace broadside::batch {

namespace fs = std::filesystem;

namespace {

/// The files of one output of a job, whatever their formats and pages.
struct Document {
  fs::path base;  // folder / name without extension or page number
  std::set<std::string> formats;
  int pages = 1;
  fs::path png;  // its first page as a PNG, when there is one
};

std::string lower_extension(const fs::path& p) {
  return core::ascii_lower(p.extension().string());
}

/// "name-3.png" is page 3 of "name" when "name-1.png" is there too (a job writes a PNG or SVG
/// per page of a longer document); anything else is a document of its own, page 1.
std::pair<fs::path, int> page_of(const fs::path& file, const std::set<fs::path>& files) {
  const std::string stem = file.stem().string(), ext = file.extension().string();
  const auto dash = stem.rfind('-');
  if (dash == std::string::npos || dash + 1 == stem.size() ||
      stem.find_first_not_of("0123456789", dash + 1) != std::string::npos)
    return {file.parent_path() / stem, 1};
  const std::string name = stem.substr(0, dash);
  const fs::path first = file.parent_path() / (name + "-1" + ext);
  if (!files.count(first) && !fs::exists(first)) return {file.parent_path() / stem, 1};
  return {file.parent_path() / name, std::stoi(stem.substr(dash + 1))};
}

/// A skipped job lists its outputs as named ("name.png"); a document of several pages is on
/// disk as name-1.png, name-2.png, …: finds the first page and counts them.
void find_pages_on_disk(Document& doc, const fs::path& png) {
  if (fs::exists(png)) {
    doc.png = png;
    return;
  }
  const auto page = [&](int n) {
    return png.parent_path() / (png.stem().string() + "-" + std::to_string(n) + ".png");
  };
  if (!fs::exists(page(1))) return;
  doc.png = page(1);
  int n = 1;
  while (fs::exists(page(n + 1))) ++n;
  doc.pages = std::max(doc.pages, n);
}

std::vector<Document> documents_of(const JobRecord& record) {
  const std::set<fs::path> files(record.outputs.begin(), record.outputs.end());
  std::vector<Document> docs;
  for (const auto& file : record.outputs) {
    const std::string ext = lower_extension(file);
    const auto [base, page] =
        ext == ".pdf" ? std::pair{file.parent_path() / file.stem(), 1} : page_of(file, files);
    auto it =
        std::find_if(docs.begin(), docs.end(), [&b = base](const auto& d) { return d.base == b; });
    if (it == docs.end()) it = docs.insert(docs.end(), Document{base});
    it->formats.insert(ext.empty() ? "" : ext.substr(1));
    it->pages = std::max(it->pages, page);
    if (ext == ".png" && page == 1) find_pages_on_disk(*it, file);
  }
  return docs;
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string detail_of(const JobRecord& record, const Document& doc) {
  std::string out = record.row ? "row " + std::to_string(record.row) + " · " : "";
  std::string formats;
  for (const char* f : {"pdf", "png", "svg"})
    if (doc.formats.count(f)) formats += (formats.empty() ? "" : " ") + upper(f);
  out += formats;
  if (doc.pages > 1) out += " · " + std::to_string(doc.pages) + " pages";
  if (record.status == JobStatus::skipped) out += " · up to date";
  return out;
}

/// "branches.csv:5: variable 'branch.name' is 53 characters long; …"
std::string first_problem(const JobRecord& record) {
  for (const auto& d : record.diags.all()) {
    if (d.severity != core::Severity::error) continue;
    std::string where = fs::path(d.where.file).filename().string();
    if (!where.empty() && d.where.line) where += ":" + std::to_string(d.where.line);
    return (where.empty() ? "" : where + ": ") + d.message;
  }
  return "not run: the run was interrupted";
}

SheetTile failed_tile(const JobRecord& record) {
  SheetTile t;
  t.state = TileState::failed;
  t.title = record.design.stem().string() + " · " + record.statement.stem().string();
  t.detail = "job " + std::to_string(record.index + 1) +
             (record.row ? " · row " + std::to_string(record.row) : "");
  t.problem = first_problem(record);
  return t;
}

}  // namespace

std::vector<SheetSection> collect_tiles(const RunSummary& summary,
                                        const std::vector<PlannedJob>& jobs,
                                        const fs::path& out_dir) {
  std::unordered_map<size_t, const PlannedJob*> by_index;
  for (const auto& j : jobs) by_index[j.index] = &j;
  SheetSection failures{"failed", true, {}};
  std::vector<SheetSection> sections;
  for (const auto& record : summary.jobs) {
    if (record.status != JobStatus::done && record.status != JobStatus::skipped) {
      failures.tiles.push_back(failed_tile(record));
      continue;
    }
    for (const auto& doc : documents_of(record)) {
      SheetTile t;
      t.state = record.status == JobStatus::done ? TileState::written : TileState::current;
      std::string folder = (out_dir.empty() ? doc.base.parent_path()
                                            : doc.base.parent_path().lexically_relative(out_dir))
                               .generic_string();
      t.section = folder == "." ? "" : folder;
      t.title = doc.base.filename().string();
      t.detail = detail_of(record, doc);
      t.png = doc.png;
      const auto it = by_index.find(record.index);
      t.job = it == by_index.end() ? nullptr : it->second;
      auto s = std::find_if(sections.begin(), sections.end(),
                            [&](const auto& x) { return x.name == t.section; });
      if (s == sections.end()) s = sections.insert(sections.end(), SheetSection{t.section});
      s->tiles.push_back(std::move(t));
    }
  }
  if (!failures.tiles.empty()) sections.insert(sections.begin(), std::move(failures));
  return sections;
}

}  // namespace broadside::batch
