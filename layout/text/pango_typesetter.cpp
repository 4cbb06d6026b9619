// pango_typesetter.cpp — per-thread Pango context over our font set; paragraph preparation
// (case, hyphenation points) before shaping.
#include "text/pango_typesetter.hpp"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "core/language.hpp"
#include "text/decompose_uncovered.hpp"
#include "text/font_face_impl.hpp"
#include "text/hyphen_policy.hpp"
#include "text/hyphenator.hpp"
#include "text/marks.hpp"
#include "text/metrics_sample.hpp"
#include "text/pango_paragraph.hpp"
#include "text/phrases.hpp"
#include "text/scripts.hpp"
#include "text/shape_memo.hpp"
#include "text/word_breaks.hpp"

namespace broadside::text {

namespace {
/// Points as device units: layout happens in PDF user space whatever the output resolution.
constexpr double kLayoutDpi = 72.0;
}  // namespace

PangoTypesetter::PangoTypesetter(const FontLibrary& library, std::filesystem::path hyphenation_dir)
    : font_map_(pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT)),
      cache_(std::make_shared<ParagraphCache>()),
      hyphenation_dir_(std::move(hyphenation_dir)) {
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(font_map_.get()), library.config());
  pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(font_map_.get()), kLayoutDpi);
  // Links shape_memo.cpp's stand-ins for HarfBuzz's hb_shape into every binary that lays out.
  (void)shape_memo_stats();
  // And metrics_sample.cpp's for Pango's sample text.
  (void)metrics_sample_linked();
}

PangoContext* PangoTypesetter::context_for(const std::string& lang) {
  auto& context = contexts_[lang];
  if (context) return context.get();
  context.reset(pango_font_map_create_context(font_map_.get()));
  pango_cairo_context_set_resolution(context.get(), kLayoutDpi);
  // Unhinted outlines and metrics: glyph advances do not depend on the output resolution, so
  // the PNG preview breaks lines exactly as the PDF does.
  core::Handle<cairo_font_options_t, cairo_font_options_destroy> options(
      cairo_font_options_create());
  set_text_options(options.get());
  pango_cairo_context_set_font_options(context.get(), options.get());
  pango_context_set_round_glyph_positions(context.get(), FALSE);
  // The paragraph's language, not the process locale's: Pango looks fonts up for the context's
  // language as well as the text's, and each look-up sorts every font we have (milliseconds).
  pango_context_set_language(context.get(), pango_language_from_string(lang.c_str()));
  // Paragraphs take their direction from the language, never from their first strong letter.
  pango_context_set_base_dir(context.get(),
                             core::is_rtl(lang) ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  return context.get();
}

bool PangoTypesetter::can_hyphenate(const std::string& lang) {
  return Hyphenator::for_language(lang, hyphenation_dir_) != nullptr;
}

std::unique_ptr<Paragraph> PangoTypesetter::shape(const core::RichText& text,
                                                  const ParagraphStyle& style) {
  // Phrases are found in the text as written: "ICE" is an acronym, "For" a function word, even
  // when the style sets both in capitals.
  core::RichText phrased = text;
  if (style.phrasing != Phrasing::anywhere) {
    PhraseRules rules{.keep_hyphenated = style.phrasing != Phrasing::phrases_and_hyphens,
                      .bind_short_words = style.phrasing != Phrasing::function_words &&
                                          style.phrasing != Phrasing::phrases_and_hyphens,
                      .keep_sentence_ends = style.phrasing == Phrasing::sentences};
    if (style.loose_phrase_width.value > 0) {
      // The phrase set on its own, in the paragraph's face, case and tracking, unbroken.
      ParagraphStyle alone = style;
      alone.phrasing = Phrasing::anywhere;
      alone.loose_phrase_width = Pt{0};
      alone.size = style.loose_phrase_size;
      alone.hyphenate = false;
      alone.indent = Pt{0};
      alone.align = core::Align::start;
      rules.too_wide = [this, alone, limit = style.loose_phrase_width](std::string_view phrase) {
        core::RichText t;
        t.text = std::string(phrase);
        auto p = shape(t, alone);
        p->set_width(Pt{0});
        return p->max_line_width() > limit + Pt{0.01};
      };
    }
    phrased = bind_phrases(text, style.lang, rules);
  }
  if (style.phrasing == Phrasing::sentences) phrased = break_sentences(phrased, style.lang);
  core::RichText prepared = join_addresses(transform_case(phrased, style.text_case, style.lang));
  // A hard line break in indented or justified text goes on in the same paragraph.
  if (style.indent != Pt{0} || style.align == core::Align::justify)
    prepared = hard_breaks_as_line_separators(prepared);
  if (core::is_rtl(style.lang)) prepared = isolate_ltr_tokens(prepared);
  if (core::primary_language(style.lang) == "ko") prepared = keep_hangul_words(prepared);
  // Lao, Khmer and Myanmar put no spaces between words: ICU's dictionaries say where lines may
  // break, and an invisible ZERO WIDTH SPACE tells Pango (which breaks Thai itself, by libthai).
  prepared = with_break_opportunities(prepared, dictionary_breaks(prepared.text, style.lang));
  std::vector<size_t> points;
  ParagraphStyle set = style;
  if (style.hyphenate) {
    // Dictionary look-ups are a good part of setting a long paragraph: a batch sets the same
    // paragraphs job after job.
    std::string key = style.lang + '\0' + std::to_string(style.hyphen_min_left) + '\0' +
                      std::to_string(style.hyphen_min_right) + '\0' + prepared.text;
    if (auto hit = cache_->hyphen_points(key)) {
      points = *hit;
    } else if (auto hyphenator = Hyphenator::for_language(style.lang, hyphenation_dir_)) {
      points = allowed_hyphen_points(
          prepared.text,
          hyphenator->break_points(prepared.text, style.hyphen_min_left, style.hyphen_min_right),
          style.lang);
      cache_->add_hyphen_points(std::move(key), std::make_shared<std::vector<size_t>>(points));
    } else if (style.align == core::Align::justify && !justifies_without_hyphenation(style.lang)) {
      // No dictionary for the language: justified, its long words would open rivers the
      // breaker can only refuse paragraph by paragraph. Set ragged from the start.
      set.align = core::Align::start;
    }
  }
  set.face.families = families_for_text(style.face, prepared.text, style.lang);
  PangoContext* context = context_for(style.lang);
  // Last, after the hyphenation points were found in the text as written (dictionaries spell
  // their words precomposed).
  prepared = decompose_uncovered(
      std::move(prepared),
      [&](const core::StyleRun* run) -> FontSpellings& {
        return first_fonts_.of(context, set, run);
      },
      points);
  return std::make_unique<PangoParagraph>(context, std::move(prepared), std::move(set),
                                          std::move(points), cache_);
}

}  // namespace broadside::text
