// variables_section.cpp — reading `variables:` (default, max-length, format per variable).
#include "design/variables_section.hpp"

#include <limits>

#include "design/design.hpp"
#include "design/template.hpp"
#include "design/yaml_reader.hpp"

namespace broadside::design {

namespace {

const std::vector<std::string> kVariableKeys = {"default", "max-length", "format"};

std::optional<core::Value> read_default(Reader& in, const Field& f) {
  if (f.is_null()) return core::Value::scalar("", in.at(f));  // `default:` blanks the value
  if (f.node.IsSequence()) {
    std::vector<std::string> items;
    for (const Field& item : in.list(f).value_or(std::vector<Field>{}))
      if (auto s = in.scalar(item, "a plain value")) items.push_back(*s);
    return core::Value::list(std::move(items), in.at(f));
  }
  if (auto s = in.scalar(f, "a plain value or a list of them"))
    return core::Value::scalar(*s, in.at(f));
  return std::nullopt;
}

VariableSpec read_variable(Reader& in, const Field& entry) {
  VariableSpec spec;
  spec.name = entry.name;
  spec.where = in.at(entry.key_mark);
  MapView map(in, entry, "a map with default, max-length or format");
  if (!map.is_map()) return spec;
  map.check(kVariableKeys);
  if (map.has("default")) spec.default_value = read_default(in, map.get("default"));
  if (map.has("max-length"))
    spec.max_length =
        in.integer(map.get("max-length"), 1, std::numeric_limits<int>::max()).value_or(0);
  if (map.has("format"))
    spec.format = in.keyword(map.get("format"),
                             std::vector<std::pair<std::string, VariableFormat>>{
                                 {"text", VariableFormat::text},
                                 {"date", VariableFormat::date},
                                 {"weekday-date", VariableFormat::weekday_date}})
                      .value_or(VariableFormat::text);
  return spec;
}

}  // namespace

void read_variables_section(Reader& in, const Field& section, Design& design) {
  if (!section.present) return;
  MapView map(in, section, "a map of variable names to their settings");
  for (const Field& entry : map.entries()) {
    // Names are written whole ("event.date"), not nested: a nested map would be ambiguous with
    // the settings themselves.
    if (!is_variable_name(entry.name)) {
      in.error(in.at(entry.key_mark), "bad variable name '" + entry.name + "'",
               "names use letters, digits, '_', '-' and '.'");
      continue;
    }
    VariableSpec spec = read_variable(in, entry);
    if (spec.default_value) {
      if (design.defaults.count(spec.name)) {
        in.error(spec.where, "variable '" + spec.name + "' has a default in 'defaults:' too",
                 "give it in one place");
      } else {
        design.defaults[spec.name] = *spec.default_value;
      }
    }
    design.variables[spec.name] = std::move(spec);
  }
}

}  // namespace broadside::design
