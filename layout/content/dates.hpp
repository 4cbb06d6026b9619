// dates.hpp — ISO dates (2026-03-14) written out in a statement's language, for `format: date`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace broadside::content {

enum class DateStyle { date, weekday_date };

struct FormattedDate {
  std::string text;
  /// False when neither broadside's tables nor CLDR know the language: English was used.
  bool is_in_language = true;
};

/// "2026-03-14" in `lang` (a BCP 47 tag; its first subtag picks the table): "14 March 2026" en,
/// "14 de marzo de 2026" es, "14 mars 2026" fr, "14. März 2026" de, "2026年3月14日" zh, and so on
/// for every language the campaign prints; any other language as ICU's CLDR data writes it
/// ("14 marca 2026" pl). A language CLDR does not know either is written in English. nullopt
/// when `iso` is not a real date in YYYY-MM-DD form.
std::optional<FormattedDate> format_date(std::string_view iso, std::string_view lang,
                                         DateStyle style);

/// Why `iso` is no date format_date() takes, for a message: "it is not written YYYY-MM-DD",
/// "there is no month 13", "February 2026 has 28 days"; empty when it is a real date.
std::string date_problem(std::string_view iso);

/// Whether `iso` is four, two and two digits joined by hyphens, a real date or not.
bool is_written_iso(std::string_view iso);

}  // namespace broadside::content
