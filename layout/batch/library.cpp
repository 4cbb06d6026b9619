// library.cpp — folders listed by name, files read once and again only when they change.
#include "batch/library.hpp"

#include <algorithm>

#include "core/ascii.hpp"
#include "core/atomic_file.hpp"

namespace broadside::batch {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kDesignExtensions = {".yaml"};
const std::vector<std::string> kStatementExtensions = {".md", ".txt"};

std::string format_name(design::VariableFormat f) {
  switch (f) {
    case design::VariableFormat::date:
      return "date";
    case design::VariableFormat::weekday_date:
      return "weekday-date";
    case design::VariableFormat::text:
      break;
  }
  return "text";
}

DesignInfo info_of(const std::string& name, const design::Design& d) {
  DesignInfo info{name, d.about, d.geometry.trim, d.geometry.bleed};
  for (const auto& p : d.pages) {
    info.pages += p.repeat ? 0 : 1;
    info.repeats = info.repeats || p.repeat;
  }
  for (const auto& [var, spec] : d.variables)
    info.variables.push_back({var, spec.default_value ? spec.default_value->text() : "",
                              spec.max_length, format_name(spec.format)});
  // In the order the designer declared them: the form reads top to bottom like the file.
  std::sort(info.variables.begin(), info.variables.end(), [&](const auto& a, const auto& b) {
    const auto& wa = d.variables.at(a.name).where;
    const auto& wb = d.variables.at(b.name).where;
    return std::pair(wa.line, wa.column) < std::pair(wb.line, wb.column);
  });
  info.formats = d.output.formats;
  info.file = d.file;
  return info;
}

}  // namespace

Library::Library(const core::Options& options, std::vector<fs::path> design_dirs,
                 std::vector<fs::path> content_dirs)
    : options_(options),
      design_dirs_(std::move(design_dirs)),
      content_dirs_(std::move(content_dirs)) {}

std::map<std::string, fs::path> Library::listing(const std::vector<fs::path>& dirs,
                                                 const std::vector<std::string>& exts) const {
  std::map<std::string, fs::path> out;
  for (const auto& dir : dirs) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      const std::string ext = e.path().extension().string();
      if (std::find(exts.begin(), exts.end(), ext) == exts.end() || !e.is_regular_file(ec))
        continue;
      // A folder's README says what the folder holds; it is no design or statement.
      if (core::ascii_lower(e.path().stem().string()) == "readme") continue;
      out.try_emplace(e.path().stem().string(), e.path());
    }
  }
  return out;
}

std::vector<std::string> Library::design_names() const {
  std::vector<std::string> out;
  for (const auto& [name, file] : listing(design_dirs_, kDesignExtensions)) out.push_back(name);
  return out;
}

std::vector<std::string> Library::statement_names() const {
  std::vector<std::string> out;
  for (const auto& [name, file] : listing(content_dirs_, kStatementExtensions)) out.push_back(name);
  return out;
}

std::optional<fs::path> Library::find_design(const std::string& name) const {
  const auto all = listing(design_dirs_, kDesignExtensions);
  if (auto it = all.find(name); it != all.end()) return it->second;
  return std::nullopt;
}

std::optional<fs::path> Library::find_statement(const std::string& name) const {
  const auto all = listing(content_dirs_, kStatementExtensions);
  if (auto it = all.find(name); it != all.end()) return it->second;
  return std::nullopt;
}

std::vector<DesignInfo> Library::designs(core::Diagnostics& diags) {
  std::vector<DesignInfo> out;
  for (const auto& [name, file] : listing(design_dirs_, kDesignExtensions)) {
    const auto loaded = design(file, "");
    diags.append(loaded->diags);
    if (loaded->design) out.push_back(info_of(name, *loaded->design));
  }
  return out;
}

std::vector<StatementInfo> Library::statements(core::Diagnostics& diags) {
  std::vector<StatementInfo> out;
  for (const auto& [name, file] : listing(content_dirs_, kStatementExtensions)) {
    const auto loaded = statement(file);
    diags.append(loaded->diags);
    if (!loaded->document) continue;
    const auto& doc = *loaded->document;
    const auto headline = doc.variables.find("headline");
    out.push_back(
        {name, doc.lang, headline == doc.variables.end() ? "" : headline->second.text(), file});
  }
  return out;
}

Library::Stamp Library::stamp_of(const fs::path& file) {
  std::error_code ec;
  Stamp s{fs::last_write_time(file, ec), 0};
  s.size = fs::file_size(file, ec);
  return s;
}

std::shared_ptr<const LoadedDesign> Library::design(const fs::path& file, const std::string& lang) {
  const Stamp stamp = stamp_of(file);
  std::lock_guard lock(mutex_);
  auto& slot = designs_[{file, lang}];
  // Read again when the design or any file it includes (a palette, font classes) changed.
  bool fresh = slot.loaded && slot.stamp == stamp;
  for (size_t i = 0; fresh && i < slot.included.size(); ++i)
    fresh = slot.included_stamps[i] == stamp_of(slot.included[i]);
  if (fresh) return slot.loaded;
  auto d = std::make_shared<LoadedDesign>();
  std::vector<fs::path> included;
  if (const auto bytes = core::read_file(file, options_.limits, d->diags))
    if (auto parsed = design::parse_design(*bytes, file, options_, d->diags, lang, &included))
      d->design = std::make_shared<const design::Design>(std::move(*parsed));
  d->included = included;
  slot.stamp = stamp;
  slot.included_stamps.clear();
  for (const auto& f : included) slot.included_stamps.push_back(stamp_of(f));
  slot.included = std::move(included);
  slot.loaded = d;
  return d;
}

std::shared_ptr<const LoadedStatement> Library::statement(const fs::path& file) {
  const Stamp stamp = stamp_of(file);
  std::lock_guard lock(mutex_);
  auto& slot = statements_[file];
  if (slot.second && slot.first == stamp) return slot.second;
  auto s = std::make_shared<LoadedStatement>();
  if (const auto bytes = core::read_file(file, options_.limits, s->diags))
    if (auto parsed = content::parse_statement(*bytes, file, options_, s->diags))
      s->document = std::make_shared<const content::Document>(std::move(*parsed));
  slot = {stamp, s};
  return s;
}

}  // namespace broadside::batch
