// paragraph_test.cpp — Pango paragraphs: breaking, measuring, hyphenation, coverage, links.
#include <doctest/doctest.h>

#include <algorithm>

#include "text/hyphenator.hpp"
#include "text/pango_paragraph.hpp"
#include "text_fixture.hpp"

using namespace broadside;
using core::Pt;
using text::testing::style;
using text::testing::typesetter;

namespace {
/// `s` with a hyphen at each of `points` (byte offsets, increasing).
std::string mark(const std::string& s, const std::vector<size_t>& points) {
  std::string out;
  size_t from = 0;
  for (size_t p : points) {
    out += s.substr(from, p - from) + "-";
    from = p;
  }
  return out + s.substr(from);
}

const std::string kText =
    "The Socialist Equality Party fights for the international unity of the working class "
    "against capitalism and an end to the nation-state system.";
}  // namespace

TEST_CASE("a paragraph re-breaks at a new width and every line fits it") {
  auto p = typesetter().shape(core::RichText::plain(kText), style({"Noto Serif"}, 10));
  CHECK(p->line_count() == 1);
  const Pt natural = p->max_line_width();
  CHECK(natural > Pt{400});
  p->set_width(Pt{150});
  CHECK(p->line_count() >= 4);
  CHECK(p->max_line_width() <= Pt{150});
  std::string joined;
  for (int i = 0; i < p->line_count(); ++i) joined += (i ? " " : "") + p->line_text(i);
  CHECK(joined == kText);
  CHECK(p->word_count() == 22);
  CHECK(p->words_from_line(0) == 22);
}

TEST_CASE("line metrics scale with the size") {
  auto p = typesetter().shape(core::RichText::plain("Hxp"), style({"Noto Serif"}, 10));
  const auto at10 = p->line(0);
  p->set_size(Pt{20});
  const auto at20 = p->line(0);
  CHECK(at20.ascent.value == doctest::Approx(at10.ascent.value * 2).epsilon(0.01));
  CHECK(at20.width.value == doctest::Approx(at10.width.value * 2).epsilon(0.01));
}

TEST_CASE("hyphenation points come from the dictionary and skip URLs, numbers and acronyms") {
  auto en = text::Hyphenator::for_language("en", text::testing::kHyphenationDir);
  REQUIRE(en);
  const std::string s = "infrastructure socialism2020.org BORTAC deportations";
  CHECK(mark(s, en->break_points(s, 2, 3)) ==
        "in-fra-struc-ture socialism2020.org BORTAC de-por-ta-tions");
  CHECK(text::Hyphenator::for_language("de", text::testing::kHyphenationDir));
  CHECK_FALSE(text::Hyphenator::for_language(
      "tl", text::testing::kHyphenationDir));  // no Tagalog dictionary: no hyphenation
}

TEST_CASE("German uses its ISO-8859-1 dictionary correctly") {
  auto de = text::Hyphenator::for_language("de", text::testing::kHyphenationDir);
  REQUIRE(de);
  const std::string s = "Arbeitszeitverkürzung";
  CHECK(mark(s, de->break_points(s, 2, 3)) == "Ar-beits-zeit-ver-kür-zung");
}

TEST_CASE("Russian uses its KOI8-R dictionary correctly") {
  auto ru = text::Hyphenator::for_language("ru", text::testing::kHyphenationDir);
  REQUIRE(ru);
  const std::string s = "администрации";
  CHECK(mark(s, ru->break_points(s, 2, 2)) == "ад-ми-нистра-ции");
}

TEST_CASE("hyphenated justified text never has more than two hyphenated lines in a row") {
  auto s = style({"Noto Serif"}, 9);
  s.hyphenate = true;
  s.align = core::Align::justify;
  std::string text;
  for (int i = 0; i < 6; ++i)
    text += "Internationalization characteristically accompanies institutionalization. ";
  auto p = typesetter().shape(core::RichText::plain(text), s);
  bool any_hyphen = false;
  for (double w = 60; w < 140; w += 7) {
    p->set_width(Pt{w});
    int run = 0;
    for (int i = 0; i < p->line_count(); ++i) {
      run = p->line(i).ends_with_hyphen ? run + 1 : 0;
      any_hyphen = any_hyphen || run > 0;
      CHECK(run <= 2);
    }
  }
  CHECK(any_hyphen);
}

