// icc.cpp — lcms2 profiles and transforms, owned by RAII handles.
#include "prepress/icc.hpp"

#include <lcms2.h>

#include <algorithm>
#include <cmath>

#include "core/atomic_file.hpp"
#include "core/diagnostic.hpp"
#include "core/handle.hpp"

namespace broadside::prepress {

namespace {

using Profile = core::Handle<void, cmsCloseProfile>;
using Transform = core::Handle<void, cmsDeleteTransform>;

/// Output values are rounded to this step: far below what a plate can show (1/10000 of full
/// ink), and it keeps the numbers in content streams short and stable.
constexpr double kRounding = 10000.0;
/// Bisection steps for the K that matches a grey's lightness: 2^-30 is far below kRounding.
constexpr int kBisectionSteps = 30;

double rounded(double v) {
  return std::round(std::clamp(v, 0.0, 1.0) * kRounding) / kRounding;
}

Profile open_profile(const std::string& bytes) {
  return Profile(cmsOpenProfileFromMem(bytes.data(), static_cast<cmsUInt32Number>(bytes.size())));
}

Transform make_transform(void* in, cmsUInt32Number in_format, void* out, cmsUInt32Number out_format,
                         const std::string& source) {
  Transform t(cmsCreateTransform(in, in_format, out, out_format, INTENT_RELATIVE_COLORIMETRIC,
                                 cmsFLAGS_BLACKPOINTCOMPENSATION));
  if (!t)
    throw core::Failure(core::SourceLocation{source},
                        "the ICC profile cannot convert colours (it lacks the tables lcms2 needs)");
  return t;
}

}  // namespace

std::optional<IccProfile> parse_icc_profile(std::string bytes, const std::string& source,
                                            core::Diagnostics& diags) {
  Profile p = open_profile(bytes);
  const core::SourceLocation where{source};
  if (!p) {
    diags.error(where, "not an ICC profile");
    return std::nullopt;
  }
  if (cmsGetColorSpace(p.get()) != cmsSigCmykData) {
    diags.error(where, "not a CMYK profile",
                "CMYK output needs the printer's CMYK profile, such as FOGRA39 or GRACoL");
    return std::nullopt;
  }
  if (cmsGetDeviceClass(p.get()) != cmsSigOutputClass) {
    diags.error(where, "not an output (printer) profile");
    return std::nullopt;
  }
  char description[256] = {};
  cmsGetProfileInfoASCII(p.get(), cmsInfoDescription, "en", "US", description, sizeof description);
  return IccProfile{std::move(bytes), description, source};
}

std::optional<IccProfile> load_icc_profile(const std::filesystem::path& file,
                                           const core::Limits& limits, core::Diagnostics& diags) {
  std::error_code ec;
  // Only a missing file is "no such file": read_file names a folder, pipe or device as such.
  if (!std::filesystem::exists(file, ec)) {
    diags.error(core::SourceLocation{file.string()}, "cannot read the ICC profile", "no such file");
    return std::nullopt;
  }
  auto bytes = core::read_file(file, limits, diags);
  if (!bytes) return std::nullopt;
  return parse_icc_profile(std::move(*bytes), file.string(), diags);
}

bool is_neutral(const core::Rgb& rgb) {
  auto q = [](double v) { return std::lround(std::clamp(v, 0.0, 1.0) * 65535.0); };
  return q(rgb.r) == q(rgb.g) && q(rgb.g) == q(rgb.b);
}

struct CmykConverter::Transforms {
  Transform rgb_to_cmyk, rgb8_to_cmyk8, rgb_to_lab, cmyk_to_lab;
  /// The 8-bit transform for images is made on first use: lcms2 precalculates it, which takes
  /// about 45 ms, and most documents have no image (preflight and colours need none of it).
  Profile srgb, cmyk;
  std::string source;
  /// L* of 100% K alone on this press: where sRGB black lands after black point compensation.
  double black_l = 0;

  double lightness_of_k(double k) const {
    const double cmyk[4] = {0, 0, 0, k * 100};
    cmsCIELab lab{};
    cmsDoTransform(cmyk_to_lab.get(), cmyk, &lab, 1);
    return lab.L;
  }
};

CmykConverter::CmykConverter(const IccProfile& profile) : t_(std::make_unique<Transforms>()) {
  Profile cmyk = open_profile(profile.bytes);
  if (!cmyk) throw core::Failure(core::SourceLocation{profile.source}, "not an ICC profile");
  Profile srgb(cmsCreate_sRGBProfile());
  Profile lab(cmsCreateLab4Profile(nullptr));  // D50, the profile connection space
  t_->rgb_to_cmyk =
      make_transform(srgb.get(), TYPE_RGB_DBL, cmyk.get(), TYPE_CMYK_DBL, profile.source);
  t_->rgb_to_lab = make_transform(srgb.get(), TYPE_RGB_DBL, lab.get(), TYPE_Lab_DBL, "sRGB");
  t_->cmyk_to_lab =
      make_transform(cmyk.get(), TYPE_CMYK_DBL, lab.get(), TYPE_Lab_DBL, profile.source);
  t_->black_l = t_->lightness_of_k(1.0);
  t_->srgb = std::move(srgb);
  t_->cmyk = std::move(cmyk);
  t_->source = profile.source;
}

CmykConverter::~CmykConverter() = default;
CmykConverter::CmykConverter(CmykConverter&&) noexcept = default;
CmykConverter& CmykConverter::operator=(CmykConverter&&) noexcept = default;

double CmykConverter::gray_to_k(double gray) const {
  if (gray <= 0) return 1;
  if (gray >= 1) return 0;
  const double rgb[3] = {gray, gray, gray};
  cmsCIELab lab{};
  cmsDoTransform(t_->rgb_to_lab.get(), rgb, &lab, 1);
  // Black point compensation along the K axis: sRGB's L* 0..100 maps onto the press's
  // K-only range black_l..100 (paper white).
  const double target = t_->black_l + (100 - t_->black_l) * std::clamp(lab.L, 0.0, 100.0) / 100;
  double lo = 0, hi = 1;  // lightness falls as K rises
  for (int i = 0; i < kBisectionSteps; ++i) {
    const double mid = (lo + hi) / 2;
    (t_->lightness_of_k(mid) > target ? lo : hi) = mid;
  }
  return rounded((lo + hi) / 2);
}

core::Cmyk CmykConverter::convert(const core::Rgb& rgb) const {
  if (is_neutral(rgb)) return {0, 0, 0, gray_to_k(rgb.r)};
  const double in[3] = {std::clamp(rgb.r, 0.0, 1.0), std::clamp(rgb.g, 0.0, 1.0),
                        std::clamp(rgb.b, 0.0, 1.0)};
  double out[4] = {};
  cmsDoTransform(t_->rgb_to_cmyk.get(), in, out, 1);
  return {rounded(out[0] / 100), rounded(out[1] / 100), rounded(out[2] / 100),
          rounded(out[3] / 100)};
}

std::string CmykConverter::convert_pixels(const std::string& rgb8) const {
  const size_t pixels = rgb8.size() / 3;
  std::string out(pixels * 4, '\0');
  if (!t_->rgb8_to_cmyk8)
    t_->rgb8_to_cmyk8 =
        make_transform(t_->srgb.get(), TYPE_RGB_8, t_->cmyk.get(), TYPE_CMYK_8, t_->source);
  cmsDoTransform(t_->rgb8_to_cmyk8.get(), rgb8.data(), out.data(),
                 static_cast<cmsUInt32Number>(pixels));
  return out;
}

}  // namespace broadside::prepress
