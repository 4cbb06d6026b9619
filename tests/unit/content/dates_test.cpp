// dates_test.cpp — ISO dates written out per language.
#include <doctest/doctest.h>

#include "content/dates.hpp"

using namespace broadside::content;

namespace {

/// The date with its no-break spaces shown as plain ones (checked on their own below).
std::string date(const char* iso, const char* lang, DateStyle style = DateStyle::date) {
  auto d = format_date(iso, lang, style);
  REQUIRE(d);
  std::string s = d->text;
  for (size_t at; (at = s.find("\u00A0")) != std::string::npos;) s.replace(at, 2, " ");
  return s;
}

}  // namespace

TEST_CASE("dates: the campaign's main languages") {
  CHECK(date("2026-03-14", "en") == "March 14, 2026");
  CHECK(date("2026-03-14", "es") == "14 de marzo de 2026");
  CHECK(date("2026-03-14", "fr") == "14 mars 2026");
  CHECK(date("2026-03-14", "de") == "14. März 2026");
  CHECK(date("2026-03-01", "fr") == "1er mars 2026");
  CHECK(date("2026-08-05", "pt-BR") == "5 de agosto de 2026");
  CHECK(date("2026-03-14", "ru") == "14 марта 2026 г.");
  CHECK(date("2026-03-14", "zh-Hans") == "2026年3月14日");
  CHECK(date("2026-03-14", "ko") == "2026년 3월 14일");
  CHECK(date("2026-03-14", "fil") == "Marso 14, 2026");
  CHECK(date("2026-03-14", "fa") == "۱۴ مارس ۲۰۲۶");
}

TEST_CASE("dates: with the weekday") {
  CHECK(date("2026-03-14", "en", DateStyle::weekday_date) == "Saturday, March 14, 2026");
  CHECK(date("2026-03-14", "es", DateStyle::weekday_date) == "sábado, 14 de marzo de 2026");
  CHECK(date("2026-03-15", "de", DateStyle::weekday_date) == "Sonntag, 15. März 2026");
  CHECK(date("2020-02-17", "fr", DateStyle::weekday_date) == "lundi 17 février 2020");
}

TEST_CASE("dates: no-break spaces keep the date whole; it breaks only after the weekday") {
  CHECK(format_date("2026-03-14", "en", DateStyle::weekday_date)->text ==
        "Saturday, March\u00A014,\u00A02026");
  CHECK(format_date("2026-03-14", "en-GB", DateStyle::weekday_date)->text ==
        "Saturday 14\u00A0March\u00A02026");
  CHECK(format_date("2026-03-14", "es", DateStyle::weekday_date)->text ==
        "sábado, 14\u00A0de\u00A0marzo\u00A0de\u00A02026");
  CHECK(format_date("2026-03-14", "de", DateStyle::date)->text == "14.\u00A0März\u00A02026");
  CHECK(format_date("2026-03-14", "ar", DateStyle::weekday_date)->text ==
        "السبت، 14\u00A0مارس\u00A02026");
}

TEST_CASE("dates: a language with no table of broadside's own is written as CLDR writes it") {
  // Polish months in the genitive, Czech's ordinal dot, Swahili, Greek, Dutch: ICU's data.
  CHECK(date("2026-03-14", "pl") == "14 marca 2026");
  CHECK(date("2026-03-14", "cs") == "14. března 2026");
  CHECK(date("2026-03-14", "sw") == "14 Machi 2026");
  CHECK(date("2026-03-14", "el") == "14 Μαρτίου 2026");
  CHECK(date("2026-03-14", "nl-BE") == "14 maart 2026");
  CHECK(format_date("2026-03-14", "pl", DateStyle::date)->is_in_language);
  // With the weekday, first or last, the date still breaks only beside it.
  CHECK(format_date("2026-03-14", "pl", DateStyle::weekday_date)->text ==
        "sobota, 14\u00A0marca\u00A02026");
  CHECK(format_date("2026-03-14", "tr", DateStyle::weekday_date)->text ==
        "14\u00A0Mart\u00A02026 Cumartesi");
}

TEST_CASE("dates: an unknown language is written in English and says so") {
  auto d = format_date("2026-03-14", "xx", DateStyle::date);
  REQUIRE(d);
  CHECK(d->text == "March\u00A014,\u00A02026");
  CHECK_FALSE(d->is_in_language);
  CHECK(format_date("2026-03-14", "en-GB", DateStyle::date)->is_in_language);
}

TEST_CASE("dates: only real YYYY-MM-DD dates are accepted") {
  for (const char* bad : {"", "2026-3-14", "14 March 2026", "2026-02-30", "2026-13-01",
                          "2026-03-14T10:00", "2026/03/14", "abcd-ef-gh"}) {
    INFO(bad);
    CHECK_FALSE(format_date(bad, "en", DateStyle::date));
  }
  CHECK(format_date("2024-02-29", "en", DateStyle::date));  // a leap day
}

TEST_CASE("dates: English puts the month first unless the region writes the day first") {
  CHECK(date("2026-03-14", "en-US") == "March 14, 2026");
  CHECK(date("2026-03-14", "en-CA") == "March 14, 2026");
  CHECK(date("2026-03-14", "en-GB") == "14 March 2026");
  CHECK(date("2026-03-14", "en_au") == "14 March 2026");
  CHECK(date("2026-03-14", "en-Latn-IN") == "14 March 2026");
  CHECK(date("2026-03-14", "en-GB", DateStyle::weekday_date) == "Saturday 14 March 2026");
}

TEST_CASE("dates: why a value is no real date, for the message that refuses it") {
  CHECK(date_problem("2026-03-14").empty());
  CHECK(date_problem("2024-02-29").empty());
  CHECK(date_problem("2026-02-30") == "February 2026 has 28 days");
  CHECK(date_problem("2024-02-30") == "February 2024 has 29 days");
  CHECK(date_problem("2026-04-31") == "April 2026 has 30 days");
  CHECK(date_problem("2026-13-01") == "there is no month 13");
  CHECK(date_problem("2026-00-10") == "there is no month 0");
  CHECK(date_problem("2026-03-00") == "there is no day 0");
  CHECK(date_problem("14/03/2026") == "it is not written YYYY-MM-DD");
  CHECK(date_problem("2026-3-14") == "it is not written YYYY-MM-DD");
  CHECK(date_problem("20-6-03-14") == "it is not written YYYY-MM-DD");
}
