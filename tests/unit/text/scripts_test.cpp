// scripts_test.cpp — scripts written without spaces break between words (ICU's dictionaries)
// and are never letter-spaced; faces come from a font class by script; characters that cannot
// be drawn are reported; lines keep the leading their ink needs.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <tuple>

#include "text/scripts.hpp"
#include "text/word_breaks.hpp"
#include "text_fixture.hpp"

using namespace broadside;
using namespace broadside::text;
using namespace broadside::text::testing;

namespace {

/// The body paragraphs of a corpus statement, its zero width spaces taken out (Khmer writers
/// put them between words; the dictionary has to find the words itself).
std::string corpus_body(const std::string& tag) {
  std::ifstream in(std::string(BROADSIDE_SOURCE_DIR) + "/tests/corpus/" + tag + ".md");
  std::stringstream all;
  all << in.rdbuf();
  std::string text = all.str();
  text = text.substr(text.find("\n---\n", 4) + 5);
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\u200B") == 0) {
      i += 2;
      continue;
    }
    out += text[i] == '\n' ? ' ' : text[i];
  }
  return out;
}

constexpr std::string_view kZeroWidthSpace = "\u200B";

void check_breaks_between_words(const std::string& tag, const std::string& family) {
  INFO(tag);
  const std::string text = corpus_body(tag);
  // Thai is broken by Pango's libthai, the others by ICU's dictionaries.
  const auto words =
      tag == "th" ? pango_dictionary_breaks(text, tag) : dictionary_breaks(text, tag);
  REQUIRE(words.size() > 10);  // the dictionary found words
  ParagraphStyle s = style({family}, 9);
  s.lang = tag;
  s.align = core::Align::justify;
  auto p = typesetter().shape(core::RichText::plain(text), s);
  const Pt width{140};
  p->set_width(width);
  REQUIRE(p->line_count() > 3);
  int unspaced_lines = 0;
  // Where lines may end in the text: the dictionary's breaks, spaces, after punctuation.
  auto allowed = [&](size_t at) {
    if (std::find(words.begin(), words.end(), at) != words.end()) return true;
    const char* before = g_utf8_find_prev_char(text.data(), text.data() + at);
    const gunichar b = before ? g_utf8_get_char(before) : ' ';
    return at >= text.size() || g_unichar_isspace(b) || g_unichar_ispunct(b) ||
           g_unichar_isspace(g_utf8_get_char(text.data() + at));
  };
  size_t at = 0;
  for (int i = 0; i + 1 < p->line_count(); ++i) {
    std::string line = p->line_text(i);
    for (size_t z; (z = line.find(kZeroWidthSpace)) != std::string::npos;)
      line.erase(z, kZeroWidthSpace.size());
    while (at < text.size() && text[at] == ' ') ++at;
    REQUIRE(text.compare(at, line.size(), line) == 0);
    at += line.size();
    CHECK_MESSAGE(p->line(i).width <= width + Pt{0.01},
                  "line " << i << " is " << p->line(i).width.value << "pt: " << line);
    CHECK_MESSAGE(allowed(at), "line " << i << " ends inside a word: " << line);
    // The next line never starts with a mark torn from its letter.
    const GUnicodeType next =
        g_unichar_type(g_utf8_get_char(text.data() + std::min(at, text.size() - 1)));
    CHECK(next != G_UNICODE_NON_SPACING_MARK);
    CHECK(next != G_UNICODE_SPACING_MARK);
    // A justified line with no space to widen is set as it is: exactly as wide as the same
    // text set on its own, so nothing was spaced out between its letters.
    if (line.find(' ') == std::string::npos && line.find("\u00A0") == std::string::npos) {
      ++unspaced_lines;
      auto alone = typesetter().shape(core::RichText::plain(line), s);
      alone->set_width(Pt{0});
      CHECK(std::abs((p->line(i).width - alone->max_line_width()).value) < 0.05);
    }
  }
  MESSAGE(tag << ": " << unspaced_lines << " lines without a space");
}

}  // namespace

