// design_good_test.cpp — a complete, valid design resolves to the values it describes.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "design/design.hpp"
#include "spec_test_support.hpp"
#include "support/test_options.hpp"

using namespace broadside;
using namespace broadside::design;
using core::from_mm;
using core::Pt;
using design::testing::near;
using design::testing::parse;

namespace {

// Line numbers below refer to this text: keep them in step when editing it.
const char* const kLeaflet = R"(name: test-leaflet
about: A5 front and back
page:
  size: a5
  bleed: 3mm
  margins: [10mm, 12mm]
grid: {columns: 6, rows: 8, column-gutter: 4mm, row-gutter: 2mm}
colors:
  red: "#d61f26"
  short: "#f00"
  sky: {rgb: [0, 128, 255]}
  ink: {cmyk: [0, 0, 0, 100]}
  brand: {spot: PANTONE 485 C, cmyk: [0, 95, 100, 0]}
  text: ink
styles:
  base: {font: [Inter, Noto Sans], size: 10pt, leading: 1.4, color: ink}
  headline: {based-on: base, weight: bold, size: 28pt..96pt, step: 1pt, leading: 0.95,
             case: upper, balance: true, max-lines: 6}
  body: {based-on: base, size: 9pt..10pt, leading: 13pt, align: justify, hyphenate: true,
         features: [onum, liga=0], space-after: 4pt, tracking: -10}
  quote: {based-on: body, style: italic, width: condensed}
pages:
  - name: front
    background: red
    frames:
      - stack: vertical
        area: {grid: [2, 3, 4, 5]}
        gap: 5mm
        items:
          - {text: "{headline}", style: headline, grow: true, valign: bottom}
          - {text: "{author}, {role}", style: base, color: white, size: 8pt, height: 12mm}
          - {list: "{demands}", style: body, marker: disc}
          - stack: horizontal
            gap: 2mm
            items:
              - {text: "{cta.text}\n{cta.url}", style: base, grow: true, link: "https://{cta.url}"}
              - {qr: "https://{cta.url}", color: white, level: H, width: 24mm}
      - {rule: {thickness: 0.5pt, color: white}, area: {bottom: 5mm, height: 1pt}}
  - name: back
    repeat: true
    frames:
      - {flow: body, style: body, columns: 2, gutter: 5mm, area: {top: 10%, bottom: margin}}
      - {flow: "{body}", style: body, quote-style: quote, width: condensed, area: trim}
      - id: footer
        text: "{contact}"
        style: base
        area: {left: 0, width: 50%, bottom: 0, height: 8mm}
        background: "#eeeeee"
        border: {color: red, width: 0.5pt}
        padding: [1mm, 2mm]
        radius: 1mm
      - {box: {}, area: bleed}
  - {}
output: {formats: [pdf, svg], dpi: 300}
defaults:
  cta:
    url: socialism2020.org
    text: Join us
  demands: [End all deportations, Open borders]
  date:
max-pages: 4
)";

bool near_rect(const core::Rect& r, double x_mm, double y_mm, double w_mm, double h_mm) {
  return near(r.x, from_mm(x_mm)) && near(r.y, from_mm(y_mm)) && near(r.width, from_mm(w_mm)) &&
         near(r.height, from_mm(h_mm));
}

const Design& leaflet() {
  static const Design design = [] {
    auto p = parse(kLeaflet);
    INFO(p.diags.to_string());
    REQUIRE(p.design.has_value());
    CHECK(p.diags.empty());
    return *p.design;
  }();
  return design;
}

}  // namespace

TEST_CASE("good design: header, page geometry and margins") {
  const Design& d = leaflet();
  CHECK(d.name == "test-leaflet");
  CHECK(d.about == "A5 front and back");
  CHECK(d.file == "designs/test.yaml");
  CHECK(d.max_pages == 4);
  CHECK(near(d.geometry.trim.width, Pt{419.5275591}));   // 148mm
  CHECK(near(d.geometry.trim.height, Pt{595.2755906}));  // 210mm
  CHECK(near(d.geometry.bleed, Pt{8.5039370}));          // 3mm
  CHECK(d.geometry.slug == Pt{0});
  CHECK(near(d.geometry.media().width, from_mm(154)));
  CHECK(near(d.margins.top, from_mm(10)));
  CHECK(near(d.margins.bottom, from_mm(10)));
  CHECK(near(d.margins.left, from_mm(12)));
  CHECK(near(d.margins.right, from_mm(12)));
  CHECK(d.grid.columns == 6);
  CHECK(d.grid.rows == 8);
  CHECK(near(d.grid.column_gutter, from_mm(4)));
  CHECK(near(d.grid.row_gutter, from_mm(2)));
}