TEST_CASE("coverage: a character outside the style's fonts is reported with where it came from") {
  auto p = typesetter().shape(core::RichText::plain("■ End all deportations"),
                              style({"League Spartan"}, 12, 700));
  auto problems = p->coverage_problems();
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].codepoint == U'■');
  CHECK_FALSE(problems[0].substitute_family.empty());

  auto fine = typesetter().shape(core::RichText::plain("Abolish ICE and CBP!"),
                                 style({"League Spartan"}, 12, 700));
  CHECK(fine->coverage_problems().empty());

  // A character no installed font has at all is a missing glyph (no substitute family).
  auto tofu = typesetter().shape(core::RichText::plain("x\U0001FAE0"), style({"Noto Sans"}, 12));
  auto missing = tofu->coverage_problems();
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].codepoint == 0x1FAE0);
  CHECK(missing[0].substitute_family.empty());
}

TEST_CASE("upper-casing keeps style runs on their words") {
  core::RichText t{"visit socialism2020.org today",
                   {{6, 23, false, true, false, "https://socialism2020.org"}}};
  auto up = text::transform_case(t, core::TextCase::upper);
  CHECK(up.text == "VISIT SOCIALISM2020.ORG TODAY");
  CHECK(up.text.substr(up.runs[0].start, up.runs[0].end - up.runs[0].start) == "SOCIALISM2020.ORG");
}

TEST_CASE("capitals follow the language: Greek drops its accents, Turkish dots its i") {
  auto up = [](const std::string& s, const std::string& lang) {
    return text::transform_case(core::RichText::plain(s), core::TextCase::upper, lang).text;
  };
  CHECK(up("Η δήλωση", "el") == "Η ΔΗΛΩΣΗ");
  CHECK(up("Απαιτούμε", "el") == "ΑΠΑΙΤΟΥΜΕ");
  CHECK(up("Κατάργηση της ICE", "el-GR") == "ΚΑΤΑΡΓΗΣΗ ΤΗΣ ICE");
  CHECK(up("istiyoruz", "tr") == "İSTİYORUZ");
  CHECK(up("istiyoruz", "en") == "ISTIYORUZ");
  CHECK(up("Straße", "de") == "STRASSE");
  CHECK(text::transform_case(core::RichText::plain("ISTANBUL"), core::TextCase::lower, "tr").text ==
        "ıstanbul");
}

TEST_CASE("links report their extent on each line") {
  core::RichText t{"Visit socialism2020.org to sign up",
                   {{6, 23, false, false, false, "https://socialism2020.org"}}};
  auto p = typesetter().shape(t, style({"Noto Serif"}, 10));
  auto links = p->links();
  REQUIRE(links.size() == 1);
  CHECK(links[0].uri == "https://socialism2020.org");
  CHECK(links[0].x0 > Pt{10});
  CHECK(links[0].x1 - links[0].x0 > Pt{60});
  CHECK(links[0].x1 < p->line(0).width);
}

TEST_CASE("the rest of a paragraph continues from a line, without its indent") {
  auto s = style({"Noto Serif"}, 10);
  s.indent = Pt{12};
  auto p = typesetter().shape(core::RichText::plain(kText), s);
  p->set_width(Pt{150});
  const std::string second = p->line_text(1);
  auto rest = p->rest_from_line(1);
  rest->set_width(Pt{1000});
  REQUIRE(rest->line_count() == 1);
  CHECK(rest->line_text(0).rfind(second, 0) == 0);
  CHECK(rest->line(0).x_offset == Pt{0});
  CHECK(p->line(0).x_offset == Pt{12});
}

