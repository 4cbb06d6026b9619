// decompose_uncovered.cpp — precomposed letters a paragraph's first font lacks, spelt as a base
// and marks it has, before Pango picks a font for each character.
#include "text/decompose_uncovered.hpp"

#include <algorithm>

#include "text/pango_paragraph.hpp"

namespace broadside::text {

namespace {

/// Whether canonical decomposition takes `c` apart into a letter and a mark (GLib's tables,
/// Unicode's): nothing below U+00C0 does. Hangul syllables are left whole: their jamo are no
/// spelling a font without the syllable would set better.
bool is_precomposed(gunichar c) {
  if (c < 0xC0 || (c >= 0xAC00 && c <= 0xD7A3)) return false;
  gunichar a = 0, b = 0;
  return g_unichar_decompose(c, &a, &b) && b != 0;
}

void append_utf8(std::string& out, gunichar c) {
  char buf[6];
  out.append(buf, static_cast<size_t>(g_unichar_to_utf8(c, buf)));
}

PangoFont* first_font_of(PangoFontset* fontset) {
  PangoFont* first = nullptr;
  pango_fontset_foreach(
      fontset,
      [](PangoFontset*, PangoFont* font, gpointer data) -> gboolean {
        *static_cast<PangoFont**>(data) = font;
        return TRUE;  // the first is the one
      },
      &first);
  return first;
}

}  // namespace

FontSpellings::FontSpellings(PangoFont* font)
    : font_(font ? PANGO_FONT(g_object_ref(font)) : nullptr) {}

bool FontSpellings::has(gunichar c) {
  auto [it, fresh] = has_.try_emplace(c, false);
  if (fresh) it->second = font_ && pango_font_has_char(font_.get(), c);
  return it->second;
}

bool FontSpellings::spell(gunichar c, std::string& out) {
  if (has(c)) {
    append_utf8(out, c);
    return true;
  }
  // One canonical step at a time: a letter with two marks the font lacks ("ṩ") may still be
  // set as one with a mark it has ("ṣ") and the other mark.
  gunichar a = 0, b = 0;
  if (!g_unichar_decompose(c, &a, &b) || b == 0 || !has(b) || !spell(a, out)) return false;
  append_utf8(out, b);
  return true;
}

const std::string& FontSpellings::spelling(gunichar c) {
  auto [it, fresh] = spellings_.try_emplace(c);
  if (fresh && !has(c) && !spell(c, it->second)) it->second.clear();
  return it->second;
}

FontSpellings& FirstFontSpellings::of(PangoContext* context, const ParagraphStyle& style,
                                      const core::StyleRun* run) {
  // The size is left out: which characters a font has does not depend on it.
  std::string key = style.lang;
  for (const auto& family : style.face.families) key += '\0' + family;
  key += '\0';
  key += run && run->strong ? 's' : '-';
  key += run && run->emphasis ? 'e' : '-';
  key.append(reinterpret_cast<const char*>(&style.face.weight), sizeof style.face.weight);
  key += static_cast<char>(style.face.slant);
  key += static_cast<char>(style.face.width);
  auto& spellings = fonts_[key];
  if (spellings) return *spellings;
  // The fontset the paragraph's layout itself loads (same description and language), so Pango
  // and fontconfig answer from what they already hold, and its first font is the one Pango's
  // itemization tries first for every character.
  PangoFontDescription* desc = font_description(style, run);
  PangoFontset* fontset =
      pango_font_map_load_fontset(pango_context_get_font_map(context), context, desc,
                                  pango_language_from_string(style.lang.c_str()));
  pango_font_description_free(desc);
  spellings = std::make_unique<FontSpellings>(fontset ? first_font_of(fontset) : nullptr);
  if (fontset) g_object_unref(fontset);
  return *spellings;
}

core::RichText decompose_uncovered(core::RichText text, const FirstFont& first_font,
                                   std::vector<size_t>& points) {
  struct Change {
    size_t at = 0, remove = 0;
    std::string insert;
  };
  std::vector<Change> changes;
  const char* const begin = text.text.data();
  const char* const end = begin + text.text.size();
  size_t run = 0;  // the first run that does not end before the character
  // The first font of plain, strong, emphasised, strong emphasised text, asked for once each.
  FontSpellings* fonts[4] = {};
  for (const char* p = begin; p < end; p = g_utf8_next_char(p)) {
    const gunichar c = g_utf8_get_char(p);
    if (!is_precomposed(c)) continue;
    const auto at = static_cast<size_t>(p - begin);
    while (run < text.runs.size() && text.runs[run].end <= at) ++run;
    const core::StyleRun* in =
        run < text.runs.size() && text.runs[run].start <= at ? &text.runs[run] : nullptr;
    const size_t variant = (in && in->strong ? 1 : 0) + (in && in->emphasis ? 2 : 0);
    if (!fonts[variant]) fonts[variant] = &first_font(variant == 0 ? nullptr : in);
    const std::string& spelt = fonts[variant]->spelling(c);
    if (!spelt.empty())
      changes.push_back({at, static_cast<size_t>(g_utf8_next_char(p) - p), spelt});
  }
  if (changes.empty()) return text;
  std::string out;
  out.reserve(text.text.size() + changes.size() * 2);
  size_t from = 0;
  for (const Change& change : changes) {
    out.append(text.text, from, change.at - from);
    out += change.insert;
    from = change.at + change.remove;
  }
  out.append(text.text, from);
  text.text = std::move(out);
  // How far each offset moves: by what every change before it added. An offset at a changed
  // character (a run's start or end, a hyphenation point) stays at its start.
  std::vector<std::ptrdiff_t> shift_before(changes.size() + 1, 0);
  for (size_t i = 0; i < changes.size(); ++i)
    shift_before[i + 1] = shift_before[i] + static_cast<std::ptrdiff_t>(changes[i].insert.size()) -
                          static_cast<std::ptrdiff_t>(changes[i].remove);
  auto remap = [&](size_t offset) {
    const auto next = std::lower_bound(changes.begin(), changes.end(), offset,
                                       [](const Change& c, size_t o) { return c.at < o; });
    return static_cast<size_t>(static_cast<std::ptrdiff_t>(offset) +
                               shift_before[static_cast<size_t>(next - changes.begin())]);
  };
  for (auto& r : text.runs) {
    r.start = remap(r.start);
    r.end = remap(r.end);
  }
  for (size_t& point : points) point = remap(point);
  return text;
}

}  // namespace broadside::text
