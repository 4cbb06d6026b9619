// fit_and_stack_test.cpp — fitted text and stacks: sizes chosen for short and long headlines,
// members that move when a headline needs another line, grow members that take what is left.
#include "compose_fixture.hpp"

using namespace broadside::testing;

namespace {

// 300 x 300 pt page, no margins: the fake typesetter's 0.5 em advance makes the arithmetic easy.
const std::string kFitDesign = R"(
page: {size: [300pt, 300pt], bleed: 0mm, margins: 0mm}
styles:
  head: {font: [X], size: 10pt..100pt, step: 1pt, leading: 1, max-lines: 1}
pages:
  - frames:
      - {text: "{headline}", style: head, area: margin}
)";

}  // namespace

TEST_CASE("fit: the largest size in steps at which the headline fits its lines") {
  // "aaaa bbbb" is 9 characters = 4.5 em on one line: 300 / 4.5 = 66.7, so 66pt.
  auto c = compose_text(kFitDesign, statement_with("aaaa bbbb"));
  REQUIRE(c.diags.empty());
  REQUIRE(c.lines.size() == 1);
  CHECK(c.lines[0].size == 66);
  // A longer headline on one line gets a smaller size: 19 characters -> 300 / 9.5 = 31.6.
  auto longer = compose_text(kFitDesign, statement_with("aaaa bbbb cccc dddd"));
  REQUIRE(longer.lines.size() == 1);
  CHECK(longer.lines[0].size == 31);
}

TEST_CASE("fit: when nothing in the range fits, the error names the frame and why") {
  std::string huge(200, 'x');
  auto c = compose_text(kFitDesign, statement_with(huge));
  CHECK(c.diags.has_errors());
  CHECK(c.errors().find(
            "test.yaml:7:9: error: frame 'headline': the text does not fit even at 6.5pt (the "
            "style's least size, 10pt, less 35%, in up to 2 lines more than its max-lines)") !=
        std::string::npos);
  CHECK(c.lines.empty());
}

TEST_CASE("fit: a text that fits only under the fallback's sizes is set smaller still, warned") {
  // 300pt wide, max 1 line (3 with the fallback's 2 more): 50 words of 5 characters with their
  // space take 4 lines at the fallback's least, 8pt (15 words a line), and 3 at the last
  // resort's sizes, 8pt less 1pt steps down to 6.5pt (18 a line).
  std::string words;
  for (int i = 0; i < 50; ++i) words += (words.empty() ? "" : " ") + std::string("xxxx");
  auto c = compose_text(kFitDesign, statement_with(words));
  REQUIRE_FALSE(c.diags.has_errors());
  REQUIRE_FALSE(c.lines.empty());
  CHECK(c.lines.size() == 3);
  CHECK(c.lines[0].size == 6.5);
  CHECK(c.errors().find("below the style's least size (10pt)") != std::string::npos);
}

namespace {

/// The headline in a frame 100pt wide (20 characters of 10pt) and `height` tall, in a style
/// of font X with `style_keys`; its line is the design's seventh.
std::string headline_frame(const std::string& style_keys, const std::string& height) {
  return "\npage: {size: [300pt, 300pt], bleed: 0mm, margins: 0mm}\nstyles:\n  s: {font: [X], " +
         style_keys +
         "}\npages:\n  - frames:\n      - {text: \"{headline}\", style: s, area: {top: 0pt, left: "
         "0pt, width: 100pt, height: " +
         height + "}}\n";
}

}  // namespace

TEST_CASE("fit: a text of one size that needs more lines than its frame quotes what is left out") {
  // 10pt lines on a 100pt-wide frame hold 20 characters: three lines, of which 20pt holds two.
  auto c = compose_text(headline_frame("size: 10pt, leading: 1", "20pt"),
                        statement_with("aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii"));
  CHECK(
      c.errors() ==
      "test.yaml:7:9: error: frame 'headline': 1 word (1 line) does not fit, from \u201Ciiii\u201D "
      "(make the frame larger, the size smaller, or shorten the text)\n");
}

