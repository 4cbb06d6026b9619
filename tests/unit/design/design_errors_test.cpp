// design_errors_test.cpp — bad designs: the right message, at the right line and column, and
// every problem reported rather than only the first.
#include <doctest/doctest.h>

#include "design/design.hpp"
#include "spec_test_support.hpp"
#include "support/test_options.hpp"

using namespace broadside;
using namespace broadside::design;
using design::testing::expect_error;
using design::testing::find_diag;
using design::testing::parse;

TEST_CASE("errors: unknown top-level key, with a hint and the full line the CLI prints") {
  auto p = parse(R"(name: x
colour:
  red: "#f00"
pages: [{}]
)");
  const auto& d = expect_error(p, "unknown key 'colour'", 2, 1);
  CHECK(d.message == "unknown key 'colour'");
  CHECK(d.hint == "did you mean 'colors'?");
  CHECK(d.to_string() ==
        "designs/test.yaml:2:1: error: unknown key 'colour' (did you mean 'colors'?)");
  CHECK(p.diags.size() == 1);
}

TEST_CASE("errors: unknown keys inside frames and styles; no hint when nothing is near") {
  auto p = parse(R"(styles:
  s: {size: 12pt, weigth: bold}
pages:
  - frames:
      - {text: "{a}", style: s, colour: red, zzzzzz: 1}
)");
  CHECK(expect_error(p, "unknown key 'weigth'", 2, 19).hint == "did you mean 'weight'?");
  CHECK(expect_error(p, "unknown key 'colour'", 5, 33).hint == "did you mean 'color'?");
  CHECK(expect_error(p, "unknown key 'zzzzzz'", 5, 46).hint.empty());
  CHECK(p.diags.size() == 3);
}

TEST_CASE("errors: a bad unit, a bare number, a negative bleed") {
  auto unit = parse(R"(page:
  size: A5
  bleed: 3pts
pages: [{}]
)");
  const auto& d = expect_error(unit, "unknown unit 'pts' in length '3pts'", 3, 10);
  CHECK(d.hint == "did you mean 'pt'?");

  auto bare = parse(R"(page:
  size: A5
  margins: 12
pages: [{}]
)");
  CHECK(expect_error(bare, "length '12' needs a unit (pt, mm, cm, in, px)", 3, 12).message ==
        "length '12' needs a unit (pt, mm, cm, in, px)");

  auto negative = parse("page: {bleed: -3mm}\npages: [{}]\n");
  expect_error(negative, "'bleed' cannot be negative, got -3mm", 1, 15);

  auto percent = parse("page: {margins: [10%]}\npages: [{}]\n");
  expect_error(percent, "a percentage ('10%') is only allowed in an area", 1, 18);
}

TEST_CASE("errors: unknown colour names, bad hex, out-of-range components") {
  auto p = parse(R"(colors:
  red: "#d61f26"
  sky: {rgb: [0, 300, 0]}
  ink: {cmyk: [0, 0, 0]}
  both: {rgb: [0, 0, 0], cmyk: [0, 0, 0, 100]}
styles:
  s: {color: rde}
pages:
  - background: "#12345z"
)");
  CHECK(expect_error(p, "unknown colour 'rde'", 7, 14).hint == "did you mean 'red'?");
  expect_error(p, "rgb component 300 is out of range 0–255", 3, 18);
  expect_error(p, "expected 4 numbers [c, m, y, k] for 'cmyk', got 3", 4, 15);
  expect_error(p, "give either 'rgb' or 'cmyk' for colour 'both', not both", 5, 9);
  CHECK(expect_error(p, "bad colour '#12345z'", 9, 17).hint ==
        "write #rgb or #rrggbb in hexadecimal");
  CHECK(p.diags.size() == 5);
}

TEST_CASE("errors: an unknown style, and a text frame without one") {
  auto p = parse(R"(styles:
  headline: {size: 20pt}
pages:
  - frames:
      - text: "{headline}"
        style: headlne
      - text: "{byline}"
)");
  CHECK(expect_error(p, "unknown style 'headlne'", 6, 16).hint == "did you mean 'headline'?");
  expect_error(p, "a text frame needs 'style: <name>'", 7, 9);
  CHECK(p.diags.size() == 2);
}

TEST_CASE("errors: based-on cycles and unknown bases") {
  auto cycle = parse(R"(styles:
  a: {based-on: b}
  b: {based-on: c}
  c: {based-on: a}
  base: {size: 9pt}
  d: {based-on: bsae}
  e: {based-on: e}
pages: [{}]
)");
  expect_error(cycle, "based-on cycle: a -> b -> c -> a", 4, 17);
  CHECK(expect_error(cycle, "unknown style 'bsae'", 6, 17).hint == "did you mean 'base'?");
  expect_error(cycle, "based-on cycle: e -> e", 7, 17);
  CHECK(cycle.diags.size() == 3);  // each cycle once
}

