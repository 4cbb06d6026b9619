// api.cpp — listings and problems as JSON (nlohmann); lengths in millimetres for people.
#include "serve/api.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace broadside::serve {

using nlohmann::json;

namespace {

/// Millimetres to a tenth: 210.0 x 297.0, not 209.99999.
double mm(core::Pt p) {
  return std::round(core::to_mm(p) * 10.0) / 10.0;
}

json text(const std::string& s) {
  return s;
}

/// Invalid UTF-8 becomes U+FFFD instead of an exception: messages quote what a person typed,
/// which may have been cut mid-character.
std::string dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

std::string designs_json(const std::vector<batch::DesignInfo>& designs) {
  json out = json::array();
  for (const auto& d : designs) {
    json vars = json::array();
    for (const auto& v : d.variables)
      vars.push_back({{"name", text(v.name)},
                      {"default", text(v.default_value)},
                      {"max_length", v.max_length},
                      {"format", v.format}});
    out.push_back({{"name", text(d.name)},
                   {"title", text(d.title)},
                   {"page",
                    {{"width_mm", mm(d.trim.width)},
                     {"height_mm", mm(d.trim.height)},
                     {"bleed_mm", mm(d.bleed)}}},
                   {"pages", d.pages},
                   {"repeats", d.repeats},
                   {"variables", vars},
                   {"formats", d.formats}});
  }
  return dump(out);
}

std::string statements_json(const std::vector<batch::StatementInfo>& statements) {
  json out = json::array();
  for (const auto& s : statements)
    out.push_back({{"name", text(s.name)}, {"lang", text(s.lang)}, {"headline", text(s.headline)}});
  return dump(out);
}

std::string names_json(const std::vector<std::string>& designs,
                       const std::vector<std::string>& statements) {
  return dump(json{{"designs", designs}, {"statements", statements}});
}

std::string errors_json(const std::vector<batch::FieldProblem>& problems) {
  json errors = json::array();
  for (const auto& p : problems) {
    json e = {{"field", text(p.field)}, {"message", text(p.message)}};
    if (!p.where.empty()) e["where"] = text(p.where);
    errors.push_back(std::move(e));
  }
  return dump(json{{"errors", errors}});
}

std::string row_errors_json(const std::vector<batch::RowProblem>& problems) {
  json errors = json::array();
  for (const auto& p : problems) {
    json e = {
        {"row", p.row}, {"field", text(p.problem.field)}, {"message", text(p.problem.message)}};
    if (!p.problem.where.empty()) e["where"] = text(p.problem.where);
    errors.push_back(std::move(e));
  }
  return dump(json{{"errors", errors}});
}

int status_for(batch::PreviewStatus status) {
  switch (status) {
    case batch::PreviewStatus::ok:
      return 200;
    case batch::PreviewStatus::unknown_design:
    case batch::PreviewStatus::unknown_statement:
      return 404;
    case batch::PreviewStatus::bad_request:
      return 400;
    case batch::PreviewStatus::refused:
      break;
  }
  return 422;
}

const char* content_type(batch::Format format) {
  switch (format) {
    case batch::Format::pdf:
      return "application/pdf";
    case batch::Format::svg:
      return "image/svg+xml";
    case batch::Format::png:
      break;
  }
  return "image/png";
}

}  // namespace broadside::serve