TEST_CASE("fit: beyond its max-lines a text keeps its least size when more lines allow it") {
  // 13 words of 4 letters on 100pt: 4 lines up to 10.5pt (19 characters a line), 3 at 8pt. Two
  // lines hold them at no size down to 8pt; in two lines more they fit at 10.5pt, where they
  // were set a step below the least size (9.5pt) with a warning saying so.
  auto c = compose_text(
      headline_frame("size: 10pt..20pt, step: 0.5pt, leading: 1, max-lines: 2", "60pt"),
      statement_with("aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk "
                     "llll mmmm"));
  REQUIRE(c.lines.size() == 4);
  CHECK(c.lines[0].size == 10.5);
  CHECK(c.errors() ==
        "test.yaml:7:9: warning: frame 'headline': set at 10.5pt in 4 lines, over its max-lines "
        "(2), for the text to fit (allow a smaller size or more lines, make the frame larger, "
        "or shorten the text)\n");
}

TEST_CASE("fit: a frame too short for one line says the height it needs, not what is left out") {
  // The frame's height is the matter (Myanmar's marks below the line in a 12pt label frame):
  // "shorten the text" would not help.
  auto c = compose_text(headline_frame("size: 10pt, leading: 1", "8pt"), statement_with("aaaa"));
  CHECK(c.errors() ==
        "test.yaml:7:9: error: frame 'headline': one line at 10pt needs 10pt of height, its glyphs "
        "included; the frame has 8pt (make the frame taller or the size smaller)\n");
}

namespace {

const std::string kStackDesign = R"(
page: {size: [300pt, 600pt], bleed: 0mm, margins: 0mm}
styles:
  head: {font: [X], size: 20pt, leading: 1.5}
  item: {font: [X], size: 10pt, leading: 1}
pages:
  - frames:
      - stack: vertical
        area: margin
        gap: 10pt
        items:
          - {text: "{headline}", style: head}
          - {list: "{demands}", style: item, marker: none, item-gap: 0pt}
)";

}  // namespace

TEST_CASE("stack: when the headline needs another line, everything after it moves down") {
  // 20pt type is 10pt a character: 30 characters per 300pt line.
  auto two = compose_text(kStackDesign, statement_with(words(12, "aa")));  // 2 lines of 5x4+..
  auto three = compose_text(kStackDesign, statement_with(words(18, "aa")));
  REQUIRE(two.diags.empty());
  REQUIRE(three.diags.empty());
  const int two_lines = static_cast<int>(two.lines.size()) - 2;
  const int three_lines = static_cast<int>(three.lines.size()) - 2;
  REQUIRE(three_lines == two_lines + 1);
  const auto* a2 = two.find("alpha");
  const auto* a3 = three.find("alpha");
  REQUIRE(a2);
  REQUIRE(a3);
  // One more headline line of 20pt x 1.5 = 30pt pitch.
  CHECK(a3->y - a2->y == doctest::Approx(30));
  // And nothing overlaps: the list starts below the last headline line plus the gap.
  double last_head = 0;
  for (const auto& l : three.lines)
    if (l.size == 20) last_head = std::max(last_head, l.y);
  CHECK(a3->y > last_head + 10);
}

TEST_CASE("stack: a growing member takes the height the others leave, and fits into it") {
  const std::string design = R"(
page: {size: [300pt, 400pt], bleed: 0mm, margins: 0mm}
styles:
  head: {font: [X], size: 10pt..200pt, step: 1pt, leading: 1, max-lines: 4}
  item: {font: [X], size: 10pt, leading: 1}
pages:
  - frames:
      - stack: vertical
        area: margin
        gap: 0pt
        items:
          - {text: "{headline}", style: head, grow: true, valign: bottom}
          - {list: "{demands}", style: item, marker: none, item-gap: 0pt}
)";
  auto c = compose_text(design, statement_with("aaaa bbbb"));
  REQUIRE(c.diags.empty());
  // The list takes 2 x 10pt; the headline gets 380pt. Two lines of 4 characters: width 2 em
  // <= 300 -> 150pt, height 2 x size <= 380 -> 190pt; one line: 4.5 em <= 300 -> 66pt. 150.
  const auto* a = c.find("aaaa");
  REQUIRE(a);
  CHECK(a->size == 150);
  // valign bottom: the headline's last line box ends where the list begins.
  const auto* alpha = c.find("alpha");
  REQUIRE(alpha);
  const auto* b = c.find("bbbb");
  REQUIRE(b);
  CHECK(b->y < alpha->y);
  CHECK(alpha->y - b->y == doctest::Approx(150 * 0.2 + 10 * 0.8 + 0).epsilon(0.01));
}

