// pango_paragraph.cpp — shaping, breaking and measuring one paragraph with Pango.
#include "text/pango_paragraph.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <set>

#include "core/language.hpp"
#include "text/ink_profile.hpp"
#include "text/line_edges.hpp"
#include "text/pango_units.hpp"
#include "text/scripts.hpp"
#include "text/word_breaks.hpp"

namespace broadside::text {

namespace {

constexpr std::string_view kSoftHyphen = "\xC2\xAD";
/// U+2028 LINE SEPARATOR: a forced break that Pango still justifies (verified on 1.50).
constexpr std::string_view kLineSeparator = "\xE2\x80\xA8";
/// Width of the strips in which lines' ink is compared, as a share of the size: about a
/// stroke's width, so marks are matched with what stands right above or below them.
constexpr double kInkStrip = 0.1;

/// Every paragraph runs in the statement's direction (not the direction of its first strong
/// character: an Arabic poster's "Detroit" or "19:00" line is still a right-to-left line), so
/// `start` and `end` are mirrored here for right-to-left text; `left` and `right` stay where
/// the design said.
PangoAlignment alignment_for(core::Align a, bool rtl) {
  switch (a) {
    case core::Align::center:
      return PANGO_ALIGN_CENTER;
    case core::Align::end:
      return rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
    case core::Align::right:
      return PANGO_ALIGN_RIGHT;
    case core::Align::left:
      return PANGO_ALIGN_LEFT;
    default:
      return rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;  // start and justify
  }
}

bool is_invisible(gunichar c) {
  return g_unichar_isspace(c) || c == 0xAD || c == 0x200B || c == 0x200C || c == 0x200D ||
         c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x2066 && c <= 0x2069) || c == 0x2060 ||
         c == 0xFEFF || g_unichar_iscntrl(c);
}

void insert_attr(PangoAttrList* list, PangoAttribute* attr, size_t start, size_t end) {
  attr->start_index = static_cast<guint>(start);
  attr->end_index = static_cast<guint>(end);
  pango_attr_list_insert(list, attr);
}

/// A WORD JOINER (U+2060) between letters of Thai (or another script Pango breaks by a
/// dictionary) held as a range where no line breaks: Pango's libthai breaks ignore the joiner
/// itself (verified on 1.50), not the range.
void hold_word_joiners(const std::string& text, PangoAttrList* attrs) {
  constexpr std::string_view kWordJoiner = "\u2060";
  for (size_t at = text.find(kWordJoiner); at != std::string::npos;
       at = text.find(kWordJoiner, at + kWordJoiner.size())) {
    const char* before = g_utf8_find_prev_char(text.data(), text.data() + at);
    const size_t next = at + kWordJoiner.size();
    if (!before || next >= text.size()) continue;
    if (!is_dictionary_script(g_utf8_get_char(before)) &&
        !is_dictionary_script(g_utf8_get_char(text.data() + next)))
      continue;
    const auto end = static_cast<size_t>(g_utf8_next_char(text.data() + next) - text.data());
    insert_attr(attrs, pango_attr_allow_breaks_new(FALSE),
                static_cast<size_t>(before - text.data()), end);
  }
}

PangoWeight weight_for(int css) {
  return static_cast<PangoWeight>(std::clamp(css, 100, 1000));
}

PangoStyle slant_for(core::FontSlant s) {
  return s == core::FontSlant::italic    ? PANGO_STYLE_ITALIC
         : s == core::FontSlant::oblique ? PANGO_STYLE_OBLIQUE
                                         : PANGO_STYLE_NORMAL;
}

/// The weight a strong run is set in, three steps bolder than the style's.
int strong_weight(int weight) {
  return std::min(900, weight + 300);
}

}  // namespace

PangoFontDescription* font_description(const ParagraphStyle& style, const core::StyleRun* run) {
  PangoFontDescription* desc = pango_font_description_new();
  std::string families;
  for (const auto& f : style.face.families) families += (families.empty() ? "" : ",") + f;
  pango_font_description_set_family(desc, families.c_str());
  const bool strong = run && run->strong, emphasis = run && run->emphasis;
  pango_font_description_set_weight(
      desc, weight_for(strong ? strong_weight(style.face.weight) : style.face.weight));
  pango_font_description_set_style(desc,
                                   emphasis ? PANGO_STYLE_ITALIC : slant_for(style.face.slant));
  pango_font_description_set_stretch(desc, static_cast<PangoStretch>(style.face.width));
  pango_font_description_set_absolute_size(desc, style.size.value * PANGO_SCALE);
  return desc;
}

