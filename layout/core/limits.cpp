// limits.cpp — the limit table, and a run's values from the defaults, the environment and the
// command line.
#include "core/limits.hpp"

#include <cctype>
#include <charconv>
#include <cstdlib>

namespace broadside::core {

namespace {

constexpr std::int64_t kKi = 1024;

// Defaults: each far above anything a real leaflet, poster or campaign needs, and far below
// what would exhaust a 2-core, few-GB machine. Constant, so that Options made during static
// initialisation (anywhere) see it filled.
constexpr std::array<LimitInfo, kLimitCount> kTable = {{
    // A 300 ppi A3 photo as PNG is ~40 MB; a design or statement is kilobytes.
    {Limit::file_bytes, "file-bytes", 64 * kKi* kKi, "bytes"},
    // A leaflet statement is ~5 KB; a thousand times that is a wrong file.
    {Limit::statement_bytes, "statement-bytes", 4 * kKi* kKi, "bytes"},
    // A leaflet makes a handful of demands, a programme a few dozen; each becomes a laid-out
    // list item, so a hundred thousand of them would cost hundreds of megabytes to lay out.
    {Limit::list_items, "list-items", 500, "items"},
    // The long statement has 33 paragraphs; a booklet of a long programme a few hundred.
    {Limit::paragraphs, "paragraphs", 5000, "paragraphs"},
    // The longest paragraph of the bundled statements is 2.5 KB; 64 KB is ten pages of one
    // paragraph, more than any leaflet sets, and what one Pango layout holds comfortably.
    {Limit::paragraph_bytes, "paragraph-bytes", 64 * kKi, "bytes"},
    // The bundled designs nest 8 levels; yaml-cpp itself gives up near 2000 (deep recursion).
    {Limit::yaml_depth, "yaml-depth", 64, "nesting levels"},
    // The largest bundled design has ~600 values; aliases may not multiply that a millionfold.
    {Limit::yaml_nodes, "yaml-nodes", 200000, "values"},
    // A booklet of a long statement is tens of pages.
    {Limit::pages, "pages", 1000, "pages"},
    {Limit::frames, "frames", 2000, "frames"},
    // 15 languages x 60 branches x a few designs is thousands.
    {Limit::jobs, "jobs", 100000, "jobs"},
    // An A2 poster at 300 ppi is 35 million pixels; 4 bytes each when decoded.
    {Limit::image_pixels, "image-pixels", 100 * 1000 * 1000, "pixels"},
    // A0 at 600 dpi; 3 bytes each while encoding.
    {Limit::png_pixels, "png-pixels", 250 * 1000 * 1000, "pixels"},
    // 0.5pt steps from 1pt to 5000pt; binary search makes that 14 layout passes.
    {Limit::fit_steps, "fit-steps", 10000, "sizes"},
    // A 2-page leaflet takes well under a second; a long booklet a few seconds.
    {Limit::job_seconds, "job-seconds", 300, "seconds"},
}};

std::string env_name(const LimitInfo& info) {
  std::string s = "BROADSIDE_LIMIT_";
  for (const char* p = info.name; *p; ++p)
    s += *p == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(*p)));
  return s;
}

/// "64", "4M", "100K" -> the number; -1 when it is not a whole number above 0.
std::int64_t parse_amount(std::string_view text) {
  std::int64_t multiplier = 1;
  if (!text.empty()) {
    const char suffix = static_cast<char>(std::toupper(static_cast<unsigned char>(text.back())));
    if (suffix == 'K' || suffix == 'M' || suffix == 'G') {
      multiplier = suffix == 'K' ? kKi : suffix == 'M' ? kKi * kKi : kKi * kKi * kKi;
      text.remove_suffix(1);
    }
  }
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value <= 0) return -1;
  if (value > INT64_MAX / multiplier) return -1;
  return value * multiplier;
}

const LimitInfo* find(std::string_view name) {
  for (const auto& info : kTable)
    if (name == info.name) return &info;
  return nullptr;
}

std::string names() {
  std::string s;
  for (const auto& info : kTable) s += std::string(s.empty() ? "" : ", ") + info.name;
  return s;
}

}  // namespace

std::span<const LimitInfo> limit_table() {
  return kTable;
}

std::string limit_name(Limit which) {
  return kTable[static_cast<size_t>(which)].name;
}

std::string limit_hint(Limit which) {
  const LimitInfo& info = kTable[static_cast<size_t>(which)];
  return std::string("raise it with --limit ") + info.name + "=N or " + env_name(info) + "=N";
}

Limits::Limits() {
  for (size_t i = 0; i < kTable.size(); ++i) values_[i] = kTable[i].default_value;
}

std::string Limits::set(std::string_view assignment) {
  const size_t eq = assignment.find('=');
  if (eq == std::string_view::npos)
    return "--limit '" + std::string(assignment) + "': expected NAME=N (limits: " + names() + ")";
  const LimitInfo* info = find(assignment.substr(0, eq));
  if (!info)
    return "--limit: unknown limit '" + std::string(assignment.substr(0, eq)) +
           "' (limits: " + names() + ")";
  const std::int64_t v = parse_amount(assignment.substr(eq + 1));
  if (v <= 0)
    return "--limit " + std::string(info->name) + ": expected a whole number above 0, got '" +
           std::string(assignment.substr(eq + 1)) + "'";
  values_[static_cast<size_t>(info->id)] = v;
  return {};
}

std::vector<std::string> Limits::set_from_environment() {
  std::vector<std::string> errors;
  for (const auto& info : kTable) {
    const std::string name = env_name(info);
    const char* text = std::getenv(name.c_str());
    if (!text || !*text) continue;
    const std::int64_t v = parse_amount(text);
    if (v > 0)
      values_[static_cast<size_t>(info.id)] = v;
    else
      errors.push_back(name + "='" + text + "': expected a whole number above 0");
  }
  return errors;
}

std::string Limits::over(Limit which) const {
  const LimitInfo& info = kTable[static_cast<size_t>(which)];
  return std::string("over the ") + info.name + " limit of " + std::to_string((*this)[which]) +
         " " + info.unit;
}

}  // namespace broadside::core
