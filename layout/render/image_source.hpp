// image_source.hpp — design images (SVG, PNG, JPEG) read from their bytes alone, measured and
// checked before anything is drawn, then drawn by render.
#pragma once

#include <cairo.h>

#include <filesystem>
#include <memory>
#include <string>

#include "compose/composition.hpp"
#include "compose/image_measurer.hpp"
#include "core/diagnostic.hpp"
#include "core/options.hpp"
#include "render/image_formats.hpp"

namespace broadside::render {

/// A decoded image, ready to draw at any size.
class ImageSource {
 public:
  ImageKind kind() const { return kind_; }
  /// Pixels of a raster image (after its EXIF orientation); an SVG's intrinsic size in CSS px.
  double width() const { return width_; }
  double height() const { return height_; }
  /// An SVG with <text>: librsvg sets it in broadside's fonts, maybe not the designer's.
  bool has_text() const { return has_text_; }
  /// Draws the whole image over (0, 0, width, height) of the current user space; throws
  /// core::Failure when librsvg cannot draw it.
  void draw(cairo_t* cr) const;

  struct Parts;
  explicit ImageSource(std::shared_ptr<const Parts> parts);

 private:
  std::shared_ptr<const Parts> parts_;
  ImageKind kind_;
  double width_ = 0, height_ = 0;
  bool has_text_ = false;
};

/// Reads and decodes an image by its content (not its name), through a small per-thread cache
/// (the check and each output format use the same image). Throws core::Failure naming the file:
/// unreadable, not PNG/JPEG/SVG, truncated or corrupt, over the image-pixels limit, or an SVG
/// that refers to other files or URLs (an SVG is read alone, with no base, so librsvg loads
/// nothing else: such references would silently vanish, so they are errors). Users hear of
/// these through check_images, which runs before anything is drawn and reports them as
/// diagnostics; a failure while drawing (the file changed in between) is truly exceptional.
std::shared_ptr<const ImageSource> load_image(const std::filesystem::path& file,
                                              const core::Limits& limits);

/// Image sizes for composing, from the images this thread decodes (and keeps for drawing).
class ImageSizes final : public compose::ImageMeasurer {
 public:
  /// Images are decoded within `limits` (kept by reference: the run's options outlive it).
  explicit ImageSizes(const core::Limits& limits) : limits_(limits) {}
  compose::ImageSize measure(const std::filesystem::path& file) override;

 private:
  const core::Limits& limits_;
};

/// The resolution a job's images need at their printed size.
struct ImageResolution {
  /// Below this a warning, below `error_ppi` an error.
  double warn_ppi = 300, error_ppi = 150;
};

/// Print wants 300 ppi and tolerates no less than 150.
inline constexpr ImageResolution kPrintResolution{300, 150};

/// Checks each raster image's effective resolution where the composition placed it, and warns of
/// SVGs with text. Messages are placed at the image's frame and name the file and the frame.
void check_images(const compose::Composition& composition, const ImageResolution& wanted,
                  const core::Options& options, core::Diagnostics& diags);

}  // namespace broadside::render
