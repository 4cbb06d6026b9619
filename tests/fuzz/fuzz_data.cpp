// fuzz_data.cpp — fuzz target: data merge. The input's first line is an output pattern, the rest
// a CSV (or, when the line starts with a tab, a TSV) file; every row's values go through the
// pattern, the design's declared variables (dates, maximum lengths) and a --vars reading.
#include <cstdint>
#include <string>
#include <string_view>

#include "batch/csv_data.hpp"
#include "batch/output_names.hpp"
#include "batch/variable_values.hpp"
#include "content/document.hpp"
#include "content/front_matter.hpp"
#include "design/design.hpp"

namespace {

using namespace broadside;

/// A design declaring variables of every kind, parsed once.
const design::Design& design() {
  static const design::Design d = [] {
    core::Diagnostics diags;
    auto parsed = design::parse_design(R"(name: fuzz
page: {size: A7}
variables:
  event.date: {format: date}
  event.day: {format: weekday-date}
  branch.name: {max-length: 30, default: "Branch"}
pages: [{frames: [{text: "{branch.name}", style: s, area: margin}]}]
styles: {s: {font: [Inter], size: 8pt}}
)",
                                       "fuzz.yaml", core::Options{}, diags);
    if (!parsed) __builtin_trap();  // the harness itself is wrong
    return *parsed;
  }();
  return d;
}

void merge_rows(const batch::DataTable& table, const std::string& pattern) {
  for (const char* lang : {"en", "es", "zh", "xx"}) {
    content::Document doc;
    doc.lang = lang;
    for (const auto& row : table.rows) {
      if (row.problem) continue;
      core::Diagnostics diags;
      const core::Variables values = batch::resolve_variables(design(), doc, row.values, diags);
      const batch::NameLookup lookup = [&](const std::string& name) -> const core::Value* {
        auto it = values.find(name);
        return it == values.end() ? nullptr : &it->second;
      };
      const auto name = batch::expand_output_pattern(pattern, lookup);
      // No value may climb out of the output folder or name a hidden file.
      if (name.error.empty() && batch::check_confined_pattern(pattern).empty()) {
        for (const auto& part : name.path)
          if (part == "..") __builtin_trap();
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t eol = std::min(input.find('\n'), input.size());
  const std::string pattern(input.substr(0, eol));
  const std::string_view csv = eol < input.size() ? input.substr(eol + 1) : std::string_view();
  const char delimiter = !pattern.empty() && pattern[0] == '\t' ? '\t' : ',';
  core::Diagnostics diags;
  if (auto table = batch::parse_data(csv, "fuzz.csv", delimiter, diags))
    merge_rows(*table, pattern);
  (void)batch::sanitize_name_part(input.substr(0, 300));
  core::Variables vars;  // the same bytes as a --vars file
  content::read_front_matter(csv, 1, "fuzz-vars.yaml", core::Limits{},
                             content::FrontMatterKeys::any, vars, diags);
  (void)diags.to_string();
  return 0;
}