size_t count_words(std::string_view text) {
  size_t words = 0;
  bool in_word = false, has_content = false;
  for (const char* p = text.data(); p < text.data() + text.size(); p = g_utf8_next_char(p)) {
    const gunichar c = g_utf8_get_char(p);
    if (g_unichar_isspace(c)) {
      if (in_word && has_content) ++words;
      in_word = has_content = false;
    } else {
      in_word = true;
      has_content = has_content || g_unichar_isalnum(c);
    }
  }
  return words + (in_word && has_content ? 1 : 0);
}

size_t reading_words(std::string_view text) {
  size_t words = 0, ideographs = 0;
  bool in_word = false;
  for (const char* p = text.data(); p < text.data() + text.size(); p = g_utf8_next_char(p)) {
    const gunichar c = g_utf8_get_char(p);
    const GUnicodeScript script = g_unichar_get_script(c);
    if (script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA ||
        script == G_UNICODE_SCRIPT_KATAKANA) {
      ++ideographs;
      words += in_word;
      in_word = false;
    } else if (g_unichar_isalnum(c)) {
      in_word = true;
    } else if (g_unichar_isspace(c)) {
      words += in_word;
      in_word = false;
    }
  }
  // Most Chinese words are two characters; a lone one still counts as a word.
  return words + (in_word ? 1 : 0) + (ideographs + 1) / 2;
}

core::RichText transform_case(const core::RichText& text, core::TextCase text_case,
                              const std::string& lang) {
  if (text_case == core::TextCase::none) return text;
  std::string tag = lang;
  std::replace(tag.begin(), tag.end(), '-', '_');
  const icu::Locale locale(tag.c_str());
  std::set<size_t> cuts{0, text.text.size()};
  for (const auto& r : text.runs) cuts.insert({r.start, r.end});
  core::RichText out;
  std::vector<size_t> mapped;  // new offset of each cut, in order
  for (auto it = cuts.begin(); it != cuts.end(); ++it) {
    mapped.push_back(out.text.size());
    auto next = std::next(it);
    if (next == cuts.end()) break;
    icu::UnicodeString seg = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.text.data() + *it, static_cast<int32_t>(*next - *it)));
    if (text_case == core::TextCase::upper)
      seg.toUpper(locale);
    else
      seg.toLower(locale);
    seg.toUTF8String(out.text);
  }
  const std::vector<size_t> keys(cuts.begin(), cuts.end());
  auto remap = [&](size_t offset) {
    return mapped[static_cast<size_t>(std::lower_bound(keys.begin(), keys.end(), offset) -
                                      keys.begin())];
  };
  for (auto r : text.runs) {
    r.start = remap(r.start);
    r.end = remap(r.end);
    out.runs.push_back(std::move(r));
  }
  return out;
}

PangoParagraph::PangoParagraph(PangoContext* context, core::RichText source, ParagraphStyle style,
                               std::vector<size_t> hyphen_points,
                               std::shared_ptr<ParagraphCache> cache)
    : context_(static_cast<PangoContext*>(g_object_ref(context))),
      layout_(pango_layout_new(context)),
      source_(std::move(source)),
      style_(std::move(style)),
      hyphen_points_(std::move(hyphen_points)),
      hyphen_enabled_(hyphen_points_.size(), true),
      reference_size_(style_.size),
      cache_(std::move(cache)) {
  pango_layout_set_wrap(layout_.get(), PANGO_WRAP_WORD);
  // The direction is the context's, set from the language (PangoTypesetter::context_for).
  pango_layout_set_auto_dir(layout_.get(), FALSE);
  pango_layout_set_alignment(layout_.get(), alignment_for(style_.align, core::is_rtl(style_.lang)));
  // Justified lines are filled by widening their spaces (justify_lines), never by Pango's
  // letter spacing of lines that have none.
  pango_layout_set_justify(layout_.get(), FALSE);
  pango_layout_set_width(layout_.get(), -1);
  apply_font();
  is_letter_spaced_ = style_.tracking == 0;
  for (const char* p = source_.text.c_str(); *p && is_letter_spaced_; p = g_utf8_next_char(p)) {
    const gunichar c = g_utf8_get_char(p);
    const GUnicodeScript script = g_unichar_get_script(c);
    if (script != G_UNICODE_SCRIPT_COMMON && script != G_UNICODE_SCRIPT_INHERITED &&
        !is_letter_spaced(c))
      is_letter_spaced_ = false;
  }
}