TEST_CASE("a paragraph set again as before reuses the layout, and changing it leaves the first") {
  for (const auto align : {core::Align::start, core::Align::justify}) {
    CAPTURE(static_cast<int>(align));
    auto s = style({"Noto Serif"}, 9.5);
    s.align = align;
    s.hyphenate = true;
    auto lines_of = [](text::Paragraph& p) {
      std::vector<std::string> out;
      for (int i = 0; i < p.line_count(); ++i) out.push_back(p.line_text(i));
      return out;
    };
    auto first = typesetter().shape(core::RichText::plain(kText), s);
    first->set_width(Pt{140});
    const auto expected = lines_of(*first);
    REQUIRE(expected.size() >= 4);

    auto second = typesetter().shape(core::RichText::plain(kText), s);
    second->set_width(Pt{140});
    CHECK(lines_of(*second) == expected);
    // The same Pango line: the layout was taken from the first, not made again.
    auto pango_line = [](text::Paragraph& p) {
      return dynamic_cast<text::PangoParagraph&>(p).layout_line(0);
    };
    CHECK(pango_line(*second) == pango_line(*first));

    second->set_size(Pt{8});
    second->set_width(Pt{100});
    CHECK(lines_of(*second) != expected);
    CHECK(pango_line(*second) != pango_line(*first));
    CHECK(lines_of(*first) == expected);
    auto third = typesetter().shape(core::RichText::plain(kText), s);
    third->set_width(Pt{140});
    CHECK(lines_of(*third) == expected);
  }
}

TEST_CASE("the optimal breaker measures in the unbroken layout the coverage check made") {
  auto s = style({"Noto Serif"}, 9.5);
  s.align = core::Align::justify;
  s.hyphenate = true;
  // A text no other test sets, so neither measurement comes from the typesetter's cache.
  auto p = typesetter().shape(core::RichText::plain(kText + " Measured once."), s);
  auto& pango = dynamic_cast<text::PangoParagraph&>(*p);
  CHECK(p->coverage_problems().empty());
  PangoLayout* unbroken = pango.current_layout();
  p->set_width(Pt{140});
  REQUIRE(p->line_count() >= 4);
  // The breaks are chosen from the same layout: Pango did not shape the paragraph again.
  CHECK(pango.current_layout() == unbroken);
  CHECK(p->max_line_width() <= Pt{140});
}

TEST_CASE("justified text measured at one size breaks at another as if made at that size") {
  // The optimal breaker measures once, at the size a paragraph is made with, and scales.
  const std::string text = kText + " " + kText + " " + kText;
  for (const double size : {7.0, 8.25, 9.5, 13.0}) {
    CAPTURE(size);
    auto s = style({"Noto Serif"}, 11);
    s.align = core::Align::justify;
    s.hyphenate = true;
    auto scaled = typesetter().shape(core::RichText::plain(text), s);
    scaled->set_size(Pt{size});
    scaled->set_width(Pt{150});
    s.size = Pt{size};
    auto direct = typesetter().shape(core::RichText::plain(text), s);
    direct->set_width(Pt{150});
    REQUIRE(scaled->line_count() == direct->line_count());
    for (int i = 0; i < direct->line_count(); ++i)
      CHECK(scaled->line_text(i) == direct->line_text(i));
    CHECK(scaled->max_line_width() <= Pt{150});
  }
}

