// icc.hpp — the CMYK press profile (lcms2): reading and checking it, and converting RGB to the
// profile's CMYK. lcms2 stays behind this header.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "core/color.hpp"
#include "core/diagnostic.hpp"
#include "core/limits.hpp"

namespace broadside::prepress {

/// A CMYK output (printer) profile, checked when read.
struct IccProfile {
  std::string bytes;
  /// The profile's own description ("Coated FOGRA39 ..."), for the PDF/X output intent.
  std::string description;
  /// Where it came from, for messages.
  std::string source;
};

/// Reads a profile; nullopt after reporting, naming the file, that it is missing, is not an ICC
/// profile, or is not a CMYK printer profile.
std::optional<IccProfile> load_icc_profile(const std::filesystem::path& file,
                                           const core::Limits& limits, core::Diagnostics& diags);
/// As load_icc_profile, from bytes already in memory; `source` names them in messages.
std::optional<IccProfile> parse_icc_profile(std::string bytes, const std::string& source,
                                            core::Diagnostics& diags);

/// sRGB to the profile's CMYK: relative colorimetric with black point compensation, the usual
/// choice for flat design colours. Neutral greys become K only, with the K that matches their
/// lightness on press (L*), so black and grey text never print in four inks.
class CmykConverter {
 public:
  explicit CmykConverter(const IccProfile& profile);
  ~CmykConverter();
  CmykConverter(CmykConverter&&) noexcept;
  CmykConverter& operator=(CmykConverter&&) noexcept;

  /// Components 0..1, rounded to 1/10000 so output is stable and short.
  core::Cmyk convert(const core::Rgb& rgb) const;
  /// K for a neutral grey (0 black .. 1 white), L*-matched as above.
  double gray_to_k(double gray) const;
  /// 8-bit RGB pixels (r, g, b, r, g, b, ...) to 8-bit CMYK pixels, for raster images.
  std::string convert_pixels(const std::string& rgb8) const;

 private:
  struct Transforms;
  std::unique_ptr<Transforms> t_;
};

/// True when r = g = b (to 16 bits): such colours print with K only.
bool is_neutral(const core::Rgb& rgb);

}  // namespace broadside::prepress
