// geometry.hpp — points, rectangles, insets and the one PageGeometry every stage reads.
#pragma once

#include "core/units.hpp"

namespace broadside::core {

/// Coordinates have their origin at the top-left corner of the trim box, y growing downwards.
struct Point {
  Pt x, y;
};

struct Size {
  Pt width, height;
};

/// Distances inward from each side of a rectangle.
struct Insets {
  Pt top, right, bottom, left;
  static constexpr Insets uniform(Pt v) { return {v, v, v, v}; }
};

struct Rect {
  Pt x, y, width, height;

  constexpr Pt right() const { return x + width; }
  constexpr Pt bottom() const { return y + height; }
  constexpr Rect inset(const Insets& in) const {
    return {x + in.left, y + in.top, width - in.left - in.right, height - in.top - in.bottom};
  }
  constexpr Rect outset(Pt d) const { return {x - d, y - d, width + d * 2, height + d * 2}; }
  /// True when `inner` lies inside this rectangle, allowing for rounding of `tolerance`.
  constexpr bool contains(const Rect& inner, Pt tolerance = Pt{0.01}) const {
    return inner.x >= x - tolerance && inner.y >= y - tolerance &&
           inner.right() <= right() + tolerance && inner.bottom() <= bottom() + tolerance;
  }
  friend constexpr bool operator==(const Rect&, const Rect&) = default;
  /// Covers nothing: no width and no height.
  constexpr bool is_empty() const { return width.value == 0 && height.value == 0; }
};

/// The smallest rectangle holding both; an empty one adds nothing.
constexpr Rect unite(const Rect& a, const Rect& b) {
  if (a.is_empty()) return b;
  if (b.is_empty()) return a;
  const Pt x = min(a.x, b.x), y = min(a.y, b.y);
  return {x, y, max(a.right(), b.right()) - x, max(a.bottom(), b.bottom()) - y};
}

/// The finished piece (trim), the bleed around it and the slug beyond that, computed once.
/// Media = trim + bleed + slug on every side; all item coordinates are relative to the trim.
struct PageGeometry {
  Size trim;
  Pt bleed;
  Pt slug;

  constexpr Pt media_offset() const { return bleed + slug; }
  constexpr Size media() const {
    return {trim.width + media_offset() * 2, trim.height + media_offset() * 2};
  }
  constexpr Rect trim_rect() const { return {Pt{0}, Pt{0}, trim.width, trim.height}; }
  constexpr Rect bleed_rect() const { return trim_rect().outset(bleed); }
  /// Rectangles in media coordinates (origin at the media's top-left), for page boxes.
  constexpr Rect trim_in_media() const {
    return {media_offset(), media_offset(), trim.width, trim.height};
  }
  constexpr Rect bleed_in_media() const { return trim_in_media().outset(bleed); }
};

}  // namespace broadside::core
