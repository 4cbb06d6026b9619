// catalogue.cpp — the bundled designs read, the font set listed by family, coverage checked.
#include "batch/catalogue.hpp"

#include <glib.h>

#include <algorithm>
#include <map>
#include <set>

#include "batch/job.hpp"
#include "batch/paths.hpp"
#include "compose/composition.hpp"
#include "content/document.hpp"
#include "core/utf8.hpp"
#include "design/design.hpp"

namespace broadside::batch {

namespace fs = std::filesystem;

namespace {

/// Characters that are never set as glyphs of their own: spaces, controls, format characters
/// (joiners, directional marks, soft hyphens).
bool is_invisible(char32_t c) {
  return g_unichar_isspace(c) || g_unichar_iscntrl(c) || g_unichar_type(c) == G_UNICODE_FORMAT;
}

}  // namespace

std::vector<DesignEntry> bundled_designs(const core::Options& options, core::Diagnostics& diags) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(options.data_dir / "designs", ec))
    if (e.path().extension() == ".yaml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<DesignEntry> out;
  for (const auto& f : files) {
    const auto d = design::load_design(f, options, diags);
    if (!d) continue;
    DesignEntry entry{d->name, d->about, d->geometry.trim};
    for (const auto& p : d->pages) {
      entry.pages += p.repeat ? 0 : 1;
      entry.repeats = entry.repeats || p.repeat;
    }
    out.push_back(std::move(entry));
  }
  return out;
}

std::vector<FontFamily> font_families(const Session& session) {
  std::map<std::string, std::set<std::string>> styles;
  for (const auto& f : session.fonts->faces()) styles[f.family].insert(f.style);
  std::vector<FontFamily> out;
  for (const auto& [family, set] : styles)
    out.push_back({family, {set.begin(), set.end()}, session.fonts->scripts_of(family)});
  return out;
}

std::optional<std::vector<UncoveredCharacter>> uncovered_characters(const Session& session,
                                                                    const fs::path& content,
                                                                    core::Diagnostics& diags) {
  const auto doc = content::load_statement(content, session.options, diags);
  if (!doc) return std::nullopt;
  std::vector<std::pair<std::string, std::string>> texts;  // where, text
  for (const auto& [name, value] : doc->variables)
    for (const auto& item : value.items) texts.emplace_back(value.where.to_string(), item);
  for (const auto& block : doc->body) texts.emplace_back(block.where.to_string(), block.text.text);
  std::set<char32_t> seen;
  std::vector<UncoveredCharacter> out;
  for (const auto& [where, text] : texts)
    for (size_t pos = 0; pos < text.size();) {
      const char32_t c = core::decode_utf8(text, pos);
      if (is_invisible(c) || session.fonts->covers(c) || !seen.insert(c).second) continue;
      out.push_back({c, where});
    }
  return out;
}

std::optional<std::vector<core::Diagnostic>> design_coverage_problems(
    const std::shared_ptr<const Session>& session, const std::string& design,
    const fs::path& content, core::Diagnostics& diags) {
  Job job;
  job.design = resolve_design(design, session->options);
  job.content = content;
  job.dry_run = true;
  job.keep_composition = std::make_shared<compose::Composition>();
  Engine engine(session);
  JobResult result = run_job(job, engine);
  const auto& problems = job.keep_composition->character_problems;
  if (problems.empty() && result.diags.has_errors() && job.keep_composition->pages.empty()) {
    diags.append(result.diags);
    return std::nullopt;
  }
  return problems;
}

}  // namespace broadside::batch
