// metrics_sample.cpp — the text Pango measures a font's metrics on cut to its first character:
// Pango 1.50 asks every new font (each size a fit tries is one) for its metrics as it lays a
// line out, and PangoCairo then lays out the language's whole sample sentence ("The quick brown
// fox …") in a layout of its own, loading every glyph of it at that size, only to learn an
// approximate character width. broadside reads none of that width (nor Pango, which lays out
// with the ascent, descent and height that do not come from it). Font metrics took 7% of the
// cold leaflet's instructions and 30% of its headline fit's; the cut sample saves 2% of the
// whole.
//
// The definition takes the place of Pango's own for the whole process, as shape_memo.cpp's do
// for HarfBuzz, and calls Pango's through dlsym. PangoCairo keeps a font's metrics per sample
// text by its address, so each language's cut text is made once and kept.
#include "text/metrics_sample.hpp"

#include <dlfcn.h>
#include <glib.h>
#include <pango/pango.h>

#include <map>
#include <mutex>
#include <string>

namespace broadside::text {
namespace {

using SampleFn = const char* (*)(PangoLanguage*);

SampleFn pango_sample() {
  static const auto fn =
      reinterpret_cast<SampleFn>(dlsym(RTLD_NEXT, "pango_language_get_sample_string"));
  return fn;
}

std::mutex& guard() {
  static std::mutex m;
  return m;
}

/// Each language's cut sample, by PangoLanguage (Pango's are interned, one per tag, never freed).
std::map<PangoLanguage*, std::string>& cut_samples() {
  static std::map<PangoLanguage*, std::string> samples;
  return samples;
}

}  // namespace

std::string cut_sample(const char* sample) {
  if (!sample || !*sample) return sample ? sample : "";
  // PangoCairo divides by the sample's width in columns: a first character of no width (a
  // combining mark) keeps the whole sample.
  const gunichar first = g_utf8_get_char(sample);
  if (g_unichar_iszerowidth(first)) return sample;
  return std::string(sample, static_cast<size_t>(g_utf8_next_char(sample) - sample));
}

bool metrics_sample_linked() {
  return pango_sample() != nullptr;
}

}  // namespace broadside::text

extern "C" const char* pango_language_get_sample_string(PangoLanguage* language) {
  using namespace broadside::text;
  const SampleFn real = pango_sample();
  // Pango's own answers for a NULL language with the default language's sample.
  if (!language) language = pango_language_get_default();
  std::lock_guard lock(guard());
  auto& samples = cut_samples();
  auto it = samples.find(language);
  if (it == samples.end()) it = samples.emplace(language, cut_sample(real(language))).first;
  return it->second.c_str();
}
