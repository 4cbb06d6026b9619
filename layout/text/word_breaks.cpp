// word_breaks.cpp — ICU break iterators over UTF-8 text (UText: offsets stay byte offsets).
#include "text/word_breaks.hpp"

#include <glib.h>
#include <pango/pango.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>

namespace broadside::text {

namespace {

/// The scripts ICU's dictionaries break for us: Thai is left to Pango, whose libthai segments
/// it better than ICU does ("การ|กวาด" where ICU has "การก|วาด", "เพื่อ|นโยบาย" where it has
/// "เพื่อน|โย|บาย"), and whose breaks ICU's could only add to.
bool is_icu_dictionary_script(gunichar c) {
  return is_dictionary_script(c) && g_unichar_get_script(c) != G_UNICODE_SCRIPT_THAI;
}

/// Each boundary `iterator` finds in `text`, as byte offsets (0 and the end excluded).
std::vector<size_t> boundaries(icu::BreakIterator* iterator, std::string_view text) {
  std::vector<size_t> out;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return out;
  iterator->setText(ut, status);
  if (U_SUCCESS(status))
    for (int32_t b = iterator->next(); b != icu::BreakIterator::DONE; b = iterator->next())
      if (b > 0 && static_cast<size_t>(b) < text.size()) out.push_back(static_cast<size_t>(b));
  utext_close(ut);
  return out;
}

icu::Locale locale_for(const std::string& lang) {
  std::string tag = lang;
  std::replace(tag.begin(), tag.end(), '-', '_');
  return icu::Locale(tag.c_str());
}

}  // namespace

bool is_dictionary_script(gunichar c) {
  switch (g_unichar_get_script(c)) {
    case G_UNICODE_SCRIPT_THAI:
    case G_UNICODE_SCRIPT_LAO:
    case G_UNICODE_SCRIPT_KHMER:
    case G_UNICODE_SCRIPT_MYANMAR:
      return true;
    default:
      return false;
  }
}

std::vector<size_t> dictionary_breaks(std::string_view text, const std::string& lang) {
  bool any = false;
  for (const char* p = text.data(); p < text.data() + text.size() && !any; p = g_utf8_next_char(p))
    any = is_icu_dictionary_script(g_utf8_get_char(p));
  if (!any) return {};
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> lines(
      icu::BreakIterator::createLineInstance(locale_for(lang), status));
  if (U_FAILURE(status)) return {};
  std::vector<size_t> out;
  for (size_t b : boundaries(lines.get(), text)) {
    // Only between two letters of such a script: spaces, punctuation and other scripts already
    // break as Pango knows (a WORD JOINER between two letters, holding a phrase, is neither).
    const char* at = text.data() + b;
    const char* before = g_utf8_find_prev_char(text.data(), at);
    if (before && is_icu_dictionary_script(g_utf8_get_char(before)) &&
        is_icu_dictionary_script(g_utf8_get_char(at)))
      out.push_back(b);
  }
  return out;
}

std::vector<size_t> pango_dictionary_breaks(std::string_view text, const std::string& lang) {
  bool any = false;
  for (const char* p = text.data(); p < text.data() + text.size() && !any; p = g_utf8_next_char(p))
    any = is_dictionary_script(g_utf8_get_char(p));
  if (!any) return {};
  const auto chars =
      static_cast<size_t>(g_utf8_strlen(text.data(), static_cast<gssize>(text.size())));
  std::vector<PangoLogAttr> attrs(chars + 1);
  pango_get_log_attrs(text.data(), static_cast<int>(text.size()), -1,
                      pango_language_from_string(lang.c_str()), attrs.data(),
                      static_cast<int>(attrs.size()));
  std::vector<size_t> out;
  gunichar before = 0;
  size_t i = 0;
  for (const char* p = text.data(); p < text.data() + text.size(); p = g_utf8_next_char(p), ++i) {
    const gunichar c = g_utf8_get_char(p);
    if (i > 0 && attrs[i].is_line_break && is_dictionary_script(before) && is_dictionary_script(c))
      out.push_back(static_cast<size_t>(p - text.data()));
    before = c;
  }
  return out;
}

std::vector<size_t> word_boundaries(std::string_view text, const std::string& lang) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(locale_for(lang), status));
  if (U_FAILURE(status)) return {};
  return boundaries(words.get(), text);
}

core::RichText with_break_opportunities(const core::RichText& text,
                                        const std::vector<size_t>& offsets) {
  if (offsets.empty()) return text;
  static constexpr std::string_view kZeroWidthSpace = "\u200B";
  core::RichText out;
  size_t from = 0;
  for (size_t at : offsets) {
    out.text.append(text.text, from, at - from);
    out.text += kZeroWidthSpace;
    from = at;
  }
  out.text.append(text.text, from);
  // A run that starts at a break starts after the mark; one that ends there ends before it.
  auto shift = [&](size_t offset, bool is_end) {
    const auto n = is_end ? std::lower_bound(offsets.begin(), offsets.end(), offset)
                          : std::upper_bound(offsets.begin(), offsets.end(), offset);
    return offset + static_cast<size_t>(n - offsets.begin()) * kZeroWidthSpace.size();
  };
  for (auto run : text.runs) {
    run.start = shift(run.start, false);
    run.end = shift(run.end, true);
    out.runs.push_back(std::move(run));
  }
  return out;
}

}  // namespace broadside::text