TEST_CASE("good design: colours from hex, rgb, cmyk, spot and other names") {
  const Design& d = leaflet();
  const Color& red = d.colors.at("red");
  CHECK(near(red.rgb.r, 214 / 255.0));
  CHECK(near(red.rgb.g, 31 / 255.0));
  CHECK(near(red.rgb.b, 38 / 255.0));
  CHECK_FALSE(red.cmyk.has_value());
  CHECK(d.colors.at("short").rgb == core::Rgb{1, 0, 0});
  CHECK(near(d.colors.at("sky").rgb.g, 128 / 255.0));
  CHECK(near(d.colors.at("sky").rgb.b, 1.0));
  const Color& ink = d.colors.at("ink");
  REQUIRE(ink.cmyk.has_value());
  CHECK(*ink.cmyk == core::Cmyk{0, 0, 0, 1});
  CHECK(ink.rgb == core::Rgb{0, 0, 0});
  const Color& brand = d.colors.at("brand");
  CHECK(brand.spot == "PANTONE 485 C");
  REQUIRE(brand.cmyk.has_value());
  CHECK(near(brand.cmyk->m, 0.95));
  CHECK(near(brand.cmyk->y, 1.0));
  CHECK(d.colors.at("text") == ink);
  CHECK(d.colors.at("black") == Color::black());  // built in
  CHECK(d.colors.at("white") == Color::white());
  REQUIRE(d.pages[0].background.has_value());
  CHECK(*d.pages[0].background == red);
}

TEST_CASE("good design: styles inherit through based-on") {
  const Design& d = leaflet();
  const Style& base = d.styles.at("base");
  CHECK(base.name == "base");
  // At its `font:` value, where a missing family is reported.
  CHECK(base.where.line == 16);
  CHECK(base.where.column == 16);
  CHECK(base.face.families == std::vector<std::string>{"Inter", "Noto Sans"});
  CHECK(base.face.weight == 400);
  CHECK(near(base.size.min, Pt{10}));
  CHECK_FALSE(base.size.is_range());
  CHECK(near(base.leading, 1.4));

  const Style& headline = d.styles.at("headline");
  CHECK(headline.face.families == base.face.families);  // inherited
  CHECK(headline.color == d.colors.at("ink"));          // inherited
  CHECK(headline.face.weight == 700);
  CHECK(headline.size.is_range());
  CHECK(near(headline.size.min, Pt{28}));
  CHECK(near(headline.size.max, Pt{96}));
  CHECK(near(headline.size.step, Pt{1}));
  CHECK(near(headline.leading, 0.95));
  CHECK(headline.text_case == core::TextCase::upper);
  CHECK(headline.balance);
  CHECK(headline.max_lines == 6);

  const Style& body = d.styles.at("body");
  CHECK(near(body.size.min, Pt{9}));
  CHECK(near(body.size.max, Pt{10}));
  CHECK(near(body.size.step, Pt{0.5}));  // the default step
  CHECK(near(body.leading, 1.3));        // 13pt over the largest size, 10pt
  CHECK(body.align == core::Align::justify);
  CHECK(body.hyphenate);
  CHECK(body.features == "onum, liga=0");
  CHECK(near(body.space_after, Pt{4}));
  CHECK(near(body.tracking, -10));
  CHECK(body.keep_lines == 2);

  const Style& quote = d.styles.at("quote");
  CHECK(quote.face.slant == core::FontSlant::italic);
  CHECK(quote.face.width == core::FontWidth::condensed);
  CHECK(quote.align == core::Align::justify);  // two levels up
}

