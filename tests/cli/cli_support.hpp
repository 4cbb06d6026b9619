// cli_support.hpp — helpers shared by the end-to-end tests: rendering into a scratch folder and
// reading PDFs with poppler's tools.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "support/run.hpp"

namespace broadside::testing {

/// pdfinfo's "Key: value" lines.
inline std::map<std::string, std::string> pdf_info(const std::filesystem::path& pdf,
                                                   const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args{"pdfinfo"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(pdf.string());
  const auto r = run(args);
  std::map<std::string, std::string> out;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    out[line.substr(0, colon)] = value;
  }
  return out;
}

/// Four numbers of a pdfinfo box line ("Page    1 TrimBox:    8.50 ...").
inline std::vector<double> numbers_in(const std::string& s) {
  std::vector<double> out;
  static const std::regex number(R"(-?\d+(\.\d+)?)");
  for (auto it = std::sregex_iterator(s.begin(), s.end(), number); it != std::sregex_iterator();
       ++it)
    out.push_back(std::stod(it->str()));
  return out;
}

/// The statement's body as plain words: front matter cut, Markdown links reduced to their text.
inline std::vector<std::string> body_words(const std::filesystem::path& statement) {
  std::string text = read_bytes(statement);
  const auto end = text.find("\n---", 3);
  text = text.substr(text.find('\n', end + 1) + 1);
  text = std::regex_replace(text, std::regex(R"(\[([^\]]*)\]\([^)]*\))"), "$1");
  return words_of(text);
}

/// Writes `text` to `file`, making its folder first.
inline void write_file(const std::filesystem::path& file, const std::string& text) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

/// The words of `expected` that `actual` lacks, counting repeats, space-separated ("" when
/// every word is there as often as expected).
inline std::string missing_words(const std::vector<std::string>& expected,
                                 const std::vector<std::string>& actual) {
  std::multiset<std::string> have(actual.begin(), actual.end());
  std::string missing;
  for (const auto& w : expected) {
    if (auto it = have.find(w); it != have.end())
      have.erase(it);
    else
      missing += w + " ";
  }
  return missing;
}

/// A region of a page in points, from the media's top-left corner.
struct Crop {
  double x = 0, y = 0, width = 0, height = 0;
};

inline std::string pdf_text(const std::filesystem::path& pdf, int first = 0, int last = 0,
                            const Crop& crop = {}) {
  std::vector<std::string> args{"pdftotext", "-enc", "UTF-8"};
  if (first) args.insert(args.end(), {"-f", std::to_string(first)});
  if (last) args.insert(args.end(), {"-l", std::to_string(last)});
  if (crop.width > 0)
    args.insert(args.end(), {"-x", std::to_string(static_cast<int>(crop.x)), "-y",
                             std::to_string(static_cast<int>(crop.y)), "-W",
                             std::to_string(static_cast<int>(crop.width + 1)), "-H",
                             std::to_string(static_cast<int>(crop.height + 1))});
  args.insert(args.end(), {pdf.string(), "-"});
  return run(args).out;
}

inline std::string statement(const char* name) {
  return (source_dir() / "content" / name).string();
}

/// The names of the bundled designs (designs/*.yaml), sorted.
inline std::vector<std::string> bundled_designs() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(source_dir() / "designs"))
    if (e.path().extension() == ".yaml") out.push_back(e.path().stem().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace broadside::testing
