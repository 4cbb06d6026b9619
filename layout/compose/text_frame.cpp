// text_frame.cpp — a text frame: shaped once, fitted to its box when its size is a range,
// balanced when asked, and an error (never a clip) when it cannot fit.
#include <glib.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <iterator>
#include <sstream>

#include "compose/frames.hpp"
#include "compose/lines.hpp"
#include "core/print_sizes.hpp"
#include "text/fit.hpp"
#include "text/phrases.hpp"

namespace broadside::compose {

namespace {

/// A display line's trial setting: where it may break, whether its long words may be
/// hyphenated, and what it is worth, as a factor on its size.
struct Setting {
  text::Phrasing phrasing;
  bool hyphenate;
  double worth;
};

/// A display line's trial settings, best first: each sentence on its own lines, breaks only
/// between phrases, between phrases where only listed function words bind (a short content word
/// such as "all" may end a line), between phrases and at hard hyphens, between phrases and
/// inside a long word by the language's dictionary, then breaks anywhere. Phrase breaks are
/// worth two thirds more than breaks anywhere ("For / a socialist" reads worse than a much
/// smaller headline); ending a line on a short content word ("Stop all / anti-immigrant") costs
/// a sixth of that, so it wins only where the strict phrases, wider, leave a narrow panel's
/// headline small and its frame empty; hard-hyphen breaks ("anti- / immigrant") are worth little
/// more than breaks anywhere, so they win only where no phrase setting fits, or sets the
/// headline at less than two thirds of their size. Phrases with a long word hyphenated
/// ("sozialisti- / sche") are worth what phrases are, less kHyphenWorth a hyphen: they win
/// only where the word alone holds a narrow panel's headline far smaller.
constexpr Setting kSettings[] = {
    {text::Phrasing::sentences, false, 1.75},     {text::Phrasing::phrases, false, 1.65},
    {text::Phrasing::function_words, false, 1.4}, {text::Phrasing::phrases_and_hyphens, false, 0.9},
    {text::Phrasing::phrases, true, 1.65},        {text::Phrasing::anywhere, false, 0.8},
};
constexpr size_t kPlainSetting = std::size(kSettings) - 1;
/// A word this long (in characters) may be hyphenated in a display line, if the language has
/// a dictionary: shorter ones never hold a headline small.
constexpr size_t kLongWord = 12;
/// Fewest letters a display line's hyphen leaves on either side ("sozialisti- / sche").
constexpr int kDisplayHyphenMin = 4;
/// What each line ending in a hyphen costs a display setting, as a factor on its size: one
/// hyphen must buy nearly half as much size again, two twice the size.
constexpr double kHyphenWorth = 0.7;
/// What a phrase setting is worth, as a factor, when a phrase wider than the frame at the
/// least size breaks inside ("κατά / των μεταναστών!" in a narrow panel): one break against
/// the phrase, where the setting that breaks anywhere makes several.
constexpr double kLoosenedPhraseWorth = 0.9;
/// What each line of the setting that breaks anywhere costs, as a factor on its size, when it
/// ends in a word that leads into the next: the plain setting's worth is for breaking where a
/// phrase setting would not, and two such lines ("όλες τις / επιδρομές κατά των /
/// μεταναστών!") read worse than one line alone ("Σταματήστε / όλες τις επιδρομές / …").
constexpr double kAgainstPhraseWorth = 0.85;
/// What a line ending on a sentence's first word alone costs ("d’immigrés ! Abolition / de
/// l’ICE", "durdurun! ICE / ve CBP"), as a factor on the size.
constexpr double kLoneSentenceStartWorth = 0.8;
/// What a lone short word costs, as a factor on the size: "Stop / all anti-immigrant /
/// raids!" reads as three shouts, so a set without them may be a quarter smaller per line. A
/// word that nearly fills its line costs less (to the power 0.5), a short one more (to 1.5):
/// "Join / and support" shouts louder than a last line "campaign".
constexpr double kLoneWordWorth = 0.75;
/// A one-word line at least this share of the frame's width is no lone word: a long word
/// ("anti-immigrant", "Staatsbürgerschaft") alone on a line of a narrow panel fills it.
constexpr double kLoneWordShare = 0.6;
/// One-word lines count in a display text of at least this many words (a three-word slogan
/// may well stand one word a line).
constexpr size_t kLoneWordMinWords = 4;
/// A frame at least this many times as tall as it is wide (a trifold's cover panel) stacks its
/// display text a word or two a line: there a one-word line ("Halte", "Grenzen!") is the style
/// more than a shout, and costs only this (the same powers as kLoneWordWorth). Sparing it left
/// de, fr, es and ru headlines small at the foot of an empty panel; a little cost keeps "Stop /
/// all anti-immigrant / raids!" from beating a larger "Stop all / anti-immigrant / raids!".
constexpr double kStackedFrameRatio = 1.5;
constexpr double kStackedLoneWordWorth = 0.95;
/// A short word left alone at the end ("… elektoral nou an / ouvè!") is a widow in any frame,
/// stacked or not: it costs kLoneWordWorth.
constexpr double kWidowShare = 0.35;
/// What leaving a frame's height empty costs a display setting: its size is multiplied by the
/// share of the height its lines fill, counted as a share of kFullShare, to this power. Small,
/// so it only settles near ties, and only where much is empty: a headline set in four lines of
/// 34.55 pt across the bottom half of the leaflet's cover, the top half empty red, loses to six
/// lines of 40.65 pt that fill it (as every peer sets it); a running head three quarters full
/// keeps its breaks at sentences rather than gain a size step.
constexpr double kFillExponent = 0.15;
constexpr double kFullShare = 0.7;

/// Sizes tried, as shares of each setting's largest, for a set without one-word lines; below
/// the last the frame is left visibly empty (booklet-a5 cover).
constexpr double kLoneWordShrinks[] = {0.95, 0.9, 0.85, 0.8, 0.75, 0.7};

/// The paragraph style of a display setting: its breaks, and hyphens only in long words.
text::ParagraphStyle with_setting(text::ParagraphStyle ps, const Setting& setting) {
  ps.phrasing = setting.phrasing;
  if (setting.hyphenate) {
    ps.hyphenate = true;
    ps.hyphen_min_left = std::max(ps.hyphen_min_left, kDisplayHyphenMin);
    ps.hyphen_min_right = std::max(ps.hyphen_min_right, kDisplayHyphenMin);
    ps.max_hyphen_run = 1;
  }
  return ps;
}

/// Whether a display text has a word of kLongWord characters or more.
bool has_long_word(std::string_view text) {
  size_t run = 0;
  for (const char* p = text.data(); p < text.data() + text.size(); p = g_utf8_next_char(p)) {
    const gunichar c = g_utf8_get_char(p);
    run = g_unichar_isalpha(c) || g_unichar_ismark(c) ? run + 1 : 0;
    if (run >= kLongWord) return true;
  }
  return false;
}

/// The frame's paragraphs, shaped on first use: one, or for a balanced display line one per
/// setting in kSettings order (a headline without inner sentences skips the first, one without
/// a long word or a dictionary the hyphenated one). Empty when its text could not be made.
std::vector<std::unique_ptr<text::Paragraph>>* paragraphs_for(const design::Frame& frame,
                                                              const design::TextFrame& tf,
                                                              Context& ctx) {
  auto [it, inserted] = ctx.shaped.try_emplace(&frame);
  if (inserted) {
    if (auto rich = expand(tf.text, frame, ctx)) {
      text::ParagraphStyle ps = paragraph_style(tf.style, ctx.document.lang);
      auto& out = it->second;
      if (tf.style.balance) {
        auto& display = ctx.display[&frame] = {*rich, ps, {}};
        const bool hyphenates = has_long_word(rich->text) && ctx.typesetter.can_hyphenate(ps.lang);
        for (size_t rank = 0; rank < std::size(kSettings); ++rank) {
          const Setting& setting = kSettings[rank];
          if (setting.phrasing == text::Phrasing::sentences &&
              !text::has_inner_sentence_end(*rich, ps.lang))
            continue;
          if (setting.hyphenate && !hyphenates) continue;
          out.push_back(ctx.typesetter.shape(*rich, with_setting(ps, setting)));
          display.ranks.push_back(rank);
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
/// of all of them; the paragraph itself when it was shaped again with loosened phrases.
struct Choice {
  size_t index = 0;
  text::FitResult fit;
  std::unique_ptr<text::Paragraph> loosened;
  /// Whether a setting other than the plain one fits at some size of the style's.
  bool phrases_fit = false;
  bool fits() const { return fit.fits; }
};

/// A frame's shaped paragraphs as settings: which of kSettings each is, and how to shape one
/// again with its phrases wider than the frame at `size` loosened (they may break inside;
/// nullptr when the frame keeps no display text).
struct Settings {
  std::vector<size_t> ranks;
  /// The statement's language, for the words a line should not end on.
  std::string lang;
  std::function<std::unique_ptr<text::Paragraph>(size_t rank, Pt size)> loosen;
};

Settings settings_for(const design::Frame& frame, Pt width, Context& ctx) {
  Settings out;
  out.lang = ctx.document.lang;
  if (const auto it = ctx.display.find(&frame); it != ctx.display.end())
    out.ranks = it->second.ranks;
  else
    out.ranks = {kPlainSetting};
  out.loosen = [&frame, width, &ctx](size_t rank, Pt size) -> std::unique_ptr<text::Paragraph> {
    const auto it = ctx.display.find(&frame);
    if (it == ctx.display.end()) return nullptr;
    text::ParagraphStyle ps = with_setting(it->second.style, kSettings[rank]);
    ps.loose_phrase_width = width;
    ps.loose_phrase_size = size;
    return ctx.typesetter.shape(it->second.text, ps);
  };
  return out;
}

/// What the lines holding a single short word cost a display setting of several words, as a
/// factor on its size (1 for none): "Stop / all anti-immigrant / raids!" reads as three shouts,
/// not one. `cost` is what the shortest such line costs (kLoneWordWorth, or less in a stacked
/// frame; a short last line always kLoneWordWorth); `lone` is set to how many there are.
double lone_word_worth(text::Paragraph& p, Pt frame_width, double cost, int& lone) {
  lone = 0;
  const int lines = p.line_count();
  if (lines < 2) return 1;
  int words = 0;
  double exponent = 0, widow_exponent = 0;
  for (int i = 0; i < lines; ++i) {
    const text::LineInfo line = p.line(i);
    words += line.reading_words;
    const double share = line.width / frame_width;
    if (line.reading_words != 1 || share >= kLoneWordShare) continue;
    ++lone;
    const double e = 1.5 - share / kLoneWordShare;  // 1.5 for the shortest, 0.5 near the share
    (i + 1 == lines && share < kWidowShare ? widow_exponent : exponent) += e;
  }
  if (words < static_cast<int>(kLoneWordMinWords)) lone = 0;
  return lone == 0 ? 1 : std::pow(cost, exponent) * std::pow(kLoneWordWorth, widow_exponent);
}

/// kHyphenWorth for each line of `p` that ends in a hyphen (1 for none), for a setting that
/// hyphenates: the others' hard-hyphen breaks are weighed by their own worth.
double hyphen_worth(text::Paragraph& p, const Setting& setting) {
  if (!setting.hyphenate) return 1;
  double worth = 1;
  for (int i = 0; i + 1 < p.line_count(); ++i)
    if (p.line(i).ends_with_hyphen) worth *= kHyphenWorth;
  return worth;
}

/// kAgainstPhraseWorth for each line of `p` but the last that ends in a word leading into the
/// next ("For / a socialist", "όλες τις / επιδρομές"), for the setting that breaks anywhere:
/// the phrase settings make no such break (a loosened one pays kLoosenedPhraseWorth); and, in
/// any setting, `sentence_start_cost` for each that ends on a new sentence's first word.
double phrase_worth(text::Paragraph& p, size_t rank, const std::string& lang,
                    double sentence_start_cost) {
  double worth = 1;
  for (int i = 0; i + 1 < p.line_count(); ++i) {
    const std::string line = p.line_text(i);
    if (rank == kPlainSetting && text::ends_leading_on(line, lang)) worth *= kAgainstPhraseWorth;
    if (text::ends_on_lone_sentence_start(line)) worth *= sentence_start_cost;
  }
  return worth;
}

/// The fill factor (see kFillExponent) of a fitted setting whose lines are `block` high, in a
/// frame `height` high; 1 where the frame has no height to fill.
double fill_worth(Pt block, Pt height) {
  if (!(height.value > 0) || !std::isfinite(height.value)) return 1;
  const double share = block / height / kFullShare;
  return std::pow(std::clamp(share, 0.0, 1.0), kFillExponent);
}

/// Whether a line of `p` is cut where its text allows no break (a phrase wider than the line).
bool has_forced_break(text::Paragraph& p) {
  for (int i = 0; i + 1 < p.line_count(); ++i)
    if (p.line(i).forced_break) return true;
  return false;
}

/// The frame's settings each fitted at its largest size and, for a balanced display text with
/// one-word lines, at a few smaller ones; the one worth most (size × the setting's worth ×
/// kLoneWordWorth per one-word line) is taken, balanced, and set again last as the caller
/// expects it.
Choice choose_fit(std::vector<std::unique_ptr<text::Paragraph>>& all, const design::Style& style,
                  Pt width, Pt height, const Settings& settings) {
  const auto request = request_for(style, width, height);
  const size_t n = all.size();
  // Balancing changes neither whether nor at what size a setting fits, only its lines: the
  // largest sizes are found unbalanced, and only the trials that count one-word lines balance.
  auto unbalanced = request;
  unbalanced.balance = false;
  int passes = 0, balance_passes = 0;
  auto add = [&](const text::FitResult& r) {
    passes += r.passes;
    balance_passes += r.balance_passes;
  };
  // The worth of each setting at its largest size, before counting its lines.
  std::vector<text::FitResult> largest(n);
  for (size_t i = 0; i < n; ++i) {
    largest[i] = text::fit(*all[i], unbalanced);
    add(largest[i]);
  }
  // The plain setting is the last.
  auto rank_of = [&](size_t i) { return settings.ranks[i]; };
  const auto& loosen = settings.loosen;
  // A phrase setting that fails even at the least size because a phrase is wider than the
  // frame (what fit() left it at) is shaped again with the phrases loosened that are too wide
  // at the size the plain setting reaches: loosened only as far as the least size needs, the
  // next phrase nearly as wide would hold the headline there.
  std::vector<std::unique_ptr<text::Paragraph>> loosened(n);
  const Pt loose_size = largest[n - 1].fits ? largest[n - 1].size : request.min_size;
  for (size_t i = 0; loosen && i + 1 < n; ++i) {
    if (largest[i].fits || all[i]->max_line_width() <= width + Pt{0.01}) continue;
    loosened[i] = loosen(rank_of(i), loose_size);
    if (!loosened[i]) continue;
    largest[i] = text::fit(*loosened[i], unbalanced);
    add(largest[i]);
  }
  auto para = [&](size_t i) -> text::Paragraph& { return loosened[i] ? *loosened[i] : *all[i]; };
  auto worth_of = [&](size_t i) {
    return kSettings[rank_of(i)].worth * (loosened[i] ? kLoosenedPhraseWorth : 1.0);
  };
  Choice best{n - 1, largest[n - 1]};
  double best_worth = -1;
  const bool count_lone = style.balance;
  const bool stacked = height.value >= kStackedFrameRatio * width.value;
  const double lone_word_cost = stacked ? kStackedLoneWordWorth : kLoneWordWorth;
  // A stacked frame sets a word or two a line: a sentence's first word at a line's end is its
  // style there, and sparing it would leave "Stop" alone on the trifold's cover instead.
  const double sentence_start_cost = stacked ? 1.0 : kLoneSentenceStartWorth;
  // Settings in order of the most each can be worth (its largest size): once the best found is
  // worth more than a setting's largest size, neither it nor any later one is tried further.
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return largest[a].size.value * worth_of(a) > largest[b].size.value * worth_of(b);
  });
  for (size_t i : order) {
    if (!largest[i].fits) continue;
    const double worth = worth_of(i);
    if (largest[i].size.value * worth <= best_worth) break;  // smaller sizes only lose
    if (!count_lone) {
      // Each setting is still as its largest fit left it.
      const double w = largest[i].size.value * worth *
                       hyphen_worth(para(i), kSettings[rank_of(i)]) *
                       phrase_worth(para(i), rank_of(i), settings.lang, sentence_start_cost) *
                       fill_worth(largest[i].height, height);
      if (w > best_worth) {
        best = {i, largest[i]};
        best_worth = w;
      }
      continue;
    }
    // The largest size is known: its trial fits at the first probe and only balances.
    auto trial = request;
    trial.max_size = largest[i].size;
    for (size_t k = 0; k <= std::size(kLoneWordShrinks); ++k) {
      if (k > 0) {
        const Pt size = core::max(request.min_size, largest[i].size * kLoneWordShrinks[k - 1]);
        if (size.value * worth <= best_worth || size >= trial.max_size) break;
        trial.max_size = size;
      }
      const auto r = text::fit(para(i), trial);
      add(r);
      if (!r.fits) break;
      // A phrase setting that only fits by cutting a phrase is no phrase setting: the plain
      // one (the last) breaks anywhere by design.
      if (i + 1 < n && has_forced_break(para(i))) continue;
      int lone = 0;
      const double w = r.size.value * worth *
                       lone_word_worth(para(i), width, lone_word_cost, lone) *
                       hyphen_worth(para(i), kSettings[rank_of(i)]) *
                       phrase_worth(para(i), rank_of(i), settings.lang, sentence_start_cost) *
                       fill_worth(r.height, height);
      if (w > best_worth) {
        best = {i, r};
        best_worth = w;
      }
      if (lone == 0 || trial.max_size <= request.min_size) break;
    }
  }
  if (best.fit.fits) {
    // The chosen paragraph is set last, at the chosen size, balanced when asked.
    auto last = request;
    last.max_size = best.fit.size;
    best.fit = text::fit(para(best.index), last);
    add(best.fit);
  }
  best.loosened = std::move(loosened[best.index]);
  for (size_t i = 0; i + 1 < n; ++i) best.phrases_fit = best.phrases_fit || largest[i].fits;
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

/// The style as fitting may set it: a range that reaches under the least size print allows
/// starts there instead (preflight would refuse anything smaller after the whole render: a
/// Serbian QR caption fitted at 5.75pt of a 5.5pt..7pt range did), unless the whole range is
/// under it, which the designer then asked for outright.
design::Style printable(const design::Style& style) {
  design::Style s = style;
  const Pt least = core::least_print_size(style.color);
  if (s.size.is_range() && s.size.min < least && (s.size.max >= least || s.size.max_share > 0))
    s.size.min = least;
  return s;
}

/// How far below its least size a fitted text may still be set when nothing fits from there
/// up: a headline in a language of long words (Tamil, Malayalam) comes out a little smaller,
/// with a warning, rather than not at all.
constexpr double kBelowLeastShare = 0.8;
/// And, when not even that fits, the last resort: down to this share of the least size, in as
/// many lines as the fallback allows (Tamil's headline on leaflet-a5 needs 0.76 of it). The
/// settings are weighed at the fallback's sizes first, so this changes only what would fail.
constexpr double kLastResortShare = 0.65;

/// The least size a fitted text may be set at, `share` of the style's, never under print's least
/// size unless the designer's own range goes there (a long contact address set at 5.6pt would
/// only fail preflight after the whole render).
Pt least_allowed(const design::Style& style, double share) {
  return core::max(style.size.min * share,
                   core::min(style.size.min, core::least_print_size(style.color)));
}

/// Lines a fitted text may take beyond its style's max-lines when nothing fits otherwise.
constexpr int kExtraLines = 2;

/// The style a fitted text falls back to when nothing fits from its least size up: sizes from
/// one step below that size down to kBelowLeastShare of it, then kExtraLines more lines.
design::Style below_least(const design::Style& style) {
  design::Style s = style;
  if (s.max_lines > 0) s.max_lines += kExtraLines;
  s.size.max_share = 0;
  s.size.max = style.size.min - style.size.step;
  s.size.min = least_allowed(style, kBelowLeastShare);
  if (s.size.max < s.size.min) s.size.max = s.size.min;
  return s;
}

/// choose_fit(), and when nothing fits at the style's sizes, once more at below_least()'s
/// (`below` then says it was taken).
Choice choose_fit_or_below(std::vector<std::unique_ptr<text::Paragraph>>& all,
                           const design::Style& style, Pt width, Pt height,
                           const Settings& settings, bool& below) {
  below = false;
  Choice choice = choose_fit(all, style, width, height, settings);
  if (choice.fit.fits) return choice;
  // A designer's max-lines gives way last: a long address in one line at 13 pt rather than in
  // two at 13.5.
  const design::Style fallback = below_least(style);
  Choice smaller;
  if (style.max_lines > 0) {
    design::Style same_lines = fallback;
    same_lines.max_lines = style.max_lines;
    smaller = choose_fit(all, same_lines, width, height, settings);
  }
  if (!smaller.fit.fits) {
    // Then a line or two more, at the style's sizes as well as below them: a long headline with
    // room to grow into was held under its least size (39.5pt under 40pt on a tabloid, 40% of
    // the page above it empty); the settings are weighed across both, so a clean set just under
    // the least size still beats one a step larger that breaks against its phrases.
    design::Style more_lines = style;
    more_lines.max_lines = fallback.max_lines;
    more_lines.size.min = fallback.size.min;
    const int passes = smaller.fit.passes, balance_passes = smaller.fit.balance_passes;
    smaller = choose_fit(all, more_lines, width, height, settings);
    smaller.fit.passes += passes;
    smaller.fit.balance_passes += balance_passes;
  }
  if (!smaller.fit.fits) {
    design::Style last = fallback;
    last.size.max = fallback.size.min;
    last.size.min = least_allowed(style, kLastResortShare);
    if (last.size.min < last.size.max - Pt{0.001}) {
      const int passes = smaller.fit.passes, balance_passes = smaller.fit.balance_passes;
      smaller = choose_fit(all, last, width, height, settings);
      smaller.fit.passes += passes;
      smaller.fit.balance_passes += balance_passes;
    }
  }
  smaller.fit.passes += choice.fit.passes;
  smaller.fit.balance_passes += choice.fit.balance_passes;
  below = true;
  return smaller;
}

/// A display text set by the setting that breaks anywhere because no phrase setting fits its
/// sizes and lines: says so when its lines end on words that lead into the next, which the
/// designer may prefer to buy back with a smaller least size or more lines.
void note_breaks_against_phrases(text::Paragraph& p, const design::Style& style,
                                 const design::Frame& frame, Context& ctx) {
  std::string words;
  for (int i = 0; i + 1 < p.line_count(); ++i) {
    const std::string line = p.line_text(i);
    if (!text::ends_leading_on(line, ctx.document.lang)) continue;
    words +=
        (words.empty() ? "\u201C" : ", \u201C") + std::string(text::last_word(line)) + "\u201D";
  }
  if (words.empty()) return;
  ctx.note(frame,
           "no setting that breaks only between phrases fits from " + size_text(style.size.min) +
               (style.max_lines > 0 ? " in " + std::to_string(style.max_lines) + " lines"
                                    : std::string()) +
               ", so lines end on " + words,
           "allow a smaller size or more lines, make the frame larger, or shorten the text");
}

}  // namespace

Pt text_height(const design::Frame& frame, const design::TextFrame& tf, Pt width, Context& ctx,
               std::optional<Pt> limit, Floor floor) {
  auto* all = paragraphs_for(frame, tf, ctx);
  if (!all) return Pt{0};
  const design::Style style = printable(tf.style);
  if (style.size.is_range() && limit && floor == Floor::least) {
    const Settings settings = settings_for(frame, width, ctx);
    auto choice = choose_fit(*all, style, width, *limit, settings);
    ctx.out.layout_passes += choice.fit.passes;
    if (!choice.fit.fits) {
      // What it needs at its least size.
      design::Style least = style;
      least.size.max = least.size.min;
      least.size.max_share = 0;
      choice = choose_fit(*all, least, width, Pt{0}, settings);
      ctx.out.layout_passes += choice.fit.passes;
    }
    if (choice.fit.fits) return choice.fit.height;
    return text_height(frame, tf, width, ctx);
  }
  if (style.size.is_range()) {
    bool below = false;
    const auto choice = choose_fit_or_below(*all, style, width, limit.value_or(Pt{0}),
                                            settings_for(frame, width, ctx), below);
    ctx.out.layout_passes += choice.fit.passes;
    // Not within the limit even at its least size: what it needs with no limit.
    if (limit && !choice.fit.fits) return text_height(frame, tf, width, ctx);
    return choice.fit.height;
  }
  text::Paragraph* p = all->back().get();
  p->set_size(style.size.max);
  p->set_width(width);
  return text::block_metrics(*p, style.leading).height;
}

Pt text_width(const design::Frame& frame, const design::TextFrame& tf, Context& ctx) {
  text::Paragraph* p = paragraph_for(frame, tf, ctx);
  if (!p) return Pt{0};
  p->set_size(tf.style.size.max);
  p->set_width(Pt{0});
  return p->max_line_width();
}

Pt text_least_width(const design::Frame& frame, const design::TextFrame& tf, Context& ctx) {
  text::Paragraph* p = paragraph_for(frame, tf, ctx);
  if (!p) return Pt{0};
  const design::Style style = printable(tf.style);
  p->set_size(style.size.min);
  p->set_width(Pt{1});  // a break at every opportunity: each line one piece
  Pt least = p->max_line_width();
  if (style.max_lines > 0 && p->line_count() > style.max_lines) {
    // Within its max-lines: between its widest piece and its whole width, found by halving.
    p->set_width(Pt{0});
    Pt most = p->max_line_width();
    for (int i = 0; i < 12 && most - least > Pt{0.5}; ++i) {
      const Pt mid = (least + most) / 2;
      p->set_width(mid);
      (p->line_count() > style.max_lines ? least : most) = mid;
    }
    least = most;
  }
  ctx.out.layout_passes += 1;
  return least;
}

void place_text(const design::Frame& frame, const design::TextFrame& tf, const Rect& inner,
                Context& ctx) {
  auto* all = paragraphs_for(frame, tf, ctx);
  if (!all) return;
  const design::Style style = printable(tf.style);

  int passes = 1, balance_passes = 0;
  size_t chosen = all->size() - 1;
  if (style.size.is_range()) {
    bool below = false;
    const Settings settings = settings_for(frame, inner.width, ctx);
    auto choice = choose_fit_or_below(*all, style, inner.width, inner.height, settings, below);
    chosen = choice.index;
    if (choice.loosened) (*all)[chosen] = std::move(choice.loosened);
    passes = choice.fit.passes;
    balance_passes = choice.fit.balance_passes;
    if (!choice.fit.fits) {
      const Pt least = least_allowed(style, kLastResortShare);
      const bool print_floor = least > style.size.min * kLastResortShare + Pt{0.001};
      ctx.error(
          frame,
          "the text does not fit even at " + size_text(least) +
              (print_floor
                   ? " (the least size for print"
                   : " (the style's least size, " + size_text(style.size.min) + ", less 35%") +
              (style.max_lines > 0
                   ? ", in up to " + std::to_string(kExtraLines) + " lines more than its max-lines"
                   : std::string()) +
              "): " + choice.fit.reason +
              (ctx.crowding.because.empty() ? std::string() : ", because " + ctx.crowding.because),
          ctx.crowding.because.empty()
              ? "allow more lines, make the frame larger, or shorten the text"
              : ctx.crowding.hint);
      ctx.shaped.erase(&frame);
      ctx.display.erase(&frame);
      return;
    }
    if (below) {
      // The least size itself, in more lines than max-lines allows, is over max-lines only.
      const bool smaller = choice.fit.size < style.size.min - Pt{0.001};
      const bool more_lines = style.max_lines > 0 && choice.fit.lines > style.max_lines;
      std::string why;
      if (smaller) why = "below the style's least size (" + size_text(style.size.min) + ")";
      if (more_lines)
        why += (smaller ? " and over" : "over") + std::string(" its max-lines (") +
               std::to_string(style.max_lines) + ")";
      ctx.warn(frame,
               "set at " + size_text(choice.fit.size) + " in " + std::to_string(choice.fit.lines) +
                   (choice.fit.lines == 1 ? " line" : " lines") + ", " + why +
                   ", for the text to fit",
               "allow a smaller size or more lines, make the frame larger, or shorten the text");
    }
    // Below its sizes or over its lines, the warning above has said what gave way.
    if (choice.fit.fits && !below && !choice.phrases_fit && settings.ranks.size() > 1 &&
        settings.ranks[chosen] == kPlainSetting)
      note_breaks_against_phrases(*(*all)[chosen], style, frame, ctx);
  } else {
    chosen = choose_fixed(*all, style, inner, passes, balance_passes);
  }
  std::shared_ptr<text::Paragraph> p = std::move((*all)[chosen]);
  ctx.shaped.erase(&frame);
  ctx.display.erase(&frame);
  if (!style.size.is_range()) {
    // Whole lines the frame's height holds: none when padding leaves it no height at all.
    const text::BlockMetrics metrics = text::block_metrics(*p, style.leading);
    const int room = metrics.lines_in(inner.height);
    const int allowed = style.max_lines > 0 ? std::min(room, style.max_lines) : room;
    if (room == 0 && p->line_count() > 0) {
      // Not even one line: the frame's height is the matter, not the text's length (a script
      // whose marks reach far below the line, as Myanmar's medial ya does, in a 12pt frame).
      ctx.error(frame,
                "one line at " + size_text(style.size.max) + " needs " +
                    size_text(metrics.height_of(1)) +
                    " of height, its glyphs included; the frame has " + size_text(inner.height),
                "make the frame taller or the size smaller");
      return;
    }
    if (p->line_count() > allowed) {
      ctx.error(
          frame,
          left_out(p->words_from_line(allowed), p->line_count() - allowed, p->line_text(allowed)),
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
