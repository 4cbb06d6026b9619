// languages_test.cpp — every bundled design renders every bundled language: no missing glyph,
// no substituted font, no overflow (any would be an error and a non-zero exit), and the body's
// words intact where pdftotext can read the script back.
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "cli_support.hpp"

using namespace broadside::testing;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kLanguages = {"en", "es", "fr", "de", "pt", "ru", "ar", "fa",
                                             "zh", "ko", "vi", "tl", "hi", "bn", "ht"};

/// Scripts whose text pdftotext gives back word for word (Arabic and Indic shaping reorders
/// and ligates glyphs, so their text is checked by the layout tests instead).
bool extracts_cleanly(const std::string& lang) {
  return lang != "ar" && lang != "fa" && lang != "hi" && lang != "bn";
}

void render_all_languages(const std::string& design, const std::vector<std::string>& extra = {}) {
  const fs::path dir = scratch_dir("languages-" + design);
  for (const auto& lang : kLanguages) {
    INFO(design << " in " << lang);
    const fs::path pdf = dir / (lang + ".pdf");
    std::vector<std::string> args{
        "render", design, statement(("statement." + lang + ".md").c_str()), "-o", pdf.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = run_broadside(args);
    CHECK(r.exit_code == 0);
    // Nothing on stderr but the note that a design's excerpt stands for the rest of the body,
    // that it ends a paragraph sooner to be set ragged rather than with wide gaps, or that a
    // justified body is set ragged.
    std::istringstream err(r.err);
    for (std::string line; std::getline(err, line);) {
      CAPTURE(line);
      const bool excerpt =
          line.find(": note: frame 'body': the body does not fit at ") != std::string::npos &&
          line.find("the read-more line stands for the ") != std::string::npos;
      const bool ragged = line.find(
                              ": note: frame 'body': justified, its paragraphs would have "
                              "wide word gaps all through") != std::string::npos &&
                          line.find(" are set, ragged") != std::string::npos;
      const bool not_justified =
          line.find(": note: frame 'body': the body is set ragged, not justified: ") !=
          std::string::npos;
      CHECK((excerpt || ragged || not_justified));
    }
    if (r.exit_code != 0) continue;
    const auto fonts = run({"pdffonts", pdf.string()});
    CHECK(fonts.out.find(" no ") == std::string::npos);  // every font embedded
  }
}

std::vector<std::string> characters_of(const std::string& text);
std::vector<std::vector<std::string>> body_paragraphs(const fs::path& statement);

/// Every word of the statement's body is in the PDF (designs that print the whole body), or a
/// declared excerpt of its first paragraphs with the read-more line.
void check_body_words(const std::string& design) {
  const fs::path dir = scratch_dir("words-" + design);
  for (const auto& lang : kLanguages) {
    if (!extracts_cleanly(lang)) continue;
    INFO(design << " in " << lang);
    const fs::path pdf = dir / (lang + ".pdf");
    const auto src = source_dir() / "content" / ("statement." + lang + ".md");
    REQUIRE(run_broadside({"render", design, src.string(), "-o", pdf.string()}).exit_code == 0);
    std::string text = pdf_text(pdf);
    // A line may end after a closed-up dash ("enemy—" / "capitalism"): one word in the source.
    text = std::regex_replace(text, std::regex("\u2014[ ]*\n"), "\u2014");
    // Chinese has no spaces between words: compare it character by character.
    const bool by_character = lang == "zh";
    const auto actual = by_character ? characters_of(text) : words_of(text);
    std::vector<std::string> expected = body_words(src);
    if (by_character) {
      std::string joined;
      for (const auto& w : expected) joined += w;
      expected = characters_of(joined);
    }
    if (by_character) {
      CHECK(missing_words(expected, actual) == "");
      continue;
    }
    // Every word, or an excerpt the design declares (`read-more:`): whole paragraphs from the
    // start, then the line saying where the rest is — never words lost in the middle.
    const auto paragraphs = body_paragraphs(src);
    std::vector<std::string> taken;
    size_t whole = 0;
    for (; whole < paragraphs.size(); ++whole) {
      std::vector<std::string> more = taken;
      more.insert(more.end(), paragraphs[whole].begin(), paragraphs[whole].end());
      if (missing_words(more, actual) != "") break;
      taken = std::move(more);
    }
    if (whole == paragraphs.size()) continue;
    CAPTURE(missing_words(expected, actual));
    CHECK(whole * 3 >= paragraphs.size() * 2);  // most of the statement
    // Nothing of the paragraphs left out is set (an excerpt ends at a paragraph) ...
    CHECK(missing_words(paragraphs[whole], actual) != "");
    // ... and the back page ends the excerpt with where the whole statement is.
    const std::string back = pdf_text(pdf, 2, 2);
    CHECK(back.find("socialism2020.org") != std::string::npos);
  }
}

/// The words of each paragraph of the statement's body (blank-line separated).
std::vector<std::vector<std::string>> body_paragraphs(const fs::path& statement) {
  std::string text = read_bytes(statement);
  const auto end = text.find("\n---", 3);
  text = text.substr(text.find('\n', end + 1) + 1);
  text = std::regex_replace(text, std::regex(R"(\[([^\]]*)\]\([^)]*\))"), "$1");
  std::vector<std::vector<std::string>> out;
  size_t from = 0;
  while (from < text.size()) {
    size_t to = text.find("\n\n", from);
    if (to == std::string::npos) to = text.size();
    auto words = words_of(text.substr(from, to - from));
    if (!words.empty()) out.push_back(std::move(words));
    from = to + 2;
  }
  return out;
}

/// The characters of a text (UTF-8 sequences), white space left out.
std::vector<std::string> characters_of(const std::string& text) {
  std::vector<std::string> out;
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (!std::isspace(c)) out.push_back(text.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace

TEST_CASE("languages: leaflet-a5 renders all 15") {
  render_all_languages("leaflet-a5");
}
TEST_CASE("languages: flyer-letter renders all 15") {
  render_all_languages("flyer-letter");
}
TEST_CASE("languages: poster-a3 renders all 15") {
  render_all_languages("poster-a3");
}
TEST_CASE("languages: share-square renders all 15") {
  render_all_languages("share-square");
}
TEST_CASE("languages: booklet-a5 renders all 15") {
  render_all_languages("booklet-a5");
}
TEST_CASE("languages: branch-poster-a4 renders all 15") {
  // A branch's details, as they would come from its row of the spreadsheet.
  render_all_languages(
      "branch-poster-a4",
      {"--set", "branch.name=Detroit", "--set",
       "event.place=UAW Local 600 Hall, 10550 Dix Ave, Dearborn", "--set", "event.date=2026-03-14",
       "--set", "event.time=7 pm", "--set", "branch.contact=detroit@socialism2020.org"});
}
// The meeting posters, with the example's longest place name, its contact and a branch id.
const std::vector<std::string> kMeetingRow = {
    "--set",
    "branch.name=Chicago",
    "--set",
    "branch.id=chi",
    "--set",
    "event.place=Harold Washington Library Center, Multipurpose Room, Lower Level, 400 S State St",
    "--set",
    "event.date=2026-03-22",
    "--set",
    "event.time=3 pm",
    "--set",
    "branch.contact=chicago@socialism2020.org · (312) 555-0187"};
TEST_CASE("languages: poster-meeting-tabloid renders all 15") {
  render_all_languages("poster-meeting-tabloid", kMeetingRow);
}
TEST_CASE("languages: poster-meeting-a3 renders all 15") {
  render_all_languages("poster-meeting-a3", kMeetingRow);
}
TEST_CASE("languages: leaflet-a5 keeps every word of the body") {
  check_body_words("leaflet-a5");
}
TEST_CASE("languages: trifold-a4 renders all 15") {
  render_all_languages("trifold-a4");
}
TEST_CASE("languages: trifold-letter renders all 15") {
  render_all_languages("trifold-letter");
}
TEST_CASE("languages: trifold-a4 keeps every word of the body") {
  check_body_words("trifold-a4");
}

TEST_CASE("languages: a German headline a third longer shrinks and what follows moves down") {
  const fs::path dir = scratch_dir("de-headline");
  for (const char* lang : {"en", "de"}) {
    const auto r = run_broadside(
        {"render", "leaflet-a5", statement((std::string("statement.") + lang + ".md").c_str()),
         "-o", (dir / (std::string(lang) + ".pdf")).string(), "--timings"});
    REQUIRE(r.exit_code == 0);
  }
  auto headline_size = [&](const char* lang) {
    const auto r = run_broadside(
        {"check", "leaflet-a5", statement((std::string("statement.") + lang + ".md").c_str())});
    REQUIRE(r.exit_code == 0);
    const auto t = run_broadside({"render", "leaflet-a5",
                                  statement((std::string("statement.") + lang + ".md").c_str()),
                                  "-o", (dir / "t.pdf").string(), "--timings"});
    const auto at = t.err.find("fit: headline ");
    REQUIRE(at != std::string::npos);
    return std::stod(t.err.substr(at + 14));
  };
  CHECK(headline_size("de") < headline_size("en"));
}

TEST_CASE(
    "languages: a character no installed font covers fails naming it, the frame and the fonts") {
  const fs::path dir = scratch_dir("no-font");
  std::ofstream(dir / "s.md") << "---\nlang: en\nheadline: \"Raids \U0001FAE0 now\"\ndemands: [a]\n"
                                 "cta: {text: t, url: example.org}\ncontact: c\n---\nBody.\n";
  const auto r = run_broadside(
      {"render", "leaflet-a5", (dir / "s.md").string(), "-o", (dir / "x.pdf").string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("no font has U+1FAE0") != std::string::npos);
  CHECK(r.err.find("frame 'headline'") != std::string::npos);
  CHECK(r.err.find("tried League Spartan") != std::string::npos);
  // The symbol faces the font class falls back to were tried too, and the message says so.
  CHECK(r.err.find("Symbola)") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "x.pdf"));
}
