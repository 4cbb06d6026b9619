// prepress_fixture.hpp — the bundled press profile and small PDFs built in memory, shared by the
// prepress unit tests.
#pragma once

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <string>
#include <vector>

#include "prepress/ink.hpp"

namespace broadside::prepress::testing {

inline const IccProfile& bundled_profile() {
  static const IccProfile profile = [] {
    core::Diagnostics diags;
    auto p =
        load_icc_profile(std::string(BROADSIDE_SOURCE_DIR) + "/data/icc/broadside-fogra39l.icc",
                         core::Limits{}, diags);
    REQUIRE_MESSAGE(p, diags.to_string());
    return *p;
  }();
  return profile;
}

inline InkMap inks_for(const std::vector<core::Color>& colors) {
  return InkMap(ColorTable(colors), CmykConverter(bundled_profile()));
}

/// The text cairo would print for a colour component (six decimals, zeros trimmed).
inline std::string cairo_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%f", v);
  std::string s = buf;
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') s.pop_back();
  return s;
}

inline std::string cairo_rgb(const core::Rgb& c, const char* op) {
  return cairo_number(c.r) + " " + cairo_number(c.g) + " " + cairo_number(c.b) + " " + op;
}

/// A one-page PDF whose page has `content` and the given resources.
inline void add_page(QPDF& pdf, const std::string& content,
                     QPDFObjectHandle resources = QPDFObjectHandle::newDictionary()) {
  auto page = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary({
      {"/Type", QPDFObjectHandle::newName("/Page")},
      {"/MediaBox", QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(0, 0, 100, 100))},
      {"/Contents", pdf.newStream(content)},
      {"/Resources", resources},
  }));
  QPDFPageDocumentHelper(pdf).addPage(QPDFPageObjectHelper(page), false);
}

/// True when `text` holds `word` as a whole token (content-stream operators).
inline bool has_operator(const std::string& text, const std::string& word) {
  size_t at = 0;
  auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
  while ((at = text.find(word, at)) != std::string::npos) {
    const bool starts =
        at == 0 || is_space(text[at - 1]) || text[at - 1] == ']' || text[at - 1] == ')';
    const size_t end = at + word.size();
    const bool ends = end == text.size() || is_space(text[end]);
    if (starts && ends) return true;
    at = end;
  }
  return false;
}

}  // namespace broadside::prepress::testing