TEST_CASE("stack: members that need more than the frame has are an error, not an overlap") {
  const std::string design = R"(
page: {size: [300pt, 60pt], bleed: 0mm, margins: 0mm}
styles:
  head: {font: [X], size: 20pt, leading: 1}
pages:
  - frames:
      - stack: vertical
        id: column
        area: margin
        items:
          - {text: "{headline}", style: head}
          - {text: "{headline}", style: head}
)";
  auto c = compose_text(design, statement_with(words(12, "aa")));
  CHECK(c.errors().find("frame 'column': its members need") != std::string::npos);
}

TEST_CASE("stack: in a row, a text of its own width gives way to a growing text's widest word") {
  const std::string design = R"(
page: {size: [300pt, 100pt], bleed: 0mm, margins: 0mm}
styles:
  lead: {font: [X], size: 10pt, leading: 1, max-lines: 2}
  url: {font: [X], size: 10pt..20pt, step: 1pt, leading: 1, max-lines: 1}
pages:
  - frames:
      - stack: horizontal
        area: margin
        items:
          - {text: "{headline}", style: lead, grow: true}
          - {text: "cccc dddd eeee ffff gggg hhhh", style: url}
)";
  // The second text is 29 characters, 290pt at 20pt: it would leave the first 10pt, and
  // "aaaa" needs 20pt (two lines allowed). It gives way by those 10pt, to 19pt type.
  auto c = compose_text(design, statement_with("aaaa bbbb"));
  INFO(c.errors());
  CHECK_FALSE(c.diags.has_errors());
  const auto* url = c.find("cccc dddd eeee ffff gggg hhhh");
  REQUIRE(url);
  CHECK(url->size == 19);
  const auto* a = c.find("aaaa");
  const auto* b = c.find("bbbb");
  REQUIRE(a);
  REQUIRE(b);
  CHECK(b->y > a->y);
  CHECK(url->x >= a->x + 20 - 0.01);
}

TEST_CASE("fit: a text that fits nowhere in its range is set a little below it, with a warning") {
  // One word of 61 characters, 30.5 em: 305pt wide at 10pt (the least size), 274.5pt at 9pt.
  auto c = compose_text(kFitDesign, statement_with(std::string(61, 'a')));
  REQUIRE(!c.diags.has_errors());
  REQUIRE(c.lines.size() == 1);
  CHECK(c.lines[0].size == 9);
  CHECK(c.errors().find("warning: frame 'headline': set at 9pt in 1 line, below the style's "
                        "least size (10pt)") != std::string::npos);
}

TEST_CASE("fit: below its least size, a text keeps its max-lines before it takes more lines") {
  // 70 characters: 315pt at 9pt (two lines), 280pt at 8pt (one, as max-lines asks).
  auto c =
      compose_text(kFitDesign, statement_with(std::string(34, 'a') + " " + std::string(35, 'b')));
  REQUIRE(!c.diags.has_errors());
  REQUIRE(c.lines.size() == 1);
  CHECK(c.lines[0].size == 8);
  CHECK(c.errors().find("set at 8pt in 1 line, below the style's least size (10pt)") !=
        std::string::npos);
}

