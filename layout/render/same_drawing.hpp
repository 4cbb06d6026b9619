// same_drawing.hpp — whether a composition draws the same vector PDF as one drawn before: the
// rows of a data merge that do not use their values (or repeat them) need not be drawn and
// finished again, and what they would give is the same bytes as a lone render.
#pragma once

#include <memory>
#include <vector>

#include "compose/composition.hpp"
#include "core/options.hpp"

namespace broadside::render {

class ImageSource;

/// A composition kept as drawn: a copy of it, and the decoded images it drew (so that an image
/// file changed on disk since, at the same path, is a different drawing).
class Drawing {
 public:
  /// Copies `composition` and pins its images (decoded within `options`' limits); throws
  /// core::Failure as load_image does for an image that cannot be read.
  Drawing(const compose::Composition& composition, const core::Options& options);
  ~Drawing();
  Drawing(const Drawing&) = delete;
  Drawing& operator=(const Drawing&) = delete;

  /// True only when render_pdf would write the same bytes for `composition` as for the kept
  /// one: every drawn value equal to the bit (doubles compared as bits, so -0 is not 0), the
  /// same font objects, the same decoded images, the same metadata. Conservative: values that
  /// are never drawn (source locations, fit reports) are compared too.
  bool is_same(const compose::Composition& composition, const core::Options& options) const;

 private:
  compose::Composition composition_;
  std::vector<std::shared_ptr<const ImageSource>> images_;
};

}  // namespace broadside::render
