// core_test.cpp — units, geometry, colours, diagnostics and atomic writes.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>

#include "core/atomic_file.hpp"
#include "core/color.hpp"
#include "core/diagnostic.hpp"
#include "core/geometry.hpp"
#include "core/language.hpp"
#include "core/rich_text.hpp"

using namespace broadside::core;
namespace fs = std::filesystem;

TEST_CASE("lengths convert once, at the edge") {
  CHECK(from_mm(25.4).value == doctest::Approx(72));
  CHECK(from_in(1).value == 72);
  CHECK(from_px(96).value == doctest::Approx(72));
  CHECK(to_mm(Pt{72}) == doctest::Approx(25.4));
}

TEST_CASE("page geometry: media = trim + bleed + slug on every side") {
  const PageGeometry g{{from_mm(148), from_mm(210)}, from_mm(3), from_mm(10)};
  CHECK(to_mm(g.media().width) == doctest::Approx(148 + 26));
  CHECK(to_mm(g.trim_in_media().x) == doctest::Approx(13));
  CHECK(to_mm(g.bleed_in_media().x) == doctest::Approx(10));
  CHECK(to_mm(g.bleed_rect().width) == doctest::Approx(154));
  CHECK(g.bleed_rect().contains(g.trim_rect()));
  CHECK_FALSE(g.trim_rect().contains(g.bleed_rect()));
}

TEST_CASE("hex colours, and CMYK kept exactly with a preview RGB") {
  const auto red = parse_hex_color("#C8102E");
  REQUIRE(red);
  CHECK(red->rgb.r == doctest::Approx(200 / 255.0));
  CHECK_FALSE(red->cmyk);
  CHECK(parse_hex_color("#fff")->rgb == Rgb{1, 1, 1});
  CHECK(parse_hex_color("#00000080")->alpha == doctest::Approx(128 / 255.0));
  CHECK_FALSE(parse_hex_color("C8102E"));
  CHECK_FALSE(parse_hex_color("#12345"));
  const Color c = Color::from_cmyk({0, 1, 0.78, 0.18});
  CHECK(c.cmyk->m == 1);
  CHECK(c.rgb.r == doctest::Approx(0.82));
}

TEST_CASE("a diagnostic is one line with its place and its hint") {
  Diagnostic d{
      Severity::error, {"d.yaml", 12, 5}, "unknown key 'colour'", "did you mean 'colors'?"};
  CHECK(d.to_string() == "d.yaml:12:5: error: unknown key 'colour' (did you mean 'colors'?)");
  Diagnostics all;
  all.warning({"s.md", 3}, "raw HTML dropped");
  CHECK_FALSE(all.has_errors());
  all.error({}, "no output");
  CHECK(all.has_errors());
  CHECK(all.to_string() == "s.md:3: warning: raw HTML dropped\nerror: no output\n");
}

TEST_CASE("atomic writes: the file appears whole, and a failed write leaves nothing") {
  const fs::path dir = fs::temp_directory_path() / ("broadside-core-" + std::to_string(getpid()));
  fs::remove_all(dir);
  const Limits limits;
  Diagnostics diags;
  CHECK(write_file_atomically(dir / "a" / "x.pdf", "hello", diags));
  CHECK(read_file(dir / "a" / "x.pdf", limits, diags) == "hello");
  CHECK(write_file_atomically(dir / "a" / "x.pdf", "again", diags));
  CHECK(read_file(dir / "a" / "x.pdf", limits, diags) == "again");
  CHECK(diags.empty());
  CHECK(std::distance(fs::directory_iterator(dir / "a"), fs::directory_iterator()) == 1);
  // A folder where the file should go: an error naming it, no temporary left behind.
  fs::create_directories(dir / "b" / "x.pdf");
  CHECK_FALSE(write_file_atomically(dir / "b" / "x.pdf", "x", diags));
  CHECK(diags.to_string() ==
        (dir / "b" / "x.pdf").string() + ": error: cannot write: it is a folder\n");
  CHECK(std::distance(fs::directory_iterator(dir / "b"), fs::directory_iterator()) == 1);
  diags = {};
  CHECK_FALSE(read_file(dir / "missing", limits, diags));
  CHECK(diags.to_string() == (dir / "missing").string() + ": error: file not found\n");
  // Over the file-bytes limit: refused, naming the limit and how to raise it.
  Limits small;
  REQUIRE(small.set("file-bytes=3").empty());
  diags = {};
  CHECK_FALSE(read_file(dir / "a" / "x.pdf", small, diags));
  CHECK(diags.to_string().find("the file is 5 bytes, over the file-bytes limit of 3 bytes "
                               "(raise it with --limit file-bytes=N") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("languages: scripts, direction and quotation marks") {
  CHECK(script_for("ar") == "Arab");
  CHECK(script_for("fa-IR") == "Arab");
  CHECK(script_for("zh-Hant") == "Hant");
  CHECK(script_for("zh-TW") == "Hant");
  CHECK(script_for("zh") == "Hans");
  CHECK(script_for("sr-Latn") == "Latn");
  CHECK(script_for("tl") == "Latn");
  CHECK(is_rtl("he"));
  CHECK_FALSE(is_rtl("hi"));
  // Languages outside the table take CLDR's likely script: Uyghur, Sindhi and Central Kurdish
  // are right to left (they were set left to right, as Latin), Odia and Dzongkha their own.
  CHECK(script_for("ug") == "Arab");
  CHECK(script_for("sd") == "Arab");
  CHECK(script_for("ckb") == "Arab");
  CHECK(is_rtl("ug"));
  CHECK(is_rtl("ckb-IQ"));
  CHECK(script_for("or") == "Orya");
  CHECK(script_for("dz") == "Tibt");
  CHECK(script_for("mn") == "Cyrl");
  CHECK(script_for("as") == "Beng");
  CHECK(script_for("qqq") == "Latn");  // no language at all
  CHECK(quotes_for("de-AT").open == "\u201E");
  CHECK(quotes_for("xx").open == "\u201C");
}

TEST_CASE("diagnostics escape control characters, so user text cannot forge a line") {
  Diagnostic d{Severity::error,
               {"a\x1b.yaml", 2, 3},
               "font 'X\nfake.yaml:1:1: error: \x1b[31mred\xc2\x9b'",
               "tab\there"};
  CHECK(d.to_string() ==
        "a\\x1b.yaml:2:3: error: font 'X\\nfake.yaml:1:1: error: "
        "\\x1b[31mred\\u009b' (tab\\there)");
  // Other text, UTF-8 included, is left as it is.
  CHECK(escape_controls("Grüße — ok") == "Grüße — ok");
}

TEST_CASE("rich text: a prefix keeps the runs that start in it, cut at its end") {
  RichText t = RichText::plain("Read the full statement now");
  t.runs.push_back({5, 8, true, false, false, ""});    // "the"
  t.runs.push_back({9, 23, false, true, false, "x"});  // "full statement"
  t.runs.push_back({24, 27, true, false, false, ""});  // "now"
  const RichText p = t.prefix(14);
  CHECK(p.text == "Read the full ");
  REQUIRE(p.runs.size() == 2);
  CHECK(p.runs[0] == t.runs[0]);
  CHECK(p.runs[1].start == 9);
  CHECK(p.runs[1].end == 14);
  CHECK(p.runs[1].link == "x");
  CHECK(t.prefix(100) == t);
  CHECK(t.prefix(0).empty());
}