TEST_CASE("list: an item never leaves one word or a short phrase alone on its last line") {
  const std::string design = R"(
page: {size: [100pt, 200pt], bleed: 0mm, margins: 0mm}
styles:
  item: {font: [X], size: 10pt, leading: 1}
pages:
  - frames:
      - {list: "{demands}", style: item, marker: none, area: margin}
)";
  // 20 characters a line: "aaaa bbbb cccc dddd / eeee" becomes two even lines, as does
  // "… iiii / jj kk" (a last line of a quarter of the width); an item whose last line holds
  // two words and two fifths of the width stays as it is.
  auto c = compose_text(design,
                        "---\nheadline: x\ndemands: [aaaa bbbb cccc dddd eeee, "
                        "ffff gggg hhhh iiii jj kk, llll mmmm nnnn oooo pppp qqqq]\n---\nBody.\n");
  INFO(c.errors());
  REQUIRE_FALSE(c.diags.has_errors());
  CHECK(c.find("aaaa bbbb cccc"));
  CHECK(c.find("dddd eeee"));
  CHECK_FALSE(c.find("eeee"));
  CHECK(c.find("ffff gggg hhhh"));
  CHECK(c.find("iiii jj kk"));
  CHECK(c.find("llll mmmm nnnn oooo"));
  CHECK(c.find("pppp qqqq"));
}

TEST_CASE("list: a size range shrinks the items until every word fits the width") {
  const std::string design = R"(
page: {size: [100pt, 200pt], bleed: 0mm, margins: 0mm}
styles:
  item: {font: [X], size: SIZE, step: 0.5pt, leading: 1}
pages:
  - frames:
      - {list: "{demands}", style: item, marker: none, area: margin}
)";
  // 24 characters, 12 em: 120pt at 10pt, 102pt at 8.5pt, 96pt at 8pt.
  const std::string statement =
      "---\nheadline: x\ndemands: [" + std::string(24, 'w') + ", short one]\n---\nBody.\n";
  auto with = [&](const std::string& size) {
    std::string d = design;
    d.replace(d.find("SIZE"), 4, size);
    return compose_text(d, statement);
  };
  auto ranged = with("6pt..10pt");
  REQUIRE(!ranged.diags.has_errors());
  REQUIRE(ranged.lines.size() == 2);
  CHECK(ranged.lines[0].size == 8);
  CHECK(ranged.lines[1].size == 8);  // every item at the one size
  auto fixed = with("10pt");
  CHECK(fixed.errors().find("a word of item 1 is wider than the frame at 10pt") !=
        std::string::npos);
}

namespace {

/// A page 300 pt wide and `height` tall holding a stack of a headline in `head_size` and a list
/// in `item_size` (YAML sizes, maybe with a step and more style keys).
std::string list_stack_design(const std::string& item_size, const std::string& head_size = "10pt",
                              const std::string& height = "60pt") {
  return R"(
page: {size: [300pt, )" +
         height + R"(], bleed: 0mm, margins: 0mm}
styles:
  head: {font: [X], size: )" +
         head_size + R"(, leading: 1}
  item: {font: [X], size: )" +
         item_size + R"(, leading: 1}
pages:
  - frames:
      - stack: vertical
        area: margin
        items:
          - {text: "{headline}", style: head}
          - {list: "{demands}", style: item, marker: none, item-gap: 0pt}
)";
}

/// A statement whose headline is "Strike" and whose demands are `n` one-word items.
std::string statement_with_demands(int n) {
  std::string statement = "---\nheadline: Strike\ndemands: [";
  for (int i = 0; i < n; ++i)
    statement += std::string(i ? ", " : "") + "demand" + std::to_string(i);
  return statement + "]\n---\nBody.\n";
}

}  // namespace

TEST_CASE("stack: when a list outgrows it, the error names the list and its items, once") {
  auto c = compose_text(list_stack_design("10pt"), statement_with_demands(12));
  const std::string errors = c.errors();
  CHECK(errors.find("the demands (12 items) take 42 mm") != std::string::npos);
  // The lines the stack could not hold are not reported one by one as well.
  CHECK(errors.find("drawn outside the frame") == std::string::npos);
}

