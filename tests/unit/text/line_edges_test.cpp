// line_edges_test.cpp — Chinese and Japanese lines neither start with a closing mark, a middle
// dot or a small kana nor end with an opening bracket, in every breaker (issue #14).
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "text/line_edges.hpp"
#include "text/pango_paragraph.hpp"
#include "text_fixture.hpp"

using namespace broadside;
using core::Pt;
using text::line_edge_holds;
using text::testing::style;
using text::testing::typesetter;

namespace {

/// Whether a line may not break at byte `at` of `text`.
bool is_held(const std::string& text, size_t at) {
  for (const auto& h : line_edge_holds(text))
    if (h.start < at && at < h.end) return true;
  return false;
}

/// Whether a line may not break just before the first `mark` in `text`.
bool is_held_before(const std::string& text, const std::string& mark) {
  const size_t at = text.find(mark);
  REQUIRE(at != std::string::npos);
  return is_held(text, at);
}

/// Whether a line may not break just after the first `mark` in `text`.
bool is_held_after(const std::string& text, const std::string& mark) {
  const size_t at = text.find(mark);
  REQUIRE(at != std::string::npos);
  return is_held(text, at + mark.size());
}

/// A line's text as read: without the invisible joiners, break opportunities and separators
/// the breakers put in, nor its trailing spaces.
std::string visible(const std::string& line) {
  std::string out;
  for (const char* p = line.c_str(); *p; p = g_utf8_next_char(p)) {
    const gunichar c = g_utf8_get_char(p);
    if (c != 0x2060 && c != 0x200B && c != 0xAD && c != 0x2028)
      out.append(p, static_cast<size_t>(g_utf8_next_char(p) - p));
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

gunichar first_char(const std::string& s) {
  return s.empty() ? 0 : g_utf8_get_char(s.c_str());
}

gunichar last_char(const std::string& s) {
  return s.empty() ? 0 : g_utf8_get_char(g_utf8_prev_char(s.c_str() + s.size()));
}

bool is_middle_dot(gunichar c) {
  return std::u32string_view(U"·・･‧").find(static_cast<char32_t>(c)) != std::u32string_view::npos;
}

/// Sets `text` at every width from three to sixteen ems, in quarter ems, and checks each line
/// break: no line starts with a mark that may not start one, none ends with one that may not end
/// one, and none ends with a middle dot (in the texts here, each dot joins a name).
void check_every_width(const std::string& text, text::ParagraphStyle s) {
  auto p = typesetter().shape(core::RichText::plain(text), s);
  int breaks = 0;
  for (double ems = 3; ems <= 16; ems += 0.25) {
    p->set_width(Pt{s.size.value * ems});
    for (int i = 0; i + 1 < p->line_count(); ++i) {
      const std::string line = visible(p->line_text(i)), next = visible(p->line_text(i + 1));
      CAPTURE(ems);
      CAPTURE(line);
      CAPTURE(next);
      CHECK_FALSE(text::may_not_start_line(first_char(next)));
      CHECK_FALSE(text::may_not_end_line(last_char(line)));
      CHECK_FALSE(is_middle_dot(last_char(line)));
      ++breaks;
    }
  }
  CHECK(breaks > 100);  // the sweep broke the text at many places
}

const std::string kChinese =
    "美国参议员伯尼·桑德斯说，我们要求「免费医疗」、《全民教育》和（更高工资）。他说……好吧——"
    "“工人”们：团结起来！为什么？因为伯尼·桑德斯和亚历山德里娅·奥卡西奥-科尔特斯都这样说。";

const std::string kJapanese =
    "ちょっと待ってください。ドナルド・トランプとバーニー・サンダースは、人々の「生活」について"
    "話しました。ラーメンとコーヒー、ゝゞヽヾを使うキャンペーンです！ジョン・スミス氏も来ます。";

}  // namespace

TEST_CASE("a middle dot between two Chinese characters binds the name on both sides") {
  const std::string s = "美国参议员伯尼·桑德斯说";
  CHECK(is_held_before(s, "·"));
  CHECK(is_held_after(s, "·"));
  CHECK_FALSE(is_held_before(s, "尼"));  // 伯|尼 may still break, as may the name's edges
  CHECK_FALSE(is_held_before(s, "伯"));
  CHECK_FALSE(is_held_before(s, "说"));
  // Each of the middle dots, and in Japanese.
  for (const std::string dot : {"・", "･", "‧"}) {
    const std::string name = "ドナルド" + dot + "トランプ";
    CAPTURE(name);
    CHECK(is_held_before(name, dot));
    CHECK(is_held_after(name, dot));
  }
}

TEST_CASE("closing marks may not start a Chinese line, opening ones may not end it") {
  const std::string s =
      "我们要求「免费医疗」、《全民教育》和（工资）。他说，好：是；吗？是！“工人”‘们’";
  for (const std::string closing :
       {"」", "、", "》", "）", "。", "，", "：", "；", "？", "！", "”", "’"}) {
    CAPTURE(closing);
    CHECK(is_held_before(s, closing));
  }
  for (const std::string opening : {"「", "《", "（", "“", "‘"}) {
    CAPTURE(opening);
    CHECK(is_held_after(s, opening));
  }
  CHECK_FALSE(is_held_after(s, "我们要求"));  // between ideographs a line still breaks
  CHECK_FALSE(is_held_before(s, "他"));
}

TEST_CASE("an ellipsis or a dash pair is neither split nor starts a Chinese line") {
  const std::string s = "他说……好吧——走";
  CHECK(is_held_before(s, "……"));
  CHECK(is_held_after(s, "…"));
  CHECK(is_held_before(s, "——"));
  CHECK(is_held_after(s, "—"));
  CHECK_FALSE(is_held_before(s, "走"));  // after the pair a line may break
}

TEST_CASE("small kana, the prolonged sound mark and iteration marks may not start a line") {
  const std::string s = "ちょっとラーメン人々いすゞ";
  for (const std::string mark : {"ょ", "っ", "ー", "々", "ゞ"}) {
    CAPTURE(mark);
    CHECK(is_held_before(s, mark));
  }
  CHECK_FALSE(is_held_before(s, "ラ"));
}

TEST_CASE("the rules stay out of text that is not Chinese or Japanese, and off hard breaks") {
  CHECK(line_edge_holds("Sanders’ plan — “free” care… (for all): yes; now!").empty());
  CHECK(line_edge_holds("버니·샌더스 상원의원").empty());
  // A line separator the optimal breaker pinned is never held.
  const std::string pinned = "伯尼\u2028·桑德斯";
  CHECK_FALSE(is_held(pinned, pinned.find("\u2028")));
  CHECK_FALSE(is_held(pinned, pinned.find("·")));
  // Word joiners and break opportunities other rules put beside the dot are held with it.
  const std::string marked = "伯尼\u200B·\u2060桑德斯";
  CHECK(is_held(marked, marked.find("\u200B")));
  CHECK(is_held(marked, marked.find("·")));
  CHECK(is_held(marked, marked.find("\u2060")));
  CHECK(is_held(marked, marked.find("桑")));
}

TEST_CASE(
    "no line starts or ends with a mark the rules keep off it, at any width, in every breaker") {
  struct Case {
    const char* font;
    const char* lang;
    const std::string& text;
    core::Align align;
    text::Phrasing phrasing;
  };
  const Case cases[] = {
      {"Noto Sans CJK SC", "zh", kChinese, core::Align::start, text::Phrasing::anywhere},
      {"Noto Sans CJK SC", "zh", kChinese, core::Align::justify, text::Phrasing::anywhere},
      // a headline set by phrases
      {"Noto Sans CJK SC", "zh", kChinese, core::Align::start, text::Phrasing::phrases},
      {"Noto Sans CJK JP", "ja", kJapanese, core::Align::start, text::Phrasing::anywhere},
      {"Noto Sans CJK JP", "ja", kJapanese, core::Align::justify, text::Phrasing::anywhere},
  };
  for (const Case& c : cases) {
    CAPTURE(c.lang);
    CAPTURE(static_cast<int>(c.align));
    CAPTURE(static_cast<int>(c.phrasing));
    auto s = style({c.font}, 10);
    s.lang = c.lang;
    s.align = c.align;
    s.phrasing = c.phrasing;
    check_every_width(c.text, s);
  }
}
