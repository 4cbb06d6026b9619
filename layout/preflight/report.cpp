// report.cpp — statuses per check, and the report as text or JSON.
#include "preflight/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <string_view>
#include <tuple>

namespace broadside::preflight {

namespace {

const char* status_word(Status s) {
  switch (s) {
    case Status::passed:
      return "passed";
    case Status::warned:
      return "warning";
    case Status::failed:
      return "FAILED";
    case Status::skipped:
      break;
  }
  return "not checked";
}

}  // namespace

std::string check_id(Check check) {
  static const char* const kIds[] = {
      "file",  "boxes",     "fonts", "color",  "ink",    "overprint", "registration", "text-size",
      "rules", "safe-zone", "folds", "images", "glyphs", "overflow",  "pdfx"};
  return kIds[static_cast<int>(check)];
}

std::string check_title(Check check, const Limits& l) {
  switch (check) {
    case Check::file:
      return "the file reads without repair, has pages, allows printing and can be checked";
    case Check::boxes:
      return "TrimBox and BleedBox on every page, nested in the MediaBox";
    case Check::fonts:
      return "every font embedded";
    case Check::color:
      return "no RGB colour in a file made for a CMYK press";
    case Check::ink:
      return fmt::format("total ink at most {:g}%", l.ink);
    case Check::overprint:
      return "no white set to overprint; overprint only on black and spot colours";
    case Check::registration:
      return "no registration colour inside the trim, no small text in rich black";
    case Check::pdfx:
      return "PDF/X conformance when the file claims it (ISO 15930-4 X-1a, 15930-7 X-4)";
    case Check::text_size:
      return fmt::format("text at least {:g}pt, reversed text at least {:g}pt", l.min_text.value,
                         l.min_reversed_text.value);
    case Check::rules:
      return fmt::format("rules at least {:g}pt", l.min_rule.value);
    case Check::safe_zone:
      return fmt::format("text, QR codes and logos at least {:g}mm inside the trim",
                         core::to_mm(l.safe_zone));
    case Check::folds:
      return "no text, QR code or logo across a fold";
    case Check::images:
      return fmt::format("images at least {:g}ppi (an error below {:g})", l.good_ppi, l.min_ppi);
    case Check::glyphs:
      return "no missing glyphs";
    case Check::overflow:
      return "no text left over";
  }
  return "";
}

void Report::ran(Check check, std::string note) {
  ran_.emplace_back(check, std::move(note));
}

void Report::skip(Check check, std::string why) {
  skipped_.emplace_back(check, std::move(why));
}

void Report::stop(std::string error) {
  error_ = std::move(error);
  ran_.clear();
  skipped_.clear();
  for (int c = 0; c <= static_cast<int>(kLastCheck); ++c)
    skip(static_cast<Check>(c), "not run: the preflight stopped (see error)");
}

std::vector<Report::Line> Report::summary() const {
  std::vector<Line> out;
  for (int c = 0; c <= static_cast<int>(kLastCheck); ++c) {
    const Check check = static_cast<Check>(c);
    auto is = [&](const auto& entry) { return entry.first == check; };
    if (auto it = std::find_if(ran_.begin(), ran_.end(), is); it != ran_.end()) {
      Status status = Status::passed;
      for (const auto& f : findings_) {
        if (f.check != check) continue;
        if (f.severity == core::Severity::error) status = Status::failed;
        if (f.severity == core::Severity::warning && status == Status::passed)
          status = Status::warned;
      }
      out.push_back({check, status, it->second});
    } else if (auto s = std::find_if(skipped_.begin(), skipped_.end(), is); s != skipped_.end()) {
      out.push_back({check, Status::skipped, s->second});
    }
  }
  return out;
}

bool Report::passed() const {
  return error_.empty() && std::none_of(findings_.begin(), findings_.end(), [](const Finding& f) {
           return f.severity == core::Severity::error;
         });
}

bool Report::has_warnings() const {
  return std::any_of(findings_.begin(), findings_.end(),
                     [](const Finding& f) { return f.severity == core::Severity::warning; });
}

std::string describe(const Finding& f, size_t alike) {
  std::string where = f.page > 0 ? fmt::format("page {}", f.page) : "";
  if (!f.object.empty()) where += (where.empty() ? "" : ", ") + f.object;
  std::string out = (where.empty() ? "" : where + ": ") + f.message;
  if (alike > 0) out += fmt::format(" (and {} more like it)", alike);
  return out;
}

std::vector<AlikeFindings> group_alike(const std::vector<Finding>& findings) {
  std::vector<AlikeFindings> out;
  std::map<std::tuple<core::Severity, Check, int, std::string_view>, size_t> group;
  for (const auto& f : findings) {
    const auto [it, added] =
        group.try_emplace({f.severity, f.check, f.page, std::string_view(f.message)}, out.size());
    if (added)
      out.push_back({&f, 0});
    else
      ++out[it->second].more;
  }
  return out;
}

std::string Report::text(const std::string& file) const {
  std::string out;
  for (const auto& [f, more] : group_alike(findings_))
    out += fmt::format("{}: {}: [{}] {}\n", file, core::severity_name(f->severity),
                       check_id(f->check), describe(*f, more));
  for (const auto& line : summary()) {
    out += fmt::format("  {:<12} {:<11} {}", check_id(line.check), status_word(line.status),
                       check_title(line.check, limits_));
    out += line.note.empty() ? "\n" : " (" + line.note + ")\n";
  }
  out += fmt::format("{}: preflight {}\n", file, passed() ? "passed" : "FAILED");
  return out;
}

std::string Report::json(const std::string& file) const {
  nlohmann::ordered_json j;
  j["file"] = file;
  j["passed"] = passed();
  if (!error_.empty()) j["error"] = error_;
  j["limits"] = {{"ink_percent", limits_.ink},
                 {"min_text_pt", limits_.min_text.value},
                 {"min_reversed_text_pt", limits_.min_reversed_text.value},
                 {"min_rule_pt", limits_.min_rule.value},
                 {"safe_zone_mm", core::to_mm(limits_.safe_zone)},
                 {"good_ppi", limits_.good_ppi},
                 {"min_ppi", limits_.min_ppi}};
  j["checks"] = nlohmann::ordered_json::array();
  for (const auto& line : summary()) {
    const char* status = line.status == Status::passed   ? "passed"
                         : line.status == Status::warned ? "warning"
                         : line.status == Status::failed ? "failed"
                                                         : "skipped";
    j["checks"].push_back({{"id", check_id(line.check)},
                           {"title", check_title(line.check, limits_)},
                           {"status", status},
                           {"note", line.note}});
  }
  j["findings"] = nlohmann::ordered_json::array();
  for (const auto& f : findings_) {
    nlohmann::ordered_json item = {{"severity", core::severity_name(f.severity)},
                                   {"check", check_id(f.check)},
                                   {"page", f.page},
                                   {"object", f.object},
                                   {"message", f.message}};
    if (f.value) item["value"] = *f.value;
    if (f.limit) item["limit"] = *f.limit;
    if (!f.unit.empty()) item["unit"] = f.unit;
    if (f.rect)
      item["rect_mm"] = {core::to_mm(f.rect->x), core::to_mm(f.rect->y), core::to_mm(f.rect->width),
                         core::to_mm(f.rect->height)};
    j["findings"].push_back(item);
  }
  return j.dump(2) + "\n";
}

}  // namespace broadside::preflight
