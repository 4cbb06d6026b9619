// spec_test_support.hpp — parsing designs from strings and finding diagnostics in tests.
#pragma once

#include <doctest/doctest.h>

#include <cmath>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "core/units.hpp"
#include "design/design.hpp"
#include "support/test_options.hpp"

namespace broadside::design::testing {

/// Every test design pretends to live here, so messages read "designs/test.yaml:3:10: ...".
inline const char* const kTestFile = "designs/test.yaml";

struct Parsed {
  std::optional<Design> design;
  core::Diagnostics diags;
};

inline Parsed parse(const std::string& yaml, const std::string& file = kTestFile) {
  Parsed p;
  p.design = parse_design(yaml, file, kOptions, p.diags);
  return p;
}

/// The first diagnostic whose message contains `needle`; fails the test when there is none.
inline const core::Diagnostic* find_diag(const core::Diagnostics& diags, std::string_view needle) {
  for (const auto& d : diags.all())
    if (d.message.find(needle) != std::string::npos) return &d;
  FAIL_CHECK("no diagnostic contains '" << std::string(needle) << "'; got:\n" << diags.to_string());
  return nullptr;
}

/// Asserts an error containing `needle` at line:column of the test file; returns it (or, after
/// a failed check, an empty diagnostic, so the caller's further checks fail rather than crash).
inline const core::Diagnostic& expect_error(const Parsed& p, std::string_view needle, int line,
                                            int column) {
  CHECK_FALSE(p.design.has_value());
  for (const auto& d : p.diags.all()) {
    if (d.message.find(needle) == std::string::npos) continue;
    if (d.where.line != line || d.where.column != column) continue;
    CHECK(d.severity == core::Severity::error);
    CHECK(d.where.file == kTestFile);
    return d;
  }
  FAIL_CHECK("no error '" << std::string(needle) << "' at " << line << ":" << column << "; got:\n"
                          << p.diags.to_string());
  static const core::Diagnostic missing;
  return missing;
}

/// Lengths compared to a thousandth of a point: far below anything a printer can show.
inline bool near(core::Pt a, core::Pt b) {
  return std::abs(a.value - b.value) < 1e-3;
}
inline bool near(double a, double b) {
  return std::abs(a - b) < 1e-6;
}

}  // namespace broadside::design::testing