void PangoParagraph::apply_font() {
  PangoFontDescription* desc = font_description(style_, nullptr);
  pango_layout_set_font_description(writable_layout(), desc);
  pango_font_description_free(desc);
  pango_layout_set_indent(writable_layout(), to_pango(style_.indent));
  font_size_ = style_.size;
}

PangoLayout* PangoParagraph::writable_layout() {
  if (layout_shared_) {
    layout_.reset(pango_layout_copy(layout_.get()));
    layout_shared_ = false;
  }
  return layout_.get();
}

void PangoParagraph::set_layout_width(int width_pu) {
  // A shared layout is copied before it changes, and a copy has no lines: Pango would shape the
  // whole paragraph again for a width it already has (the unbroken layout the coverage check
  // made, which the optimal breaker's measurement then asks for once more).
  if (pango_layout_get_width(layout_.get()) == width_pu) return;
  pango_layout_set_width(writable_layout(), width_pu);
}

std::string PangoParagraph::settled_key(char mode) const {
  std::string key = measure_key();
  key += mode;
  key.append(reinterpret_cast<const char*>(&width_.value), sizeof width_.value);
  key += static_cast<char>(style_.align);
  key += static_cast<char>(style_.max_hyphen_run);
  key += all_ragged_ ? 'r' : 'j';
  for (int line : unhyphenated_lines_)
    key.append(reinterpret_cast<const char*>(&line), sizeof line);
  key += '\0';
  for (size_t point : unhyphenated_points_)
    key.append(reinterpret_cast<const char*>(&point), sizeof point);
  key += '\0';
  // Breaks at a size other than the reference come from the scaled measurement.
  key.append(reinterpret_cast<const char*>(&reference_size_.value), sizeof reference_size_.value);
  return key;
}

bool PangoParagraph::adopt_settled(const std::string& key) {
  if (!cache_) return false;
  const auto hit = cache_->settled(key);
  if (!hit) return false;
  layout_.reset(static_cast<PangoLayout*>(g_object_ref(hit->layout.get())));
  layout_shared_ = true;
  text_ = hit->text;
  edits_ = hit->edits;
  space_adjust_ = hit->space_adjust;
  letter_adjust_ = hit->letter_adjust;
  hyphen_enabled_ = hit->hyphen_enabled;
  lines_ = hit->lines;
  is_ragged_ = hit->is_ragged;
  letter_stretch_em_ = hit->letter_stretch_em;
  justified_spaces_ = hit->justified_spaces;
  is_built_ = true;
  built_space_adjust_ = space_adjust_;
  built_letter_adjust_ = letter_adjust_;
  built_size_ = style_.size;
  font_size_ = style_.size;
  return true;
}

void PangoParagraph::share_settled(std::string key) {
  if (!cache_) return;
  auto settled = std::make_shared<Settled>();
  settled->layout.reset(static_cast<PangoLayout*>(g_object_ref(layout_.get())));
  settled->text = text_;
  settled->edits = edits_;
  settled->space_adjust = space_adjust_;
  settled->letter_adjust = letter_adjust_;
  settled->hyphen_enabled = hyphen_enabled_;
  settled->lines = lines_;
  settled->is_ragged = is_ragged_;
  settled->letter_stretch_em = letter_stretch_em_;
  settled->justified_spaces = justified_spaces_;
  cache_->add_settled(std::move(key), std::move(settled));
  layout_shared_ = true;
}

size_t PangoParagraph::to_text(size_t source_offset) const {
  std::ptrdiff_t shift = 0;
  for (const Edit& e : edits_) {
    if (e.remove == 0) {
      if (e.at > source_offset) break;
    } else if (source_offset < e.at + e.remove) {
      if (source_offset >= e.at)
        return static_cast<size_t>(static_cast<std::ptrdiff_t>(e.at) + shift);
      break;
    }
    shift += static_cast<std::ptrdiff_t>(e.insert.size()) - static_cast<std::ptrdiff_t>(e.remove);
  }
  return static_cast<size_t>(static_cast<std::ptrdiff_t>(source_offset) + shift);
}

