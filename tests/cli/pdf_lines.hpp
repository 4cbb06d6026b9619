// pdf_lines.hpp — the lines and words of a PDF page with their boxes, from pdftotext
// -bbox-layout: what a reader sees, to test where lines break and how far apart words stand.
#pragma once

#include <regex>
#include <string>
#include <vector>

#include "cli_support.hpp"

namespace broadside::testing {

struct PdfWord {
  double x0 = 0, x1 = 0;
  std::string text;
};

struct PdfLine {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::vector<PdfWord> words;
  double height() const { return y1 - y0; }
  std::string text() const {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w.text;
    return out;
  }
};

/// The lines of page `page`, in reading order as poppler finds them.
inline std::vector<PdfLine> pdf_lines(const std::filesystem::path& pdf, int page) {
  const auto r = run({"pdftotext", "-enc", "UTF-8", "-f", std::to_string(page), "-l",
                      std::to_string(page), "-bbox-layout", pdf.string(), "-"});
  std::vector<PdfLine> out;
  static const std::regex line_re(
      R"re(<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)</line>)re");
  static const std::regex word_re(
      R"re(<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>)re");
  for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), line_re);
       it != std::sregex_iterator(); ++it) {
    PdfLine line{
        std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4]), {}};
    const std::string body = (*it)[5];
    for (auto w = std::sregex_iterator(body.begin(), body.end(), word_re);
         w != std::sregex_iterator(); ++w)
      line.words.push_back({std::stod((*w)[1]), std::stod((*w)[2]), (*w)[3]});
    if (!line.words.empty()) out.push_back(std::move(line));
  }
  return out;
}

}  // namespace broadside::testing
