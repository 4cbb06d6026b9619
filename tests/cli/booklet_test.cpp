// booklet_test.cpp — booklet-a5 is a saddle-stitched booklet: its page count is a multiple of 4
// in every language, and its last page is the back cover with the call to action and contact.
#include "cli_support.hpp"

using namespace broadside::testing;
namespace fs = std::filesystem;

TEST_CASE("booklet: page count a multiple of 4, the back cover last") {
  const fs::path dir = scratch_dir("booklet");
  for (const char* file : {"statement.en.md", "statement.de.md", "statement-long.en.md"}) {
    CAPTURE(file);
    const fs::path pdf = dir / (std::string(file) + ".pdf");
    const auto r = run_broadside({"render", "booklet-a5", statement(file), "-o", pdf.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const int pages = std::stoi(pdf_info(pdf)["Pages"]);
    CHECK(pages >= 4);
    CHECK(pages % 4 == 0);
    const std::string back = pdf_text(pdf, pages, pages);
    CHECK(back.find("socialism2020.org") != std::string::npos);
    CHECK(back.find("wsws.org/contact") != std::string::npos);
  }
}

namespace {

std::string spaces_collapsed(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

/// The text of each half (left, right) of an imposed sheet side.
std::pair<std::string, std::string> halves(const fs::path& pdf, int side) {
  const auto size = numbers_in(pdf_info(pdf)["Page size"]);
  REQUIRE(size.size() >= 2);
  const double w = size[0], h = size[1];
  return {spaces_collapsed(pdf_text(pdf, side, side, {0, 0, w / 2 - 1, h})),
          spaces_collapsed(pdf_text(pdf, side, side, {w / 2 + 1, 0, w / 2 - 2, h}))};
}

/// x of the first word of `page`'s text found in the sheet side, from pdftotext -bbox.
double first_word_x(const fs::path& pdf, int side, const std::string& word) {
  const std::string html = run({"pdftotext", "-bbox", "-f", std::to_string(side), "-l",
                                std::to_string(side), pdf.string(), "-"})
                               .out;
  const auto at = html.find(">" + word + "</word>");
  REQUIRE(at != std::string::npos);
  const auto x = html.rfind("xMin=\"", at);
  return std::stod(html.substr(x + 6));
}

}  // namespace

TEST_CASE("impose --booklet: pages paired for saddle stitching, 8-1 2-7 6-3 4-5") {
  const fs::path dir = scratch_dir("booklet-impose");
  const fs::path pdf = dir / "long.pdf", sheets = dir / "sheets.pdf";
  REQUIRE(
      run_broadside({"render", "booklet-a5", statement("statement-long.en.md"), "-o", pdf.string()})
          .exit_code == 0);
  const int pages = std::stoi(pdf_info(pdf)["Pages"]);
  REQUIRE(pages == 8);
  std::vector<std::string> page_text(static_cast<size_t>(pages) + 1);
  for (int p = 1; p <= pages; ++p)
    page_text[static_cast<size_t>(p)] = spaces_collapsed(pdf_text(pdf, p, p));
  const auto r = run_broadside(
      {"impose", pdf.string(), "-o", sheets.string(), "--booklet", "--sheet", "SRA3", "--marks"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("bleed between cells") == std::string::npos);  // the spine is a fold
  REQUIRE(std::stoi(pdf_info(sheets)["Pages"]) == 4);
  // Sheet sides in print order: outer sheet front and back, inner sheet front and back.
  const int expected[4][2] = {{8, 1}, {2, 7}, {6, 3}, {4, 5}};
  for (int side = 1; side <= 4; ++side) {
    CAPTURE(side);
    const auto [left, right] = halves(sheets, side);
    CHECK(left == page_text[static_cast<size_t>(expected[side - 1][0])]);
    CHECK(right == page_text[static_cast<size_t>(expected[side - 1][1])]);
  }

  SUBCASE("creep moves the inner sheet's pages towards the spine") {
    const fs::path crept = dir / "crept.pdf";
    REQUIRE(run_broadside({"impose", pdf.string(), "-o", crept.string(), "--booklet", "--sheet",
                           "SRA3", "--creep", "1mm"})
                .exit_code == 0);
    // The outer sheet stays; the inner sheet's left page (6) moves right, its right page (3)
    // left, by 1mm each.
    const std::string left_word = page_text[6].substr(page_text[6].rfind(' ') + 1);
    const std::string right_word = page_text[3].substr(page_text[3].rfind(' ') + 1);
    CHECK(first_word_x(crept, 3, left_word) - first_word_x(sheets, 3, left_word) ==
          doctest::Approx(2.835).epsilon(0.01));
    CHECK(first_word_x(crept, 3, right_word) - first_word_x(sheets, 3, right_word) ==
          doctest::Approx(-2.835).epsilon(0.01));
    const std::string outer_word = page_text[1].substr(page_text[1].rfind(' ') + 1);
    CHECK(first_word_x(crept, 1, outer_word) ==
          doctest::Approx(first_word_x(sheets, 1, outer_word)));
  }
}

TEST_CASE("impose --booklet: a 2-page PDF pads to 4 with blank pages, misuse is refused") {
  const fs::path dir = scratch_dir("booklet-pad");
  const fs::path pdf = dir / "leaflet.pdf", sheets = dir / "sheets.pdf";
  REQUIRE(run_broadside({"render", "leaflet-a5", "-o", pdf.string()}).exit_code == 0);
  REQUIRE(
      run_broadside({"impose", pdf.string(), "-o", sheets.string(), "--booklet", "--sheet", "SRA3"})
          .exit_code == 0);
  REQUIRE(std::stoi(pdf_info(sheets)["Pages"]) == 2);
  const std::string one = spaces_collapsed(pdf_text(pdf, 1, 1)),
                    two = spaces_collapsed(pdf_text(pdf, 2, 2));
  const auto [front_left, front_right] = halves(sheets, 1);
  const auto [back_left, back_right] = halves(sheets, 2);
  CHECK(front_left.empty());  // page 4: blank
  CHECK(front_right == one);
  CHECK(back_left == two);
  CHECK(back_right.empty());  // page 3: blank

  const fs::path none = dir / "refused.pdf";
  auto r =
      run_broadside({"impose", pdf.string(), "-o", none.string(), "--booklet", "--layout", "2x2"});
  CHECK(r.exit_code != 0);
  CHECK(r.err.find("--booklet is two pages a side") != std::string::npos);
  r = run_broadside({"impose", pdf.string(), "-o", none.string(), "--creep", "0.1mm"});
  CHECK(r.exit_code != 0);
  CHECK(r.err.find("--creep is for a booklet") != std::string::npos);
  CHECK(!fs::exists(none));
}

namespace {

/// The least xMin of any word on a page, in points from the media's left edge.
double leftmost_word(const fs::path& pdf, int page) {
  const std::string html = run({"pdftotext", "-bbox", "-f", std::to_string(page), "-l",
                                std::to_string(page), pdf.string(), "-"})
                               .out;
  double least = 1e9;
  for (size_t at = html.find("xMin=\""); at != std::string::npos; at = html.find("xMin=\"", at + 1))
    least = std::min(least, std::stod(html.substr(at + 6)));
  return least;
}

size_t text_lines(const fs::path& pdf, int page) {
  const std::string text = pdf_text(pdf, page, page);
  size_t lines = 0;
  for (size_t start = 0; start < text.size();) {
    const size_t end = std::min(text.find('\n', start), text.size());
    if (text.find_first_not_of(" \f", start) < end) ++lines;
    start = end + 1;
  }
  return lines;
}

}  // namespace

TEST_CASE("booklet: facing pages mirror the margins, and the last text page is not left empty") {
  const fs::path dir = scratch_dir("booklet-facing");
  const fs::path pdf = dir / "long.pdf";
  const auto r = run_broadside(
      {"render", "booklet-a5", statement("statement-long.en.md"), "-o", pdf.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const int pages = std::stoi(pdf_info(pdf)["Pages"]);
  REQUIRE(pages == 8);
  // Inside margin 17mm, outside 11mm: a left-hand page's text starts 6mm further left than a
  // right-hand page's.
  CHECK(leftmost_word(pdf, 3) - leftmost_word(pdf, 2) ==
        doctest::Approx(6 * 72 / 25.4).epsilon(0.05));
  CHECK(leftmost_word(pdf, 5) - leftmost_word(pdf, 4) ==
        doctest::Approx(6 * 72 / 25.4).epsilon(0.05));
  // The page before the back cover carries a good part of a page of text (body set larger to
  // fill the sheets of four, not blank pages).
  CHECK(text_lines(pdf, pages - 1) * 3 >= text_lines(pdf, 2));
}