TEST_CASE("scripts: Khmer, Lao, Myanmar and Thai break between words and no cluster is spaced") {
  check_breaks_between_words("km", "Noto Serif Khmer");
  check_breaks_between_words("lo", "Noto Serif Lao");
  check_breaks_between_words("my", "Noto Serif Myanmar");
  check_breaks_between_words("th", "Noto Serif Thai");
}

TEST_CASE("scripts: dictionary breaks fall between words, not inside clusters") {
  const std::string lao = corpus_body("lo");
  const auto breaks = dictionary_breaks(lao, "lo");
  REQUIRE_FALSE(breaks.empty());
  for (size_t b : breaks) {
    // Never before a combining vowel sign or tone mark.
    const gunichar c = g_utf8_get_char(lao.data() + b);
    CHECK(g_unichar_type(c) != G_UNICODE_NON_SPACING_MARK);
    CHECK(g_unichar_type(c) != G_UNICODE_SPACING_MARK);
  }
  // Latin text gets none: it breaks at its spaces.
  CHECK(dictionary_breaks("Abolish ICE and CBP", "en").empty());
  // Nor does Thai: Pango's libthai breaks it between words where ICU's dictionary would add
  // breaks inside them ("การก|วาด", "เพื่อน|โย|บาย").
  const std::string thai = "หยุดการกวาดล้างผู้อพยพ เพื่อนโยบายสังคมนิยม";
  CHECK(dictionary_breaks(thai, "th").empty());
  std::vector<std::string> thai_words;
  size_t from = 0;
  for (size_t b : pango_dictionary_breaks(thai, "th")) {
    thai_words.push_back(thai.substr(from, b - from));
    from = b;
  }
  thai_words.push_back(thai.substr(from));
  CHECK(thai_words == std::vector<std::string>{"หยุด", "การ", "กวาด", "ล้าง", "ผู้", "อพยพ เพื่อ",
                                               "นโยบาย", "สังคมนิยม"});
  // Chinese word boundaries for headlines come from the dictionary too.
  const auto zh = word_boundaries("停止一切针对移民的突袭搜捕", "zh");
  CHECK(zh.size() >= 4);
  CHECK(zh.size() < 13);  // words, not every character
}

TEST_CASE("scripts: a font class gives each script in the text its own face, Latin last") {
  core::Typeface face;
  face.families = {"Noto Sans Arabic"};
  face.by_script = {{"Arab", {"Noto Sans Arabic"}},
                    {"Latn", {"League Spartan", "Inter"}},
                    {"Grek", {"Inter"}},
                    {"Hans", {"Noto Sans CJK SC"}},
                    {"Jpan", {"Noto Sans CJK JP"}}};
  CHECK(families_for_text(face, "مرحبا Detroit", "ar") ==
        std::vector<std::string>{"Noto Sans Arabic", "League Spartan", "Inter"});
  // A line with no letter of the statement's script is set in its own script's faces first:
  // an Arabic poster's "Detroit" in the design's Latin face.
  CHECK(families_for_text(face, "Detroit 19:00", "ar") ==
        std::vector<std::string>{"League Spartan", "Inter", "Noto Sans Arabic"});
  // Symbols of no script (arrows, stars, pictographs) add the class's Zsym faces, last; ASCII
  // signs and letters do not.
  face.by_script["Zsym"] = {"Noto Sans Symbols2"};
  CHECK(families_for_text(face, "مرحبا → ★", "ar") ==
        std::vector<std::string>{"Noto Sans Arabic", "League Spartan", "Inter",
                                 "Noto Sans Symbols2"});
  CHECK(families_for_text(face, "مرحبا 1 + 2 = 3", "ar").back() == "Inter");
  CHECK(is_symbol(U'✓'));
  CHECK(is_symbol(U'🏠'));
  CHECK_FALSE(is_symbol(U'+'));
  CHECK_FALSE(is_symbol(U'a'));
  // A digit made an emoji ("1️⃣") is set in the emoji face: the text needs its symbol faces.
  CHECK(families_for_text(face, "مرحبا 1\uFE0F\u20E3", "ar").back() == "Noto Sans Symbols2");
  // Han in a Japanese statement takes the Japanese face; kana too.
  CHECK(families_for_text(face, "日本語です", "ja")[1] == "Noto Sans CJK JP");
  CHECK(class_script(U'日', "Jpan") == "Jpan");
  CHECK(class_script(U'日', "Latn") == "Hans");
  CHECK(class_script(U'한', "Latn") == "Kore");
  CHECK(class_script(U'1', "Latn").empty());
}

