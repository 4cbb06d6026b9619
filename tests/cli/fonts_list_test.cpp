// fonts_list_test.cpp — `broadside fonts` names the scripts of every family, letters or not.
#include <sstream>

#include "cli_support.hpp"

using namespace broadside::testing;

TEST_CASE("fonts: every family that has letters lists its scripts") {
  const auto r = run_broadside({"fonts"});
  REQUIRE(r.exit_code == 0);
  std::map<std::string, std::string> line_of;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);)
    line_of[line.substr(0, line.find("  "))] = line;
  const std::pair<const char*, const char*> expected[] = {
      {"Noto Sans Gujarati", "Gujr"},    {"Noto Sans Kannada", "Knda"},
      {"Noto Sans Telugu", "Telu"},      {"Noto Sans Khmer", "Khmr"},
      {"Noto Sans Lao", "Laoo"},         {"Noto Sans Myanmar", "Mymr"},
      {"Noto Sans Malayalam", "Mlym"},   {"Noto Sans Sinhala", "Sinh"},
      {"Noto Serif Sinhala", "Sinh"},    {"Inter", "Latn Cyrl Grek"},
      {"Inter Black", "Latn Cyrl Grek"}, {"Noto Sans Devanagari", "Deva"}};
  for (const auto& each : expected) {
    const auto& [family, scripts] = each;
    INFO(each.first);  // doctest captures by reference, which clang refuses for a binding
    REQUIRE(line_of.count(family) == 1);
    const std::string& line = line_of[family];
    CHECK(line.substr(line.size() - std::string(scripts).size()) == scripts);
  }
  // Faces without letters list the scripts of their signs, or symbols (Zsym) or common (Zyyy).
  for (const auto& sign_face :
       std::map<std::string, std::string>{{"Noto Music", "Zsym"},
                                          {"Noto Sans Tamil Supplement", "Taml"},
                                          {"Noto Sans SignWriting", "Sgnw"},
                                          {"Noto Sans Mayan Numerals", "Zyyy"}}) {
    // Named members, not a structured binding: doctest's messages capture by reference.
    const std::string& family = sign_face.first;
    REQUIRE_MESSAGE(line_of.count(family) == 1, family);
    CHECK_MESSAGE(line_of[family].find(sign_face.second) != std::string::npos, line_of[family]);
  }
  // No face is listed without its scripts: the column is never empty.
  for (const auto& face : line_of)
    CHECK_MESSAGE((!face.second.empty() && face.second.back() != ' '), face.second);
  // A Latin face's odd Greek letter (µ, π) does not make it a Greek face.
  CHECK(line_of["League Spartan"].find("Grek") == std::string::npos);
}