TEST_CASE("stack: a list or a text with a size range shrinks to the height the stack has") {
  // Ten items of 10pt lines take 100pt; the stack has 60pt, 10pt of them for the headline:
  // at 5pt they take 50pt.
  auto with = [](const std::string& size) {
    return compose_text(list_stack_design(size + ", step: 0.5pt"), statement_with_demands(10));
  };
  auto ranged = with("4pt..10pt");
  REQUIRE(!ranged.diags.has_errors());
  REQUIRE(ranged.lines.size() == 11);
  for (size_t i = 1; i < ranged.lines.size(); ++i) CHECK(ranged.lines[i].size == 5);
  // Every line inside the page: nothing drawn past the stack's foot.
  CHECK(ranged.lines.back().y <= 60.01);
  // A range that cannot come down far enough still names the list.
  CHECK(with("6pt..10pt").errors().find("the demands (10 items) take") != std::string::npos);

  // A range of thousands of steps is searched by halves, not size by size, and lands where a
  // short range's size-by-size search does: 10 items in 50pt at 5pt.
  auto fine =
      compose_text(list_stack_design("1pt..40pt, step: 0.01pt"), statement_with_demands(10));
  REQUIRE(!fine.diags.has_errors());
  REQUIRE(fine.lines.size() == 11);
  for (size_t i = 1; i < fine.lines.size(); ++i) CHECK(fine.lines[i].size == doctest::Approx(5));
  auto near =
      compose_text(list_stack_design("4.8pt..5.2pt, step: 0.01pt"), statement_with_demands(10));
  REQUIRE(!near.diags.has_errors());
  CHECK(near.lines[1].size == doctest::Approx(fine.lines[1].size));

  // A ranged headline gives way the same: two 20pt..40pt headlines of 2 em each on a 300pt by
  // 60pt page stand at 30pt each, not 40pt.
  const std::string heads = R"(
page: {size: [300pt, 60pt], bleed: 0mm, margins: 0mm}
styles:
  head: {font: [X], size: 20pt..40pt, step: 1pt, leading: 1, max-lines: 1}
pages:
  - frames:
      - stack: vertical
        area: margin
        items:
          - {text: "{headline}", style: head}
          - {text: "{headline}", style: head}
)";
  auto h = compose_text(heads, statement_with("aaaa"));
  REQUIRE(!h.diags.has_errors());
  REQUIRE(h.lines.size() == 2);
  CHECK(h.lines[0].size + h.lines[1].size <= 60.01);
  CHECK(h.lines[1].size >= 20);
}

TEST_CASE("stack: members give way in proportion, none below its least while another can") {
  // A 40pt..80pt headline of one short line (80pt tall) over ten 5pt..10pt items (100pt): 180pt
  // in 150pt. Tallest first, the list would keep its 10pt and the headline drop to 50pt; in
  // proportion both shrink to about five sixths.
  auto design = [](const std::string& head, const std::string& height) {
    return list_stack_design("5pt..10pt, step: 0.5pt", head + ", step: 1pt, max-lines: 1", height);
  };
  auto c = compose_text(design("40pt..80pt", "150pt"), statement_with_demands(10));
  REQUIRE(c.diags.empty());
  REQUIRE(c.lines.size() == 11);
  CHECK(c.lines[0].size >= 60);
  CHECK(c.lines[0].size <= 70);
  for (size_t i = 1; i < c.lines.size(); ++i) {
    CHECK(c.lines[i].size >= 8);
    CHECK(c.lines[i].size < 10);
  }
  CHECK(c.lines.back().y <= 150.01);

  // The headline's least is 75pt: it stops there and the list gives the rest, no warning.
  auto floored = compose_text(design("75pt..80pt", "150pt"), statement_with_demands(10));
  REQUIRE(floored.diags.empty());
  CHECK(floored.lines[0].size == 75);
  for (size_t i = 1; i < floored.lines.size(); ++i) CHECK(floored.lines[i].size <= 7.5);

  // Both at their least (75 + 50) are too tall for 120pt: only then the headline goes below its
  // least, with a warning, and the list stays at its own.
  auto below = compose_text(design("75pt..80pt", "120pt"), statement_with_demands(10));
  REQUIRE(!below.diags.has_errors());
  CHECK(below.errors().find("below the style's least size (75pt)") != std::string::npos);
  CHECK(below.lines[0].size < 75);
  CHECK(below.lines.back().size == 5);
  CHECK(below.lines.back().y <= 120.01);
}