namespace {

/// Noto Serif's word space, 260 units of 1000.
constexpr double kNotoSerifSpaceEm = 0.26;

/// Widest gap between two words of a justified line (not the paragraph's last), in ems: the
/// line's spare width, less what its letters take (all they may once spaces open past half
/// their stretch), shared among its spaces, plus a space.
double widest_gap_em(text::Paragraph& p, Pt width) {
  double widest = 0;
  for (int i = 0; i + 1 < p.line_count(); ++i) {
    const std::string line = p.line_text(i);
    const auto spaces = std::count(line.begin(), line.end(), ' ');
    if (spaces == 0) continue;
    // After justification a line is as wide as the column: measure the same line unjustified.
    auto alone = typesetter().shape(core::RichText::plain(line), style({"Noto Serif"}, 9));
    const Pt natural = alone->max_line_width();
    const double letters = static_cast<double>(g_utf8_strlen(line.c_str(), -1) - spaces);
    const double letter_em =
        p.is_loosely_justified() ? text::kLooseLetterStretchEm : text::kLetterStretchEm;
    const double slack = (width - natural).value - letters * letter_em * 9;
    widest = std::max(widest,
                      std::max(0.0, slack) / static_cast<double>(spaces) / 9 + kNotoSerifSpaceEm);
  }
  return widest;
}

/// Justified 9pt Noto Serif of long words and few break points: narrow columns leave no
/// justified set within the limits.
std::unique_ptr<text::Paragraph> long_words_paragraph() {
  auto s = style({"Noto Serif"}, 9);
  s.hyphenate = true;
  s.align = core::Align::justify;
  return typesetter().shape(
      core::RichText::plain(
          "Internationalization characteristically accompanies institutionalization, "
          "notwithstanding counterrevolutionary misrepresentations."),
      s);
}

}  // namespace

TEST_CASE("justified text keeps its word spaces within 0.75 em, or the paragraph is set ragged") {
  auto p = long_words_paragraph();
  bool ragged_somewhere = false, justified_somewhere = false;
  for (double w = 70; w < 200; w += 9) {
    CAPTURE(w);
    p->set_width(Pt{w});
    if (p->is_ragged()) {
      ragged_somewhere = true;
      // Flush-left: lines are not stretched to the column.
      int short_lines = 0;
      for (int i = 0; i + 1 < p->line_count(); ++i) short_lines += p->line(i).width.value < w - 1;
      CHECK(short_lines > 0);
    } else {
      justified_somewhere = true;
      CHECK(widest_gap_em(*p, Pt{w}) <= 0.75 + 0.02);
    }
  }
  CHECK(ragged_somewhere);
  CHECK(justified_somewhere);
}

TEST_CASE(
    "a paragraph no justified set can hold spaces its letters out a little before it "
    "sets ragged") {
  auto p = long_words_paragraph();
  int loose = 0;
  for (double w = 70; w < 200; w += 1) {
    CAPTURE(w);
    p->set_width(Pt{w});
    if (!p->is_loosely_justified()) continue;
    ++loose;
    CHECK_FALSE(p->is_ragged());
    // Justified: every line but the last as wide as the column, its spaces within the limit.
    for (int i = 0; i + 1 < p->line_count(); ++i)
      CHECK(p->line(i).width.value == doctest::Approx(w).epsilon(0.01));
    CHECK(widest_gap_em(*p, Pt{w}) <= 0.75 + 0.02);
  }
  CHECK(loose > 0);
}

TEST_CASE("a language without a hyphenation dictionary is set ragged; Vietnamese justifies") {
  auto s = style({"Noto Serif"}, 9);
  s.hyphenate = true;
  s.align = core::Align::justify;
  std::string text;
  for (int i = 0; i < 4; ++i)
    text += "Ang Partido Sosyalista ng Pagkakapantay-pantay ay nananawagan sa mga manggagawa. ";
  s.lang = "tl";
  auto tagalog = typesetter().shape(core::RichText::plain(text), s);
  tagalog->set_width(Pt{150});
  REQUIRE(tagalog->line_count() > 3);
  int short_lines = 0;
  for (int i = 0; i + 1 < tagalog->line_count(); ++i)
    short_lines += tagalog->line(i).width.value < 148 ? 1 : 0;
  CHECK(short_lines > 0);
  s.lang = "vi";
  auto vietnamese = typesetter().shape(
      core::RichText::plain("Đảng Bình đẳng Xã hội chủ nghĩa kêu gọi công nhân đoàn kết chống "
                            "lại chủ nghĩa tư bản và chiến tranh trên toàn thế giới, vì một "
                            "tương lai xã hội chủ nghĩa cho tất cả mọi người."),
      s);
  vietnamese->set_width(Pt{150});
  REQUIRE(vietnamese->line_count() > 2);
  for (int i = 0; i + 1 < vietnamese->line_count(); ++i)
    CHECK(vietnamese->line(i).width.value == doctest::Approx(150).epsilon(0.01));
}