TEST_CASE("errors: areas off the grid, unknown area words, areas outside the bleed or empty") {
  auto p = parse(R"(page: {size: A5, bleed: 3mm}
grid: {columns: 6, rows: 8}
pages:
  - frames:
      - {box: {}, area: {grid: [5, 1, 3, 1]}}
      - {box: {}, area: centre}
      - id: photo
        box: {}
        area: {left: -5mm, top: 0, width: 50mm, height: 50mm}
      - {id: squashed, box: {}, area: {top: 100mm, bottom: 120mm}}
      - {box: {}, area: {left: 0, right: 0, width: 10mm}}
)");
  expect_error(p, "grid area [5, 1, 3, 1] runs past the grid's 6 columns x 8 rows", 5, 32);
  CHECK(expect_error(p, "unknown area 'centre': use margin, trim or bleed", 6, 25).hint.empty());
  expect_error(p, "the area of frame 'photo' reaches outside the bleed", 9, 15);
  expect_error(p, "the area of frame 'squashed' is 128.0mm wide and -10.0mm high", 10, 39);
  expect_error(p, "give at most two of 'left', 'right' and 'width'", 11, 52);
  CHECK(p.diags.size() == 5);
}

TEST_CASE("errors: a frame with two content keys, or none") {
  auto p = parse(R"(styles: {s: {}}
pages:
  - frames:
      - {text: "{a}", qr: "x", style: s}
      - {id: empty, background: red}
)");
  const auto& two = expect_error(p, "a frame holds one kind of content", 4, 23);
  CHECK(two.message == "a frame holds one kind of content, but this one has 'text' and 'qr'");
  expect_error(p, "a frame needs one of text, list, flow, stack, qr, image, rule or box", 5, 9);
  CHECK(p.diags.size() == 2);
}

TEST_CASE("errors: YAML syntax errors point at what to fix") {
  // An unclosed bracket is reported where it opens, not where yaml-cpp gave up.
  auto flow = parse("name: x\npages: [{}\nmax-pages: 3\n");
  const auto& bracket = expect_error(flow, "this '[' is never closed", 2, 8);
  CHECK(bracket.hint == "close it with ']'");
  CHECK(flow.diags.size() == 1);
  // The inner one, when the outer bracket's close ends it early.
  expect_error(parse("name: x\nstyles:\n  s: {font: [Inter, size: 8pt}\npages: [{}]\n"),
               "this '[' is never closed", 3, 13);
  // Brackets inside quotes, plain scalars and comments are text, not flow.
  expect_error(parse("name: 'a [b'\nabout: c {d # [\npages: [{}\n"), "this '[' is never closed", 3,
               8);
  // A tab anywhere in the indentation, at its line and column.
  auto tabbed = parse("name: x\npages:\n  - frames:\n  \t  - {}\n");
  const auto& tab =
      expect_error(tabbed, "YAML does not allow tabs for indentation; use spaces", 4, 3);
  CHECK_FALSE(tab.hint.empty());
  // An unquoted colour is a comment to YAML: the message says to quote it.
  auto commented = parse("name: x\ncolors:\n  red: #C8102E\npages: [{}]\n");
  const auto& colour =
      expect_error(commented, "expected a colour name or #rrggbb for 'red', got nothing", 3, 3);
  CHECK(colour.hint.find("quote it: '#C8102E'") != std::string::npos);
  auto indent = parse("name: x\n  bad: indent\n");
  expect_error(indent, "illegal map value", 2, 6);
}

TEST_CASE("errors: unknown page size lists the names") {
  auto p = parse(R"(page:
  size: A8
pages: [{}]
)");
  const auto& d = expect_error(p, "unknown page size 'A8'", 2, 9);
  CHECK(d.message ==
        "unknown page size 'A8': use A0, A1, A2, A3, A4, A5, A6, A7, letter, legal or tabloid, "
        "or a size like '148mm x 210mm'");
  // An unknown page must not also make every area look out of bounds.
  CHECK(p.diags.size() == 1);
}

TEST_CASE("errors: all problems are reported, not just the first") {
  auto p = parse(R"(name: x
page:
  size: A5
  bleed: 12
styles:
  s: {weight: heavy}
pages:
  - frames:
      - {text: "{a", style: s}
)");
  REQUIRE(p.diags.size() == 3);
  CHECK_FALSE(p.design.has_value());
  expect_error(p, "length '12' needs a unit", 4, 10);
  CHECK(expect_error(p, "unknown weight 'heavy'", 6, 15).message ==
        "unknown weight 'heavy': use thin, extralight, light, regular, normal, medium, "
        "semibold, bold, extrabold or black");
  expect_error(p, "unclosed '{'", 9, 17);  // points at the brace inside the quotes
}