TEST_CASE("good design: a vertical stack on grid cells, with grow and extents") {
  const Design& d = leaflet();
  REQUIRE(d.pages.size() == 3);
  const PageTemplate& front = d.pages[0];
  CHECK(front.name == "front");
  CHECK(front.where.line == 23);
  CHECK_FALSE(front.repeat);
  REQUIRE(front.frames.size() == 2);

  const Frame& stack_frame = front.frames[0];
  CHECK(stack_frame.id == "stack 1");
  CHECK(stack_frame.where.line == 26);
  CHECK(stack_frame.where.column == 9);
  // Cells are (124mm - 5 x 4mm) / 6 wide and (190mm - 7 x 2mm) / 8 = 22mm high.
  REQUIRE(stack_frame.area.has_value());
  CHECK(near_rect(*stack_frame.area, 12 + 104.0 / 6 + 4, 10 + 2 * 24, 4 * 104.0 / 6 + 12, 118));
  const auto& stack = std::get<StackFrame>(stack_frame.content);
  CHECK(stack.direction == Direction::vertical);
  CHECK(near(stack.gap, from_mm(5)));
  REQUIRE(stack.items.size() == 4);

  const Frame& headline = stack.items[0];
  CHECK(headline.id == "headline");
  CHECK(headline.grow);
  CHECK_FALSE(headline.extent.has_value());
  CHECK_FALSE(headline.area.has_value());
  CHECK(headline.valign == core::VAlign::bottom);
  const auto& headline_text = std::get<TextFrame>(headline.content);
  CHECK(headline_text.text.sole_variable() == "headline");
  CHECK(headline_text.style.name == "headline");
  CHECK(near(headline_text.style.size.max, Pt{96}));
  CHECK(headline_text.text.where.line == 30);

  const Frame& byline = stack.items[1];
  CHECK(byline.id == "text 2");  // not a sole variable: kind and position
  REQUIRE(byline.extent.has_value());
  CHECK(near(*byline.extent, from_mm(12)));
  CHECK_FALSE(byline.grow);
  const auto& byline_style = std::get<TextFrame>(byline.content).style;
  CHECK(byline_style.color == Color::white());  // frame override
  CHECK(near(byline_style.size.max, Pt{8}));
  CHECK(byline_style.face.families == std::vector<std::string>{"Inter", "Noto Sans"});
  CHECK(d.styles.at("base").color == d.colors.at("ink"));  // the named style is untouched
}

TEST_CASE("good design: list defaults follow the style") {
  const Frame& frame = std::get<StackFrame>(leaflet().pages[0].frames[0].content).items[2];
  CHECK(frame.id == "demands");
  const auto& list = std::get<ListFrame>(frame.content);
  CHECK(list.items.sole_variable() == "demands");
  CHECK(list.marker == MarkerKind::disc);
  CHECK(list.marker_color == leaflet().colors.at("ink"));
  CHECK(near(list.marker_gap, Pt{5}));  // half the largest size
  CHECK(near(list.item_gap, Pt{4}));    // the style's space-after
}

TEST_CASE("good design: a horizontal stack inside a vertical one") {
  const Frame& inner = std::get<StackFrame>(leaflet().pages[0].frames[0].content).items[3];
  CHECK(inner.id == "stack 4");
  const auto& row = std::get<StackFrame>(inner.content);
  CHECK(row.direction == Direction::horizontal);
  REQUIRE(row.items.size() == 2);
  const Frame& cta = row.items[0];
  CHECK(cta.id == "text 1");
  CHECK(cta.grow);
  REQUIRE(cta.link.has_value());
  CHECK(cta.link->pieces.size() == 2);
  CHECK(cta.link->pieces[0].text == "https://");
  CHECK(cta.link->pieces[1].text == "cta.url");
  const auto& cta_text = std::get<TextFrame>(cta.content).text;
  REQUIRE(cta_text.pieces.size() == 3);
  CHECK(cta_text.pieces[1].text == "\n");
  const Frame& qr = row.items[1];
  CHECK(qr.id == "qr 2");
  REQUIRE(qr.extent.has_value());
  CHECK(near(*qr.extent, from_mm(24)));
  const auto& code = std::get<QrFrame>(qr.content);
  CHECK(code.level == QrErrorCorrection::high);
  CHECK(code.color == Color::white());
}

