// errors_test.cpp — bad input gets one clear line per problem, a non-zero exit, and no file.
#include <algorithm>
#include <fstream>
#include <set>

#include "cli_support.hpp"

using namespace broadside::testing;
namespace fs = std::filesystem;

namespace {

/// A small valid design, with `extra` appended to its text frame.
std::string design(const std::string& style_font = "League Spartan",
                   const std::string& frame_text = "{headline}") {
  return "name: tiny\n"
         "page: {size: A6, bleed: 3mm, margins: 8mm}\n"
         "styles:\n"
         "  head: {font: [" +
         style_font +
         "], weight: 700, size: 12pt..40pt, max-lines: 4}\n"
         "pages:\n"
         "  - frames:\n"
         "      - text: \"" +
         frame_text +
         "\"\n"
         "        style: head\n";
}

/// Renders into an empty folder and returns the result; the folder must stay empty on failure.
RunResult render_in(const fs::path& dir, const std::string& design_file, const std::string& content,
                    std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"render",
                                design_file,
                                content,
                                "-o",
                                (dir / "out" / "x.pdf").string(),
                                "-o",
                                (dir / "out" / "x.png").string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_broadside(args);
}

}  // namespace

// trifold-a4 declares no excerpt (leaflet-a5 does: body_text_test).
TEST_CASE("a statement too long for trifold-a4 fails naming the frame and how much did not fit") {
  const fs::path dir = scratch_dir("overflow");
  const auto r = render_in(dir, "trifold-a4", statement("statement-long.en.md"));
  CHECK(r.exit_code == 1);
  INFO(r.err);
  CHECK(r.err.find("designs/trifold-a4.yaml:") != std::string::npos);
  CHECK(r.err.find("error: frame 'body': ") != std::string::npos);
  CHECK(std::regex_search(r.err, std::regex(R"(\d+ words \(\d+ lines\) do not fit)")));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK(files_in(dir).empty());
}

TEST_CASE("the same long statement succeeds on a design that adds pages") {
  const fs::path dir = scratch_dir("booklet");
  const auto r = run_broadside(
      {"render", "booklet-a5", statement("statement-long.en.md"), "-o", (dir / "b.pdf").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const int pages = std::stoi(pdf_info(dir / "b.pdf")["Pages"]);
  CHECK(pages >= 3);
  const auto expected = body_words(source_dir() / "content" / "statement-long.en.md");
  // The text pages' body area only (bleed 3 mm + margins 14 mm top, 16 mm bottom, 17 mm inside
  // and 11 mm outside, mirrored on facing pages), so running heads and folios do not come
  // between the halves of a word hyphenated across pages.
  const double mm = 72 / 25.4;
  std::string text = pdf_text(dir / "b.pdf", 2, pages, {14 * mm, 17 * mm, 126 * mm, 180 * mm});
  // A line may end after an em dash ("enemy—" / "capitalism"): one word of the statement.
  for (size_t at; (at = text.find("\u2014\n")) != std::string::npos;)
    text.erase(at + std::string("\u2014").size(), 1);
  CHECK(missing_words(expected, words_of(text)) == "");
}

TEST_CASE("an unknown design name is one clear error") {
  const fs::path dir = scratch_dir("unknown-design");
  const auto r = render_in(dir, "no-such-design", statement("statement.en.md"));
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("no-such-design.yaml") != std::string::npos);
  CHECK(r.err.find("not found") != std::string::npos);
  CHECK(files_in(dir).empty());
}

TEST_CASE("a missing statement is one clear error") {
  const fs::path dir = scratch_dir("missing-statement");
  const auto r = render_in(dir, "leaflet-a5", (dir / "nope.md").string());
  CHECK(r.exit_code == 1);
  CHECK(r.err == (dir / "nope.md").string() + ": error: file not found\n");
  CHECK(files_in(dir).empty());
}

TEST_CASE("an unknown output format is a usage error") {
  const fs::path dir = scratch_dir("bad-format");
  const auto r = run_broadside(
      {"render", "leaflet-a5", statement("statement.en.md"), "-o", (dir / "x.jpg").string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("cannot tell the format of") != std::string::npos);
  CHECK(files_in(dir).empty());
}

TEST_CASE("a font family that is not installed is an error naming it, never a substitute") {
  const fs::path dir = scratch_dir("missing-font");
  write_file(dir / "d.yaml", design("Comic Sans MS"));
  const auto r = render_in(dir, (dir / "d.yaml").string(), statement("statement.en.md"));
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("d.yaml:4:") != std::string::npos);
  CHECK(r.err.find("font family 'Comic Sans MS' is not installed") != std::string::npos);
  CHECK(files_in(dir) == std::vector<std::string>{"d.yaml"});
}

TEST_CASE(
    "a character no font of the style covers is an error naming it, the frame and the fonts") {
  const fs::path dir = scratch_dir("missing-glyph");
  write_file(dir / "d.yaml", design());
  write_file(dir / "s.md", "---\nheadline: \"Stop the raids \u25A0 now\"\n---\nBody.\n");
  const auto r = render_in(dir, (dir / "d.yaml").string(), (dir / "s.md").string());
  CHECK(r.exit_code == 1);
  INFO(r.err);
  CHECK(r.err.find("frame 'headline'") != std::string::npos);
  CHECK(r.err.find("U+25A0") != std::string::npos);
  CHECK(r.err.find("League Spartan") != std::string::npos);
  CHECK(files_in(dir) == std::vector<std::string>{"d.yaml", "s.md"});
}

TEST_CASE("a variable the design uses but nobody sets is an error naming it and the frame") {
  const fs::path dir = scratch_dir("missing-variable");
  write_file(dir / "d.yaml", design("League Spartan", "Meet at {event.place}"));
  const auto r = render_in(dir, (dir / "d.yaml").string(), statement("statement.en.md"));
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("variable 'event.place' is not set") != std::string::npos);
  CHECK(r.err.find("d.yaml:7:") != std::string::npos);
  // Given on the command line, it renders; the value is plain text, never markup.
  const auto ok = render_in(dir, (dir / "d.yaml").string(), statement("statement.en.md"),
                            {"--set", "event.place=Room <3> & {hall}"});
  INFO(ok.err);
  CHECK(ok.exit_code == 0);
  std::string text = pdf_text(dir / "out" / "x.pdf");
  std::replace(text.begin(), text.end(), '\n', ' ');
  CHECK(text.find("Meet at Room <3> & {hall}") != std::string::npos);
}