size_t PangoParagraph::to_source(size_t text_offset) const {
  std::ptrdiff_t shift = 0;
  for (const Edit& e : edits_) {
    const auto start = static_cast<size_t>(static_cast<std::ptrdiff_t>(e.at) + shift);
    if (text_offset < start) break;
    if (text_offset < start + e.insert.size()) return e.at;
    shift += static_cast<std::ptrdiff_t>(e.insert.size()) - static_cast<std::ptrdiff_t>(e.remove);
  }
  return static_cast<size_t>(static_cast<std::ptrdiff_t>(text_offset) - shift);
}

bool PangoParagraph::ends_hard(const LineInfo& l) const {
  const std::string_view line(text_.data() + l.start, l.length);
  if (!line.ends_with(kLineSeparator)) return false;
  const size_t at = to_source(l.start + l.length - kLineSeparator.size());
  return source_.text.compare(at, kLineSeparator.size(), kLineSeparator) == 0;
}

std::vector<PangoParagraph::Edit> PangoParagraph::soft_hyphen_edits() const {
  std::vector<Edit> edits;
  for (size_t i = 0; i < hyphen_points_.size(); ++i)
    if (hyphen_enabled_[i]) edits.push_back({hyphen_points_[i], 0, std::string(kSoftHyphen)});
  return edits;
}

void PangoParagraph::build_text(std::vector<Edit> edits) {
  // The coverage check lays the paragraph out unbroken at its first size, as the optimal
  // breaker's first measurement does: the second finds the layout already made.
  if (is_built_ && edits == edits_ && space_adjust_ == built_space_adjust_ &&
      letter_adjust_ == built_letter_adjust_ && style_.size == built_size_)
    return;
  // The font follows the size only here: fitting tries sizes that may never be laid out, and
  // each change of font makes Pango shape the paragraph again.
  if (font_size_ != style_.size) apply_font();
  is_built_ = true;
  built_space_adjust_ = space_adjust_;
  built_letter_adjust_ = letter_adjust_;
  built_size_ = style_.size;
  edits_ = std::move(edits);
  text_.clear();
  size_t from = 0;
  for (const Edit& e : edits_) {
    text_.append(source_.text, from, e.at - from);
    text_ += e.insert;
    from = e.at + e.remove;
  }
  text_.append(source_.text, from);
  pango_layout_set_text(writable_layout(), text_.data(), static_cast<int>(text_.size()));

  PangoAttrList* attrs = pango_attr_list_new();
  const size_t all = text_.size();
  insert_attr(attrs, pango_attr_language_new(pango_language_from_string(style_.lang.c_str())), 0,
              all);
  if (style_.tracking != 0) {
    // Only letters that stand apart are tracked: spacing would tear joined scripts apart and
    // break the headstroke of Indic ones. Marks, digits and punctuation go with what precedes.
    const int spacing = to_pango(style_.size * (style_.tracking / 1000));
    size_t run_start = 0;
    bool spaced = true;
    for (size_t i = 0; i < all;
         i = static_cast<size_t>(g_utf8_next_char(text_.data() + i) - text_.data())) {
      const gunichar c = g_utf8_get_char(text_.data() + i);
      const GUnicodeScript script = g_unichar_get_script(c);
      const bool here = script == G_UNICODE_SCRIPT_COMMON || script == G_UNICODE_SCRIPT_INHERITED
                            ? spaced
                            : is_letter_spaced(c);
      if (here == spaced) continue;
      if (spaced && i > run_start)
        insert_attr(attrs, pango_attr_letter_spacing_new(spacing), run_start, i);
      spaced = here;
      run_start = i;
    }
    if (spaced && all > run_start)
      insert_attr(attrs, pango_attr_letter_spacing_new(spacing), run_start, all);
  }
  if (!style_.features.empty())
    insert_attr(attrs, pango_attr_font_features_new(style_.features.c_str()), 0, all);
  for (const auto& run : source_.runs) {
    const size_t s = to_text(run.start), e = to_text(run.end);
    if (run.strong)
      insert_attr(attrs, pango_attr_weight_new(weight_for(strong_weight(style_.face.weight))), s,
                  e);
    if (run.emphasis) insert_attr(attrs, pango_attr_style_new(PANGO_STYLE_ITALIC), s, e);
  }
  for (size_t at : halved_punctuation(text_, style_.lang)) {
    const auto next = static_cast<size_t>(g_utf8_next_char(text_.data() + at) - text_.data());
    insert_attr(attrs, pango_attr_font_features_new("halt"), at, next);
  }
  // Before the spaces' own spacing: where two letter-spacing attributes overlap, Pango takes
  // the one that starts nearer, the space's.
  for (const auto& span : letter_adjust_)
    insert_attr(attrs, pango_attr_letter_spacing_new(to_pango(span.spacing)), to_text(span.start),
                to_text(span.end));
  for (const auto& [offset, spacing] : space_adjust_) {
    const size_t at = to_text(offset);
    const auto next = static_cast<size_t>(g_utf8_next_char(text_.data() + at) - text_.data());
    insert_attr(attrs, pango_attr_letter_spacing_new(to_pango(spacing)), at, next);
  }
  hold_word_joiners(text_, attrs);
  // Held in the layout, not by characters in the text: Pango's own breaking and the optimal
  // breaker (which reads the same log attributes) both obey it, and the text, its PDF copy and
  // its justification gaps stay as written.
  for (const Unbreakable& hold : line_edge_holds(text_))
    insert_attr(attrs, pango_attr_allow_breaks_new(FALSE), hold.start, hold.end);
  pango_layout_set_attributes(writable_layout(), attrs);
  pango_attr_list_unref(attrs);
}

