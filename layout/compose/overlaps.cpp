// overlaps.cpp — frames drawn over each other on a page, found from what each one drew.
#include "compose/overlaps.hpp"

#include <fmt/format.h>

#include <optional>

#include "compose/folds.hpp"

namespace broadside::compose {

namespace {

/// Overlaps shallower than this, across or down, are glyphs grazing (a descender over the
/// next frame's cap height), not one frame drawn over another.
constexpr Pt kGraze{1};

enum class Kind { text, qr, box, image, rule };

struct Mark {
  Rect rect;
  Kind kind;
  const TextLine* line = nullptr;
};

/// What an item puts on the page that another frame can hide or be hidden by; nullopt for
/// items that neither matter when covered nor cover (outlines, links, a translucent box or
/// rule, the page's background).
std::optional<Mark> mark_of(const Item& item) {
  if (const auto* t = std::get_if<TextLine>(&item)) {
    const Rect ink = ink_rect(*t);
    if (ink.width <= Pt{0} || ink.height <= Pt{0}) return std::nullopt;
    return Mark{ink, Kind::text, t};
  }
  if (const auto* q = std::get_if<QrCode>(&item)) return Mark{q->rect, Kind::qr};
  if (const auto* f = std::get_if<Fill>(&item)) {
    if (f->is_background || f->color.alpha < 0.5) return std::nullopt;
    return Mark{f->rect, Kind::box};
  }
  if (const auto* i = std::get_if<Image>(&item)) return Mark{i->rect, Kind::image};
  if (const auto* l = std::get_if<Line>(&item)) {
    if (l->color.alpha < 0.5) return std::nullopt;
    const Pt half = l->thickness / 2;
    const Pt x = core::min(l->from.x, l->to.x), y = core::min(l->from.y, l->to.y);
    return Mark{Rect{x - half, y - half, core::max(l->from.x, l->to.x) - x + l->thickness,
                     core::max(l->from.y, l->to.y) - y + l->thickness},
                Kind::rule};
  }
  return std::nullopt;
}

bool covers(const Rect& a, const Rect& b) {
  const Pt across = core::min(a.right(), b.right()) - core::max(a.x, b.x);
  const Pt down = core::min(a.bottom(), b.bottom()) - core::max(a.y, b.y);
  return across > kGraze && down > kGraze;
}

/// Whether a rule strikes through a line's ink: a hairline is thinner than kGraze, so what
/// counts is its middle running through the ink, not only grazing its edge, for more than
/// kGraze along it.
bool strikes(const Rect& rule, const Rect& ink) {
  const Pt across = core::min(rule.right(), ink.right()) - core::max(rule.x, ink.x);
  const Pt down = core::min(rule.bottom(), ink.bottom()) - core::max(rule.y, ink.y);
  const Pt mid_x = rule.x + rule.width / 2, mid_y = rule.y + rule.height / 2;
  if (rule.width >= rule.height)
    return across > kGraze && mid_y > ink.y + kGraze && mid_y < ink.bottom() - kGraze;
  return down > kGraze && mid_x > ink.x + kGraze && mid_x < ink.right() - kGraze;
}

std::string text_of(const Mark& m) {
  return "text \u201C" + line_excerpt(*m.line) + "\u201D";
}

std::string what(const Mark& m) {
  switch (m.kind) {
    case Kind::text:
      return text_of(m);
    case Kind::qr:
      return "the QR code";
    case Kind::box:
      return "its box";
    case Kind::image:
      return "the image";
    case Kind::rule:
      return "its rule";
  }
  return {};
}

}  // namespace

void check_overlaps(const PlacedFrame& placed, const std::vector<PlacedFrame>& earlier,
                    const Page& page, size_t page_number, core::Diagnostics& diags) {
  const design::Frame& frame = *placed.frame;
  if (frame.overlap) return;
  for (const PlacedFrame& other : earlier) {
    if (other.frame->overlap) continue;
    bool reported = false;
    for (size_t i = placed.begin; i < placed.end && !reported; ++i) {
      const auto top = mark_of(page.items[i]);
      if (!top) continue;
      for (size_t j = other.begin; j < other.end && !reported; ++j) {
        const auto under = mark_of(page.items[j]);
        if (!under) continue;
        // A rule through text strikes it out, whichever is drawn last; a rule elsewhere (on a
        // box, an image) is decoration. A thick rule drawn over text also hides it where its
        // painted band covers the ink, even when its middle runs between two lines, as a box
        // would; under the text, a band is what the text is set on.
        if (top->kind == Kind::rule || under->kind == Kind::rule) {
          const bool text_and_rule = top->kind == Kind::text || under->kind == Kind::text;
          const bool hits = top->kind == Kind::rule
                                ? strikes(top->rect, under->rect) || covers(top->rect, under->rect)
                                : strikes(under->rect, top->rect);
          if (!text_and_rule || !hits) continue;
        } else {
          if (!covers(top->rect, under->rect)) continue;
          // Text on a box or an image is what boxes and images are for.
          const bool hides = under->kind == Kind::text || under->kind == Kind::qr;
          if (!hides || (top->kind != Kind::text && under->kind != Kind::text)) continue;
        }
        const std::string hidden = under->kind == Kind::text ? text_of(*under)
                                   : under->kind == Kind::qr ? "the QR code"
                                                             : "the rule";
        const std::string message =
            fmt::format("frame '{}': {} is drawn over {} of frame '{}' on page {}", frame.id,
                        what(*top), hidden, other.frame->id, page_number + 1);
        const std::string hint =
            "move the frames apart, or make the text smaller or shorter (or, for a frame meant to "
            "lie over others, say overlap: true)";
        if (top->kind == Kind::image)
          diags.warning(frame.where, message, hint);
        else
          diags.error(frame.where, message, hint);
        reported = true;
      }
    }
  }
}

}  // namespace broadside::compose