TEST_CASE("an unknown key names the nearest valid one, with file:line:column") {
  const fs::path dir = scratch_dir("unknown-key");
  std::string d = design();
  d.replace(d.find("page:"), 5, "paeg:");
  write_file(dir / "d.yaml", d);
  const auto r = render_in(dir, (dir / "d.yaml").string(), statement("statement.en.md"));
  CHECK(r.exit_code == 1);
  CHECK(r.err.find((dir / "d.yaml").string() +
                   ":2:1: error: unknown key 'paeg' (did you mean 'page'?)") != std::string::npos);
}

TEST_CASE("check reports every problem, not just the first, and writes nothing") {
  const fs::path dir = scratch_dir("check-all");
  std::string d = design();
  d.replace(d.find("size: A6"), 8, "size: A12");
  d.replace(d.find("weight: 700"), 11, "weight: 750x");
  write_file(dir / "d.yaml", d);
  const auto r = run_broadside({"check", (dir / "d.yaml").string()});
  CHECK(r.exit_code == 1);
  INFO(r.err);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') >= 2);
  CHECK(r.err.find(":2:") != std::string::npos);
  CHECK(r.err.find(":4:") != std::string::npos);
  CHECK(files_in(dir) == std::vector<std::string>{"d.yaml"});
}

TEST_CASE("check passes the bundled designs") {
  for (const char* d : {"leaflet-a5", "flyer-letter", "poster-a3", "share-square", "booklet-a5"}) {
    INFO(d);
    const auto r = run_broadside({"check", d});
    INFO(r.err);
    CHECK(r.exit_code == 0);
  }
}

TEST_CASE("an output folder that cannot be written is an error, and nothing is left behind") {
  const fs::path dir = scratch_dir("unwritable");
  write_file(dir / "blocker", "a file where a folder should be");
  const auto r = run_broadside({"render", "leaflet-a5", statement("statement.en.md"), "-o",
                                (dir / "blocker" / "x.pdf").string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("blocker") != std::string::npos);
  CHECK(files_in(dir) == std::vector<std::string>{"blocker"});
}

TEST_CASE("a malformed --set is a usage error") {
  const auto r =
      run_broadside({"render", "leaflet-a5", statement("statement.en.md"), "--set", "novalue"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("expected key=value") != std::string::npos);
}

TEST_CASE("--help shows examples and --version the version") {
  const auto help = run_broadside({"--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("Examples:") != std::string::npos);
  CHECK(help.out.find("broadside render leaflet-a5") != std::string::npos);
  const auto version = run_broadside({"--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out.rfind("broadside ", 0) == 0);
}

TEST_CASE("designs lists every bundled design with its size and purpose") {
  const auto r = run_broadside({"designs"});
  CHECK(r.exit_code == 0);
  for (const char* d : {"leaflet-a5", "flyer-letter", "poster-a3", "share-square", "booklet-a5"})
    CHECK(r.out.find(d) != std::string::npos);
  CHECK(r.out.find("148 x 210 mm") != std::string::npos);
}
