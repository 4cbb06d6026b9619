// marks_test.cpp — printer's and fold marks as the last compose step: plain items in the slug,
// none in the bleed, in the registration colour, the slug line set as glyphs, and the
// composition they were added to left as it was.
#include <algorithm>

#include "compose/folds.hpp"
#include "compose/marks.hpp"
#include "compose_fixture.hpp"

using namespace broadside;
using namespace broadside::testing;
using core::Pt;
using core::Rect;

namespace {

const char* const kFolded = R"(name: t
page: {size: A4, orientation: landscape, fold: trifold, bleed: 3mm, margins: 10mm}
styles:
  body: {font: [Inter], size: 10pt}
pages:
  - frames:
      - {text: "{headline}", style: body, area: {panel: cover}}
)";

const design::PrintMarks kAll{true, true, true, true, true};

bool overlaps(const Rect& a, const Rect& b) {
  return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

}  // namespace

TEST_CASE("marks: the print step adds marks as items in the slug, never in the bleed") {
  const auto c = compose_text(kFolded, statement_with("Headline"));
  REQUIRE_MESSAGE(!c.diags.has_errors(), c.errors());
  FakeTypesetter typesetter;
  const compose::Composition printed = compose::with_marks(
      c.composition, kAll, Pt{30}, {"x.pdf", "t", "en", "2020-02-17"}, typesetter);
  // The composition marked is a new one: the one composed is unchanged.
  CHECK(c.composition.pages[0].geometry.slug == Pt{0});
  CHECK(c.composition.pages[0].items.size() < printed.pages[0].items.size());
  const compose::Page& page = printed.pages.at(0);
  CHECK(page.geometry.slug == Pt{30});
  const Rect bleed = page.geometry.bleed_rect();
  const Rect media{-page.geometry.media_offset(), -page.geometry.media_offset(),
                   page.geometry.media().width, page.geometry.media().height};
  const size_t composed = c.composition.pages[0].items.size();
  int lines = 0, fold_dashes = 0, texts = 0;
  for (size_t i = composed; i < page.items.size(); ++i) {
    const compose::Item& item = page.items[i];
    CAPTURE(i);
    const auto r = compose::item_rect(item);
    REQUIRE(r);
    CHECK_FALSE(overlaps(*r, bleed));
    CHECK(media.contains(*r));
    if (const auto* l = std::get_if<compose::Line>(&item)) {
      ++lines;
      CHECK(l->color.spot == "All");  // registration: every plate
      const bool on_fold = std::any_of(page.folds.begin(), page.folds.end(),
                                       [&](Pt x) { return l->from.x == x && l->to.x == x; });
      fold_dashes += on_fold ? 1 : 0;
    }
    if (const auto* t = std::get_if<compose::TextLine>(&item)) {
      ++texts;
      // The fake typesetter keeps single spaces between words.
      CHECK(t->glyphs->text == "x.pdf \u00B7 t \u00B7 en \u00B7 2020-02-17 \u00B7 page 1/1");
      CHECK(t->origin.y > page.geometry.trim.height + page.geometry.bleed);
    }
  }
  CHECK(lines >= 16);           // crop and bleed marks, the targets' crosses
  CHECK(fold_dashes >= 2 * 2);  // above and below each of the two folds
  CHECK(texts == 1);
}

TEST_CASE("marks: none asked, no marks; the slug is still given") {
  const auto c = compose_text(kFolded, statement_with("Headline"));
  FakeTypesetter typesetter;
  const auto printed =
      compose::with_marks(c.composition, design::PrintMarks{}, Pt{10}, {}, typesetter);
  CHECK(printed.pages[0].items.size() == c.composition.pages[0].items.size());
  CHECK(printed.pages[0].geometry.slug == Pt{10});
}