TEST_CASE("errors: template problems point into the string") {
  auto p = parse(R"(styles: {s: {}}
pages:
  - frames:
      - {text: 'It''s {bad name}', style: s}
      - qr: x
        link: https://{cta.url
      - {list: "{a} and {b}", style: s}
      - {text: "caf\u00e9 \"{oops", style: s}
)");
  expect_error(p, "bad variable name 'bad name'", 4, 24);
  expect_error(p, "unclosed '{'", 6, 23);
  expect_error(p, "a list takes exactly one variable, like \"{demands}\"; got '{a} and {b}'", 7,
               16);
  // Escapes are counted as written: the brace is 13 bytes into the raw string.
  expect_error(p, "unclosed '{'", 8, 29);
  CHECK(p.diags.size() == 4);
}

TEST_CASE("errors: stack members, extents and grow") {
  auto p = parse(R"(styles: {s: {}}
pages:
  - frames:
      - {text: "{a}", style: s, height: 20mm}
      - {box: {}, grow: true}
      - stack: vertical
        items:
          - {text: "{b}", style: s, width: 20mm}
          - {box: {}, area: trim}
          - {box: {}, grow: true, height: 5mm}
      - {stack: horizontal, items: []}
)");
  expect_error(p, "'height' sizes a stack member; place a page frame with 'area'", 4, 41);
  expect_error(p, "'grow' applies only to members of a stack", 5, 25);
  expect_error(p, "in a vertical stack a member's size is its 'height'", 8, 44);
  expect_error(p, "a stack member has no 'area'", 9, 29);
  expect_error(p, "a member that grows takes no 'height'", 10, 29);
  expect_error(p, "a stack needs 'items'", 11, 36);
  CHECK(p.diags.size() == 6);
}

TEST_CASE("errors: repeated ids, repeated keys, wrong node types") {
  auto p = parse(R"(name: {a: 1}
max-pages: many
pages:
  - frames:
      - {id: logo, box: {}}
      - {id: logo, box: {}}
      - {box: {}, radius: 1mm, radius: 2mm}
  - frames: {box: {}}
)");
  expect_error(p, "expected a string for 'name', got a map", 1, 7);
  expect_error(p, "expected a whole number for 'max-pages', got 'many'", 2, 12);
  expect_error(p, "frame id 'logo' is already used on line 5", 6, 14);
  expect_error(p, "key 'radius' is given twice (first on line 7)", 7, 32);
  expect_error(p, "expected a list of frames for 'frames', got a map", 8, 13);
  CHECK(p.diags.size() == 5);
}

TEST_CASE("errors: pages missing or empty, a missing image, bad output settings") {
  expect_error(parse("name: x\n"), "a design needs 'pages'", 1, 1);
  expect_error(parse("pages: []\n"), "'pages' needs at least one page", 1, 8);
  expect_error(parse(""), "the design is empty", 1, 1);

  auto p = parse(R"(pages:
  - frames:
      - {image: missing-logo.svg, fit: squash}
output: {formats: [pdf, tiff], dpi: 9000}
)");
  expect_error(p, "image 'missing-logo.svg' not found (looked for 'designs/missing-logo.svg')", 3,
               17);
  expect_error(p, "unknown fit 'squash': use contain, cover or stretch", 3, 40);
  expect_error(p, "unknown format 'tiff': use pdf, png or svg", 4, 25);
  expect_error(p, "'dpi' must be between 18 and 2400, got 9000", 4, 37);
  CHECK(p.diags.size() == 4);
}

TEST_CASE("errors: a size that grows with the frame") {
  auto p = parse(R"(styles:
  a: {size: 30%}
  b: {size: 28pt..150%}
  c: {size: 12pt..20%}
pages:
  - frames:
      - {list: "{demands}", style: c}
)");
  expect_error(p, "a font size cannot be a percentage (only the top of a range", 2, 13);
  expect_error(p, "the largest size '150%' must be a share of the frame's width", 3, 13);
  expect_error(p, "a list frame's size cannot grow with the frame", 7, 9);
}

TEST_CASE("errors: style values out of range") {
  auto p = parse(R"(styles:
  a: {size: 96pt..28pt}
  b: {size: 0pt}
  c: {leading: 0}
  d: {weight: 950, keep-lines: 0, align: centre}
pages: [{}]
)");
  CHECK(expect_error(p, "size range '96pt..28pt' runs backwards", 2, 13).hint ==
        "write the smaller size first: '28pt..96pt'");
  expect_error(p, "a font size must be greater than 0", 3, 13);
  expect_error(p, "'leading' must be greater than 0, got 0", 4, 16);
  expect_error(p, "'weight' must be between 100 and 900, got 950", 5, 15);
  expect_error(p, "'keep-lines' must be at least 1, got 0", 5, 32);
  CHECK(expect_error(p, "unknown align 'centre'", 5, 42).hint == "did you mean 'center'?");
  CHECK(p.diags.size() == 6);
}

