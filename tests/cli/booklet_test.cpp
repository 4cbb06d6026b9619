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
