// variable_values.cpp — --vars files, and the design's per-variable format and max-length.
#include "batch/variable_values.hpp"

#include "compose/varying.hpp"
#include "content/dates.hpp"
#include "content/front_matter.hpp"
#include "core/atomic_file.hpp"
#include "core/suggest.hpp"
#include "core/utf8.hpp"

namespace broadside::batch {

using content::DateStyle;
using content::format_date;

namespace {

const core::Value* first_value(const std::string& name,
                               std::initializer_list<const core::Variables*> sources) {
  for (const core::Variables* source : sources)
    if (auto it = source->find(name); it != source->end()) return &it->second;
  return nullptr;
}

std::string format_hint(const design::VariableSpec& spec) {
  return "the design declares it at " + spec.where.to_string();
}

/// Writes each item of a date variable out in the statement's language.
bool format_dates(const design::VariableSpec& spec, const std::string& lang, core::Value& value,
                  core::Diagnostics& diags) {
  const DateStyle style =
      spec.format == design::VariableFormat::date ? DateStyle::date : DateStyle::weekday_date;
  bool warned = false;
  for (std::string& item : value.items) {
    const auto date = format_date(item, lang, style);
    if (!date) {
      const char* format = spec.format == design::VariableFormat::date ? "date" : "weekday-date";
      // 2026-02-30 is written right and still no date: say why.
      diags.error(value.where,
                  content::is_written_iso(item)
                      ? "variable '" + spec.name + "' is no date: '" + item +
                            "': " + content::date_problem(item)
                      : "variable '" + spec.name + "' must be a date written YYYY-MM-DD, got '" +
                            item + "'",
                  format_hint(spec) + " with format: " + format);
      return false;
    }
    if (!date->is_in_language && !warned) {
      diags.warning(value.where, "variable '" + spec.name + "': no month names for language '" +
                                     lang + "', the date is written in English");
      warned = true;
    }
    item = date->text;
  }
  return true;
}

bool check_length(const design::VariableSpec& spec, const core::Value& value,
                  core::Diagnostics& diags) {
  for (const std::string& item : value.items) {
    const size_t length = core::code_point_count(item);
    if (length <= static_cast<size_t>(spec.max_length)) continue;
    diags.error(value.where,
                "variable '" + spec.name + "' is " + std::to_string(length) +
                    " characters long; the design allows at most " +
                    std::to_string(spec.max_length),
                "shorten it; " + format_hint(spec));
    return false;
  }
  return true;
}

}  // namespace

std::optional<core::Variables> read_vars_file(const std::filesystem::path& file,
                                              const core::Limits& limits,
                                              core::Diagnostics& diags) {
  const auto text = core::read_file(file, limits, diags);
  if (!text) return std::nullopt;
  // The same reader as a statement's front matter: the same flattening, the same messages.
  core::Variables vars;
  if (!content::read_front_matter(*text, 1, file.string(), limits, content::FrontMatterKeys::any,
                                  vars, diags))
    return std::nullopt;
  return vars;
}

core::Variables resolve_variables(const design::Design& design, const content::Document& document,
                                  const core::Variables& overrides, core::Diagnostics& diags) {
  core::Variables out = overrides;
  for (const auto& [name, spec] : design.variables) {
    const core::Value* found =
        first_value(name, {&overrides, &document.variables, &design.defaults});
    if (!found) continue;  // compose reports it, naming the frame, if a frame uses it
    core::Value value = *found;
    if (const auto fallback = design.defaults.find(name);
        fallback != design.defaults.end() && found == &fallback->second)
      value.is_design_default = true;
    if (spec.format != design::VariableFormat::text &&
        !format_dates(spec, document.lang, value, diags))
      continue;
    if (spec.max_length > 0 && !check_length(spec, value, diags)) continue;
    out[name] = std::move(value);
  }
  return out;
}

void check_given_names(const design::Design& design, const core::Variables& given,
                       core::Diagnostics& diags) {
  if (given.empty()) return;
  std::vector<std::string> not_given;
  for (const auto& name : compose::named_variables(design))
    if (!given.count(name)) not_given.push_back(name);
  for (const auto& [name, value] : given) {
    if (compose::draws_given_values(design, core::Variables{{name, value}})) continue;
    const std::string hint = core::did_you_mean(name, not_given);
    if (hint.empty()) continue;  // a column of other uses ("notes"), not a slip
    diags.error(value.where, "no frame of design '" + design.name + "' shows '" + name + "'", hint);
  }
}

}  // namespace broadside::batch