void PangoParagraph::relayout() {
  stale_ = false;
  pending_ = false;
  letter_stretch_em_ = kLetterStretchEm;
  std::fill(hyphen_enabled_.begin(), hyphen_enabled_.end(), true);
  space_adjust_.clear();
  letter_adjust_.clear();
  is_ragged_ = false;
  // Optimal breaking measures x along the line, which runs the other way in right-to-left
  // text: those paragraphs keep Pango's own breaking.
  if (style_.align == core::Align::justify && width_.value > 0 && !core::is_rtl(style_.lang) &&
      relayout_optimal())
    return;
  relayout_greedy();
}

void PangoParagraph::relayout_greedy() {
  letter_stretch_em_ = kLetterStretchEm;
  space_adjust_.clear();
  letter_adjust_.clear();
  is_ragged_ = false;
  is_pinned_ = false;
  std::string key = cache_ ? settled_key('g') : std::string();
  if (adopt_settled(key)) return;
  greedy_breaks();
  justify_lines(Breaking::pango);
  share_settled(std::move(key));
}

void PangoParagraph::greedy_breaks() {
  set_layout_width(width_.value > 0 ? to_pango(width_) : -1);
  for (size_t i = 0; i < hyphen_points_.size(); ++i)
    if (std::binary_search(unhyphenated_points_.begin(), unhyphenated_points_.end(),
                           hyphen_points_[i]))
      hyphen_enabled_[i] = false;
  build_text(soft_hyphen_edits());
  measure_lines();
  // Each pass removes one hyphenation point, so the loop ends; rarely does it run at all.
  for (size_t pass = 0; pass < hyphen_points_.size(); ++pass) {
    int run = 0, culprit = -1;
    for (int i = 0; i < line_count() && culprit < 0; ++i) {
      run = lines_[static_cast<size_t>(i)].ends_with_hyphen ? run + 1 : 0;
      if (run > style_.max_hyphen_run) culprit = i;
    }
    if (culprit < 0) return;
    const LineInfo& l = lines_[static_cast<size_t>(culprit)];
    const size_t at = to_source(l.start + l.length - kSoftHyphen.size());
    auto it = std::find(hyphen_points_.begin(), hyphen_points_.end(), at);
    if (it == hyphen_points_.end()) return;
    hyphen_enabled_[static_cast<size_t>(it - hyphen_points_.begin())] = false;
    build_text(soft_hyphen_edits());
    measure_lines();
  }
}

Pt PangoParagraph::probe_width(std::string_view text, ProbedWidth& memo) {
  if (memo.size != style_.size) {
    core::Handle<PangoLayout, g_object_unref> probe(pango_layout_new(context_.get()));
    pango_layout_set_font_description(probe.get(),
                                      pango_layout_get_font_description(layout_.get()));
    pango_layout_set_text(probe.get(), text.data(), static_cast<int>(text.size()));
    int w = 0;
    pango_layout_get_size(probe.get(), &w, nullptr);
    memo = {from_pango(w), style_.size};
  }
  return memo.width;
}

