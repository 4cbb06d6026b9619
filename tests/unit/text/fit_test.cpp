// fit_test.cpp — copyfitting and balancing real headlines with Pango.
#include <doctest/doctest.h>

#include "text/fit.hpp"
#include "text_fixture.hpp"

using namespace broadside;
using core::Pt;
using text::testing::style;
using text::testing::typesetter;

namespace {
text::FitRequest headline_box() {
  text::FitRequest r;
  r.width = Pt{340};
  r.height = Pt{280};
  r.min_size = Pt{28};
  r.max_size = Pt{96};
  r.step = Pt{0.5};
  r.leading = 0.95;
  r.max_lines = 6;
  return r;
}
const std::string kHeadline =
    "Stop all anti-immigrant raids! Abolish ICE and CBP! For a socialist policy of open borders!";
}  // namespace

TEST_CASE("fit picks the largest size that fits, and a shorter headline gets a larger size") {
  auto longer =
      typesetter().shape(core::RichText::plain(kHeadline), style({"League Spartan"}, 40, 800));
  auto result = text::fit(*longer, headline_box());
  REQUIRE(result.fits);
  CHECK(result.size > Pt{28});
  CHECK(result.size < Pt{96});
  CHECK(result.lines <= 6);
  CHECK(result.height <= Pt{280});
  CHECK(longer->max_line_width() <= Pt{340.01});
  CHECK(result.passes <= 12);
  // One step larger must not fit (it is the largest).
  longer->set_width(Pt{340});
  longer->set_size(result.size + Pt{0.5});
  const bool bigger_fits =
      longer->line_count() <= 6 &&
      text::block_height(longer->line_count(), longer->size(), 0.95) <= Pt{280} &&
      longer->max_line_width() <= Pt{340.01};
  CHECK_FALSE(bigger_fits);

  auto shorter =
      typesetter().shape(core::RichText::plain("Abolish ICE!"), style({"League Spartan"}, 40, 800));
  auto short_result = text::fit(*shorter, headline_box());
  REQUIRE(short_result.fits);
  CHECK(short_result.size > result.size);
}

TEST_CASE("when nothing fits, fit says why at the smallest size") {
  std::string huge;
  for (int i = 0; i < 12; ++i) huge += kHeadline + " ";
  auto p = typesetter().shape(core::RichText::plain(huge), style({"League Spartan"}, 40, 800));
  auto result = text::fit(*p, headline_box());
  CHECK_FALSE(result.fits);
  CHECK(result.size == Pt{28});
  CHECK(result.reason.find("at most 6 allowed") != std::string::npos);
}

TEST_CASE("balance evens out the lines without adding one") {
  auto p = typesetter().shape(core::RichText::plain("Join and support our election campaign today"),
                              style({"League Spartan"}, 24, 800));
  p->set_width(Pt{400});
  const int lines = p->line_count();
  REQUIRE(lines == 2);
  const Pt ragged = p->line(0).width - p->line(1).width;
  text::balance(*p, Pt{400});
  CHECK(p->line_count() == lines);
  const Pt even = p->line(0).width - p->line(1).width;
  CHECK(std::abs(even.value) < std::abs(ragged.value));
  CHECK(p->line(1).words >= 2);
}

TEST_CASE("fitting unbalanced and then balancing ends where fitting with balance does") {
  auto request = headline_box();
  request.balance = true;
  auto together =
      typesetter().shape(core::RichText::plain(kHeadline), style({"League Spartan"}, 40, 800));
  const auto once = text::fit(*together, request);
  auto apart =
      typesetter().shape(core::RichText::plain(kHeadline), style({"League Spartan"}, 40, 800));
  auto unbalanced = request;
  unbalanced.balance = false;
  const auto fitted = text::fit(*apart, unbalanced);
  CHECK(fitted.balance_passes == 0);
  const auto twice = text::balance_fitted(*apart, request, fitted);
  REQUIRE(once.fits);
  REQUIRE(twice.fits);
  CHECK(twice.size == once.size);
  CHECK(twice.break_width == once.break_width);
  CHECK(twice.break_width < request.width);  // balancing did narrow the lines
  CHECK(twice.lines == once.lines);
  CHECK(twice.height == once.height);
  CHECK(twice.passes == once.passes);
  CHECK(twice.balance_passes == once.balance_passes);
  for (int i = 0; i < once.lines; ++i) CHECK(apart->line_text(i) == together->line_text(i));
}

TEST_CASE(
    "fit lays out first where the unbroken measurement points: the size trying every step "
    "finds, in a few layouts") {
  const text::FitRequest box = headline_box();
  auto fits_now = [&](text::Paragraph& p) {
    return p.line_count() <= box.max_lines &&
           text::block_metrics(p, box.leading).height <= box.height + Pt{0.01} &&
           p.max_line_width() <= box.width + Pt{0.01};
  };
  for (const std::string& text :
       {kHeadline, std::string("Abolish ICE!"), std::string("Strike!"),
        std::string("Für eine sozialistische Politik der offenen Grenzen! Schafft ICE ab!")}) {
    CAPTURE(text);
    auto p = typesetter().shape(core::RichText::plain(text), style({"League Spartan"}, 40, 800));
    // The estimate agrees with the lines Pango lays out for a plain headline.
    for (double size : {30.0, 48.0, 70.0}) {
      const auto e = p->estimate_lines(Pt{size}, box.width);
      REQUIRE(e.has_value());
      p->set_size(Pt{size});
      p->set_width(box.width);
      CHECK(e->lines == p->line_count());
    }
    const auto result = text::fit(*p, box);
    REQUIRE(result.fits);
    CHECK(result.passes <= 4);
    // Every step from the largest down: the first that fits is the one fit found.
    p->set_width(box.width);
    Pt first{0};
    for (Pt size = box.max_size; size >= box.min_size; size = size - box.step) {
      p->set_size(size);
      if (fits_now(*p)) {
        first = size;
        break;
      }
    }
    CHECK(result.size == first);
  }
}

TEST_CASE("balance narrows where the unbroken measurement points, ending where halving ends") {
  // The search balance() made before it estimated: halving [natural / lines, width] to 0.5pt.
  auto halving = [](text::Paragraph& p, Pt width) {
    p.set_width(width);
    const int lines = p.line_count();
    p.set_width(Pt{0});
    Pt lo = p.max_line_width() / lines, hi = width;
    for (int probe = 0; probe < 12 && hi - lo > Pt{0.5}; ++probe) {
      const Pt mid = (lo + hi) / 2;
      p.set_width(mid);
      (p.line_count() == lines && p.max_line_width() <= mid + Pt{0.01} ? hi : lo) = mid;
    }
    p.set_width(hi);
    return hi;
  };
  for (const std::string& text :
       {kHeadline, std::string("Join and support our election campaign today"),
        std::string("Für eine sozialistische Politik der offenen Grenzen! Schafft ICE ab!")}) {
    for (double size : {28.0, 41.5, 60.0}) {
      CAPTURE(text);
      CAPTURE(size);
      auto s = style({"League Spartan"}, size, 800);
      auto ours = typesetter().shape(core::RichText::plain(text), s);
      auto theirs = typesetter().shape(core::RichText::plain(text), s);
      const int passes = text::balance(*ours, Pt{340});
      CHECK(ours->width() == halving(*theirs, Pt{340}));
      REQUIRE(ours->line_count() == theirs->line_count());
      for (int i = 0; i < ours->line_count(); ++i)
        CHECK(ours->line_text(i) == theirs->line_text(i));
      if (ours->line_count() > 1) CHECK(passes <= 6);
    }
  }
}
