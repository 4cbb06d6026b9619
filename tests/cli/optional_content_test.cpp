// optional_content_test.cpp — a statement as its author gave it (the raw seed: no demands, no
// call to action marked up) renders in every bundled design with nothing set: absent lists and
// meeting details collapse, the call to action comes from the design.
#include <regex>

#include "cli_support.hpp"

using namespace broadside::testing;
namespace fs = std::filesystem;

namespace {

const fs::path kSeed = source_dir() / "tests" / "unit" / "content" / "data" / "seed.txt";

/// The seed's words as a reader sees them: Markdown links, emphasis and heading marks dropped.
std::vector<std::string> seed_words() {
  std::string text = read_bytes(kSeed);
  text = std::regex_replace(text, std::regex(R"(\[([^\]]*)\]\([^)]*\))"), "$1");
  text = std::regex_replace(text, std::regex(R"(\*\*|^# )"), "");
  return words_of(std::regex_replace(text, std::regex("—"), " "));
}

/// The words of a PDF; a line may break after an em dash, so words are split there.
std::vector<std::string> printed_words(const fs::path& pdf) {
  return words_of(std::regex_replace(pdf_text(pdf), std::regex("—"), " "));
}

/// Designs that carry the whole statement (the others show its headline and call to action).
bool carries_whole_statement(const std::string& design) {
  return design == "leaflet-a5" || design == "trifold-a4" || design == "trifold-letter" ||
         design == "booklet-a5";
}

}  // namespace

