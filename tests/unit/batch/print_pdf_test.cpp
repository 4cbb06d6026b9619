// print_pdf_test.cpp — a row that draws the same as the thread's previous one gets that PDF
// again, byte for byte what printing it afresh gives; anything else is printed afresh.
#include <doctest/doctest.h>

#include <memory>

#include "batch/print_pdf.hpp"
#include "unit/compose/fake_typesetter.hpp"

using namespace broadside;
using core::Pt;

namespace {

compose::Composition card(double red) {
  compose::Composition c;
  const core::PageGeometry g{{core::from_mm(90), core::from_mm(50)}, core::from_mm(3), Pt{0}};
  compose::Page p{"front", g, {}};
  p.items.push_back(
      compose::Fill{g.bleed_rect(), core::Color::from_rgb(red, 0.1, 0.2), Pt{0}, false, true});
  p.items.push_back(
      compose::Line{{Pt{10}, Pt{10}}, {Pt{100}, Pt{10}}, Pt{1}, core::Color::black()});
  c.pages.push_back(p);
  c.metadata.title = "Card";
  return c;
}

batch::PrintJob job() {
  batch::PrintJob j;
  j.design_name = "card";
  j.lang = "en";
  j.date = "2020-02-17T00:00:00Z";
  return j;
}

}  // namespace

TEST_CASE("print_pdf reuses the previous PDF only for the same drawing and settings") {
  const core::Options options;
  testing::FakeTypesetter typesetter;
  const auto print = [&](const compose::Composition& c, const batch::PrintJob& j,
                         const char* file) {
    return batch::print_pdf(c, j, file, typesetter, options, batch::Inspect{});
  };
  const auto first = print(card(0.8), job(), "row-1.pdf");
  const auto again = print(card(0.8), job(), "row-2.pdf");  // no marks: the name is not drawn
  CHECK(again.is_reused);
  CHECK(again.bytes == first.bytes);
  REQUIRE(again.inspection);
  CHECK(again.inspection->pdf_version == first.inspection->pdf_version);

  const auto other = print(card(0.7), job(), "row-3.pdf");
  CHECK_FALSE(other.is_reused);
  CHECK(other.bytes != first.bytes);
  // Printed after another drawing, the first one's bytes are still what a fresh print gives.
  const auto back = print(card(0.8), job(), "row-4.pdf");
  CHECK_FALSE(back.is_reused);
  CHECK(back.bytes == first.bytes);

  auto dated = job();
  dated.date = "2021-01-01T00:00:00Z";
  CHECK_FALSE(print(card(0.8), dated, "row-5.pdf").is_reused);
  auto marked = dated;
  marked.marks.crop = marked.marks.slug_info = true;
  marked.slug = core::from_mm(9);
  const auto slugged = print(card(0.8), marked, "row-6.pdf");
  CHECK_FALSE(slugged.is_reused);
  // With marks, the slug names the file: another file is another drawing.
  CHECK_FALSE(print(card(0.8), marked, "row-7.pdf").is_reused);
  CHECK(print(card(0.8), marked, "row-7.pdf").is_reused);
  CHECK_FALSE(batch::print_pdf(card(0.8), marked, "row-7.pdf", typesetter, options).is_reused);
}
