// text_frame.cpp — a text frame: shaped once, fitted to its box when its size is a range,
// balanced when asked, and an error (never a clip) when it cannot fit.
#include <algorithm>
#include <sstream>

#include "compose/frames.hpp"
#include "compose/lines.hpp"
#include "text/fit.hpp"

namespace broadside::compose {

namespace {

/// The frame's paragraph, shaped on first use; nullptr when its text could not be made.
text::Paragraph* paragraph_for(const design::Frame& frame, const design::TextFrame& tf,
                               Context& ctx) {
  auto [it, inserted] = ctx.shaped.try_emplace(&frame);
  if (inserted) {
    if (auto rich = expand(tf.text, frame, ctx)) {
      it->second.push_back(
          ctx.typesetter.shape(*rich, paragraph_style(tf.style, ctx.document.lang)));
      report_coverage(*it->second.back(), tf.style, frame, ctx);
    }
  }
  return it->second.empty() ? nullptr : it->second.front().get();
}

text::FitRequest request_for(const design::Style& style, Pt width, Pt height) {
  text::FitRequest r;
  r.width = width;
  r.height = height;
  r.min_size = style.size.min;
  r.max_size = style.size.max;
  r.step = style.size.step;
  r.leading = style.leading;
  r.max_lines = style.max_lines;
  r.balance = style.balance;
  return r;
}

std::string words_and_lines(size_t words, int lines) {
  return std::to_string(words) + (words == 1 ? " word" : " words") + " (" + std::to_string(lines) +
         (lines == 1 ? " line)" : " lines)");
}

}  // namespace

Pt text_height(const design::Frame& frame, const design::TextFrame& tf, Pt width, Context& ctx) {
  text::Paragraph* p = paragraph_for(frame, tf, ctx);
  if (!p) return Pt{0};
  if (tf.style.size.is_range()) {
    const auto r = text::fit(*p, request_for(tf.style, width, Pt{0}));
    ctx.out.layout_passes += r.passes;
    return r.height;
  }
  p->set_size(tf.style.size.max);
  p->set_width(width);
  return text::block_metrics(*p, tf.style.leading).height;
}

Pt text_width(const design::Frame& frame, const design::TextFrame& tf, Context& ctx) {
  text::Paragraph* p = paragraph_for(frame, tf, ctx);
  if (!p) return Pt{0};
  p->set_size(tf.style.size.max);
  p->set_width(Pt{0});
  return p->max_line_width();
}

void place_text(const design::Frame& frame, const design::TextFrame& tf, const Rect& inner,
                Context& ctx) {
  if (!paragraph_for(frame, tf, ctx)) return;
  std::shared_ptr<text::Paragraph> p = std::move(ctx.shaped[&frame].front());
  ctx.shaped.erase(&frame);
  const design::Style& style = tf.style;

  int passes = 1, balance_passes = 0;
  if (style.size.is_range()) {
    const auto r = text::fit(*p, request_for(style, inner.width, inner.height));
    passes = r.passes;
    balance_passes = r.balance_passes;
    if (!r.fits) {
      ctx.error(frame,
                "the text does not fit even at " +
                    std::to_string(static_cast<int>(style.size.min.value)) + "pt: " + r.reason,
                "allow a smaller size or more lines, make the frame larger, or shorten the text");
      return;
    }
  } else {
    p->set_size(style.size.max);
    if (style.balance) {
      balance_passes = text::balance(*p, inner.width);
      passes += balance_passes;
    } else {
      p->set_width(inner.width);
    }
    // Whole lines the frame's height holds: none when padding leaves it no height at all.
    const int room = text::block_metrics(*p, style.leading).lines_in(inner.height);
    const int allowed = style.max_lines > 0 ? std::min(room, style.max_lines) : room;
    if (p->line_count() > allowed) {
      ctx.error(
          frame,
          words_and_lines(p->words_from_line(allowed), p->line_count() - allowed) + " do not fit",
          "make the frame larger, the size smaller, or shorten the text");
      return;
    }
  }
  if (p->max_line_width() > inner.width + Pt{0.01}) {
    ctx.error(frame,
              "a word is wider than the frame at " +
                  std::to_string(static_cast<int>(p->size().value)) + "pt",
              "make the frame wider or the size smaller");
    return;
  }
  ctx.out.layout_passes += passes;
  ctx.out.fits.push_back({frame.id, p->size(), p->line_count(), passes, balance_passes});

  const LineBox box = line_box(*p, style);
  const Pt height = box.height;
  Pt y = inner.y;
  if (frame.valign == core::VAlign::middle) y += (inner.height - height) / 2;
  if (frame.valign == core::VAlign::bottom) y += inner.height - height;
  const Pt x = inner.x + block_shift(style.align, inner.width, p->width(), ctx.rtl);
  emit_lines(*p, 0, p->line_count(), Point{x, y}, box, style.color, ++ctx.paragraphs, *ctx.page);
}

}  // namespace broadside::compose