TEST_CASE("the raw seed renders in every bundled design with no --set") {
  const fs::path dir = scratch_dir("raw-seed");
  const auto designs = bundled_designs();
  REQUIRE(designs.size() >= 10);
  const auto all_words = seed_words();
  const auto headline = words_of(
      "Stop all anti-immigrant raids! Abolish ICE and CBP! For a socialist policy of "
      "open borders!");
  for (const auto& design : designs) {
    CAPTURE(design);
    const fs::path pdf = dir / (design + ".pdf");
    const auto r = run_broadside({"render", design, kSeed.string(), "-o", pdf.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto printed = printed_words(pdf);
    CHECK(missing_words(headline, printed) == "");
    // The campaign's address comes from the design when the statement has none marked up.
    CHECK(missing_words({"socialism2020.org"}, printed) == "");
    if (carries_whole_statement(design)) CHECK(missing_words(all_words, printed) == "");
  }
}

TEST_CASE("a statement with no byline, or a name without a role, renders in every design") {
  const fs::path dir = scratch_dir("no-byline");
  const std::string full = read_bytes(source_dir() / "content" / "statement.en.md");
  // Front matter without author, role and date; the same with a name but no role; the raw
  // seed without the lines under its headline.
  const std::string no_byline =
      std::regex_replace(full, std::regex(R"((author|role|date): [^\n]*\n)"), "");
  REQUIRE(no_byline.find("Norissa") == std::string::npos);
  const std::string no_role = std::regex_replace(full, std::regex(R"(role: [^\n]*\n)"), "");
  std::string seed = read_bytes(kSeed);
  seed = std::regex_replace(seed, std::regex(R"(\nNorissa[^\n]*\n17 February 2020\n)"), "\n");
  REQUIRE(seed.find("Norissa") == std::string::npos);
  write_file(dir / "no-byline.en.md", no_byline);
  write_file(dir / "no-role.en.md", no_role);
  write_file(dir / "seed-no-byline.txt", seed);
  for (const auto& design : bundled_designs()) {
    for (const std::string file : {"no-byline.en.md", "no-role.en.md", "seed-no-byline.txt"}) {
      CAPTURE(design);
      CAPTURE(file);
      const fs::path pdf = dir / (design + ".pdf");
      const auto r = run_broadside({"render", design, (dir / file).string(), "-o", pdf.string()});
      INFO(r.err);
      REQUIRE(r.exit_code == 0);
      // Lower case (some designs set capitals), one space between words.
      std::string text = std::regex_replace(pdf_text(pdf), std::regex(R"(\s+)"), " ");
      for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      CHECK(text.find("raids") != std::string::npos);
      // No dangling separator where the role would have been.
      CHECK(text.find("cruz \u2014") == std::string::npos);
      CHECK(text.find("cruz \u2013") == std::string::npos);
      if (file == "no-role.en.md") {
        // The name is still shown where the design shows a byline.
        if (design != "branch-poster-a4" && design != "poster-meeting-a3" &&
            design != "poster-meeting-tabloid")
          CHECK(text.find("norissa santa cruz") != std::string::npos);
      } else {
        CHECK(text.find("norissa") == std::string::npos);
      }
    }
  }
}

TEST_CASE("a statement without demands: the list collapses and its stack closes up") {
  const fs::path dir = scratch_dir("no-demands");
  const std::string with = (source_dir() / "content" / "statement.en.md").string();
  std::string text = read_bytes(with);
  // The same statement without its demands.
  text = std::regex_replace(text, std::regex(R"(demands:\n(  - [^\n]*\n)+)"), "");
  REQUIRE(text.find("End all deportations") == std::string::npos);
  const fs::path without = dir / "statement.en.md";
  write_file(without, text);
  for (const char* design :
       {"leaflet-a5", "poster-a3", "flyer-letter", "trifold-a4", "trifold-letter"}) {
    CAPTURE(design);
    const bool labelled =
        std::string_view(design) != "leaflet-a5" && std::string_view(design) != "poster-a3";
    const auto a = run_broadside({"render", design, with, "-o", (dir / "a.pdf").string()});
    const auto b =
        run_broadside({"render", design, without.string(), "-o", (dir / "b.pdf").string()});
    INFO(a.err << b.err);
    REQUIRE(a.exit_code == 0);
    REQUIRE(b.exit_code == 0);
    CHECK(pdf_text(dir / "a.pdf").find("End all deportations") != std::string::npos);
    const std::string rest = pdf_text(dir / "b.pdf");
    CHECK(rest.find("End all deportations") == std::string::npos);
    CHECK(rest.find("socialism2020.org") != std::string::npos);
    // The list's heading (and rule) go with it: no "We demand" over nothing.
    CHECK((pdf_text(dir / "a.pdf").find("WE DEMAND") != std::string::npos) == labelled);
    CHECK(rest.find("WE DEMAND") == std::string::npos);
  }
}

TEST_CASE("a meeting poster without a meeting leaves the meeting block out") {
  const fs::path dir = scratch_dir("no-meeting");
  const auto bare = run_broadside({"render", "poster-meeting-a3", statement("statement.en.md"),
                                   "-o", (dir / "bare.pdf").string()});
  INFO(bare.err);
  REQUIRE(bare.exit_code == 0);
  CHECK(pdf_text(dir / "bare.pdf").find("PUBLIC MEETING") == std::string::npos);
  const auto set = run_broadside({"render", "poster-meeting-a3", statement("statement.en.md"), "-o",
                                  (dir / "set.pdf").string(), "--set", "event.date=2026-03-14",
                                  "--set", "event.time=7 pm", "--set", "event.place=Union Hall",
                                  "--set", "branch.name=Detroit"});
  INFO(set.err);
  REQUIRE(set.exit_code == 0);
  const std::string text = pdf_text(dir / "set.pdf");
  CHECK(text.find("PUBLIC MEETING") != std::string::npos);
  CHECK(text.find("Union Hall") != std::string::npos);
  // A meeting with a date but no place yet: the place collapses, nothing fails.
  const auto part =
      run_broadside({"render", "poster-meeting-a3", statement("statement.en.md"), "-o",
                     (dir / "part.pdf").string(), "--set", "event.date=2026-03-14"});
  INFO(part.err);
  CHECK(part.exit_code == 0);
}

TEST_CASE("each optional field left out of a statement: every design adapts, nothing fails") {
  const fs::path dir = scratch_dir("optional-fields");
  const std::string full = read_bytes(source_dir() / "content" / "statement.en.md");
  struct Case {
    const char* name;
    const char* strip;  // front-matter lines taken out
    const char* gone;   // what the statement gave there, not printed any more
  };
  const std::vector<Case> cases = {
      {"contact", R"(contact: [^\n]*\n)", "wsws.org/contact"},
      {"cta", R"(cta:\n(  [^\n]*\n)+)", ""},
      {"demands", R"(demands:\n(  - [^\n]*\n)+)", "End all deportations"},
      {"author-role", R"((author|role): [^\n]*\n)", "Norissa"},
      {"byline", R"((author|role|date): [^\n]*\n)", "Norissa"},
      {"all", R"((contact|author|role|date): [^\n]*\n|(cta|demands):\n(  [^\n]*\n)+)", "Norissa"},
  };
  const auto headline = words_of(
      "Stop all anti-immigrant raids! Abolish ICE and CBP! For a socialist policy of "
      "open borders!");
  for (const Case& c : cases) {
    const std::string text = std::regex_replace(full, std::regex(c.strip), "");
    REQUIRE(text != full);
    const fs::path file = dir / (std::string(c.name) + ".en.md");
    write_file(file, text);
    const std::string field = c.name;
    for (const auto& design : bundled_designs()) {
      CAPTURE(design);
      CAPTURE(field);
      const fs::path pdf = dir / (design + "-" + c.name + ".pdf");
      const auto r = run_broadside({"render", design, file.string(), "-o", pdf.string()});
      INFO(r.err);
      REQUIRE(r.exit_code == 0);
      CHECK(r.err.find("error") == std::string::npos);
      const std::string printed = std::regex_replace(pdf_text(pdf), std::regex(R"(\s+)"), " ");
      CHECK(missing_words(headline, words_of(printed)) == "");
      // The campaign's address stands wherever the statement's own call to action would.
      CHECK(printed.find("socialism2020.org") != std::string::npos);
      // branch-poster-a4 prints its branch's contact (branch.contact, wsws.org/contact by
      // default), not the statement's.
      if (*c.gone && !(field == "contact" && design == "branch-poster-a4"))
        CHECK(printed.find(c.gone) == std::string::npos);
      // No heading over an absent list.
      if (std::string_view(c.name) == "demands" || std::string_view(c.name) == "all")
        CHECK(printed.find("WE DEMAND") == std::string::npos);
    }
  }
}

TEST_CASE(
    "leaflet-a5 without a contact line: the band at the foot of the back carries the "
    "campaign's call to action") {
  const fs::path dir = scratch_dir("no-contact-band");
  const std::string full = read_bytes(source_dir() / "content" / "statement.en.md");
  const fs::path file = dir / "statement.en.md";
  write_file(file, std::regex_replace(full, std::regex(R"(contact: [^\n]*\n)"), ""));
  const fs::path pdf = dir / "leaflet.pdf";
  const auto r = run_broadside({"render", "leaflet-a5", file.string(), "-o", pdf.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // The band: the bottom 15 mm of the A5 back page (media = trim + 3 mm bleed).
  constexpr double kPtPerMm = 72.0 / 25.4;
  const std::string band = std::regex_replace(
      pdf_text(pdf, 2, 2, Crop{0, (210 + 3 - 12) * kPtPerMm, 154 * kPtPerMm, 15 * kPtPerMm}),
      std::regex(R"(\s+)"), " ");
  CHECK(band.find("Join and support our election campaign: socialism2020.org") !=
        std::string::npos);
}

TEST_CASE("the raw seed without its contact lines renders in every design") {
  const fs::path dir = scratch_dir("seed-no-contact");
  std::string seed = read_bytes(kSeed);
  const size_t at = seed.find("To contact");
  REQUIRE(at != std::string::npos);
  seed.resize(at);
  const fs::path file = dir / "seed.txt";
  write_file(file, seed);
  for (const auto& design : bundled_designs()) {
    CAPTURE(design);
    const fs::path pdf = dir / (design + ".pdf");
    const auto r = run_broadside({"render", design, file.string(), "-o", pdf.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("error") == std::string::npos);
    // branch-poster-a4 prints its branch's contact (wsws.org/contact by default).
    if (design != "branch-poster-a4")
      CHECK(pdf_text(pdf).find("wsws.org/contact") == std::string::npos);
  }
}

TEST_CASE("a text far shorter than the design leaves columns empty, and a note says so") {
  const fs::path dir = scratch_dir("short-text");
  const fs::path file = dir / "short.en.md";
  write_file(file,
             "---\nlang: en\nheadline: \"Defend the tenants of Riverside Court!\"\n---\n\n"
             "The landlord has served eviction notices on forty families so that the building "
             "can be sold.\n\nWe call on every tenant to attend the meeting.\n");
  for (const std::string design : {"trifold-a4", "trifold-letter"}) {
    CAPTURE(design);
    const fs::path pdf = dir / (design + ".pdf");
    const auto r = run_broadside({"render", design, file.string(), "-o", pdf.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(
        std::regex_search(r.err, std::regex(R"(\.yaml:\d+:\d+: note: frame 'body-without-demands':)"
                                            R"( the body fills 1 of its 4 columns at [0-9.]+pt)")));
    CHECK(r.err.find("3 stand empty") != std::string::npos);
  }
  // The bundled statement fills its columns: no such note.
  const fs::path pdf = dir / "full.pdf";
  const auto r =
      run_broadside({"render", "trifold-a4",
                     (source_dir() / "content" / "statement.en.md").string(), "-o", pdf.string()});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("the body fills") == std::string::npos);
}
