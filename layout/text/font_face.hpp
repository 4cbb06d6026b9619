// font_face.hpp — a reference to one font at one size, as glyph runs name it: immutable, cheap to
// copy and safe to share between threads. Render draws with its cairo font; nothing else needs
// more than its name and file.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "core/units.hpp"

// cairo's own declaration, so that stages that only carry faces around need no cairo header.
typedef struct _cairo_scaled_font cairo_scaled_font_t;

namespace broadside::text {

class FontFace {
 public:
  /// An empty reference: draws nothing.
  FontFace() = default;

  /// The family name ("Inter"), the font file and the face's index in that file.
  const std::string& family() const;
  const std::filesystem::path& file() const;
  int index() const;
  /// The em size the face is set at.
  core::Pt size() const;
  /// The cairo font glyph runs are drawn with (for render); nullptr for an empty reference.
  cairo_scaled_font_t* scaled_font() const;

  explicit operator bool() const { return impl_ != nullptr; }
  /// The same font object (two loads of one file are different faces).
  friend bool operator==(const FontFace& a, const FontFace& b) { return a.impl_ == b.impl_; }

  struct Impl;
  explicit FontFace(std::shared_ptr<const Impl> impl);

 private:
  std::shared_ptr<const Impl> impl_;
};

/// Face `index` of a font file at `size`, opened by cairo and FreeType with the options Pango's
/// faces have (unhinted outlines and metrics), with no Pango involved: for drawing glyphs that
/// were not shaped here, and for tests. Throws core::Failure when the file cannot be used.
FontFace load_font_face(const std::filesystem::path& file, int index, core::Pt size);

}  // namespace broadside::text
