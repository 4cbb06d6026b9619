// scripts_test.cpp — issue #17 end to end: the multilingual corpus in every bundled design,
// refused characters, frames that would overrun, `fonts --check --design` against render, and
// right-to-left lines made only of Latin letters and digits.
#include <nlohmann/json.hpp>

#include <fstream>
#include <regex>
#include <set>

#include "cli_support.hpp"

using namespace broadside::testing;
namespace fs = std::filesystem;

namespace {

/// Corpus jobs that fail with a message a designer can act on; README "Languages" says why.
const std::set<std::pair<std::string, std::string>> kExpectedFailures = {
    {"booklet-a5", "dz.md"},   {"flyer-letter", "yo.md"}, {"flyer-letter", "ckb.md"},
    {"flyer-letter", "dv.md"}, {"flyer-letter", "ti.md"},
};

/// The words pdftotext finds in a PDF page, with their boxes (x from the left, in points).
struct WordBox {
  std::string word;
  double x_min = 0, x_max = 0;
};

std::vector<WordBox> word_boxes(const fs::path& pdf) {
  const std::string html = run({"pdftotext", "-bbox", pdf.string(), "-"}).out;
  std::vector<WordBox> out;
  const std::regex word(
      R"re(<word xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>)re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), word); it != std::sregex_iterator();
       ++it)
    out.push_back({(*it)[3], std::stod((*it)[1]), std::stod((*it)[2])});
  return out;
}

}  // namespace

TEST_CASE("scripts: the corpus (73 languages, 30 scripts) renders in every bundled design") {
  const fs::path out = scratch_dir("corpus");
  const fs::path report = out / "report.json";
  // One process for all 730 jobs. One thread: cairo 1.16's glyph cache is not safe with
  // several threads loading this many faces at once (README "Languages").
  const auto r = run_broadside({"batch", (source_dir() / "tests/corpus/corpus.yaml").string(),
                                "--out", out.string(), "-j", "1", "--report", report.string()});
  CHECK(r.exit_code == 1);  // the expected failures below
  std::ifstream in(report);
  const auto json = nlohmann::json::parse(in);
  std::set<std::pair<std::string, std::string>> failed;
  size_t written = 0;
  for (const auto& job : json["jobs"]) {
    const std::string design = fs::path(job["design"].get<std::string>()).stem().string();
    const std::string statement = fs::path(job["statement"].get<std::string>()).filename().string();
    bool error = false;
    for (const auto& d : job["diagnostics"]) {
      if (d["severity"] != "error") continue;
      error = true;
      // Every failure is located and says what to change.
      CHECK(d.contains("file"));
      CHECK_FALSE(d["message"].get<std::string>().empty());
    }
    if (error) {
      failed.insert({design, statement});
      INFO(design << " / " << statement << ": " << job["diagnostics"].dump());
      CHECK(kExpectedFailures.count({design, statement}) == 1);
    } else {
      ++written;
      const fs::path pdf = out / design / (fs::path(statement).stem().string() + ".pdf");
      CHECK(fs::exists(pdf));
    }
  }
  CHECK(written + failed.size() == 730);
  CHECK(written >= 725);
  // A sample of the PDFs: every font embedded.
  for (const char* sample : {"leaflet-a5/km.pdf", "poster-a3/my.pdf", "trifold-a4/am.pdf",
                             "booklet-a5/zh-Hant.pdf", "share-square/dz.pdf"}) {
    if (!fs::exists(out / sample)) continue;
    const auto fonts = run({"pdffonts", (out / sample).string()});
    CHECK(fonts.out.find(" no ") == std::string::npos);
  }
}

TEST_CASE("scripts: control characters are refused with their code point, nothing written") {
  const fs::path dir = scratch_dir("control-characters");
  write_file(dir / "s.md",
             "---\nlang: en\nheadline: Stop the raids\ndemands: [a]\ncta: {text: t, url: "
             "example.org}\ncontact: c\n---\nA bell \x07 rang.\n");
  auto r = run_broadside(
      {"render", "leaflet-a5", (dir / "s.md").string(), "-o", (dir / "x.pdf").string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("s.md:8:8: error: control character U+0007") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "x.pdf"));
  // The same from a value filling a frame: compose refuses it, naming the frame.
  r = run_broadside({"render", "leaflet-a5", statement("statement.en.md"), "--set",
                     "contact=call \x1B[31m now", "-o", (dir / "y.pdf").string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("frame 'contact': the text has control characters, which cannot be drawn: "
                   "U+001B") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "y.pdf"));
}