TEST_CASE("scripts: Hausa and Yoruba letters a display face lacks come from the next face") {
  ParagraphStyle s = style({"League Spartan", "Inter"}, 24, 700);
  s.lang = "ha";
  // Hausa ɗ Ɗ Ƴ, Yoruba ṣ ọ, Igbo's U+2010 HYPHEN.
  auto p = typesetter().shape(core::RichText::plain("Ɗan ɗaki Ƴaƴa ṣọ ọ‐ka"), s);
  CHECK(p->coverage_problems().empty());
}

TEST_CASE("scripts: emoji come from the symbol faces, in outline, emoji sequences too") {
  // ❤️ and ☀️ (a symbol and U+FE0F) are set in Pango's "emoji" family, the rest by the
  // style's list: both must reach Symbola, with no character left to another face.
  const ParagraphStyle s = style({"Noto Serif", "Noto Sans Symbols2", "Symbola"}, 10);
  for (const char* text : {"We march ✊ for homes 🏠 and bread 🍞", "on Saturday ❤️ and ☀️",
                           "keycaps 1️⃣ #️⃣, ✌️ and a family 👨‍👩‍👧"}) {
    CAPTURE(text);
    auto p = typesetter().shape(core::RichText::plain(text), s);
    CHECK(p->coverage_problems().empty());
  }
  // Without Symbola in the list, an emoji is reported, not taken silently from it.
  auto p = typesetter().shape(core::RichText::plain("homes 🏠"), style({"Noto Serif"}, 10));
  CHECK_FALSE(p->coverage_problems().empty());
}

TEST_CASE("scripts: control characters and unassigned code points are reported, never drawn") {
  auto p = typesetter().shape(core::RichText::plain("bell\x07 esc\x1B del\x7F c1\u0085 x\u0378"),
                              style({"Noto Sans"}, 10));
  const auto problems = p->coverage_problems();
  auto kind_of = [&](char32_t c) {
    for (const auto& problem : problems)
      if (problem.codepoint == c) return problem.kind;
    FAIL("U+" << std::hex << static_cast<unsigned>(c) << " not reported");
    return CoverageProblem::Kind::missing;
  };
  CHECK(kind_of(0x07) == CoverageProblem::Kind::control);
  CHECK(kind_of(0x1B) == CoverageProblem::Kind::control);
  CHECK(kind_of(0x7F) == CoverageProblem::Kind::control);
  CHECK(kind_of(0x85) == CoverageProblem::Kind::control);
  CHECK(kind_of(0x378) == CoverageProblem::Kind::unassigned);
}

TEST_CASE("scripts: a private-use character a listed font draws is reported, one no font has too") {
  // Inter draws something at U+E000; what, only its maker says. Noto Serif has nothing there.
  auto drawn = typesetter().shape(core::RichText::plain("icon \uE000 here"), style({"Inter"}, 10));
  const auto problems = drawn->coverage_problems();
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].codepoint == 0xE000);
  CHECK(problems[0].kind == CoverageProblem::Kind::private_use);
  auto missing =
      typesetter().shape(core::RichText::plain("logo \uF8FF"), style({"Noto Serif"}, 10));
  const auto none = missing->coverage_problems();
  REQUIRE(none.size() == 1);
  CHECK(none[0].kind == CoverageProblem::Kind::missing);
}

