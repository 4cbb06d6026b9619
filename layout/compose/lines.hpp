// lines.hpp — putting lines of shaped paragraphs on the page: line boxes, links, coverage.
#pragma once

#include <memory>

#include "compose/context.hpp"

namespace broadside::compose {

/// Vertical metrics of a paragraph's lines (text::block_metrics: the CSS model, with lines
/// kept as far apart as their ink needs).
using LineBox = text::BlockMetrics;

LineBox line_box(text::Paragraph& paragraph, const design::Style& style);

/// Emits lines [first, first + count), set, with the first line box's top-left at `top_left`,
/// plus link areas for links on those lines. The lines are numbered as paragraph `number`.
void emit_lines(text::Paragraph& paragraph, int first, int count, Point top_left,
                const LineBox& box, const Color& color, int number, Page& page);

/// Reports characters the style's fonts do not cover (missing glyphs, silent substitutes).
void report_coverage(text::Paragraph& paragraph, const design::Style& style,
                     const design::Frame& frame, Context& ctx);

/// The same for several paragraphs of one style in one frame (a body's), each character and
/// each problem once for all of them.
void report_coverage(const std::vector<text::Paragraph*>& paragraphs, const design::Style& style,
                     const design::Frame& frame, Context& ctx);

/// What a frame could not hold, for its error: "140 words (16 lines) do not fit, from “The
/// cities targeted…”", quoting the start of the first line left out so the author finds it.
std::string left_out(size_t words, int lines, const std::string& first_line);

/// "U+25A0 '■'".
std::string describe_codepoint(char32_t c);

/// Horizontal shift of a block broken narrower than its frame (balanced text), by alignment;
/// `start` is the right side in right-to-left text.
Pt block_shift(core::Align align, Pt frame_width, Pt break_width, bool rtl);

}  // namespace broadside::compose
