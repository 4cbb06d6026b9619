// palette_test.cpp — one campaign palette in CMYK: every bundled design's print PDF paints the
// campaign red as exactly 0/100/78/18 and its black text as 100 K that overprints.
#include <regex>

#include "cli_support.hpp"

using namespace broadside::testing;
namespace fs = std::filesystem;

namespace {

struct Cmyk {
  double c, m, y, k;
};

/// Every CMYK colour set in the content streams (`c m y k k` and `K`), as written.
std::vector<std::pair<std::string, Cmyk>> cmyk_colours(const std::string& qdf) {
  static const std::regex op(R"((^|\s)([0-9.]+) ([0-9.]+) ([0-9.]+) ([0-9.]+) [kK](?=\s))");
  std::vector<std::pair<std::string, Cmyk>> out;
  for (auto it = std::sregex_iterator(qdf.begin(), qdf.end(), op); it != std::sregex_iterator();
       ++it) {
    const auto& m = *it;
    out.push_back({m[2].str() + " " + m[3].str() + " " + m[4].str() + " " + m[5].str(),
                   {std::stod(m[2]), std::stod(m[3]), std::stod(m[4]), std::stod(m[5])}});
  }
  return out;
}

}  // namespace

TEST_CASE("palette: every bundled design prints the campaign red exactly and black as 100 K") {
  const fs::path dir = scratch_dir("palette");
  for (const auto& design : bundled_designs()) {
    CAPTURE(design);
    const fs::path pdf = dir / (design + ".pdf");
    std::vector<std::string> args{"render", design,          statement("statement.en.md"),
                                  "-o",     pdf.string(),    "--pdfx",
                                  "4",      "--no-preflight"};
    // The meeting posters show their meeting block only with a meeting given.
    for (const char* set : {"event.date=2026-03-14", "event.time=7 pm", "event.place=Union Hall",
                            "branch.name=Detroit"})
      args.insert(args.end(), {"--set", set});
    const auto r = run_broadside(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string qdf =
        run({"qpdf", "--qdf", "--object-streams=disable", pdf.string(), "-"}).out;
    bool red = false, black = false;
    for (const auto& each : cmyk_colours(qdf)) {
      const auto& [written, c] = each;
      CAPTURE(each.first);  // doctest captures by reference, which clang refuses for a binding
      // Nothing near the red or near black but the exact values: no RGB converted on the way.
      if (c.m > 0.9 && c.k < 0.3) {
        CHECK(written == "0 1 0.78 0.18");
        red = true;
      }
      if (c.k > 0.85) {
        CHECK(written == "0 0 0 1");
        black = true;
      }
    }
    CHECK(red);
    // Designs that set type in `ink` (all but the white-on-red share image) print it as 100 K,
    // overprinting: an ExtGState with fill overprint on, set inside text in 100 K.
    if (read_bytes(source_dir() / "designs" / (design + ".yaml")).find("color: ink") ==
        std::string::npos)
      continue;
    CHECK(black);
    CHECK(qdf.find("/op true") != std::string::npos);
    CHECK(
        std::regex_search(qdf, std::regex(R"(0 0 0 1 k\s+BT\n(?:(?!ET)[^\n]*\n)*?/BSop[13] gs)")));
  }
}