TEST_CASE("scripts: tall stacks get the leading their ink needs, and Latin keeps its own") {
  // Myanmar at a display leading of 0.98: the stacked vowels of one line would reach into the
  // next; the block's pitch grows until no ink touches.
  ParagraphStyle s = style({"Noto Sans Myanmar"}, 20, 700);
  s.lang = "my";
  auto p = typesetter().shape(core::RichText::plain(corpus_body("my").substr(0, 400)), s);
  p->set_width(Pt{200});
  REQUIRE(p->line_count() > 2);
  const BlockMetrics m = block_metrics(*p, 0.98);
  CHECK(m.pitch > Pt{20 * 0.98});
  for (int i = 0; i + 1 < p->line_count(); ++i) CHECK(p->line(i).ink_pitch < m.pitch);
  // English at a body leading needs nothing more.
  ParagraphStyle en = style({"Noto Serif"}, 9);
  auto e = typesetter().shape(
      core::RichText::plain("As the Socialist Equality Party's candidate for vice president in "
                            "the 2020 elections, I denounce the dictatorial moves of the Trump "
                            "administration to deploy militarized border patrol agents."),
      en);
  e->set_width(Pt{150});
  CHECK(block_metrics(*e, 1.18).pitch == Pt{9 * 1.18});
}

namespace {

/// x of the glyphs showing `word` in a line (the first run holding it), relative to the first.
std::vector<double> glyph_xs(const GlyphLine& line, const std::string& word) {
  for (const GlyphRun& run : line.runs) {
    const size_t at = run.text.find(word);
    if (at == std::string::npos || run.is_backward) continue;
    size_t byte = 0, glyph = 0;
    for (const TextCluster& c : run.clusters) {
      if (byte >= at) break;
      byte += static_cast<size_t>(c.bytes);
      glyph += static_cast<size_t>(c.glyphs);
    }
    std::vector<double> xs;
    for (size_t g = glyph; g < glyph + word.size() && g < run.glyphs.size(); ++g)
      xs.push_back((run.glyphs[g].x - run.glyphs[glyph].x).value);
    return xs;
  }
  return {};
}

}  // namespace