TEST_CASE("a line asked not to end in a hyphen is broken again without one") {
  auto s = style({"Noto Serif"}, 9);
  s.hyphenate = true;
  s.align = core::Align::justify;
  std::string text;
  for (int i = 0; i < 3; ++i) text += kText + " ";
  auto p = typesetter().shape(core::RichText::plain(text), s);
  int tried = 0, honoured_justified = 0, turned_ragged = 0;
  for (double w = 90; w < 330; w += 7) {
    p->set_width(Pt{w});
    for (int i = 0; i + 1 < p->line_count(); ++i) {
      if (!p->line(i).ends_with_hyphen) continue;
      CAPTURE(w);
      CAPTURE(i);
      const bool was_ragged = p->is_ragged();
      CHECK(p->avoid_hyphen_at_line(i));
      // Never a hyphen there (#14): where no justified set within the widest space avoids it,
      // the paragraph is set ragged, which can.
      CHECK_FALSE(p->line(i).ends_with_hyphen);
      honoured_justified += !p->is_ragged();
      turned_ragged += !was_ragged && p->is_ragged();
      CHECK_FALSE(p->avoid_hyphen_at_line(i));  // asked once, held
      ++tried;
      break;
    }
  }
  CHECK(tried > 3);
  CHECK(honoured_justified > 0);
  CHECK(turned_ragged > 0);
}

TEST_CASE("a line of Pango's own breaking asked not to end in a hyphen is broken again") {
  // Ragged text keeps Pango's breaking, as do right-to-left text and the optimal breaker's
  // fallback: a column must not end in a hyphen there either (#14).
  auto s = style({"Noto Serif"}, 9);
  s.hyphenate = true;
  std::string text;
  for (int i = 0; i < 3; ++i) text += kText + " ";
  auto p = typesetter().shape(core::RichText::plain(text), s);
  int tried = 0;
  for (double w = 60; w < 330; w += 7) {
    p->set_width(Pt{w});
    for (int i = 0; i + 1 < p->line_count(); ++i) {
      if (!p->line(i).ends_with_hyphen) continue;
      CAPTURE(w);
      CAPTURE(i);
      CHECK(p->avoid_hyphen_at_line(i));
      CHECK_FALSE(p->line(i).ends_with_hyphen);
      // Held through a relayout at the same size and width.
      p->set_ragged(true);
      p->set_ragged(false);
      CHECK_FALSE(p->line(i).ends_with_hyphen);
      CHECK_FALSE(p->avoid_hyphen_at_line(i));
      ++tried;
      break;
    }
  }
  CHECK(tried > 3);
}

TEST_CASE("breaks taken from the cache still give the extents without laying out the lines") {
  // A fit tries a size, another, then the first again: the breaks come from the cache the
  // second time, and the extents must too, or every trial lays out every line (#16).
  auto s = style({"Noto Serif"}, 11);
  s.align = core::Align::justify;
  s.hyphenate = true;
  const std::string text = kText + " Extents from the cache.";
  auto p = typesetter().shape(core::RichText::plain(text), s);
  p->set_width(Pt{150});
  p->set_size(Pt{9});
  REQUIRE(p->line_count() > 1);
  const auto first = p->extents_of_any_line();
  REQUIRE(first);
  p->set_size(Pt{10});
  REQUIRE(p->line_count() > 1);
  p->set_size(Pt{9});
  REQUIRE(p->line_count() > 1);
  const auto again = p->extents_of_any_line();
  REQUIRE(again);
  CHECK(again->ascent == first->ascent);
  CHECK(again->descent == first->descent);
  CHECK(again->ink_ascent == first->ink_ascent);
  CHECK(again->ink_descent == first->ink_descent);
}
