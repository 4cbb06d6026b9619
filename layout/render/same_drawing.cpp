// same_drawing.cpp — a drawn composition compared with another, value by value.
#include "render/same_drawing.hpp"

#include <bit>
#include <cstdint>

#include "render/image_source.hpp"

namespace broadside::render {

namespace {

// Every drawn value must be compared, or a row could be handed another row's file: a field
// added to one of these structures changes its size and stops the build here until same()
// below compares it (sizes on Debian 12 amd64, the one platform the build supports).
static_assert(sizeof(compose::Page) == 152 && sizeof(compose::Metadata) == 160);
static_assert(sizeof(compose::TextLine) == 184 && sizeof(compose::Fill) == 152 &&
              sizeof(compose::Outline) == 152 && sizeof(compose::Line) == 144 &&
              sizeof(compose::QrCode) == 224 && sizeof(compose::Image) == 200 &&
              sizeof(compose::Link) == 64);
static_assert(sizeof(text::GlyphLine) == 152 && sizeof(text::GlyphRun) == 152 &&
              sizeof(core::Color) == 104 && sizeof(core::PageGeometry) == 32);

bool same(double a, double b) {
  return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}
bool same(core::Pt a, core::Pt b) {
  return same(a.value, b.value);
}
bool same(const core::Point& a, const core::Point& b) {
  return same(a.x, b.x) && same(a.y, b.y);
}
bool same(const core::Size& a, const core::Size& b) {
  return same(a.width, b.width) && same(a.height, b.height);
}
bool same(const core::Rect& a, const core::Rect& b) {
  return same(a.x, b.x) && same(a.y, b.y) && same(a.width, b.width) && same(a.height, b.height);
}
bool same(const core::Rgb& a, const core::Rgb& b) {
  return same(a.r, b.r) && same(a.g, b.g) && same(a.b, b.b);
}
bool same(const core::Color& a, const core::Color& b) {
  if (!same(a.rgb, b.rgb) || !same(a.alpha, b.alpha) || a.spot != b.spot) return false;
  if (a.cmyk.has_value() != b.cmyk.has_value()) return false;
  return !a.cmyk || (same(a.cmyk->c, b.cmyk->c) && same(a.cmyk->m, b.cmyk->m) &&
                     same(a.cmyk->y, b.cmyk->y) && same(a.cmyk->k, b.cmyk->k));
}
bool same(const core::PageGeometry& a, const core::PageGeometry& b) {
  return same(a.trim, b.trim) && same(a.bleed, b.bleed) && same(a.slug, b.slug);
}
bool same(const core::SourceLocation& a, const core::SourceLocation& b) {
  return a.file == b.file && a.line == b.line && a.column == b.column;
}

bool same(const text::GlyphRun& a, const text::GlyphRun& b) {
  if (!(a.font == b.font) || !same(a.origin, b.origin) || a.text != b.text ||
      a.clusters != b.clusters || a.is_backward != b.is_backward || !same(a.ink, b.ink) ||
      a.glyphs.size() != b.glyphs.size())
    return false;
  for (size_t i = 0; i < a.glyphs.size(); ++i)
    if (a.glyphs[i].id != b.glyphs[i].id || !same(a.glyphs[i].x, b.glyphs[i].x) ||
        !same(a.glyphs[i].y, b.glyphs[i].y))
      return false;
  return true;
}

bool same(const text::GlyphLine& a, const text::GlyphLine& b) {
  if (a.runs.size() != b.runs.size() || a.text != b.text || !same(a.size, b.size) ||
      !same(a.width, b.width) || !same(a.ascent, b.ascent) || !same(a.descent, b.descent) ||
      !same(a.ink, b.ink) || !same(a.ink_pitch, b.ink_pitch) || a.missing != b.missing)
    return false;
  for (size_t i = 0; i < a.runs.size(); ++i)
    if (!same(a.runs[i], b.runs[i])) return false;
  return true;
}

bool same(const compose::Fill& a, const compose::Fill& b) {
  return same(a.rect, b.rect) && same(a.color, b.color) && same(a.radius, b.radius) &&
         a.is_ellipse == b.is_ellipse && a.is_background == b.is_background;
}
bool same(const compose::Outline& a, const compose::Outline& b) {
  return same(a.rect, b.rect) && same(a.color, b.color) && same(a.width, b.width) &&
         same(a.radius, b.radius);
}
bool same(const compose::Line& a, const compose::Line& b) {
  return same(a.from, b.from) && same(a.to, b.to) && same(a.thickness, b.thickness) &&
         same(a.color, b.color);
}
bool same(const compose::TextLine& a, const compose::TextLine& b) {
  if (!same(a.origin, b.origin) || !same(a.color, b.color) || a.paragraph != b.paragraph ||
      !same(a.where, b.where) || !a.glyphs != !b.glyphs)
    return false;
  // Lines set once and shared between compositions (compose's caches) are the same object.
  return a.glyphs == b.glyphs || !a.glyphs || same(*a.glyphs, *b.glyphs);
}
bool same(const compose::QrCode& a, const compose::QrCode& b) {
  return same(a.rect, b.rect) && a.modules == b.modules && a.dark == b.dark &&
         same(a.color, b.color) && same(a.where, b.where);
}
bool same(const compose::Image& a, const compose::Image& b) {
  return same(a.rect, b.rect) && a.file == b.file && same(a.pixel_width, b.pixel_width) &&
         same(a.pixel_height, b.pixel_height) && a.is_vector == b.is_vector &&
         same(a.origin, b.origin) && same(a.scale_x, b.scale_x) && same(a.scale_y, b.scale_y) &&
         a.frame == b.frame && same(a.where, b.where);
}
bool same(const compose::Link& a, const compose::Link& b) {
  return same(a.rect, b.rect) && a.uri == b.uri;
}

bool same(const compose::Item& a, const compose::Item& b) {
  if (a.index() != b.index()) return false;
  return std::visit([&b](const auto& x) { return same(x, std::get<std::decay_t<decltype(x)>>(b)); },
                    a);
}

bool same(const compose::Page& a, const compose::Page& b) {
  if (a.name != b.name || !same(a.geometry, b.geometry) || a.items.size() != b.items.size() ||
      a.folds.size() != b.folds.size() || a.varying != b.varying)
    return false;
  for (size_t i = 0; i < a.folds.size(); ++i)
    if (!same(a.folds[i], b.folds[i])) return false;
  for (size_t i = 0; i < a.items.size(); ++i)
    if (!same(a.items[i], b.items[i])) return false;
  return true;
}

bool same(const compose::Metadata& a, const compose::Metadata& b) {
  return a.title == b.title && a.author == b.author && a.subject == b.subject &&
         a.keywords == b.keywords && a.lang == b.lang;
}

/// The decoded images `composition` draws, in order (the image cache's objects: a file changed
/// on disk is decoded again, into a new object).
std::vector<std::shared_ptr<const ImageSource>> images_of(const compose::Composition& composition,
                                                          const core::Options& options) {
  std::vector<std::shared_ptr<const ImageSource>> images;
  for (const auto& page : composition.pages)
    for (const auto& item : page.items)
      if (const auto* image = std::get_if<compose::Image>(&item))
        images.push_back(load_image(image->file, options.limits));
  return images;
}

}  // namespace

Drawing::Drawing(const compose::Composition& composition, const core::Options& options)
    : composition_(composition), images_(images_of(composition, options)) {}

Drawing::~Drawing() = default;

bool Drawing::is_same(const compose::Composition& composition, const core::Options& options) const {
  const auto& a = composition_;
  const auto& b = composition;
  if (a.pages.size() != b.pages.size() || !same(a.metadata, b.metadata)) return false;
  for (size_t i = 0; i < a.pages.size(); ++i)
    if (!same(a.pages[i], b.pages[i])) return false;
  try {
    // Compared last: a stat of each image file, where the values above are only memory.
    return images_of(composition, options) == images_;
  } catch (const core::Failure&) {
    return false;  // drawing it will say what is wrong
  }
}

}  // namespace broadside::render
