// glyph_run.hpp — a set line of text as plain data: glyph runs with their font, glyph ids and
// positions, the text they show and which glyphs show which bytes of it (so a PDF keeps its text
// layer), and the line's boxes. Made by text/ when composing ends; read by every backend.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "text/font_face.hpp"

namespace broadside::text {

/// One glyph, its origin relative to its run's origin (y down).
struct Glyph {
  std::uint32_t id = 0;
  core::Pt x, y;
};

/// `bytes` bytes of the run's text shown by `glyphs` glyphs (cairo_text_cluster_t's meaning).
struct TextCluster {
  int bytes = 0, glyphs = 0;
  friend bool operator==(const TextCluster&, const TextCluster&) = default;
};

/// A run of glyphs in one font and one direction.
struct GlyphRun {
  FontFace font;
  /// The run's origin relative to the line's origin (the left end of its baseline).
  core::Point origin;
  /// Only glyphs that draw something: no empty glyphs (default ignorables, line separators) and
  /// no missing ones (see GlyphLine::missing).
  std::vector<Glyph> glyphs;
  /// The UTF-8 text the run shows, and the clusters that cover it, in logical order, or from
  /// the end of the text when `is_backward` (right-to-left runs).
  std::string text;
  std::vector<TextCluster> clusters;
  bool is_backward = false;
  /// The union of the glyphs' ink (outline bounding boxes, from the font), relative to the
  /// line's origin; empty (zero size) when nothing is inked.
  core::Rect ink;
};

/// One line of a paragraph, set: its runs left to right, and its boxes. Immutable once made.
struct GlyphLine {
  std::vector<GlyphRun> runs;
  /// The line as a reader sees it (no soft hyphens or line separators), for messages.
  std::string text;
  /// The paragraph's type size.
  core::Pt size;
  /// The logical box: the advance width, and the fonts' ascent and descent at the baseline.
  core::Pt width, ascent, descent;
  /// The union of the runs' ink, relative to the line's origin: where paint really lands,
  /// accents and descenders included, for checks such as ink outside a frame or lines touching.
  /// Zero size for a line with no ink.
  core::Rect ink;
  /// The least distance from this line's baseline to the next line's of the same paragraph at
  /// which no glyph's ink meets the one below it, compared glyph over glyph; 0 for a paragraph's
  /// last line or when not measured.
  core::Pt ink_pitch;
  /// Characters set with no glyph (a font without them): never drawn, never a box. Composing
  /// reports them as errors.
  std::vector<char32_t> missing;
};

}  // namespace broadside::text
