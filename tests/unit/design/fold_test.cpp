// fold_test.cpp — folded formats: print-shop panel widths, panel areas, and the errors a folded
// design can make.
#include <doctest/doctest.h>

#include "design/design.hpp"
#include "design/fold.hpp"
#include "spec_test_support.hpp"

using namespace broadside;
using namespace broadside::design;
using core::from_in;
using core::from_mm;
using core::Pt;
using design::testing::expect_error;
using design::testing::near;
using design::testing::parse;

namespace {

/// The x of each panel edge, in mm, for messages.
std::vector<double> in_mm(const std::vector<Pt>& v) {
  std::vector<double> out;
  for (Pt p : v) out.push_back(std::round(core::to_mm(p) * 1000) / 1000);
  return out;
}

const char* const kTrifold = R"(name: t
page: {size: A4, orientation: landscape, fold: trifold, bleed: 3mm, margins: 8mm}
styles:
  s: {font: [Inter], size: 9pt}
pages:
  - frames:
      - {text: x, style: s, id: cover, area: {panel: cover}}
      - {text: x, style: s, id: flap, area: {panel: flap}}
      - {text: x, style: s, id: back-band, area: {panel: 2, top: 20mm, height: 30mm}}
      - {box: {}, id: bleed-box, area: {panel: [back, cover], top: -3mm, right: -3mm, left: 0}}
  - frames:
      - {text: x, style: s, id: inside-3, area: {panel: 3}}
      - {text: x, style: s, id: inside-1-half, area: {panel: 1, width: 50%}}
)";

/// x, y, width, height in mm, rounded to a thousandth, for comparisons that print well.
std::vector<double> mm_of(const Rect& r) {
  return in_mm({r.x, r.y, r.width, r.height});
}

const Rect& area_of(const Design& d, size_t page, const std::string& id) {
  for (const auto& f : d.pages[page].frames)
    if (f.id == id) return *f.area;
  FAIL("no frame " << id);
  static const Rect none;
  return none;
}

}  // namespace

TEST_CASE("fold: an A4 trifold has panels of 100, 100 and 97 mm, the short one folding in") {
  const Fold f = standard_fold(FoldKind::trifold, from_mm(297), false);
  CHECK(in_mm(f.inside) == std::vector<double>{100, 100, 97});
  CHECK(in_mm(f.outside) == std::vector<double>{97, 100, 100});  // flap | back | cover
  CHECK(in_mm(f.lines(0)) == std::vector<double>{97, 197});
  CHECK(in_mm(f.lines(1)) == std::vector<double>{100, 200});
}

TEST_CASE("fold: a US Letter trifold has panels of 3.6875, 3.6875 and 3.625 in") {
  const Fold f = standard_fold(FoldKind::trifold, from_in(11), true);
  REQUIRE(f.inside.size() == 3);
  CHECK(near(f.inside[0], from_in(3.6875)));
  CHECK(near(f.inside[1], from_in(3.6875)));
  CHECK(near(f.inside[2], from_in(3.625)));
  CHECK(near(f.outside[0], from_in(3.625)));
}

TEST_CASE("fold: bifold halves, Z-fold equal thirds, the same on both sides") {
  const Fold bi = standard_fold(FoldKind::bifold, from_mm(297), false);
  CHECK(in_mm(bi.lines(0)) == std::vector<double>{148.5});
  CHECK(in_mm(bi.lines(1)) == std::vector<double>{148.5});
  const Fold z = standard_fold(FoldKind::zfold, from_mm(297), false);
  CHECK(in_mm(z.lines(0)) == std::vector<double>{99, 198});
  CHECK(in_mm(z.lines(1)) == std::vector<double>{99, 198});
}

TEST_CASE("fold: frames placed in panels resolve on the side of their page") {
  auto p = parse(kTrifold);
  REQUIRE_MESSAGE(p.design, p.diags.to_string());
  const Design& d = *p.design;
  CHECK(d.fold.kind == FoldKind::trifold);
  // Outside: cover is the right panel (197..297 mm), with the page's 8 mm margins.
  CHECK(mm_of(area_of(d, 0, "cover")) == std::vector<double>{205, 8, 84, 194});
  CHECK(mm_of(area_of(d, 0, "flap")) == std::vector<double>{8, 8, 81, 194});
  CHECK(mm_of(area_of(d, 0, "back-band")) == std::vector<double>{105, 20, 84, 30});
  // A run of panels, bled off the top and the right edge.
  CHECK(mm_of(area_of(d, 0, "bleed-box")) == std::vector<double>{97, -3, 203, 205});
  // Inside: panel 3 is the short one at the right (200..297 mm); % is of the panel.
  CHECK(mm_of(area_of(d, 1, "inside-3")) == std::vector<double>{208, 8, 81, 194});
  CHECK(mm_of(area_of(d, 1, "inside-1-half")) == std::vector<double>{8, 8, 50, 194});
}

TEST_CASE("fold: panel widths can be given, and must add up to the page") {
  auto ok = parse(R"(page: {size: A4, orientation: landscape,
       fold: {type: trifold, panels: [99mm, 99mm, 99mm]}}
pages: [{frames: []}]
)");
  REQUIRE_MESSAGE(ok.design, ok.diags.to_string());
  CHECK(in_mm(ok.design->fold.lines(1)) == std::vector<double>{99, 198});
  auto bad = parse(R"(page: {size: A4, orientation: landscape,
       fold: {type: trifold, panels: [100mm, 100mm, 100mm]}}
pages: [{frames: []}]
)");
  expect_error(bad, "the panels add up to 300.00mm but the page is 297.00mm wide", 2, 38);
  auto count = parse(R"(page: {size: A4, fold: {type: bifold, panels: [100mm, 97mm, 13mm]}}
pages: [{frames: []}]
)");
  expect_error(count, "a bifold has 2 panels, but 'panels' gives 3", 1, 47);
}

TEST_CASE("fold: panel mistakes are errors at the panel") {
  auto unfolded = parse(R"(page: {size: A4}
pages:
  - frames: [{box: {}, area: {panel: 1}}]
)");
  expect_error(unfolded, "'panel' places a frame on a folded sheet, but this page has no fold", 3,
               38);
  auto name = parse(R"(page: {size: A4, orientation: landscape, fold: trifold}
pages:
  - frames: []
  - frames: [{box: {}, area: {panel: cover}}]
)");
  expect_error(name, "the inside of a trifold has no panel 'cover'", 4, 38);
  auto range = parse(R"(page: {size: A4, orientation: landscape, fold: bifold}
pages:
  - frames: [{box: {}, area: {panel: 3}}]
)");
  CHECK_FALSE(range.design);
  auto backwards = parse(R"(page: {size: A4, orientation: landscape, fold: trifold}
pages:
  - frames: [{box: {}, area: {panel: [3, 1]}}]
)");
  expect_error(backwards, "a run of panels goes left to right", 3, 38);
}

TEST_CASE("fold: a folded sheet has two sides, none repeated") {
  auto three = parse(R"(page: {size: A4, orientation: landscape, fold: zfold}
pages:
  - frames: []
  - frames: []
  - frames: []
)");
  expect_error(three, "a zfold has two sides, but this is page 3", 5, 5);
  auto repeat = parse(R"(page: {size: A4, orientation: landscape, fold: bifold}
pages:
  - {repeat: true, frames: []}
)");
  expect_error(repeat, "a bifold is one sheet: its pages cannot repeat", 3, 5);
}