TEST_CASE("good design: edge-distance and percentage areas") {
  const Design& d = leaflet();
  const Frame& rule = d.pages[0].frames[1];
  CHECK(rule.id == "rule 2");
  const auto& r = std::get<RuleFrame>(rule.content);
  CHECK(near(r.thickness, Pt{0.5}));
  CHECK(r.color == Color::white());
  // Height and bottom place it up from the trim's foot; no width spans the margins.
  REQUIRE(rule.area.has_value());
  CHECK(near(rule.area->x, from_mm(12)));
  CHECK(near(rule.area->width, from_mm(124)));
  CHECK(near(rule.area->y, from_mm(205) - Pt{1}));
  CHECK(near(rule.area->height, Pt{1}));

  const PageTemplate& back = d.pages[1];
  CHECK(back.repeat);
  REQUIRE(back.frames.size() == 4);
  CHECK(near_rect(*back.frames[0].area, 12, 21, 124, 179));  // top: 10% of 210mm
  CHECK(near_rect(*back.frames[1].area, 0, 0, 148, 210));    // trim
  CHECK(near_rect(*back.frames[2].area, 0, 202, 74, 8));     // left 0, 50% wide, at the foot
  CHECK(near_rect(*back.frames[3].area, -3, -3, 154, 216));  // bleed
}

TEST_CASE("good design: flow frames, their derived styles and ids") {
  const Design& d = leaflet();
  const Frame& first = d.pages[1].frames[0];
  CHECK(first.id == "body");
  const auto& flow = std::get<FlowFrame>(first.content);
  CHECK(flow.source == "body");
  CHECK(flow.columns == 2);
  CHECK(near(flow.gutter, from_mm(5)));
  CHECK(flow.style.align == core::Align::justify);
  CHECK(flow.heading_style.face.weight == 700);
  CHECK(near(flow.heading_style.space_before, Pt{10}));
  CHECK(flow.heading_style.keep_lines == flow.style.keep_lines);
  CHECK(flow.heading_style.align == core::Align::justify);
  CHECK(flow.quote_style.face.slant == core::FontSlant::italic);
  CHECK(flow.quote_style.face.weight == 400);

  const Frame& second = d.pages[1].frames[1];
  CHECK(second.id == "body #2");  // same default as the first, made unique
  const auto& flow2 = std::get<FlowFrame>(second.content);
  CHECK(flow2.source == "body");  // "{body}" is accepted too
  CHECK(flow2.columns == 1);
  CHECK(near(flow2.gutter, Pt{12}));
  CHECK(flow2.style.face.width == core::FontWidth::condensed);  // `width: condensed` is a style key
  CHECK(flow2.quote_style.name == "quote");                     // the named quote style
  CHECK(flow2.quote_style.face.width == core::FontWidth::condensed);
}

TEST_CASE("good design: an explicit id with decoration; an empty page") {
  const Design& d = leaflet();
  const Frame& footer = d.pages[1].frames[2];
  CHECK(footer.id == "footer");
  CHECK(footer.where.line == 44);
  CHECK(footer.where.column == 9);
  REQUIRE(footer.box.background.has_value());
  CHECK(near(footer.box.background->rgb.r, 0xee / 255.0));
  REQUIRE(footer.box.border.has_value());
  CHECK(footer.box.border->color == d.colors.at("red"));
  CHECK(near(footer.box.border->width, Pt{0.5}));
  CHECK(near(footer.box.padding.top, from_mm(1)));
  CHECK(near(footer.box.padding.left, from_mm(2)));
  CHECK(near(footer.box.radius, from_mm(1)));
  CHECK(d.pages[1].frames[3].id == "box 4");
  CHECK(std::holds_alternative<BoxFrame>(d.pages[1].frames[3].content));
  CHECK(d.pages[2].name == "page 3");
  CHECK(d.pages[2].frames.empty());
}

TEST_CASE("good design: output and defaults") {
  const Design& d = leaflet();
  CHECK(d.output.formats == std::vector<std::string>{"pdf", "svg"});
  CHECK(d.output.dpi == 300);
  REQUIRE(d.defaults.count("cta.url") == 1);
  CHECK(d.defaults.at("cta.url").text() == "socialism2020.org");
  CHECK_FALSE(d.defaults.at("cta.url").is_list);
  CHECK(d.defaults.at("cta.url").where.line == 57);
  CHECK(d.defaults.at("cta.url").where.column == 10);
  CHECK(d.defaults.at("cta.text").text() == "Join us");
  const core::Value& demands = d.defaults.at("demands");
  CHECK(demands.is_list);
  CHECK(demands.items == std::vector<std::string>{"End all deportations", "Open borders"});
  CHECK(d.defaults.at("date").text().empty());
}