TEST_CASE("scripts: justified Chinese and Japanese fill the column between ideographs") {
  // CLREQ and JLREQ: the line's slack goes between ideographs and kana; Latin words inside keep
  // their own spacing; a full-width mark ending a line gives up its blank half, so the ink
  // reaches the column's edge; two marks side by side are set half an em closer.
  const std::string zh =
      "作为社会平等党2020年大选的副总统候选人，我谴责特朗普政府的独裁举措：部署军事化的边境巡逻人员"
      "，"
      "在全国各地开展突袭搜捕，恐吓移民社区。社会平等党要求立即停止一切驱逐出境行动，并废除移民和海"
      "关"
      "执法局（ICE）以及海关和边境保护局（CBP）。特朗普正将一支名为BORTAC、类似特警（SWAT）的部队派"
      "往各“庇护城市”——这些城市的地方政府已下令警方不得全面配合联邦移民执法人员。";
  const std::string ja =
      "移民への攻撃は労働者階級全体への攻撃である。支配階級は、このような光景に国民を慣れさせようと"
      "している。「無標識の車両が白昼堂々と人々を連れ去り、収容所に送り込む」。彼らはBORTACという"
      "部隊を各地に送り込み、労働者を民族の線に沿って分断しようとしている。";
  for (const auto& sample : {std::tuple{"zh-Hans", "Noto Serif CJK SC", zh},
                             std::tuple{"ja", "Noto Serif CJK JP", ja}}) {
    // Named copies: doctest's INFO captures by reference, which clang refuses for a binding.
    const std::string lang = std::get<0>(sample), family = std::get<1>(sample);
    const std::string& text = std::get<2>(sample);
    INFO(lang);
    ParagraphStyle s = style({family}, 9);
    s.lang = lang;
    s.align = core::Align::justify;
    auto p = typesetter().shape(core::RichText::plain(text), s);
    const Pt width{150};
    p->set_width(width);
    REQUIRE(p->line_count() > 3);
    auto alone = typesetter().shape(core::RichText::plain("BORTAC"), s);
    alone->set_width(Pt{0});
    const auto natural = glyph_xs(*alone->glyph_line(0), "BORTAC");
    REQUIRE(natural.size() == 6);
    bool saw_latin = false;
    for (int i = 0; i + 1 < p->line_count(); ++i) {
      const LineInfo l = p->line(i);
      INFO("line " << i << ": " << p->line_text(i));
      CHECK(l.width <= width + Pt{0.01});
      CHECK(l.width > width - Pt{0.25});  // within a quarter point: invisible
      // A closing mark ending the line gave up its blank: its ink reaches the edge, and it
      // did not move onto the character before it.
      const std::string line = p->line_text(i);
      const gunichar last =
          g_utf8_get_char(g_utf8_find_prev_char(line.data(), line.data() + line.size()));
      if (last == U'，' || last == U'。' || last == U'、' || last == U'）') {
        CHECK(l.ink_right > width - s.size * 0.25);
        std::vector<double> xs;             // every glyph's x on the line, left to right
        const auto set = p->glyph_line(i);  // held: a range-for does not keep a temporary
        for (const GlyphRun& run : set->runs)
          for (const Glyph& glyph : run.glyphs) xs.push_back((run.origin.x + glyph.x).value);
        REQUIRE(xs.size() >= 2);
        const char* before = g_utf8_find_prev_char(
            line.data(), g_utf8_find_prev_char(line.data(), line.data() + line.size()));
        if (g_unichar_get_script(g_utf8_get_char(before)) == G_UNICODE_SCRIPT_HAN) {
          const Pt step{xs.back() - xs[xs.size() - 2]};  // an ideograph's em, or a little more
          CHECK(step >= s.size - Pt{0.01});
          CHECK(step < s.size * 1.3);
        }
      }
      const auto xs = glyph_xs(*p->glyph_line(i), "BORTAC");
      if (xs.empty()) continue;
      saw_latin = true;
      REQUIRE(xs.size() == natural.size());
      for (size_t g = 0; g < xs.size(); ++g) CHECK(std::abs(xs[g] - natural[g]) < 0.01);
    }
    CHECK(saw_latin);
  }
}

TEST_CASE("scripts: adjacent Chinese and Japanese punctuation is set half an em closer") {
  const std::string text = "人。」他（「我」），好。\u2028再";
  const auto halved = halved_punctuation(text, "zh-Hans");
  // 。」: the full stop's blank after it; （「: the second bracket's blank before it; 」）and
  // ），: the first mark's blank after it; 。 before a line separator: its blank at the line end.
  const auto at = [&](const char* s) { return text.find(s); };
  CHECK(halved ==
        std::vector<size_t>{at("。」"), at("「我"), at("」）"), at("），"), at("。\u2028")});
  CHECK(halved_punctuation(text, "ja").size() == 5);
  CHECK(halved_punctuation(text, "en").empty());
  CHECK(halved_punctuation("사람。」", "ko").empty());
  // The pair set closer really is half an em narrower than the two marks apart.
  ParagraphStyle s = style({"Noto Serif CJK SC"}, 10);
  s.lang = "zh-Hans";
  auto pair = typesetter().shape(core::RichText::plain("人。」"), s);
  pair->set_width(Pt{0});
  CHECK(pair->max_line_width().value == doctest::Approx(25).epsilon(0.01));
  CHECK(is_cjk_gap(U'人', U'民'));
  CHECK_FALSE(is_cjk_gap(U'人', U'。'));
  CHECK_FALSE(is_cjk_gap(U'「', U'人'));
  CHECK_FALSE(is_cjk_gap(U'A', U'人'));
  CHECK_FALSE(is_cjk_gap(U'한', U'국'));
}
