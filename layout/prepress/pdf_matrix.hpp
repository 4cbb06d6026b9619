// pdf_matrix.hpp — PDF's 3×2 affine matrices (a b c d e f) as content streams combine them.
#pragma once

#include <qpdf/QPDFObjectHandle.hh>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <vector>

#include "prepress/pdf_box.hpp"

namespace broadside::prepress {

using Matrix = std::array<double, 6>;

inline constexpr Matrix kIdentity = {1, 0, 0, 1, 0, 0};

/// m × n: apply m first, then n.
inline Matrix multiply(const Matrix& m, const Matrix& n) {
  return {m[0] * n[0] + m[1] * n[2],        m[0] * n[1] + m[1] * n[3],
          m[2] * n[0] + m[3] * n[2],        m[2] * n[1] + m[3] * n[3],
          m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]};
}

inline std::array<double, 2> apply(const Matrix& m, double x, double y) {
  return {x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]};
}

/// The last six operands as a matrix, when they are numbers.
inline std::optional<Matrix> matrix_of(const std::vector<QPDFObjectHandle>& operands) {
  if (operands.size() < 6) return std::nullopt;
  Matrix m;
  for (size_t i = 0; i < 6; ++i) {
    QPDFObjectHandle h = operands[operands.size() - 6 + i];
    if (!h.isNumber()) return std::nullopt;
    m[i] = h.getNumericValue();
  }
  return m;
}

/// The box round the rectangle (x0, y0)–(x1, y1) through `m`.
inline PdfBox transform(const Matrix& m, double x0, double y0, double x1, double y1) {
  const auto a = apply(m, x0, y0), b = apply(m, x1, y0), c = apply(m, x0, y1), d = apply(m, x1, y1);
  return {std::min({a[0], b[0], c[0], d[0]}), std::min({a[1], b[1], c[1], d[1]}),
          std::max({a[0], b[0], c[0], d[0]}), std::max({a[1], b[1], c[1], d[1]})};
}

/// How much `m` shrinks a length in the direction it shrinks most (its smaller singular
/// value): a line width's thinnest printed extent.
inline double min_scale(const Matrix& m) {
  const double s = m[0] * m[0] + m[1] * m[1] + m[2] * m[2] + m[3] * m[3];
  const double det = m[0] * m[3] - m[1] * m[2];
  return std::sqrt(std::max(0.0, (s - std::sqrt(std::max(0.0, s * s - 4 * det * det))) / 2));
}

}  // namespace broadside::prepress
