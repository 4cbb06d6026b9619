// font_subsets.hpp — a document's big fonts cut down (HarfBuzz's hb-subset) to the glyphs it
// draws, before cairo embeds them: cairo 1.16's own subsetter copies a font's whole CFF table
// and reads the whole file, about 25 MB for each Noto CJK face a Chinese leaflet uses.
#pragma once

#include <cairo.h>

#include <map>
#include <memory>
#include <string>
#include <tuple>

#include "compose/composition.hpp"
#include "core/handle.hpp"

namespace broadside::render {

class FontSubsets {
 public:
  /// Fonts whose file is at least this big are cut down; smaller ones cairo embeds as before.
  static constexpr std::uintmax_t kMinFileBytes = 4 << 20;

  /// Subsets every big font the composition's text uses to the glyphs it uses (glyph ids
  /// kept, so the composition's runs draw unchanged). A font that cannot be subset is left
  /// whole: the PDF is the same, only heavier to make.
  explicit FontSubsets(const compose::Composition& composition);
  ~FontSubsets();
  FontSubsets(const FontSubsets&) = delete;
  FontSubsets& operator=(const FontSubsets&) = delete;

  /// The scaled font to draw `face` with: its subset at the same size and options, or
  /// `face.scaled_font()` when it has none. Owned by this object.
  cairo_scaled_font_t* font_for(const text::FontFace& face);

 private:
  struct Subset;
  std::map<std::pair<std::string, int>, std::shared_ptr<Subset>> subsets_;
  std::map<std::tuple<std::string, int, double>,
           core::Handle<cairo_scaled_font_t, cairo_scaled_font_destroy>>
      scaled_;
};

}  // namespace broadside::render
