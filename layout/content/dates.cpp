// dates.cpp — month and weekday names, and the order of day, month and year, per language.
#include "content/dates.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <string>

#include <dlfcn.h>
#include <unicode/udat.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include "core/ascii.hpp"
#include "core/utf8.hpp"

namespace broadside::content {

namespace {

/// One language's way of writing a date. Patterns: {d} day, {m} month number, {M} month name,
/// {y} year, {W} weekday name. The forms follow CLDR's "long" and "full" date formats; the
/// tables for languages other than en, es, fr and de want a native speaker's proofreading, like
/// the statements themselves.
struct DateLocale {
  const char* lang;
  std::array<const char*, 12> months;
  std::array<const char*, 7> weekdays;  // Sunday first
  const char* date;
  const char* weekday_date;
  /// Code point of the language's digit zero, when it writes numbers in its own digits.
  char32_t zero = U'0';
};

constexpr std::array<const char*, 12> kEnglishMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<const char*, 7> kEnglishWeekdays = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

const DateLocale kLocales[] = {
    // English as CLDR's "en" writes it (the United States, Canada, the Philippines), then as
    // Britain and most of the Commonwealth do: day_first_english() picks it by region.
    {"en", kEnglishMonths, kEnglishWeekdays, "{M} {d}, {y}", "{W}, {M} {d}, {y}"},
    {"en-gb", kEnglishMonths, kEnglishWeekdays, "{d} {M} {y}", "{W} {d} {M} {y}"},
    {"es",
     {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
      "octubre", "noviembre", "diciembre"},
     {"domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"},
     "{d} de {M} de {y}",
     "{W}, {d} de {M} de {y}"},
    {"fr",
     {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
      "octobre", "novembre", "décembre"},
     {"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
     "{d} {M} {y}",
     "{W} {d} {M} {y}"},
    {"de",
     {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
      "November", "Dezember"},
     {"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"},
     "{d}. {M} {y}",
     "{W}, {d}. {M} {y}"},
    {"pt",
     {"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
      "outubro", "novembro", "dezembro"},
     {"domingo", "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
      "sábado"},
     "{d} de {M} de {y}",
     "{W}, {d} de {M} de {y}"},
    {"it",
     {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
      "ottobre", "novembre", "dicembre"},
     {"domenica", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato"},
     "{d} {M} {y}",
     "{W} {d} {M} {y}"},
    {"ru",  // month names in the genitive, as a date needs them
     {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
      "октября", "ноября", "декабря"},
     {"воскресенье", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота"},
     "{d} {M} {y} г.",
     "{W}, {d} {M} {y} г."},
    {"tl",
     {"Enero", "Pebrero", "Marso", "Abril", "Mayo", "Hunyo", "Hulyo", "Agosto", "Setyembre",
      "Oktubre", "Nobyembre", "Disyembre"},
     {"Linggo", "Lunes", "Martes", "Miyerkules", "Huwebes", "Biyernes", "Sabado"},
     "{M} {d}, {y}",
     "{W}, {M} {d}, {y}"},
    {"ht",
     {"janvye", "fevriye", "mas", "avril", "me", "jen", "jiyè", "out", "septanm", "oktòb", "novanm",
      "desanm"},
     {"dimanch", "lendi", "madi", "mèkredi", "jedi", "vandredi", "samdi"},
     "{d} {M} {y}",
     "{W} {d} {M} {y}"},
    {"vi",
     {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"},
     {"Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"},
     "{d} tháng {m}, {y}",
     "{W}, {d} tháng {m}, {y}"},
    {"zh",
     {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"},
     {"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"},
     "{y}年{m}月{d}日",
     "{y}年{m}月{d}日{W}"},
    {"ja",
     {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"},
     {"日曜日", "月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日"},
     "{y}年{m}月{d}日",
     "{y}年{m}月{d}日{W}"},
    {"ko",
     {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"},
     {"일요일", "월요일", "화요일", "수요일", "목요일", "금요일", "토요일"},
     "{y}년 {m}월 {d}일",
     "{y}년 {m}월 {d}일 {W}"},
    {"ar",
     {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
      "نوفمبر", "ديسمبر"},
     {"الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"},
     "{d} {M} {y}",
     "{W}، {d} {M} {y}"},
    {"fa",
     {"ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر",
      "نوامبر", "دسامبر"},
     {"یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه"},
     "{d} {M} {y}",
     "{W} {d} {M} {y}",
     U'\u06F0'},
    {"hi",
     {"जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्तूबर", "नवंबर",
      "दिसंबर"},
     {"रविवार", "सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार"},
     "{d} {M} {y}",
     "{W}, {d} {M} {y}"},
    {"bn",
     {"জানুয়ারী", "ফেব্রুয়ারী", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর",
      "নভেম্বর", "ডিসেম্বর"},
     {"রবিবার", "সোমবার", "মঙ্গলবার", "বুধবার", "বৃহস্পতিবার", "শুক্রবার", "শনিবার"},
     "{d} {M}, {y}",
     "{W}, {d} {M}, {y}",
     U'\u09E6'},
};

/// Whether an English tag names a region that writes the day before the month ("en-GB",
/// "en-AU", "en-IN", ...): the region is the tag's first two-letter subtag.
bool day_first_english(std::string_view lang) {
  static const std::array<std::string_view, 14> kRegions = {
      "gb", "uk", "ie", "au", "nz", "za", "in", "sg", "hk", "mt", "ng", "ke", "gh", "jm"};
  size_t at = lang.find_first_of("-_");
  while (at != std::string_view::npos) {
    const size_t end = lang.find_first_of("-_", at + 1);
    const std::string sub = core::ascii_lower(lang.substr(at + 1, end - at - 1));
    if (sub.size() == 2) return std::find(kRegions.begin(), kRegions.end(), sub) != kRegions.end();
    at = end;
  }
  return false;
}

const DateLocale& locale_for(std::string_view lang, bool& found) {
  std::string primary = core::ascii_lower(lang.substr(0, lang.find_first_of("-_")));
  if (primary == "fil") primary = "tl";  // Filipino is written with the Tagalog table
  if (primary == "en" && day_first_english(lang)) primary = "en-gb";
  for (const DateLocale& l : kLocales)
    if (primary == l.lang) {
      found = true;
      return l;
    }
  found = false;
  return kLocales[0];
}

std::string number(unsigned value, char32_t zero) {
  std::string out;
  for (char c : std::to_string(value))
    core::append_utf8(out, zero + static_cast<char32_t>(c - '0'));
  return out;
}

std::optional<std::chrono::year_month_day> parse_iso(std::string_view s) {
  auto digits = [&](size_t at, size_t n, int& out) {
    out = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      out = out * 10 + (s[i] - '0');
    }
    return true;
  };
  int y = 0, m = 0, d = 0;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(0, 4, y) || !digits(5, 2, m) ||
      !digits(8, 2, d))
    return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(y),
                                         std::chrono::month(static_cast<unsigned>(m)),
                                         std::chrono::day(static_cast<unsigned>(d))};
  if (!date.ok()) return std::nullopt;
  return date;
}

#define BROADSIDE_NAME2(x) #x
#define BROADSIDE_NAME(x) BROADSIDE_NAME2(x)

/// ICU's date formatting (libicui18n), opened on first use: linked, its relocations would be
/// paid at every start, and only a date in a language without a table of ours needs it.
/// ICU renames its functions per version (udat_open_72): the names come from its own macros.
struct DateApi {
  decltype(&udat_open) open = nullptr;
  decltype(&udat_close) close = nullptr;
  decltype(&udat_format) format = nullptr;
  decltype(&udat_getLocaleByType) locale_by_type = nullptr;
  bool ok() const { return open && close && format && locale_by_type; }
};

const DateApi& date_api() {
  static const DateApi api = [] {
    DateApi a;
    void* lib =
        ::dlopen("libicui18n.so." BROADSIDE_NAME(U_ICU_VERSION_MAJOR_NUM), RTLD_NOW | RTLD_LOCAL);
    if (!lib) return a;  // never closed: used for the rest of the process
    a.open = reinterpret_cast<decltype(a.open)>(::dlsym(lib, BROADSIDE_NAME(udat_open)));
    a.close = reinterpret_cast<decltype(a.close)>(::dlsym(lib, BROADSIDE_NAME(udat_close)));
    a.format = reinterpret_cast<decltype(a.format)>(::dlsym(lib, BROADSIDE_NAME(udat_format)));
    a.locale_by_type = reinterpret_cast<decltype(a.locale_by_type)>(
        ::dlsym(lib, BROADSIDE_NAME(udat_getLocaleByType)));
    return a;
  }();
  return api;
}

/// What `format` writes for `when`, in UTF-8; nullopt on an ICU error.
std::optional<std::string> utf8_of(UDateFormat* format, UDate when) {
  UErrorCode status = U_ZERO_ERROR;
  UChar text[128];
  const int32_t length = date_api().format(format, when, text, 128, nullptr, &status);
  char utf8[512];
  int32_t bytes = 0;
  u_strToUTF8(utf8, sizeof utf8, &bytes, text, length, &status);
  if (U_FAILURE(status)) return std::nullopt;
  return std::string(utf8, static_cast<size_t>(bytes));
}

/// Spaces inside a date become no-break spaces, but for the one between the weekday and the
/// rest: "sobota, / 14 marca 2026", "14 Mart 2026 / Cumartesi", never "14 / Mart 2026".
std::string keep_together(const std::string& date, const std::string& weekday) {
  size_t free = std::string::npos;
  const size_t at = weekday.empty() ? std::string::npos : date.find(weekday);
  if (at == 0)
    free = date.find(' ', weekday.size());
  else if (at != std::string::npos && at + weekday.size() == date.size())
    free = date.rfind(' ', at);
  // A date of day, month and year stays whole; a longer one ("2026 оны 3-р сарын 14") would be
  // one word wider than a poster's line: it keeps its spaces, and a display line's phrases
  // then keep each number with its word.
  size_t spaces = 0;
  for (size_t i = 0; i < date.size(); ++i) spaces += date[i] == ' ' && i != free;
  const bool whole = spaces <= 2;
  std::string out;
  for (size_t i = 0; i < date.size(); ++i)
    out += date[i] == ' ' && i != free && whole ? std::string("\u00A0") : std::string(1, date[i]);
  return out;
}

/// The date as ICU's CLDR data writes it in `lang` (its "long" or "full" form: "14 marca 2026",
/// "sobota, 14 marca 2026"), for a language broadside has no table of its own for; nullopt
/// when CLDR does not know the language either (ICU would answer in its root form).
std::optional<std::string> cldr_date(const std::chrono::year_month_day& date, std::string_view lang,
                                     DateStyle style) {
  const DateApi& icu = date_api();
  if (!icu.ok()) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  char locale[ULOC_FULLNAME_CAPACITY] = {};
  uloc_forLanguageTag(std::string(lang).c_str(), locale, sizeof locale, nullptr, &status);
  if (U_FAILURE(status) || locale[0] == '\0') return std::nullopt;
  const UChar utc[] = {'U', 'T', 'C', 0};
  UDateFormat* format = icu.open(UDAT_NONE, style == DateStyle::date ? UDAT_LONG : UDAT_FULL,
                                 locale, utc, -1, nullptr, 0, &status);
  if (U_FAILURE(status)) return std::nullopt;
  struct Close {
    UDateFormat* f;
    ~Close() { date_api().close(f); }
  } close{format};
  char language[ULOC_LANG_CAPACITY] = {}, valid_language[ULOC_LANG_CAPACITY] = {};
  const char* valid = icu.locale_by_type(format, ULOC_VALID_LOCALE, &status);
  uloc_getLanguage(locale, language, sizeof language, &status);
  uloc_getLanguage(valid ? valid : "", valid_language, sizeof valid_language, &status);
  if (U_FAILURE(status) || language[0] == '\0' || std::string_view(language) != valid_language)
    return std::nullopt;
  const auto days = std::chrono::sys_days(date).time_since_epoch().count();
  const UDate when = static_cast<UDate>(days) * 86400000.0;
  const auto text = utf8_of(format, when);
  if (!text) return std::nullopt;
  std::string weekday;
  if (style == DateStyle::weekday_date) {
    const UChar pattern[] = {'E', 'E', 'E', 'E', 0};
    UDateFormat* names =
        icu.open(UDAT_PATTERN, UDAT_PATTERN, locale, utc, -1, pattern, -1, &status);
    if (U_SUCCESS(status)) {
      weekday = utf8_of(names, when).value_or("");
      icu.close(names);
    }
  }
  return keep_together(*text, weekday);
}

}  // namespace

bool is_written_iso(std::string_view iso) {
  bool has_shape = iso.size() == 10;
  for (size_t i = 0; has_shape && i < iso.size(); ++i)
    has_shape = (i == 4 || i == 7) ? iso[i] == '-' : (iso[i] >= '0' && iso[i] <= '9');
  return has_shape;
}

std::string date_problem(std::string_view iso) {
  if (parse_iso(iso)) return {};
  // parse_iso() takes any four, two and two digits; what it refused is the month or the day.
  if (!is_written_iso(iso)) return "it is not written YYYY-MM-DD";
  const auto field = [&](size_t at, size_t n) {
    unsigned v = 0;
    for (size_t i = at; i < at + n; ++i) v = v * 10 + static_cast<unsigned>(iso[i] - '0');
    return v;
  };
  const unsigned month = field(5, 2), day = field(8, 2);
  if (month < 1 || month > 12) return "there is no month " + std::to_string(month);
  static constexpr std::array<std::string_view, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  const std::chrono::year_month_day_last last{
      std::chrono::year(static_cast<int>(field(0, 4))),
      std::chrono::month_day_last(std::chrono::month(month))};
  const unsigned days = static_cast<unsigned>(last.day());
  if (day == 0) return "there is no day 0";
  return std::string(kMonths[month - 1]) + " " + std::string(iso.substr(0, 4)) + " has " +
         std::to_string(days) + " days";
}

std::optional<FormattedDate> format_date(std::string_view iso, std::string_view lang,
                                         DateStyle style) {
  const auto date = parse_iso(iso);
  if (!date) return std::nullopt;
  FormattedDate out;
  const DateLocale& l = locale_for(lang, out.is_in_language);
  if (!out.is_in_language)
    if (auto cldr = cldr_date(*date, lang, style)) return FormattedDate{*cldr};
  const unsigned day = static_cast<unsigned>(date->day());
  const unsigned month = static_cast<unsigned>(date->month());
  const unsigned weekday = std::chrono::weekday(std::chrono::sys_days(*date)).c_encoding();
  const std::string pattern = style == DateStyle::date ? l.date : l.weekday_date;
  // Spaces inside the date are no-break spaces (U+00A0): a date set large breaks only after
  // its weekday ("Saturday / 14 March 2026"), never inside ("Saturday 14 / March 2026").
  bool after_weekday = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == ' ') {
      out.text += after_weekday ? " " : "\u00A0";
      after_weekday = false;
      continue;
    }
    if (pattern[i] != '{' || i + 2 >= pattern.size() || pattern[i + 2] != '}') {
      out.text += pattern[i];
      continue;
    }
    after_weekday = pattern[i + 1] == 'W';
    switch (pattern[i + 1]) {
      case 'd':
        out.text += number(day, l.zero);
        if (day == 1 && std::string_view(l.lang) == "fr") out.text += "er";  // « 1er mars »
        break;
      case 'm':
        out.text += number(month, l.zero);
        break;
      case 'M':
        out.text += l.months[month - 1];
        break;
      case 'y':
        out.text += number(static_cast<unsigned>(int(date->year())), l.zero);
        break;
      case 'W':
        out.text += l.weekdays[weekday];
        break;
    }
    i += 2;
  }
  return out;
}

}  // namespace broadside::content
