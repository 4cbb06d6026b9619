// flow.cpp — chain building, the column filler, size search and repeat-page count.
#include "compose/flow.hpp"

#include <glib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "compose/frames.hpp"
#include "text/phrases.hpp"

namespace broadside::compose {

namespace {

struct Column {
  Rect rect;
  size_t page = 0;  // page number in the plan
  const design::Frame* frame = nullptr;
};

/// One body block with its style and its shaped paragraph.
struct Piece {
  const content::Block* block = nullptr;
  const design::Style* style = nullptr;
  std::unique_ptr<text::Paragraph> paragraph;
  /// Space above it at the style's largest size (dropped at a column's head): its style's
  /// space-before, or where a list or a quote begins or ends, kBlockGap.
  Pt space_before{0};
  /// The line pitch and the space around it at this multiple of its style's: more than 1 where
  /// the body is feathered to fill its last column (`feather`).
  double feather = 1.0;
  double leading() const { return style->leading * feather; }
};

/// The space, in body sizes, that sets a list or a block quote apart from the paragraphs around
/// it: half a line, so "1. Hold meetings" does not run on from the paragraph above.
constexpr double kBlockGap = 0.5;

/// Which kind of block run a block belongs to: paragraphs, a quote (and all it holds), a numbered
/// or a bulleted list, a section break, a table; a gap goes where one run meets another.
int block_run(const content::Block& b) {
  if (b.quoted) return 1;  // what a quote holds is one run with it
  switch (b.kind) {
    case content::BlockKind::quote:
      return 1;
    case content::BlockKind::list_item:
      return b.ordinal > 0 ? 2 : 3;
    case content::BlockKind::section_break:
      return 4;
    case content::BlockKind::table:
      return 5;
    default:
      return 0;
  }
}

struct Outcome {
  bool fits = true;
  size_t columns_used = 0;
  size_t words_left = 0;
  int lines_left = 0;
  std::string first_left;  // the first line that did not fit, for the error
  /// How far down the last column used the body ends.
  Pt last_column_filled{0};
  /// A line is wider than its column (a word that cannot break): a size search counts the size
  /// as not fitting, so a body with a range shrinks first; place_flow reports it when even the
  /// least size has one.
  bool too_wide = false;
};

/// How far a line's advance may pass its column's width: rounding, not a word that runs over.
constexpr Pt kColumnSlack{0.5};

const design::FlowFrame* flow_of(const design::Frame& f) {
  return std::get_if<design::FlowFrame>(&f.content);
}

/// The flow frames' columns for a page sequence, in reading order: by the frames' `order`,
/// then page and frame, and right to left in right-to-left text. Frames left out (when-set,
/// when-unset) take no part.
std::vector<Column> columns_for(const Context& ctx, const std::vector<size_t>& pages) {
  std::vector<Column> out;
  for (size_t n = 0; n < pages.size(); ++n) {
    for (const auto& frame : ctx.design.pages[pages[n]].frames) {
      const auto* flow = flow_of(frame);
      if (!flow || !frame.area || is_absent(frame, ctx)) continue;
      const Rect inner = placed_area(frame, ctx, n).inset(frame.box.padding);
      const int cols = std::max(1, flow->columns);
      const Pt width = (inner.width - flow->gutter * (cols - 1)) / cols;
      for (int i = 0; i < cols; ++i) {
        const int c = ctx.rtl ? cols - 1 - i : i;
        out.push_back(
            {Rect{inner.x + (width + flow->gutter) * c, inner.y, width, inner.height}, n, &frame});
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Column& a, const Column& b) {
    return flow_of(*a.frame)->order < flow_of(*b.frame)->order;
  });
  return out;
}

/// Whether a filling that runs out of columns counts the words and lines left over (for the
/// error message), or stops at once (a size search only asks whether the text fits; counting
/// would lay out every paragraph that did not fit).
enum class Leftover { count, ignore };

/// A style's size when the body is set at `scale` of its largest: in proportion, but never
/// below the style's own least size (a fixed `size: 6.5pt` stays 6.5pt; the read-more line
/// of a body shrunk to three quarters is not set at 4.9pt).
Pt scaled_size(const design::Style& s, double scale) {
  return core::max(s.size.min, s.size.max * scale);
}

class Filler {
 public:
  Filler(std::vector<Piece>& pieces, const std::vector<Column>& columns, double scale,
         FlowPlan* plan, Leftover leftover)
      : pieces_(pieces), columns_(columns), scale_(scale), plan_(plan), leftover_(leftover) {}

  Outcome run();

 private:
  bool next_column();
  void emit(Piece& piece, text::Paragraph& p, int first, int count, Pt top);
  int lines_that_fit(const text::BlockMetrics& block, Pt space_before) const;
  int heading_room_needed(size_t index);

  std::vector<Piece>& pieces_;
  const std::vector<Column>& columns_;
  double scale_;
  FlowPlan* plan_;
  Leftover leftover_;
  size_t col_ = 0;
  Pt y_{0};
  bool column_empty_ = true;
  /// The last line placed in the column (when it is not empty): its paragraph, index and
  /// baseline, and how far below the baseline its paragraph's deepest ink reaches.
  text::Paragraph* last_paragraph_ = nullptr;
  /// Keeps it alive when it is a paragraph's rest, which the next piece lets go of.
  std::shared_ptr<text::Paragraph> last_rest_;
  int last_line_ = 0;
  Pt last_baseline_{0}, last_ink_descent_{0};
  /// Paragraph split off a piece when it continues in a column of another width.
  std::shared_ptr<text::Paragraph> rest_;
  std::map<const text::Paragraph*, std::shared_ptr<text::Paragraph>> shared_;
};

bool Filler::next_column() {
  ++col_;
  column_empty_ = true;
  if (col_ >= columns_.size()) return false;
  y_ = columns_[col_].rect.y;
  return true;
}

int Filler::lines_that_fit(const text::BlockMetrics& block, Pt space_before) const {
  const Rect& r = columns_[col_].rect;
  return block.lines_in(r.bottom() - y_ - space_before);
}

void Filler::emit(Piece& piece, text::Paragraph& p, int first, int count, Pt top) {
  if (!plan_ || count <= 0) return;
  auto& shared = shared_[&p];
  if (!shared) {
    // The plan shares the paragraph with the page; it is not re-broken after this point.
    if (&p == piece.paragraph.get())
      shared = std::shared_ptr<text::Paragraph>(std::move(piece.paragraph));
    else
      shared = rest_;
  }
  const Column& c = columns_[col_];
  const LineBox box = text::block_metrics(*shared, piece.leading());
  plan_->lines[{c.page, c.frame}].push_back(
      {shared, first, count, Point{c.rect.x, top}, box, piece.style->color});
}

/// Lines a heading at `index` needs below it in the same column: its own lines plus the first
/// lines of the next block, so a heading never ends a column.
int Filler::heading_room_needed(size_t index) {
  const Piece& h = pieces_[index];
  int need = h.paragraph ? h.paragraph->line_count() : 0;
  if (index + 1 < pieces_.size() && pieces_[index + 1].paragraph) {
    const Piece& next = pieces_[index + 1];
    next.paragraph->set_width(columns_[col_].rect.width);
    const double ratio = text::block_metrics(*next.paragraph, next.leading()).pitch /
                         text::block_metrics(*h.paragraph, h.leading()).pitch;
    need += static_cast<int>(
        std::ceil(std::min(next.style->keep_lines, next.paragraph->line_count()) * ratio));
  }
  return need;
}

Outcome Filler::run() {
  Outcome out;
  if (columns_.empty()) return {false, 0, 0, 0};
  y_ = columns_[0].rect.y;
  for (size_t i = 0; i < pieces_.size(); ++i) {
    Piece& piece = pieces_[i];
    text::Paragraph* p = piece.paragraph.get();
    rest_.reset();
    p->set_width(columns_[col_].rect.width);
    // The placing pass looks at the lines themselves: lay them out before counting them, so
    // the count it places by is the one it draws.
    if (plan_) p->line(0);
    out.too_wide = out.too_wide || p->has_overfull_line(kColumnSlack);
    text::BlockMetrics block = text::block_metrics(*p, piece.leading());
    const int keep = std::max(1, piece.style->keep_lines);
    int placed = 0;
    bool first_part = true;
    while (placed < p->line_count()) {
      Pt before =
          (column_empty_ || !first_part) ? Pt{0} : piece.space_before * scale_ * piece.feather;
      // Each paragraph keeps its own ink inside its lines' pitch, but two paragraphs meet as
      // whole lines: a line of tall ink (Arabic, Devanagari in an English body) under one whose
      // descenders reach below its box would touch it. It goes as far down as that takes.
      // The paragraphs' deepest and tallest ink say whether it may; the two lines themselves
      // (laid out only then) say how far.
      if (!column_empty_ && first_part && last_paragraph_) {
        const Pt gap = p->size() * text::kInkClearance;
        const Pt baseline = y_ + before + block.baseline;
        if (baseline - block.ink_ascent < last_baseline_ + last_ink_descent_ + gap) {
          const Pt over = last_baseline_ + last_paragraph_->line(last_line_).ink_descent + gap -
                          (baseline - p->line(0).ink_ascent);
          if (over > Pt{0}) before += over;
        }
      }
      const int remaining = p->line_count() - placed;
      int k = std::min(remaining, lines_that_fit(block, before));
      if (piece.block->kind == content::BlockKind::heading && !column_empty_ &&
          lines_that_fit(block, before) < heading_room_needed(i))
        k = 0;
      if (k < remaining) {
        if (remaining - k < keep && k > 0) k = std::max(0, remaining - keep);  // widow
        if (placed == 0 && k < std::min(keep, remaining)) k = 0;               // orphan
        if (k == 0 && column_empty_)
          k = std::min(remaining, std::max(1, lines_that_fit(block, before)));
      }
      // The last line of a column never ends in a hyphen: the paragraph is broken again
      // without one there, and the lines counted anew.
      if (k > 0 && k < remaining && p->avoid_hyphen_at_line(placed + k - 1)) {
        if (plan_) p->line(0);
        block = text::block_metrics(*p, piece.leading());
        continue;
      }
      if (k > 0 && lines_that_fit(block, before) >= k) {
        emit(piece, *p, placed, k, y_ + before);
        last_paragraph_ = p;
        last_rest_ = p == rest_.get() ? rest_ : nullptr;
        last_line_ = placed + k - 1;
        last_baseline_ = y_ + before + block.baseline + block.pitch * (k - 1);
        last_ink_descent_ = block.ink_descent;
        // The next paragraph a pitch below (the grid stays even), or lower where tall stacks
        // would meet.
        y_ += before + block.advance_of(k);
        placed += k;
        column_empty_ = false;
        first_part = false;
      }
      if (placed >= p->line_count()) break;
      if (!next_column()) {
        out.fits = false;
        out.columns_used = columns_.size();
        if (leftover_ == Leftover::ignore) return out;
        out.words_left = p->words_from_line(placed);
        out.lines_left = p->line_count() - placed;
        out.first_left = p->line_text(placed);
        for (size_t j = i + 1; j < pieces_.size(); ++j) {
          out.words_left += pieces_[j].paragraph->word_count();
          pieces_[j].paragraph->set_width(columns_.back().rect.width);
          out.lines_left += pieces_[j].paragraph->line_count();
        }
        out.columns_used = columns_.size();
        return out;
      }
      if (columns_[col_].rect.width != p->width()) {
        // A column of another width: the rest of the paragraph is broken anew.
        rest_ = std::shared_ptr<text::Paragraph>(p->rest_from_line(placed));
        rest_->set_width(columns_[col_].rect.width);
        if (plan_) rest_->line(0);
        out.too_wide = out.too_wide || rest_->has_overfull_line(kColumnSlack);
        p = rest_.get();
        block = text::block_metrics(*p, piece.leading());
        placed = 0;
      }
    }
    y_ += piece.style->space_after * scale_ * piece.feather;
  }
  out.columns_used = col_ + 1;
  out.last_column_filled = y_ - columns_[col_].rect.y;
  return out;
}

}  // namespace

namespace {

/// The frame that starts the chain (its style sets the body, its place names the body's
/// diagnostics): the first flow frame in reading order that is not left out.
const design::Frame* first_flow_frame(const Context& ctx) {
  const design::Frame* first = nullptr;
  for (const auto& page : ctx.design.pages)
    for (const auto& frame : page.frames)
      if (flow_of(frame) && !is_absent(frame, ctx) &&
          (!first || flow_of(frame)->order < flow_of(*first)->order))
        first = &frame;
  return first;
}

const design::Style& style_for(const design::FlowFrame& flow, const content::Block& block) {
  if (block.kind == content::BlockKind::heading) return flow.heading_style;
  if (block.kind == content::BlockKind::quote || block.quoted) return flow.quote_style;
  return flow.style;
}

/// One body block shaped in its style, after `previous` (none for the first): its own text, or
/// `text` in its place (an excerpt's last paragraph cut at a sentence's end).
Piece shape_block(const design::FlowFrame& flow, const content::Block& block,
                  const content::Block* previous, Context& ctx,
                  const core::RichText* text = nullptr) {
  const design::Style& style = style_for(flow, block);
  text::ParagraphStyle ps = paragraph_style(style, ctx.document.lang);
  core::RichText rich = text ? *text : block.text;
  const bool follows_paragraph = previous && previous->kind == content::BlockKind::paragraph;
  if (block.kind != content::BlockKind::paragraph || !follows_paragraph) ps.indent = Pt{0};
  if (block.kind == content::BlockKind::list_item) {
    // A hanging indent: the marker sits in the margin the following lines keep. A nested item
    // goes one em further in per level (em spaces: justification never widens them), so its
    // marker stands under its parent's text; a dash tells its bullet from its parent's.
    const int depth = std::max(block.level, 1);
    std::string marker;
    for (int level = 1; level < depth; ++level) marker += "\u2003";
    if (block.ordinal > 0)
      marker += std::to_string(block.ordinal) + ".\u2002";
    else
      marker += depth > 1 ? "\u2013\u2002" : "\u2022\u2002";
    core::RichText marked = core::RichText::plain(std::move(marker));
    marked.append(rich);
    rich = std::move(marked);
    ps.indent = -(style.size.max * (0.9 + (depth - 1)));
  } else if (block.kind == content::BlockKind::section_break) {
    // A dinkus: asterisks are in every body face, as an asterism (⁂) is not.
    rich = core::RichText::plain("*\u2003*\u2003*");
    ps.align = core::Align::center;
  } else if (block.kind == content::BlockKind::table && ps.align == core::Align::justify) {
    // Rows are not prose: spread to the column, "Line | Fare" would fall apart.
    ps.align = core::Align::start;
  }
  Piece piece{&block, &style, ctx.typesetter.shape(rich, ps), style.space_before};
  if (previous && block.kind != content::BlockKind::heading &&
      previous->kind != content::BlockKind::heading && block_run(block) != block_run(*previous))
    piece.space_before = core::max(piece.space_before, flow.style.size.max * kBlockGap -
                                                           style_for(flow, *previous).space_after);
  return piece;
}

/// Shapes every body block once; later passes only change size and width.
std::vector<Piece> shape_body(const design::Frame& frame, const design::FlowFrame& flow,
                              Context& ctx) {
  std::vector<Piece> pieces;
  const content::Block* previous = nullptr;
  int paragraphs = 0;
  for (const auto& block : ctx.document.body) {
    if (flow.paragraphs > 0 && paragraphs >= flow.paragraphs) break;
    if (block.kind == content::BlockKind::paragraph) ++paragraphs;
    pieces.push_back(shape_block(flow, block, previous, ctx));
    previous = &block;
  }
  // Each style's problems once for the whole body: a Chinese statement in a Latin style is one
  // error, not one per paragraph.
  std::vector<const design::Style*> styles;
  for (const auto& piece : pieces)
    if (std::find(styles.begin(), styles.end(), piece.style) == styles.end())
      styles.push_back(piece.style);
  for (const design::Style* style : styles) {
    std::vector<text::Paragraph*> paragraphs;
    for (const auto& piece : pieces)
      if (piece.style == style) paragraphs.push_back(piece.paragraph.get());
    report_coverage(paragraphs, *style, frame, ctx);
  }
  return pieces;
}

Outcome attempt(std::vector<Piece>& pieces, const std::vector<Column>& columns, double scale,
                FlowPlan* plan, Context& ctx, Leftover leftover = Leftover::count) {
  for (auto& piece : pieces) piece.paragraph->set_size(scaled_size(*piece.style, scale));
  ctx.out.layout_passes += static_cast<int>(pieces.size());
  return Filler(pieces, columns, scale, plan, leftover).run();
}

/// Page sequence with the repeated template (if any) appearing `k` times in its place.
std::vector<size_t> page_sequence(const design::Design& design, size_t k) {
  std::vector<size_t> pages;
  for (size_t t = 0; t < design.pages.size(); ++t) {
    if (!design.pages[t].repeat)
      pages.push_back(t);
    else
      pages.insert(pages.end(), k, t);
  }
  return pages;
}

/// The largest scale of the flow style's size range at which the body fits `columns`; 0 when
/// even the smallest does not.
double largest_fitting_scale(std::vector<Piece>& pieces, const std::vector<Column>& columns,
                             const design::Style& style, Context& ctx) {
  const Pt step = style.size.step.value > 0 ? style.size.step : Pt{0.5};
  const int steps =
      style.size.is_range()
          ? static_cast<int>(std::floor((style.size.max - style.size.min) / step + 1e-9))
          : 0;
  auto scale_at = [&](int i) {
    return (i >= steps ? style.size.min : style.size.max - step * i) / style.size.max;
  };
  auto fits = [&](int i) {
    const Outcome o = attempt(pieces, columns, scale_at(i), nullptr, ctx, Leftover::ignore);
    return o.fits && !o.too_wide;
  };
  if (fits(0)) return 1.0;
  if (steps == 0 || !fits(steps)) return 0.0;
  int lo = 0, hi = steps;
  while (hi - lo > 1) {
    const int mid = (lo + hi) / 2;
    (fits(mid) ? hi : lo) = mid;
  }
  return scale_at(hi);
}

/// Whether two columns belong to the same frame on the same page.
bool same_frame(const Column& a, const Column& b) {
  return a.frame == b.frame && a.page == b.page;
}

/// Whether a column may end level with the others of its group: its frame asks for it.
bool balances(const Column& c) {
  return flow_of(*c.frame)->balance_columns;
}

/// Precision of balanced columns' height: well under a line.
constexpr Pt kBalanceStep{0.5};

/// `columns` with those where the body ends made as short as the body allows without running
/// on past them, so that they end level, as deep as each other from their own tops: the
/// columns of the frame where it ends, or, where it would leave a frame blank, of the frames
/// side by side on that page that it fills one after another (a trifold's inside panels); each
/// of them must ask for it (balance-columns). A short body then takes the top of every column
/// instead of one column's worth and empty ones beside it. A body that leaves its last column
/// more than half full keeps the frames' full height: the columns then end at their foot, the
/// last a little short, as in any newspaper, rather than all of them short of it.
std::vector<Column> balanced(std::vector<Piece>& pieces, std::vector<Column> columns, double scale,
                             Context& ctx) {
  const Outcome o = attempt(pieces, columns, scale, nullptr, ctx, Leftover::ignore);
  if (!o.fits || o.columns_used == 0 || o.columns_used > columns.size()) return columns;
  const size_t last = o.columns_used - 1;
  // Side by side: on the same page, across the same heights (a frame above or below another
  // is read after it, not beside it).
  auto in_group = [&](size_t i) {
    const Rect& a = columns[i].rect;
    const Rect& b = columns[last].rect;
    return columns[i].page == columns[last].page && balances(columns[i]) && a.y < b.bottom() &&
           b.y < a.bottom();
  };
  if (!in_group(last)) return columns;
  size_t begin = last, end = last + 1;
  while (begin > 0 && in_group(begin - 1)) --begin;
  while (end < columns.size() && in_group(end)) ++end;
  // Frames side by side share the body only where one would be left blank: a body that
  // reaches the last of them reads on from full columns, and only that frame's columns end
  // level.
  if (columns[end - 1].frame == columns[last].frame) {
    while (begin < last && !same_frame(columns[begin], columns[last])) ++begin;
  }
  if (end - begin < 2) return columns;
  Pt capacity{0}, filled{0}, full{0};
  for (size_t i = begin; i < end; ++i) {
    capacity += columns[i].rect.height;
    if (i < last) filled += columns[i].rect.height;
    full = core::max(full, columns[i].rect.height);
  }
  filled += o.last_column_filled;
  // The last column would be more than half full: no trials (they cost a layout).
  if (filled > capacity - columns[last].rect.height * 0.5) return columns;
  // The trials below end columns at other lines, and a paragraph broken again so that a
  // column does not end in a hyphen keeps that at its width: forget it after them.
  struct Forget {
    std::vector<Piece>& pieces;
    ~Forget() {
      for (auto& piece : pieces) piece.paragraph->set_width(Pt{0});
    }
  } forget{pieces};
  // The columns up to the group's last: the body may not run on past it.
  std::vector<Column> trial(columns.begin(), columns.begin() + static_cast<std::ptrdiff_t>(end));
  auto cut_to = [&](std::vector<Column>& cols, Pt height) {
    for (size_t i = begin; i < end; ++i)
      cols[i].rect.height = core::min(columns[i].rect.height, height);
  };
  auto fits_at = [&](Pt height) {
    cut_to(trial, height);
    return attempt(pieces, trial, scale, nullptr, ctx, Leftover::ignore).fits;
  };
  // Columns this tall hold what fills all but half the last one.
  const double n = static_cast<double>(end - begin);
  const Pt half_empty_last = full * ((n - 0.5) / n);
  if (!fits_at(half_empty_last)) return columns;
  Pt lo{0}, hi = half_empty_last;  // lo does not fit (or is nothing), hi fits
  while (hi - lo > kBalanceStep) {
    const Pt mid = (lo + hi) / 2;
    (fits_at(mid) ? hi : lo) = mid;
  }
  cut_to(columns, hi);
  return columns;
}

/// A body that leaves this many of its design's columns blank, and half of them or more, is
/// noted: one column of two left empty may be a designer's choice, a trifold's three inside
/// panels of four hardly.
constexpr size_t kEmptyColumnsNoted = 2;

/// The least share of a page's column height a body spread over pages fills on each.
constexpr double kLeastSpread = 0.25;

/// `columns` with those of the pages added for the body (`added`: a page's place in the plan is
/// one) cut to one height, as short as the body allows while still ending on the last of them,
/// when at its size it would leave the last added page blank or less than half full: a booklet
/// padded to a multiple of four pages otherwise shows an empty inside page, or two lines alone on
/// one (a Thai or Tamil statement on booklet-a5), where now the pages end level.
std::vector<Column> spread_over_pages(std::vector<Piece>& pieces, std::vector<Column> columns,
                                      double scale, const std::vector<bool>& added, Context& ctx) {
  auto is_added = [&](const Column& c) { return c.page < added.size() && added[c.page]; };
  if (columns.empty() || !is_added(columns.back())) return columns;
  size_t first = columns.size();
  for (size_t i = columns.size(); i-- > 0 && is_added(columns[i]);) first = i;
  // Pages of their own only: a page of several added ones that the body fills ends level anyway.
  if (columns[first].page == columns.back().page) return columns;
  const Outcome o = attempt(pieces, columns, scale, nullptr, ctx, Leftover::ignore);
  if (!o.fits || o.columns_used == 0) return columns;
  const Column& last = columns.back();
  const bool ends_on_last_page = columns[o.columns_used - 1].page == last.page;
  if (ends_on_last_page &&
      (o.columns_used < columns.size() || o.last_column_filled > last.rect.height * 0.5))
    return columns;
  Pt full{0};
  for (size_t i = first; i < columns.size(); ++i) full = core::max(full, columns[i].rect.height);
  std::vector<Column> trial = columns;
  auto fits_at = [&](Pt height) {
    for (size_t i = first; i < columns.size(); ++i)
      trial[i].rect.height = core::min(columns[i].rect.height, height);
    return attempt(pieces, trial, scale, nullptr, ctx, Leftover::ignore).fits;
  };
  // The trials end columns at other lines, and a paragraph broken again so that a column does
  // not end in a hyphen keeps that at its width: forget it after them.
  struct Forget {
    std::vector<Piece>& pieces;
    ~Forget() {
      for (auto& piece : pieces) piece.paragraph->set_width(Pt{0});
    }
  } forget{pieces};
  Pt lo{0}, hi = full;  // lo does not fit (or is nothing), hi fits
  while (hi - lo > kBalanceStep) {
    const Pt mid = (lo + hi) / 2;
    (fits_at(mid) ? hi : lo) = mid;
  }
  // A body of a few lines stays on its first page: spread, it would be a line or two a page.
  if (hi < full * kLeastSpread) return columns;
  fits_at(hi);
  return trial;
}

/// The read-more line a flow ends an excerpt with, shaped in its style; no paragraph when the
/// flow has none or its text cannot be filled in (the error is then reported).
Piece read_more_piece(const design::Frame& frame, const design::FlowFrame& flow,
                      const content::Block& block, Context& ctx) {
  Piece piece{&block, &flow.read_more_style, nullptr, flow.read_more_style.space_before};
  if (!flow.read_more) return piece;
  const auto text = expand(*flow.read_more, frame, ctx);
  if (!text) return piece;
  text::ParagraphStyle ps = paragraph_style(flow.read_more_style, ctx.document.lang);
  ps.indent = Pt{0};
  piece.paragraph = ctx.typesetter.shape(*text, ps);
  report_coverage(*piece.paragraph, flow.read_more_style, frame, ctx);
  return piece;
}

/// Whether the first `n` blocks and then `more` fit `columns` at `scale`; the pieces are
/// handed back as they were.
bool excerpt_fits(std::vector<Piece>& pieces, size_t n, Piece& more,
                  const std::vector<Column>& columns, double scale, Context& ctx) {
  std::vector<Piece> trial;
  for (size_t i = 0; i < n; ++i) trial.push_back(std::move(pieces[i]));
  trial.push_back(std::move(more));
  const bool fits = attempt(trial, columns, scale, nullptr, ctx, Leftover::ignore).fits;
  for (size_t i = 0; i < n; ++i) pieces[i] = std::move(trial[i]);
  more = std::move(trial[n]);
  return fits;
}

/// The most blocks an excerpt can take at `scale` and still end at a paragraph (never at a
/// heading or a section break) with the read-more line after it; 0 when not even the first
/// paragraph fits.
size_t excerpt_length(std::vector<Piece>& pieces, Piece& more, const std::vector<Column>& columns,
                      double scale, Context& ctx) {
  // Fewer blocks never need more room: the longest excerpt that fits is found by bisection.
  size_t lo = 0, hi = pieces.size();  // lo fits (or is 0); hi does not
  while (hi - lo > 1) {
    const size_t mid = (lo + hi) / 2;
    (excerpt_fits(pieces, mid, more, columns, scale, ctx) ? lo : hi) = mid;
  }
  // A heading belongs to what follows it, and a section break ("* * *") promises more.
  while (lo > 0 && (pieces[lo - 1].block->kind == content::BlockKind::heading ||
                    pieces[lo - 1].block->kind == content::BlockKind::section_break))
    --lo;
  return lo;
}

/// An excerpt (its paragraphs, then the read-more line) set ragged, ended as many paragraphs
/// sooner as ragged lines need, at the largest scale it then fits: false, and everything as it
/// was, when not even its first paragraph fits ragged. `left_out` takes what the excerpt drops.
bool shorter_ragged_excerpt(std::vector<Piece>& pieces, std::vector<Piece>& left_out,
                            const std::vector<Column>& columns, const design::Style& style,
                            double& scale, Context& ctx) {
  Piece more = std::move(pieces.back());
  pieces.pop_back();
  const size_t was = pieces.size();
  for (auto& piece : left_out) pieces.push_back(std::move(piece));
  left_out.clear();
  for (auto& piece : pieces) piece.paragraph->set_ragged(true);
  const double smallest = style.size.min / style.size.max;
  const size_t n = excerpt_length(pieces, more, columns, smallest, ctx);
  const size_t keep = n > 0 ? n : was;
  for (size_t i = keep; i < pieces.size(); ++i) left_out.push_back(std::move(pieces[i]));
  pieces.resize(keep);
  pieces.push_back(std::move(more));
  if (n == 0) return false;
  scale = std::max(smallest, largest_fitting_scale(pieces, columns, style, ctx));
  return true;
}

/// The excerpt `pieces` (its paragraphs, then the read-more line) with the first sentences of
/// `next`, the paragraph it stops before, set after its last paragraph: as many as fit at
/// `scale`, the paragraph cut at a sentence's end. A column left a third empty under an excerpt
/// reads as a mistake; a paragraph ended at a full stop before the read-more line reads as an
/// excerpt. How many sentences it took (0: none fit, and `pieces` are as they were).
size_t add_sentences(std::vector<Piece>& pieces, const Piece& next,
                     const std::vector<Column>& columns, double scale,
                     const design::FlowFrame& flow, Context& ctx) {
  if (pieces.empty() || next.block->kind != content::BlockKind::paragraph) return 0;
  const std::vector<size_t> ends = text::sentence_ends(next.block->text.text);
  if (ends.empty()) return 0;
  // A flow is justified or ragged as a whole: the cut paragraph is set as the others are.
  bool ragged = false;
  for (auto& piece : pieces)
    if (piece.style->align == core::Align::justify && piece.paragraph->is_ragged()) ragged = true;
  const content::Block* previous = pieces.size() >= 2 ? pieces[pieces.size() - 2].block : nullptr;
  auto fits = [&](size_t sentences) {
    const core::RichText text = next.block->text.prefix(ends[sentences - 1]);
    Piece cut = shape_block(flow, *next.block, previous, ctx, &text);
    cut.paragraph->set_ragged(ragged);
    pieces.insert(pieces.end() - 1, std::move(cut));
    const bool fit = attempt(pieces, columns, scale, nullptr, ctx, Leftover::ignore).fits &&
                     (ragged || next.style->align != core::Align::justify ||
                      !pieces[pieces.size() - 2].paragraph->is_ragged());
    pieces.erase(pieces.end() - 2);
    return fit;
  };
  // Fewer sentences never need more room.
  size_t lo = 0, hi = ends.size() + 1;  // lo fit (or is none), hi do not
  while (hi - lo > 1) {
    const size_t mid = (lo + hi) / 2;
    (fits(mid) ? lo : hi) = mid;
  }
  if (lo == 0) return 0;
  const core::RichText text = next.block->text.prefix(ends[lo - 1]);
  Piece cut = shape_block(flow, *next.block, previous, ctx, &text);
  cut.paragraph->set_ragged(ragged);
  pieces.insert(pieces.end() - 1, std::move(cut));
  return lo;
}

size_t paragraph_count(const std::vector<Piece>& pieces) {
  size_t n = 0;
  for (const auto& piece : pieces) n += piece.block->kind == content::BlockKind::paragraph;
  return n;
}

/// A body of the design's first paragraphs, set ragged, with as few of its last paragraphs
/// dropped as it then needs to fit, at the largest scale it fits: false, and every piece kept,
/// when not even the first paragraph fits.
bool fewer_ragged_paragraphs(std::vector<Piece>& pieces, const std::vector<Column>& columns,
                             const design::Style& style, double& scale, Context& ctx,
                             bool ends_with_read_more) {
  // The read-more line stays last, under whatever paragraphs are kept.
  std::vector<Piece> more;
  if (ends_with_read_more) {
    more.push_back(std::move(pieces.back()));
    pieces.pop_back();
  }
  auto with_more = [&](auto&& f) {
    for (auto& piece : more) pieces.push_back(std::move(piece));
    const auto result = f();
    for (auto& piece : more) {
      piece = std::move(pieces.back());
      pieces.pop_back();
    }
    return result;
  };
  std::vector<Piece> dropped;  // last first
  bool fewer = false;
  while (!fewer && paragraph_count(pieces) > 1) {
    // A body never ends on a heading: it goes with the paragraph after it.
    do {
      dropped.push_back(std::move(pieces.back()));
      pieces.pop_back();
    } while (!pieces.empty() && pieces.back().block->kind == content::BlockKind::heading);
    if (paragraph_count(pieces) == 0) break;
    const double fitting =
        with_more([&] { return largest_fitting_scale(pieces, columns, style, ctx); });
    if (fitting > 0) {
      scale = fitting;
      fewer = true;
    }
  }
  while (!fewer && !dropped.empty()) {
    pieces.push_back(std::move(dropped.back()));
    dropped.pop_back();
  }
  for (auto& piece : more) pieces.push_back(std::move(piece));
  return fewer;
}

/// Steps of its size range a justified body may give up so that every paragraph justifies.
constexpr int kJustifySteps = 2;

/// Why a justified body, as last laid out, is better set ragged as a whole.
enum class RaggedBecause { nothing, a_paragraph, loose_spaces };

RaggedBecause ragged_because(std::vector<Piece>& pieces) {
  text::JustifiedSpaces spaces;
  bool ragged_paragraph = false;
  for (auto& piece : pieces) {
    if (piece.style->align != core::Align::justify) continue;
    // A paragraph justified only by loose letter spacing counts as one that could not be: a
    // size at which it needs none is tried first, and the body set ragged where that fits.
    ragged_paragraph =
        ragged_paragraph || piece.paragraph->is_ragged() || piece.paragraph->is_loosely_justified();
    spaces += piece.paragraph->justified_spaces();
  }
  // Loose spaces all through the body (#14: gaps within half an em at the 95th percentile).
  if (spaces.is_too_loose()) return RaggedBecause::loose_spaces;
  return ragged_paragraph ? RaggedBecause::a_paragraph : RaggedBecause::nothing;
}

/// The largest scale up to kJustifySteps below `scale`, within the style's range, at which the
/// body fits and every paragraph justifies; 0 when there is none.
double justified_scale(std::vector<Piece>& pieces, const std::vector<Column>& columns,
                       const design::Style& style, double scale, Context& ctx) {
  if (!style.size.is_range()) return 0;
  const Pt step = style.size.step.value > 0 ? style.size.step : Pt{0.5};
  for (int i = 1; i <= kJustifySteps; ++i) {
    const Pt size = style.size.max * scale - step * i;
    if (size < style.size.min - Pt{0.001}) break;
    const double smaller = size / style.size.max;
    if (attempt(pieces, columns, smaller, nullptr, ctx, Leftover::ignore).fits &&
        ragged_because(pieces) == RaggedBecause::nothing)
      return smaller;
  }
  return 0;
}

/// The most a body's line pitch, and the space between its blocks, may grow to fill its
/// columns: a tenth, looser than the design's leading but not so loose that lines float apart.
constexpr double kMostFeather = 1.1;

/// Precision of the feathering: a hundredth of the pitch.
constexpr double kFeatherStep = 0.01;

/// Feathers a body set below its largest size: its line pitch and the space between its blocks
/// grow, up to kMostFeather, as far as it still fits `columns`, so that it ends at the foot of
/// its last column. A step of size is a jump (the next one may not fit, or not justify: the
/// English trifold justifies at 9.75pt, not at 10pt, and left 64mm of its last panel empty);
/// leading moves by hundredths. A body at its largest size is left as it is: it is short, not
/// quantized, and its columns are balanced instead.
void feather(std::vector<Piece>& pieces, const std::vector<Column>& columns, double scale,
             Context& ctx) {
  auto fits = [&](double f) {
    for (auto& piece : pieces) piece.feather = f;
    return attempt(pieces, columns, scale, nullptr, ctx, Leftover::ignore).fits;
  };
  // The trials end columns at other lines, and a paragraph broken again so that a column does
  // not end in a hyphen keeps that at its width: forget it after them.
  const auto forget = [&] {
    for (auto& piece : pieces) piece.paragraph->set_width(Pt{0});
  };
  if (fits(kMostFeather)) {
    forget();
    return;
  }
  double lo = 1.0, hi = kMostFeather;  // lo fits, hi does not
  while (hi - lo > kFeatherStep) {
    const double mid = (lo + hi) / 2;
    (fits(mid) ? lo : hi) = mid;
  }
  for (auto& piece : pieces) piece.feather = lo;
  forget();
}

}  // namespace

FlowPlan plan_flow(Context& ctx) {
  const design::Design& design = ctx.design;
  FlowPlan plan;
  plan.pages = page_sequence(design, 0);
  const design::Frame* first = first_flow_frame(ctx);
  size_t repeats = 0;
  for (const auto& page : design.pages) repeats += page.repeat ? 1 : 0;
  if (repeats > 1) ctx.diags.error(design.pages.back().where, "only one page may repeat");
  if (!first || repeats > 1 || ctx.document.body.empty()) return plan;
  const design::FlowFrame& flow = *flow_of(*first);
  if (flow.source != "body") {
    ctx.error(*first, "unknown flow source '" + flow.source + "'",
              "the statement's body is 'body'");
    return plan;
  }

  const int passes_before = ctx.out.layout_passes;
  std::vector<Piece> pieces = shape_body(*first, flow, ctx);
  // An excerpt's paragraphs left out, and how many the whole body has (0: no excerpt).
  std::vector<Piece> left_out;
  size_t excerpt_of = 0;
  const content::Block read_more_block;  // the read-more line's place in an excerpt
  // The excerpt the design asks for (its first paragraphs) ends with the read-more line, right
  // under its last paragraph, when the body has more than it takes: a line at a fixed place
  // floats below a short excerpt (a Chinese one ends a third of the column higher).
  bool designed_excerpt = false;
  if (flow.paragraphs > 0 && flow.read_more &&
      std::count_if(ctx.document.body.begin(), ctx.document.body.end(), [](const auto& b) {
        return b.kind == content::BlockKind::paragraph;
      }) > flow.paragraphs) {
    Piece more = read_more_piece(*first, flow, read_more_block, ctx);
    designed_excerpt = more.paragraph != nullptr;
    if (designed_excerpt) pieces.push_back(std::move(more));
  }
  double scale = largest_fitting_scale(pieces, columns_for(ctx, plan.pages), flow.style, ctx);
  size_t k = 0;
  size_t sentences = 0;  // of the paragraph after an excerpt's last, set to end it
  if (scale == 0.0) {
    // Not even at the least size: the design's excerpt is cut shorter, its read-more line set
    // again after what fits.
    if (designed_excerpt) pieces.pop_back();
    designed_excerpt = false;
    scale = flow.style.size.min / flow.style.size.max;
    const size_t base = plan.pages.size();
    const size_t limit = design.max_pages > static_cast<int>(base) ? design.max_pages - base : 0;
    const auto columns = columns_for(ctx, page_sequence(design, repeats ? limit : 0));
    // What did not fit is counted only for the error: a flow with a read-more line first sets
    // an excerpt, and counts only when not even that fits.
    Outcome o = attempt(pieces, columns, scale, nullptr, ctx,
                        flow.read_more ? Leftover::ignore : Leftover::count);
    if (!o.fits && flow.read_more) {
      // The design's excerpt: the whole paragraphs that fit at the smallest size, then the
      // line saying where the rest is, set as large as that excerpt allows.
      Piece more = read_more_piece(*first, flow, read_more_block, ctx);
      if (!more.paragraph) return plan;
      const size_t n = excerpt_length(pieces, more, columns, scale, ctx);
      if (n > 0) {
        excerpt_of = pieces.size();
        for (size_t i = n; i < pieces.size(); ++i) left_out.push_back(std::move(pieces[i]));
        pieces.resize(n);
        pieces.push_back(std::move(more));
        scale = std::max(scale, largest_fitting_scale(pieces, columns, flow.style, ctx));
        o = attempt(pieces, columns, scale, nullptr, ctx);
      } else if (pieces.front().block->kind == content::BlockKind::paragraph) {
        // Not even the first paragraph fits (a statement pasted as one long paragraph): its
        // first sentences, as many as fit at the least size, then the read-more line.
        std::vector<Piece> all = std::move(pieces);
        pieces.clear();
        pieces.push_back(std::move(more));
        sentences = add_sentences(pieces, all.front(), columns, scale, flow, ctx);
        if (sentences > 0) {
          excerpt_of = all.size();
          left_out = std::move(all);
        } else {
          pieces = std::move(all);
        }
        o = attempt(pieces, columns, scale, nullptr, ctx);
      } else {
        o = attempt(pieces, columns, scale, nullptr, ctx);
      }
    }
    if (!o.fits) {
      ctx.error(*first, compose::left_out(o.words_left, o.lines_left, o.first_left),
                repeats ? "the design allows at most " + std::to_string(design.max_pages) +
                              (design.max_pages == 1 ? " page" : " pages") +
                              "; raise max-pages, or shorten the text"
                        : "allow more pages, a smaller size, or shorten the text");
      return plan;
    }
    // Repeated pages needed: enough for the columns the text used beyond the fixed pages.
    for (k = 0; k <= limit; ++k) {
      if (columns_for(ctx, page_sequence(design, k)).size() >= o.columns_used) break;
    }
    plan.pages = page_sequence(design, k);
  }
  // A booklet's pages come in sheets of four: more repeated pages.
  if (repeats && design.page_multiple > 1) {
    const size_t multiple = static_cast<size_t>(design.page_multiple);
    if (plan.pages.size() % multiple != 0) {
      const size_t padded = k + multiple - plan.pages.size() % multiple;
      if (page_sequence(design, padded).size() > static_cast<size_t>(design.max_pages)) {
        ctx.error(*first,
                  "the statement needs " + std::to_string(plan.pages.size()) +
                      " pages, and the next multiple of " + std::to_string(multiple) +
                      " is more than the design's max-pages",
                  "raise max-pages, or shorten the text");
        return plan;
      }
      k = padded;
      plan.pages = page_sequence(design, k);
    }
  }
  // Pages added for the body: it is set as large as its range allows to fill them, rather than
  // at its least size with a last page nearly empty or, in a booklet, blank pages at the end.
  if (k > 0)
    scale = std::max(scale,
                     largest_fitting_scale(pieces, columns_for(ctx, plan.pages), flow.style, ctx));
  const auto columns = columns_for(ctx, plan.pages);
  // A flow is justified or ragged as a whole: when a paragraph cannot be justified at the size
  // chosen, every paragraph is set ragged, as long as the body still fits so.
  const RaggedBecause because =
      flow.style.align == core::Align::justify &&
              attempt(pieces, columns, scale, nullptr, ctx, Leftover::ignore).fits
          ? ragged_because(pieces)
          : RaggedBecause::nothing;
  bool said_ragged = because == RaggedBecause::nothing;  // or nothing to say
  if (because != RaggedBecause::nothing) {
    for (auto& piece : pieces) piece.paragraph->set_ragged(true);
    const bool ragged_fits = attempt(pieces, columns, scale, nullptr, ctx, Leftover::ignore).fits;
    if (ragged_fits) {
      // Rather than a whole body ragged, for one paragraph or for wide gaps all through, a step
      // or two smaller may justify every paragraph: the design asked for justified text
      // (trifold-a4's English body went ragged at 10pt and justifies at 9.75pt, its Spanish
      // one at 9.5pt and 9.25pt).
      for (auto& piece : pieces) piece.paragraph->set_ragged(false);
      if (const double smaller = justified_scale(pieces, columns, flow.style, scale, ctx)) {
        scale = smaller;
        said_ragged = true;
      } else {
        for (auto& piece : pieces) piece.paragraph->set_ragged(true);
      }
    }
    if (!ragged_fits) {
      // Ragged lines take more room. Rivers all through the body are worse than a smaller
      // size in the style's range; one paragraph that could not be justified is not.
      const double ragged = because == RaggedBecause::loose_spaces
                                ? largest_fitting_scale(pieces, columns, flow.style, ctx)
                                : 0.0;
      if (ragged > 0) {
        scale = ragged;
      } else if (because == RaggedBecause::loose_spaces && excerpt_of > 0 && sentences == 0 &&
                 shorter_ragged_excerpt(pieces, left_out, columns, flow.style, scale, ctx)) {
        // An excerpt may end a paragraph sooner: ragged lines beat rivers all through it.
      } else if (because == RaggedBecause::loose_spaces && flow.paragraphs > 0 &&
                 fewer_ragged_paragraphs(pieces, columns, flow.style, scale, ctx,
                                         designed_excerpt)) {
        ctx.note(*first,
                 "justified, its paragraphs would have wide word gaps all through, and ragged "
                 "the " +
                     std::to_string(flow.paragraphs) + " paragraphs asked for do not fit, so " +
                     std::to_string(paragraph_count(pieces) - (designed_excerpt ? 1 : 0)) +
                     " are set, ragged",
                 "to set them all, give the flow more room or allow a smaller size");
        said_ragged = true;
      } else {
        for (auto& piece : pieces) piece.paragraph->set_ragged(false);
        said_ragged = true;
      }
    }
  }
  if (!said_ragged) {
    // The design asked for justified text: say why it is not, so nobody hunts for a typo.
    ctx.note(*first,
             because == RaggedBecause::loose_spaces
                 ? "the body is set ragged, not justified: at " +
                       size_text(flow.style.size.max * scale) +
                       " in these columns its word gaps would be wide all through"
                 : "the body is set ragged, not justified: a paragraph cannot be justified at " +
                       size_text(flow.style.size.max * scale) +
                       " in these columns without word gaps wider than three quarters of an em, "
                       "and a flow is justified or ragged as a whole",
             "wider columns or a smaller size keep it justified");
  }
  if (excerpt_of > 0 && !left_out.empty() && sentences == 0)
    sentences = add_sentences(pieces, left_out.front(), columns, scale, flow, ctx);
  if (excerpt_of > 0) {
    // The design asked for it, but the reader of the PDF misses what is left out: say so.
    // Headings and section breaks are not counted: the reader counts paragraphs.
    const auto is_text = [](const Piece& piece) {
      return piece.block->kind != content::BlockKind::heading &&
             piece.block->kind != content::BlockKind::section_break;
    };
    // The last piece is the read-more line, and before it, when sentences were added, the
    // paragraph they begin (still counted among those left out).
    const auto whole = pieces.end() - 1 - (sentences > 0 ? 1 : 0);
    const auto set = std::count_if(pieces.begin(), whole, is_text);
    const auto other = std::count_if(left_out.begin(), left_out.end(), is_text);
    const std::string cut = sentences == 0
                                ? std::string()
                                : " and the first " +
                                      (sentences == 1 ? std::string("sentence")
                                                      : std::to_string(sentences) + " sentences") +
                                      " of the next";
    const std::string what =
        set == 0
            ? "the first " + std::to_string(sentences) + " sentences of its first paragraph"
            : std::to_string(set) + " of its " + std::to_string(set + other) + " paragraphs" + cut;
    ctx.note(*first,
             "the body does not fit at " + size_text(flow.style.size.min) + ", so " + what +
                 " are set and the read-more line stands for the " +
                 (sentences == 0 ? "other " + std::to_string(other) : std::string("rest")),
             "to set all of it, allow more pages or a smaller size, or shorten the text");
  }
  if (scale < 1 && flow.style.size.is_range() && !pieces.empty() &&
      attempt(pieces, columns, scale, nullptr, ctx, Leftover::ignore).fits)
    feather(pieces, columns, scale, ctx);
  std::vector<bool> added(plan.pages.size(), false);
  for (size_t n = 0; n < plan.pages.size(); ++n) added[n] = design.pages[plan.pages[n]].repeat;
  const std::vector<Column> set_in =
      balanced(pieces, spread_over_pages(pieces, columns, scale, added, ctx), scale, ctx);
  const Outcome placed = attempt(pieces, set_in, scale, &plan, ctx);
  // Columns on the design's own pages that the body leaves blank (a page added to make up a
  // sheet of four may stay blank: it was added for the sheet, not for the text).
  size_t empty = 0;
  for (size_t i = placed.columns_used; placed.fits && i < set_in.size(); ++i)
    empty += set_in[i].page < added.size() && !added[set_in[i].page];
  if (placed.columns_used > 0 && empty >= kEmptyColumnsNoted && empty * 2 >= set_in.size()) {
    // A text far shorter than the design was made for leaves whole panels or pages blank:
    // nothing is lost, but the designer should hear of it before the print run.
    ctx.note(*first,
             "the body fills " + std::to_string(placed.columns_used) + " of its " +
                 std::to_string(set_in.size()) + " columns at " +
                 size_text(flow.style.size.max * scale) +
                 (scale >= 1 ? ", the largest size its style allows: " : ": ") +
                 std::to_string(empty) + (empty == 1 ? " stands" : " stand") + " empty",
             scale >= 1 ? "allow a larger size, or choose a design made for a shorter text"
                        : "choose a design made for a shorter text");
  }
  plan.excerpt = sentences > 0 || pieces.size() - (excerpt_of > 0 || designed_excerpt ? 1 : 0) <
                                      ctx.document.body.size();
  ctx.out.fits.push_back(
      {first->id, flow.style.size.max * scale, 0, ctx.out.layout_passes - passes_before, 0});
  return plan;
}

void place_flow(const design::Frame& frame, const Rect&, Context& ctx) {
  if (!ctx.flow) return;
  auto it = ctx.flow->lines.find({ctx.page_number, &frame});
  if (it == ctx.flow->lines.end()) return;
  for (const auto& placed : it->second) {
    auto [number, added] = ctx.flow->numbers.try_emplace(placed.paragraph.get(), 0);
    if (added) number->second = ++ctx.paragraphs;
    // A word that cannot break and is wider than its column would run into the next column,
    // inside the frame where the ink check does not see it: an error, never an overlap.
    text::Paragraph& p = *placed.paragraph;
    for (int i = placed.first; i < placed.first + placed.count; ++i) {
      const text::LineInfo line = p.line(i);
      const Pt over = line.x_offset + line.width - p.width();
      if (over > kColumnSlack) {
        std::string text = p.line_text(i);
        if (g_utf8_strlen(text.c_str(), -1) > 40)
          text = text.substr(0, static_cast<size_t>(g_utf8_offset_to_pointer(text.c_str(), 40) -
                                                    text.c_str())) +
                 "…";
        ctx.error(frame,
                  "the line \"" + text + "\" is " + size_text(over) +
                      " wider than its column: a word in it cannot break",
                  "allow a smaller size, make the columns wider, or shorten the word");
        break;
      }
    }
    emit_lines(*placed.paragraph, placed.first, placed.count, placed.top_left, placed.box,
               placed.color, number->second, *ctx.page);
  }
}

}  // namespace broadside::compose