TEST_CASE("good design: the smallest design takes every default") {
  auto p = parse("pages:\n  - frames: [{box: {}}]\n", "designs/poster.yaml");
  INFO(p.diags.to_string());
  REQUIRE(p.design.has_value());
  const Design& d = *p.design;
  CHECK(d.name == "poster");  // the file's stem
  CHECK(near(d.geometry.trim.width, from_mm(210)));
  CHECK(near(d.geometry.trim.height, from_mm(297)));
  CHECK(near(d.geometry.bleed, from_mm(3)));
  CHECK(near(d.margins.left, from_mm(10)));
  CHECK(d.grid.columns == 1);
  CHECK(d.output.formats == std::vector<std::string>{"pdf", "png"});
  CHECK(d.output.dpi == 150);
  CHECK(d.max_pages == 64);
  CHECK(near_rect(*d.pages[0].frames[0].area, 10, 10, 190, 277));  // the margin box
}

TEST_CASE("good design: US sizes bleed 1/8 inch; orientation and pixel sizes") {
  auto letter = parse("page: {size: Letter, orientation: landscape}\npages: [{}]\n");
  REQUIRE(letter.design.has_value());
  CHECK(near(letter.design->geometry.trim.width, Pt{792}));  // 11in, turned
  CHECK(near(letter.design->geometry.trim.height, Pt{612}));
  CHECK(near(letter.design->geometry.bleed, Pt{9}));

  auto square = parse("page: {size: [1080px, 1080px], bleed: 0, margins: 0}\npages: [{}]\n");
  REQUIRE(square.design.has_value());
  CHECK(near(square.design->geometry.trim.width, Pt{810}));
  CHECK(near(square.design->geometry.bleed, Pt{0}));

  auto custom = parse("page: {size: 99mm x 210mm, margins: {top: 5mm, left: 7mm}}\npages: [{}]\n");
  REQUIRE(custom.design.has_value());
  CHECK(near(custom.design->geometry.trim.width, from_mm(99)));
  CHECK(near(custom.design->margins.top, from_mm(5)));
  CHECK(near(custom.design->margins.left, from_mm(7)));
  CHECK(near(custom.design->margins.right, from_mm(10)));  // unnamed sides keep the default

  auto wide = parse("page: {size: 1920px x 1080px}\npages: [{}]\n");
  REQUIRE(wide.design.has_value());
  CHECK(near(wide.design->geometry.trim.width, Pt{1440}));  // no orientation: as written
}

TEST_CASE("good design: images resolve against the design's folder") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "broadside_spec_image_test";
  fs::create_directories(dir);
  std::ofstream(dir / "logo.svg") << "<svg xmlns='http://www.w3.org/2000/svg'/>";
  core::Diagnostics diags;
  auto d = parse_design("pages: [{frames: [{image: logo.svg, fit: cover}]}]\n", dir / "design.yaml",
                        kOptions, diags);
  INFO(diags.to_string());
  REQUIRE(d.has_value());
  const auto& image = std::get<ImageFrame>(d->pages[0].frames[0].content);
  CHECK(image.file == dir / "logo.svg");
  CHECK(image.fit == ImageFit::cover);
  CHECK(d->pages[0].frames[0].id == "image 1");
  fs::remove_all(dir);
}

TEST_CASE("good design: load_design reads the file") {
  namespace fs = std::filesystem;
  const fs::path file = fs::temp_directory_path() / "broadside_spec_load_test.yaml";
  std::ofstream(file) << "name: loaded\npages: [{}]\n";
  core::Diagnostics diags;
  auto d = load_design(file, kOptions, diags);
  REQUIRE(d.has_value());
  CHECK(d->name == "loaded");
  fs::remove(file);

  auto missing = load_design(file, kOptions, diags);
  CHECK_FALSE(missing.has_value());
  REQUIRE(diags.size() == 1);
  CHECK(diags.all()[0].message == "file not found");
}
