// pdf_box.hpp — a rectangle in PDF space, as page boxes and painted objects give it.
#pragma once

#include <algorithm>

namespace broadside::prepress {

/// A rectangle in PDF space (points, y up, as the file gives it).
struct PdfBox {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  /// True when `inner` lies inside, allowing `tolerance` points of rounding.
  bool contains(const PdfBox& inner, double tolerance = 0.01) const;
  /// True when the two share some area (more than `tolerance` each way).
  bool overlaps(const PdfBox& other, double tolerance = 0.01) const {
    return std::min(x1, other.x1) - std::max(x0, other.x0) > tolerance &&
           std::min(y1, other.y1) - std::max(y0, other.y0) > tolerance;
  }
  /// The part of both; a negative width or height when they do not meet.
  PdfBox intersected(const PdfBox& o) const {
    return {std::max(x0, o.x0), std::max(y0, o.y0), std::min(x1, o.x1), std::min(y1, o.y1)};
  }
  /// The smallest box holding both.
  PdfBox united(const PdfBox& o) const {
    return {std::min(x0, o.x0), std::min(y0, o.y0), std::max(x1, o.x1), std::max(y1, o.y1)};
  }
};

}  // namespace broadside::prepress