TEST_CASE("scripts: a frame whose text would overrun fails, naming the frame; never exit 0") {
  const fs::path dir = scratch_dir("overrun");
  // A fixed size and a leading far too tight for Myanmar's stacked vowels, in a frame with room
  // for the lines at that leading only: the leading the ink needs makes them not fit.
  auto design = [&](const char* file, const char* area) {
    write_file(dir / file, std::string(R"(name: tight
page: {size: A6, margins: 10mm}
fonts: {include: noto}
styles:
  h: {font: sans, size: 20pt, leading: 0.7}
pages:
  - frames:
      - text: "{headline}"
        style: h
        area: )") + area + "\n");
  };
  design("d.yaml", "{top: 10mm, height: 15mm}");
  write_file(dir / "s.md",
             "---\nlang: my\nheadline: \"ရုပ်ပုံ ခေါင်းစီး ပျက်နေတယ်။ ရုပ်ပုံ ခေါင်းစီး\"\n---\nx\n");
  const auto r = run_broadside({"render", (dir / "d.yaml").string(), (dir / "s.md").string(), "-o",
                                (dir / "x.pdf").string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("d.yaml:8:9: error: frame 'headline'") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "x.pdf"));
  // With room, the same text is set, its lines as far apart as their ink needs.
  design("d2.yaml", "margin");
  CHECK(run_broadside({"render", (dir / "d2.yaml").string(), (dir / "s.md").string(), "-o",
                       (dir / "y.pdf").string()})
            .exit_code == 0);
}

TEST_CASE("scripts: a face whose file calls its Bold weight Regular is told apart by its style") {
  // NotoSerifMyanmar-Bold.ttf (and NotoNastaliqUrdu-Bold.ttf) claim weight 400 as the Regular
  // files do: fontconfig took either, and a Burmese body came out bold without a word; and a
  // style naming the family at weight 700 was refused ("no face of weight 700").
  const fs::path dir = scratch_dir("bold-named-regular");
  write_file(dir / "d.yaml", R"(page: {size: A5, margins: 10mm}
fonts: {include: noto}
styles:
  plain: {font: serif, size: 12pt}
  strong: {font: [Noto Serif Myanmar, Noto Serif], size: 12pt, weight: 700}
pages:
  - frames:
      - {text: "{headline}", style: strong, area: {top: margin, height: 40mm}}
      - {text: "{headline}", style: plain, area: {top: 70mm, height: 40mm}}
)");
  write_file(dir / "s.md", "---\nlang: my\nheadline: \"စီးနင်းမှုအားလုံးကို ရပ်တန့်ပါ\"\n---\nx\n");
  const fs::path pdf = dir / "x.pdf";
  const auto r = run_broadside(
      {"render", (dir / "d.yaml").string(), (dir / "s.md").string(), "-o", pdf.string()});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const std::string fonts = run({"pdffonts", pdf.string()}).out;
  INFO(fonts);
  CHECK(fonts.find("NotoSerifMyanmar-Regular") != std::string::npos);
  CHECK(fonts.find("NotoSerifMyanmar-Bold") != std::string::npos);
}

TEST_CASE("scripts: fonts --check --design says what render says") {
  const fs::path dir = scratch_dir("fonts-check-design");
  // A design that names only a Latin face: Greek is not in it.
  write_file(dir / "latin.yaml", R"(name: latin
page: {size: A6, margins: 10mm}
styles:
  h: {font: [League Spartan], weight: 700, size: 12pt..30pt}
pages:
  - frames:
      - {text: "{headline}", style: h, area: margin}
)");
  write_file(dir / "el.md", "---\nlang: el\nheadline: \"Καμία απέλαση\"\n---\nx\n");
  const auto render = run_broadside({"render", (dir / "latin.yaml").string(),
                                     (dir / "el.md").string(), "-o", (dir / "x.pdf").string()});
  const auto check = run_broadside(
      {"fonts", "--check", (dir / "el.md").string(), "--design", (dir / "latin.yaml").string()});
  CHECK(render.exit_code == 1);
  CHECK(check.exit_code == 1);
  CHECK(render.err.find("not in the fonts of style 'h' (League Spartan)") != std::string::npos);
  CHECK(check.err == render.err);
  // Without --design, the font set has Greek: the answer is about the installed fonts only.
  CHECK(run_broadside({"fonts", "--check", (dir / "el.md").string()}).exit_code == 0);
  // A bundled design names a face for every script: Khmer is covered, by both.
  const std::string km = (source_dir() / "tests/corpus/km.md").string();
  const auto ok = run_broadside({"fonts", "--check", km, "--design", "leaflet-a5"});
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find("every character is covered by the faces of leaflet-a5") != std::string::npos);
  CHECK(run_broadside({"render", "leaflet-a5", km, "-o", (dir / "km.pdf").string()}).exit_code ==
        0);
}

TEST_CASE("scripts: an Arabic poster's Latin-only lines are right-aligned") {
  const fs::path dir = scratch_dir("rtl-latin-lines");
  const fs::path pdf = dir / "ar.pdf";
  const auto r = run_broadside({"render", "branch-poster-a4", statement("statement.ar.md"), "--set",
                                "branch.name=Detroit", "--set", "event.place=Detroit", "--set",
                                "event.date=2026-03-14", "--set", "event.time=19:00", "--set",
                                "branch.contact=detroit@socialism2020.org", "-o", pdf.string()});
  REQUIRE(r.exit_code == 0);
  const double page_width = 595.3;  // A4, trimmed (no bleed in the box pdftotext reports)
  int seen = 0;
  for (const auto& w : word_boxes(pdf)) {
    if (w.word != "Detroit" && w.word != "19:00") continue;
    ++seen;
    INFO(w.word << " at " << w.x_min << ".." << w.x_max);
    // Set from the right margin, not from the left.
    CHECK(w.x_min > page_width / 2);
  }
  CHECK(seen >= 2);
}
