// excerpt_and_defaults_test.cpp — issue #14's small things a print buyer notices: the flyer's
// excerpt says where the whole statement is, a statement without a call to action gets the
// campaign's in its own language, posters' web address is at least 24pt, and a branch poster
// that names no meeting is the branch's contact card.
#include <regex>

#include "cli_support.hpp"

using namespace broadside::testing;
namespace fs = std::filesystem;

TEST_CASE("flyer: the excerpt ends at a paragraph, then says where the full statement is") {
  const fs::path dir = scratch_dir("excerpt");
  for (const auto& [name, expected_line] :
       {std::pair{"statement.en.md", "Read the full statement: socialism2020.org"},
        std::pair{"statement.es.md", "Lee la declaración completa: socialism2020.org"},
        std::pair{"statement.de.md", "Die ganze Erklärung lesen: socialism2020.org"}}) {
    // clang cannot capture a structured binding in doctest's CAPTURE: copy it first.
    const std::string file = name, line = expected_line;
    CAPTURE(file);
    const fs::path pdf = dir / (std::string(file) + ".pdf");
    const auto r =
        run_broadside({"render", "flyer-letter", statement(file.c_str()), "-o", pdf.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string text = pdf_text(pdf);
    const auto at = text.find(line);
    REQUIRE(at != std::string::npos);
    // Just above it, the excerpt's last paragraph ends with its sentence, not mid-word.
    const std::string before = text.substr(0, at);
    const auto end = before.find_last_not_of(" \n\f");
    REQUIRE(end != std::string::npos);
    CHECK(std::string(".!?»“\"").find(before[end]) != std::string::npos);
  }
}

TEST_CASE("defaults: a statement without a call to action gets the campaign's in its language") {
  const fs::path dir = scratch_dir("cta-default");
  const fs::path es = dir / "es.md", en = dir / "en.md";
  write_file(es,
             "---\nlang: es\nheadline: Alto a las redadas\nauthor: Ana\ncontact: ejemplo.org\n"
             "---\nUn párrafo.\n");
  write_file(en,
             "---\nlang: en\nheadline: Stop the raids\nauthor: Ann\ncontact: example.org\n"
             "---\nA paragraph.\n");
  for (const auto& [path, expected, absent] :
       {std::tuple{es, "Únete y apoya nuestra campaña electoral", "Join and support"},
        std::tuple{en, "Join and support our election campaign", "Únete"}}) {
    const fs::path file = path;  // a copy: clang cannot capture a structured binding
    CAPTURE(file);
    const fs::path pdf = dir / (file.stem().string() + ".pdf");
    const auto r = run_broadside({"render", "leaflet-a5", file.string(), "-o", pdf.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string front = pdf_text(pdf, 1, 1);
    CHECK(front.find(expected) != std::string::npos);
    CHECK(front.find(absent) == std::string::npos);
  }
}

TEST_CASE("posters: the web address is at least 24pt") {
  const fs::path dir = scratch_dir("poster-url");
  for (const std::string design :
       {"poster-a3", "poster-meeting-a3", "poster-meeting-tabloid", "branch-poster-a4"}) {
    CAPTURE(design);
    const auto r = run_broadside({"render", design, "--timings", "--no-preflight", "-o",
                                  (dir / (design + ".pdf")).string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string all = r.out + r.err;
    // The frame that fills {cta.url}: "cta.url", or "cta.url #2" where a design has two (the
    // meeting posters' line under a meeting and their panel without one).
    std::smatch m;
    REQUIRE(std::regex_search(all, m, std::regex(R"(fit: cta\.url(?: #\d+)? ([0-9.]+)pt)")));
    CHECK(std::stod(m[1].str()) >= 24.0);
  }
}

TEST_CASE("branch poster: with no meeting named, the paper block is the branch's contact card") {
  // It showed only the default "wsws.org/contact" at 11 pt, alone in a block built for a date,
  // a time and a place.
  const fs::path dir = scratch_dir("branch-contact");
  // The headings are letter-spaced, which pdftotext reads as spaces: compared without them.
  auto without_spaces = [](std::string s) {
    std::erase(s, ' ');
    return s;
  };
  for (const auto& item :
       {std::pair{"statement.en.md", "GETINTOUCH"}, std::pair{"statement.de.md", "KONTAKT"}}) {
    const std::string file = item.first, heading = item.second;
    CAPTURE(file);
    const fs::path pdf = dir / (file + ".pdf");
    const auto r = run_broadside({"render", "branch-poster-a4", statement(file.c_str()),
                                  "--timings", "--no-preflight", "-o", pdf.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string text = pdf_text(pdf);
    CHECK(without_spaces(text).find(heading) != std::string::npos);
    CHECK(text.find("wsws.org/contact") != std::string::npos);
    const std::string all = r.out + r.err;
    const auto at = all.find("fit: branch.contact ");
    REQUIRE(at != std::string::npos);
    CHECK(std::stod(all.substr(at + 20)) >= 16.0);
  }
  // A meeting named: the heading goes, the contact stays under the place.
  const fs::path pdf = dir / "meeting.pdf";
  const auto r = run_broadside({"render", "branch-poster-a4", "--set", "event.date=2026-03-14",
                                "--set", "event.place=Union Hall, 1 Main St", "--set",
                                "branch.contact=detroit@socialism2020.org", "--no-preflight", "-o",
                                pdf.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string text = pdf_text(pdf);
  CHECK(without_spaces(text).find("GETINTOUCH") == std::string::npos);
  CHECK(without_spaces(text).find("PUBLICMEETING") != std::string::npos);
  CHECK(text.find("detroit@socialism2020.org") != std::string::npos);
}