TEST_CASE("errors: earlier diagnostics from other stages don't make a good design fail") {
  core::Diagnostics diags;
  diags.error({"statement.md", 1, 1}, "from another stage");
  auto d = parse_design("pages: [{}]\n", "designs/test.yaml", kOptions, diags);
  CHECK(d.has_value());
  CHECK(diags.size() == 1);
}

TEST_CASE("errors: a page over PDF's limit of 200 in a side, trim or with its bleed") {
  // Acrobat and pdftoppm refuse such a MediaBox; the design must not get as far as one.
  auto huge = parse("page: {size: \"50000mm x 50000mm\", margins: 10mm}\npages: [{}]\n");
  const auto& d = expect_error(huge, "page size 50000 mm is over PDF's limit", 1, 14);
  CHECK(d.message == "page size 50000 mm is over PDF's limit of 5080 mm (200 in) a side");
  CHECK(huge.diags.size() == 1);  // one line, not also every frame off the page

  auto list = parse("page:\n  size: [1e9mm, 100mm]\npages: [{}]\n");
  expect_error(list, "page size 1000000000 mm is over PDF's limit of 5080 mm", 2, 9);

  // The media box is the trim plus the bleed each side: 5078 + 2 x 3 = 5084 mm.
  auto bleed = parse("page: {size: 5078mm x 1000mm, bleed: 3mm}\npages: [{}]\n");
  expect_error(bleed, "page size 5078 mm (5084 mm with its bleed) is over PDF's limit", 1, 14);

  // Exactly 200 in, bleed and all, still opens.
  auto edge = parse("page: {size: 5074mm x 5074mm, bleed: 3mm}\npages: [{}]\n");
  CHECK_MESSAGE(edge.design.has_value(), edge.diags.to_string());
  CHECK(edge.diags.empty());
}

TEST_CASE("errors: type too small to print is one warning at its size, and the design is read") {
  auto p = parse(R"(styles:
  body: {size: 0.1pt}
  notes: {size: 3pt..5pt}
  fits: {size: 5.5pt..7pt}
  grows: {size: 4pt..30%}
pages:
  - frames:
      - {text: "{a}", style: body, area: {top: 0mm, height: 20mm}}
      - {text: "{a}", style: body, area: {top: 30mm, height: 20mm}}
      - {text: "{a}", style: fits, area: {top: 60mm, height: 20mm}}
      - {text: "{a}", style: fits, size: 2pt, area: {top: 90mm, height: 20mm}}
)");
  REQUIRE_MESSAGE(p.design.has_value(), p.diags.to_string());
  // Once for the style however many frames use it; a range that can reach 6pt, or grow with
  // its frame, is left to the fitter; a frame's own size is its own.
  REQUIRE(p.diags.size() == 3);
  const auto* body = find_diag(p.diags, "font size 0.1pt is below the 6pt minimum for print");
  REQUIRE(body);
  CHECK(body->severity == core::Severity::warning);
  CHECK(body->where.line == 2);
  CHECK(body->where.column == 16);
  const auto* notes = find_diag(p.diags, "font size 3pt..5pt is below the 6pt minimum");
  REQUIRE(notes);
  CHECK(notes->where.line == 3);
  const auto* frame = find_diag(p.diags, "font size 2pt is below");
  REQUIRE(frame);
  CHECK(frame->where.line == 11);
  CHECK(frame->where.column == 42);
}

TEST_CASE("errors: font problems point at the style's font value, not its name") {
  auto p = parse(R"(styles:
  body:
    size: 9pt
    font: [Comic Sans MS, Noto Sans]
  plain: {size: 9pt}
  derived: {based-on: body, weight: 700}
pages:
  - frames:
      - {text: "{a}", style: plain, font: Inter, area: {top: 0mm, height: 20mm}}
)");
  REQUIRE_MESSAGE(p.design.has_value(), p.diags.to_string());
  const auto& styles = p.design->styles;
  CHECK(styles.at("body").where.line == 4);
  CHECK(styles.at("body").where.column == 11);
  // Without a font of its own, the style itself (its weight may be what is missing).
  CHECK(styles.at("plain").where.line == 5);
  CHECK(styles.at("plain").where.column == 3);
  CHECK(styles.at("derived").where.line == 6);
  const auto& frame = std::get<TextFrame>(p.design->pages[0].frames[0].content);
  CHECK(frame.style.where.line == 9);
  CHECK(frame.style.where.column == 43);
}
