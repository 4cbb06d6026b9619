// units.hpp — lengths as a type: every length inside broadside is a Pt (1/72 inch).
#pragma once

#include <compare>

namespace broadside::core {

/// A length in PostScript points. Other units are converted once, at the edge (spec parsing).
struct Pt {
  double value = 0;

  constexpr Pt() = default;
  constexpr explicit Pt(double v) : value(v) {}

  constexpr Pt operator-() const { return Pt{-value}; }
  constexpr Pt& operator+=(Pt o) {
    value += o.value;
    return *this;
  }
  constexpr Pt& operator-=(Pt o) {
    value -= o.value;
    return *this;
  }
  constexpr Pt& operator*=(double f) {
    value *= f;
    return *this;
  }
  friend constexpr Pt operator+(Pt a, Pt b) { return Pt{a.value + b.value}; }
  friend constexpr Pt operator-(Pt a, Pt b) { return Pt{a.value - b.value}; }
  friend constexpr Pt operator*(Pt a, double f) { return Pt{a.value * f}; }
  friend constexpr Pt operator*(double f, Pt a) { return Pt{a.value * f}; }
  friend constexpr Pt operator/(Pt a, double f) { return Pt{a.value / f}; }
  friend constexpr double operator/(Pt a, Pt b) { return a.value / b.value; }
  friend constexpr auto operator<=>(Pt a, Pt b) = default;
};

inline constexpr double kPointsPerInch = 72.0;
inline constexpr double kMmPerInch = 25.4;
/// CSS pixel: 1/96 inch, so a 1080 px square renders to 1080 pixels at 96 dpi.
inline constexpr double kPixelsPerInch = 96.0;

constexpr Pt from_mm(double mm) {
  return Pt{mm * kPointsPerInch / kMmPerInch};
}
constexpr Pt from_in(double in) {
  return Pt{in * kPointsPerInch};
}
constexpr Pt from_px(double px) {
  return Pt{px * kPointsPerInch / kPixelsPerInch};
}
constexpr double to_mm(Pt p) {
  return p.value * kMmPerInch / kPointsPerInch;
}

constexpr Pt max(Pt a, Pt b) {
  return a < b ? b : a;
}
constexpr Pt min(Pt a, Pt b) {
  return a < b ? a : b;
}

namespace literals {
constexpr Pt operator""_pt(long double v) {
  return Pt{static_cast<double>(v)};
}
constexpr Pt operator""_pt(unsigned long long v) {
  return Pt{static_cast<double>(v)};
}
constexpr Pt operator""_mm(long double v) {
  return from_mm(static_cast<double>(v));
}
constexpr Pt operator""_mm(unsigned long long v) {
  return from_mm(static_cast<double>(v));
}
}  // namespace literals

}  // namespace broadside::core