TEST_CASE("variables: a missing one names itself and the frame; --set values are plain text") {
  const std::string design = R"(
page: {size: [300pt, 300pt], bleed: 0mm, margins: 0mm}
styles:
  s: {font: [X], size: 10pt}
pages:
  - frames:
      - {text: "At {event.place} on page {page} of {pages}", style: s, id: meeting}
)";
  auto missing = compose_text(design, statement_with("x"));
  CHECK(missing.errors().find("frame 'meeting': variable 'event.place' is not set") !=
        std::string::npos);
  broadside::core::Variables vars{
      {"event.place", broadside::core::Value::scalar("<b>Hall</b> & {x}")}};
  auto set = compose_text(design, statement_with("x"), vars);
  REQUIRE(set.diags.empty());
  REQUIRE(set.lines.size() == 1);
  CHECK(set.lines[0].text == "At <b>Hall</b> & {x} on page 1 of 1");
}

namespace {

// The largest size a share of the frame's width: display type that grows with its frame.
std::string grow_design(const std::string& size) {
  return R"(
page: {size: [300pt, 300pt], bleed: 0mm, margins: 0mm}
styles:
  head: {font: [X], size: )" +
         size + R"(, step: 1pt, leading: 1, max-lines: 1}
pages:
  - frames:
      - {text: "{headline}", style: head, area: margin}
)";
}

}  // namespace

TEST_CASE("fit: a size range ending in % grows with the frame until its width binds") {
  // "aa" is 1 em: the 300pt frame would take it at 300pt; 50% of the width caps it at 150pt.
  auto capped = compose_text(grow_design("10pt..50%"), statement_with("aa"));
  REQUIRE(capped.diags.empty());
  REQUIRE(capped.lines.size() == 1);
  CHECK(capped.lines[0].size == 150);
  // A fixed top (100pt) stops it there whatever room is left.
  auto fixed = compose_text(grow_design("10pt..100pt"), statement_with("aa"));
  REQUIRE(fixed.lines.size() == 1);
  CHECK(fixed.lines[0].size == 100);
  // A longer text is bound by the width before the cap: 4.5 em in 300pt -> 66pt.
  auto longer = compose_text(grow_design("10pt..50%"), statement_with("aaaa bbbb"));
  REQUIRE(longer.lines.size() == 1);
  CHECK(longer.lines[0].size == 66);
  // The cap never goes below the smallest size.
  auto tiny = compose_text(grow_design("20pt..1%"), statement_with("aa"));
  REQUIRE(tiny.lines.size() == 1);
  CHECK(tiny.lines[0].size == 20);
}

TEST_CASE("labels: a label set in another language than the statement's is noted, once") {
  const std::string design = R"(
page: {size: [300pt, 300pt], bleed: 0mm, margins: 0mm}
styles:
  s: {font: [X], size: 10pt, leading: 1}
pages:
  - frames:
      - {text: "{labels.scan}", style: s, area: {top: 0pt, height: 20pt}}
      - {text: "{labels.scan}", style: s, area: {top: 100pt, height: 20pt}}
)";
  auto eo = compose_text(design, "---\nlang: eo\nheadline: x\n---\nBody.\n");
  CHECK_FALSE(eo.diags.has_errors());
  CHECK(eo.errors() ==
        "test.yaml:7:9: note: frame 'labels.scan': 'labels.scan' has no built-in text in 'eo': "
        "'Scan to join' is set (give it in the statement's front matter, or with --set "
        "labels.scan=...)\n");
  // Given in the statement, or in a language with its own: nothing to say.
  CHECK(compose_text(design, "---\nlang: eo\nheadline: x\nlabels: {scan: Skanu}\n---\nBody.\n")
            .diags.empty());
  CHECK(compose_text(design, "---\nlang: es\nheadline: x\n---\nBody.\n").diags.empty());
}
