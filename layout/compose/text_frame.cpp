// text_frame.cpp — a text frame: shaped once, fitted to its box when its size is a range,
// balanced when asked, and an error (never a clip) when it cannot fit.
#include <algorithm>
#include <sstream>

#include "compose/frames.hpp"
#include "compose/lines.hpp"
#include "text/fit.hpp"
#include "text/phrases.hpp"

namespace broadside::compose {

namespace {

/// A display line's trial settings, best first: each sentence on its own lines, breaks only
/// between phrases, between phrases and at hard hyphens, then breaks anywhere. A better one is
/// taken while it costs little size.
constexpr text::Phrasing kPhrasings[] = {text::Phrasing::sentences, text::Phrasing::phrases,
                                         text::Phrasing::phrases_and_hyphens,
                                         text::Phrasing::anywhere};
/// How much of the size each better setting may cost against the one chosen so far: phrase
/// breaks are worth a quarter of the size ("For / a socialist" reads worse than a smaller
/// headline), whole hyphenated words and sentence lines another 8 % each.
constexpr double kPhraseKeep = 0.75, kFinerKeep = 0.92;
/// One-word lines count in a display text of at least this many words (a three-word slogan
/// may well stand one word a line).
constexpr size_t kLoneWordMinWords = 4;
/// Sizes tried, as shares of the size found, to set a display text without one-word lines:
/// down to a tenth smaller: more leaves a tall frame visibly empty (booklet-a5 cover).
constexpr double kLoneWordShrinks[] = {0.95, 0.9};

/// The frame's paragraphs, shaped on first use: one, or for a balanced display line one per
/// phrasing in kPhrasings order (a headline without inner sentences skips the first). Empty
/// when its text could not be made.
std::vector<std::unique_ptr<text::Paragraph>>* paragraphs_for(const design::Frame& frame,
                                                              const design::TextFrame& tf,
                                                              Context& ctx) {
  auto [it, inserted] = ctx.shaped.try_emplace(&frame);
  if (inserted) {
    if (auto rich = expand(tf.text, frame, ctx)) {
      text::ParagraphStyle ps = paragraph_style(tf.style, ctx.document.lang);
      auto& out = it->second;
      if (tf.style.balance) {
        for (text::Phrasing phrasing : kPhrasings) {
          if (phrasing == text::Phrasing::sentences &&
              !text::has_inner_sentence_end(*rich, ps.lang))
            continue;
          ps.phrasing = phrasing;
          out.push_back(ctx.typesetter.shape(*rich, ps));
        }
      } else {
        out.push_back(ctx.typesetter.shape(*rich, ps));
      }
      // Coverage does not depend on where lines break: the last (plain) paragraph reports it.
      report_coverage(*out.back(), tf.style, frame, ctx);
    }
  }
  return it->second.empty() ? nullptr : &it->second;
}

text::Paragraph* paragraph_for(const design::Frame& frame, const design::TextFrame& tf,
                               Context& ctx) {
  auto* all = paragraphs_for(frame, tf, ctx);
  return all ? all->back().get() : nullptr;
}

text::FitRequest request_for(const design::Style& style, Pt width, Pt height) {
  text::FitRequest r;
  r.width = width;
  r.height = height;
  r.min_size = style.size.min;
  r.max_size = style.size.max_in(width);
  r.step = style.size.step;
  r.leading = style.leading;
  r.max_lines = style.max_lines;
  r.balance = style.balance;
  return r;
}

/// The frame's paragraphs fitted; the index of the best setting, and its fit with the passes
/// of all of them.
struct Choice {
  size_t index = 0;
  text::FitResult fit;
  bool fits() const { return fit.fits; }
};

/// Lines holding a single word in a display setting of several words: "Stop / all
/// anti-immigrant / raids!" reads as three shouts, not one.
int lone_word_lines(text::Paragraph& p) {
  const int lines = p.line_count();
  if (lines < 2 || p.words_from_line(0) < kLoneWordMinWords) return 0;
  int lone = 0;
  for (int i = 0; i < lines; ++i)
    if (p.words_from_line(i) - (i + 1 < lines ? p.words_from_line(i + 1) : 0) == 1) ++lone;
  return lone;
}

/// The best setting of `all` for `request`, as kPhrasings ranks them against their sizes.
Choice best_setting(std::vector<std::unique_ptr<text::Paragraph>>& all,
                    const text::FitRequest& request, int& passes, int& balance_passes) {
  const size_t n = all.size();
  // Only the setting taken is balanced (its balancing changes neither whether nor at what size
  // it fits): balancing them all cost most of a headline's layout passes.
  auto unbalanced = request;
  unbalanced.balance = false;
  Choice best{n - 1, text::fit(*all[n - 1], unbalanced)};
  passes += best.fit.passes;
  balance_passes += best.fit.balance_passes;
  for (size_t i = n - 1; i-- > 0;) {
    const auto r = text::fit(*all[i], unbalanced);
    passes += r.passes;
    balance_passes += r.balance_passes;
    const double keep = i + 2 == n ? kPhraseKeep : kFinerKeep;
    if (r.fits && (!best.fit.fits || r.size.value >= keep * best.fit.size.value)) best = {i, r};
  }
  if (request.balance && best.fit.fits) {
    const int before = best.fit.passes;
    best.fit = text::balance_fitted(*all[best.index], request, best.fit);
    passes += best.fit.passes - before;
    balance_passes += best.fit.balance_passes;
  }
  return best;
}

Choice choose_fit(std::vector<std::unique_ptr<text::Paragraph>>& all, const design::Style& style,
                  Pt width, Pt height) {
  auto request = request_for(style, width, height);
  int passes = 0, balance_passes = 0;
  Choice best = best_setting(all, request, passes, balance_passes);
  // A display setting with one-word lines gives up a little size for fuller lines; the chosen
  // paragraph is set again last, as the caller expects it.
  if (best.fit.fits && style.balance) {
    int lone = lone_word_lines(*all[best.index]);
    const Pt found = best.fit.size;
    bool changed = false;
    // The same setting only: fuller lines are not worth breaking inside a phrase.
    text::Paragraph& p = *all[best.index];
    for (double shrink : kLoneWordShrinks) {
      if (lone == 0) break;
      request.max_size = core::max(request.min_size, found * shrink);
      const auto r = text::fit(p, request);
      passes += r.passes;
      balance_passes += r.balance_passes;
      if (!r.fits) break;
      if (const int l = lone_word_lines(p); l < lone) {
        best.fit = r;
        lone = l;
        changed = true;
      }
      if (request.max_size <= request.min_size) break;
    }
    if (changed || lone > 0) {
      request.max_size = best.fit.size;
      best.fit = text::fit(*all[best.index], request);
      passes += best.fit.passes;
      balance_passes += best.fit.balance_passes;
    }
  }
  best.fit.passes = passes;
  best.fit.balance_passes = balance_passes;
  return best;
}

/// At a fixed size: the index of the best setting whose lines fit the frame, else of the plain
/// one; the layout passes spent are added to `passes`.
size_t choose_fixed(std::vector<std::unique_ptr<text::Paragraph>>& all, const design::Style& style,
                    const Rect& inner, int& passes, int& balance_passes) {
  for (size_t i = 0; i < all.size(); ++i) {
    text::Paragraph& p = *all[i];
    p.set_size(style.size.max);
    if (style.balance) {
      const int b = text::balance(p, inner.width);
      balance_passes += b;
      passes += b;
    } else {
      p.set_width(inner.width);
      ++passes;
    }
    const int room = text::block_metrics(p, style.leading).lines_in(inner.height);
    const int allowed = style.max_lines > 0 ? std::min(room, style.max_lines) : room;
    if (i + 1 == all.size() ||
        (p.line_count() <= allowed && p.max_line_width() <= inner.width + Pt{0.01}))
      return i;
  }
  return all.size() - 1;
}

std::string words_and_lines(size_t words, int lines) {
  return std::to_string(words) + (words == 1 ? " word" : " words") + " (" + std::to_string(lines) +
         (lines == 1 ? " line)" : " lines)");
}

}  // namespace

Pt text_height(const design::Frame& frame, const design::TextFrame& tf, Pt width, Context& ctx) {
  auto* all = paragraphs_for(frame, tf, ctx);
  if (!all) return Pt{0};
  if (tf.style.size.is_range()) {
    const auto choice = choose_fit(*all, tf.style, width, Pt{0});
    ctx.out.layout_passes += choice.fit.passes;
    return choice.fit.height;
  }
  text::Paragraph* p = all->back().get();
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
  auto* all = paragraphs_for(frame, tf, ctx);
  if (!all) return;
  const design::Style& style = tf.style;

  int passes = 1, balance_passes = 0;
  size_t chosen = all->size() - 1;
  if (style.size.is_range()) {
    const auto choice = choose_fit(*all, style, inner.width, inner.height);
    chosen = choice.index;
    passes = choice.fit.passes;
    balance_passes = choice.fit.balance_passes;
    if (!choice.fit.fits) {
      ctx.error(frame,
                "the text does not fit even at " +
                    std::to_string(static_cast<int>(style.size.min.value)) +
                    "pt: " + choice.fit.reason,
                "allow a smaller size or more lines, make the frame larger, or shorten the text");
      ctx.shaped.erase(&frame);
      return;
    }
  } else {
    chosen = choose_fixed(*all, style, inner, passes, balance_passes);
  }
  std::shared_ptr<text::Paragraph> p = std::move((*all)[chosen]);
  ctx.shaped.erase(&frame);
  if (!style.size.is_range()) {
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