void PangoParagraph::measure_lines() {
  lines_.clear();
  PangoLayoutIter* iter = pango_layout_get_iter(layout_.get());
  do {
    PangoLayoutLine* pl = pango_layout_iter_get_line_readonly(iter);
    PangoRectangle ink, logical, in_layout;
    pango_layout_line_get_extents(pl, &ink, &logical);
    pango_layout_iter_get_line_extents(iter, nullptr, &in_layout);
    if (pl->is_paragraph_start && !lines_.empty()) lines_.back().end = LineInfo::End::paragraph;
    LineInfo info;
    info.start = static_cast<size_t>(pl->start_index);
    info.length = static_cast<size_t>(pl->length);
    info.width = from_pango(logical.width);
    info.x_offset = from_pango(in_layout.x);
    info.ascent = from_pango(-logical.y);
    info.descent = from_pango(logical.height + logical.y);
    if (ink.width > 0 && ink.height > 0) {
      info.ink_left = from_pango(ink.x);
      info.ink_right = from_pango(ink.x + ink.width);
      info.ink_ascent = from_pango(-ink.y);
      info.ink_descent = from_pango(ink.y + ink.height);
    }
    const std::string_view body(text_.data() + info.start, info.length);
    auto ends_with = [&](std::string_view tail) {
      return body.size() >= tail.size() && body.substr(body.size() - tail.size()) == tail;
    };
    // A soft hyphen Pango broke at, or a hyphen followed by a break we chose.
    info.ends_with_hyphen =
        !pango_layout_iter_at_last_line(iter) &&
        (ends_with(kSoftHyphen) || ends_with(std::string("-").append(kLineSeparator)));
    if (!pango_layout_iter_at_last_line(iter)) {
      // Pango cuts a word wider than the line where it can; the text's own break
      // opportunities say whether this was one.
      int n_attrs = 0;
      const PangoLogAttr* attrs = pango_layout_get_log_attrs_readonly(layout_.get(), &n_attrs);
      const long at = g_utf8_pointer_to_offset(text_.data(), body.data() + body.size());
      info.forced_break = at < n_attrs && !attrs[at].is_line_break;
    }
    if (ends_hard(info)) info.end = LineInfo::End::line_break;
    lines_.push_back(info);
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
  lines_.back().end = LineInfo::End::paragraph;
  for (auto& l : lines_) {
    const std::string_view body = std::string_view(text_).substr(l.start, l.length);
    l.words = static_cast<int>(count_words(body));
    l.reading_words = static_cast<int>(reading_words(body));
  }
  // Where consecutive lines' ink stands one over the other, how close their baselines may come.
  const Pt strip = style_.size * kInkStrip;
  InkProfile below =
      ink_profile(pango_layout_get_line_readonly(layout_.get(), 0), lines_[0].x_offset, strip);
  for (size_t i = 0; i + 1 < lines_.size(); ++i) {
    InkProfile next =
        ink_profile(pango_layout_get_line_readonly(layout_.get(), static_cast<int>(i + 1)),
                    lines_[i + 1].x_offset, strip);
    lines_[i].ink_pitch = ink_pitch(below, next);
    below = std::move(next);
  }
}

void PangoParagraph::set_size(Pt size) {
  if (size == style_.size) return;
  style_.size = size;
  unhyphenated_lines_.clear();
  unhyphenated_points_.clear();
  stale_ = true;
}

void PangoParagraph::set_width(Pt width) {
  if (width == width_) return;
  width_ = width;
  unhyphenated_lines_.clear();
  unhyphenated_points_.clear();
  stale_ = true;
}

bool PangoParagraph::avoid_hyphen_at_line(int index) {
  if (index < 0 || index + 1 >= line_count()) return false;
  // Pango's own breaking (right-to-left text, ragged text, a fallback) is told by turning off
  // hyphenation points; the optimal breaker by the lines.
  if (!is_pinned_) return avoid_greedy_hyphen_at_line(index);
  if (std::binary_search(unhyphenated_lines_.begin(), unhyphenated_lines_.end(), index))
    return false;
  const bool hyphen = pending_ ? pending_hyphens_.at(static_cast<size_t>(index))
                               : lines_.at(static_cast<size_t>(index)).ends_with_hyphen;
  if (!hyphen) return false;
  unhyphenated_lines_.insert(
      std::upper_bound(unhyphenated_lines_.begin(), unhyphenated_lines_.end(), index), index);
  stale_ = true;
  return true;
}

bool PangoParagraph::avoid_greedy_hyphen_at_line(int index) {
  bool changed = false;
  // Each pass turns off one point, so the loop ends.
  for (;;) {
    settle();
    if (is_pinned_ || index + 1 >= line_count()) break;  // a relayout may break otherwise
    const LineInfo& l = lines_.at(static_cast<size_t>(index));
    if (!l.ends_with_hyphen) break;
    const size_t at = to_source(l.start + l.length - kSoftHyphen.size());
    if (std::find(hyphen_points_.begin(), hyphen_points_.end(), at) == hyphen_points_.end()) break;
    const auto slot =
        std::lower_bound(unhyphenated_points_.begin(), unhyphenated_points_.end(), at);
    if (slot != unhyphenated_points_.end() && *slot == at) break;
    unhyphenated_points_.insert(slot, at);
    stale_ = true;
    changed = true;
  }
  return changed;
}

std::string PangoParagraph::line_text(int index) {
  settle();
  const LineInfo& l = lines_.at(static_cast<size_t>(index));
  std::string out;
  for (size_t i = l.start; i < l.start + l.length;) {
    if (text_.compare(i, kSoftHyphen.size(), kSoftHyphen) == 0) {
      i += kSoftHyphen.size();
      continue;
    }
    if (text_.compare(i, kLineSeparator.size(), kLineSeparator) == 0) {
      i += kLineSeparator.size();
      continue;
    }
    out += text_[i++];
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  // Pango draws the hyphen of a soft hyphen it broke at; the text has none.
  const std::string_view body(text_.data() + l.start, l.length);
  if (l.ends_with_hyphen && body.size() >= kSoftHyphen.size() &&
      body.substr(body.size() - kSoftHyphen.size()) == kSoftHyphen)
    out += "-";
  return out;
}

Pt PangoParagraph::max_line_width() {
  settle();
  Pt widest{0};
  for (const auto& l : lines_) widest = core::max(widest, l.width);
  return widest;
}

std::vector<LinkSpan> PangoParagraph::links() {
  settle();
  std::vector<LinkSpan> out;
  for (const auto& run : source_.runs) {
    if (run.link.empty()) continue;
    const size_t s = to_text(run.start), e = to_text(run.end);
    for (int i = 0; i < line_count(); ++i) {
      const LineInfo& l = lines_[static_cast<size_t>(i)];
      const size_t ls = std::max(s, l.start), le = std::min(e, l.start + l.length);
      if (ls >= le) continue;
      int x0 = 0, x1 = 0;
      PangoLayoutLine* pl = layout_line(i);
      pango_layout_line_index_to_x(pl, static_cast<int>(ls), FALSE, &x0);
      pango_layout_line_index_to_x(pl, static_cast<int>(le), FALSE, &x1);
      if (x1 < x0) std::swap(x0, x1);
      out.push_back({i, l.x_offset + from_pango(x0), l.x_offset + from_pango(x1), run.link});
    }
  }
  return out;
}

std::vector<CoverageProblem> PangoParagraph::coverage_problems() {
  // Which fonts cover the text does not depend on the size: one check serves every size.
  std::string key;
  if (cache_) {
    key = measure_key(false);
    if (auto hit = cache_->coverage(key)) return *hit;
  }
  settle();
  std::vector<CoverageProblem> out;
  std::set<char32_t> seen;
  PangoLayoutIter* iter = pango_layout_get_iter(layout_.get());
  do {
    PangoLayoutRun* run = pango_layout_iter_get_run_readonly(iter);
    if (!run) continue;
    PangoFontDescription* desc = pango_font_describe(run->item->analysis.font);
    const std::string family = pango_font_description_get_family(desc);
    pango_font_description_free(desc);
    const bool listed = std::any_of(
        style_.face.families.begin(), style_.face.families.end(),
        [&](const std::string& f) { return g_ascii_strcasecmp(f.c_str(), family.c_str()) == 0; });
    for (int g = 0; g < run->glyphs->num_glyphs; ++g) {
      const char* at = text_.data() + run->item->offset + run->glyphs->log_clusters[g];
      const gunichar c = g_utf8_get_char(at);
      const PangoGlyph glyph = run->glyphs->glyphs[g].glyph;
      const bool unknown = glyph & PANGO_GLYPH_UNKNOWN_FLAG;
      // An invisible character is fine with no glyph, unless Pango would draw it as a box (a
      // control character no font has); a missing space draws nothing.
      const bool boxed = unknown && glyph != (0x20 | PANGO_GLYPH_UNKNOWN_FLAG);
      if ((is_invisible(c) && !boxed) || (listed && !unknown) || !seen.insert(c).second) continue;
      out.push_back({static_cast<char32_t>(c), unknown ? std::string{} : family,
                     unknown ? CoverageProblem::Kind::missing : CoverageProblem::Kind::substitute});
    }
  } while (pango_layout_iter_next_run(iter));
  pango_layout_iter_free(iter);
  // Characters that are not there to be drawn: a cluster's glyph need not show them (a control
  // character inside a cluster, an unassigned mark), so the text itself is read.
  for (const char* p = text_.data(); p < text_.data() + text_.size(); p = g_utf8_next_char(p)) {
    const gunichar c = g_utf8_get_char(p);
    const bool control = g_unichar_iscntrl(c) && c != '\t' && c != '\n';
    const bool unassigned = g_unichar_type(c) == G_UNICODE_UNASSIGNED;
    // A private-use character a listed font draws: its glyph means whatever that font's maker
    // put there (a logo, an icon, a ligature part), no standard meaning; missing, it is reported
    // as missing.
    if (g_unichar_type(c) == G_UNICODE_PRIVATE_USE &&
        std::none_of(out.begin(), out.end(),
                     [&](const CoverageProblem& problem) { return problem.codepoint == c; }))
      out.push_back({static_cast<char32_t>(c), {}, CoverageProblem::Kind::private_use});
    if (!control && !unassigned) continue;
    std::erase_if(out, [&](const CoverageProblem& problem) { return problem.codepoint == c; });
    out.push_back({static_cast<char32_t>(c),
                   {},
                   control ? CoverageProblem::Kind::control : CoverageProblem::Kind::unassigned});
  }
  if (cache_)
    cache_->add_coverage(std::move(key), std::make_shared<std::vector<CoverageProblem>>(out));
  return out;
}

size_t PangoParagraph::word_count() const {
  return count_words(source_.text);
}

size_t PangoParagraph::words_from_line(int first) {
  settle();
  if (first >= line_count()) return 0;
  const size_t from = lines_.at(static_cast<size_t>(std::max(first, 0))).start;
  return count_words(std::string_view(text_).substr(from));
}

std::unique_ptr<Paragraph> PangoParagraph::rest_from_line(int first) {
  settle();
  const size_t from = first < line_count() ? to_source(lines_.at(static_cast<size_t>(first)).start)
                                           : source_.text.size();
  core::RichText rest;
  rest.text = source_.text.substr(from);
  for (auto r : source_.runs) {
    if (r.end <= from) continue;
    r.start = r.start > from ? r.start - from : 0;
    r.end -= from;
    rest.runs.push_back(std::move(r));
  }
  std::vector<size_t> points;
  for (size_t p : hyphen_points_)
    if (p > from) points.push_back(p - from);
  ParagraphStyle style = style_;
  style.indent = Pt{0};
  auto out = std::make_unique<PangoParagraph>(context_.get(), std::move(rest), std::move(style),
                                              std::move(points), cache_);
  out->all_ragged_ = all_ragged_;
  return out;
}

PangoLayoutLine* PangoParagraph::layout_line(int index) {
  settle();
  return pango_layout_get_line_readonly(layout_.get(), index);
}

std::shared_ptr<const GlyphLine> PangoParagraph::glyph_line(int index) {
  const LineInfo info = line(index);
  auto out = std::make_shared<GlyphLine>();
  FontFaces own;  // a paragraph without a cache (tests) names its faces itself
  set_glyph_runs(layout_line(index), pango_layout_get_text(layout_.get()),
                 cache_ ? cache_->faces() : own, out->runs, out->missing);
  for (const GlyphRun& run : out->runs) out->ink = core::unite(out->ink, run.ink);
  out->text = line_text(index);
  out->size = style_.size;
  out->width = info.width;
  out->ascent = info.ascent;
  out->descent = info.descent;
  out->ink_pitch = info.ink_pitch;
  return out;
}

}  // namespace broadside::text
