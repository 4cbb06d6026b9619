// pango_typesetter.hpp — the Pango/HarfBuzz typesetter: one font map and context per thread
// over the shared FontLibrary.
#pragma once

#include <pango/pango.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "core/handle.hpp"
#include "text/decompose_uncovered.hpp"
#include "text/font_library.hpp"
#include "text/pango_paragraph.hpp"
#include "text/typesetter.hpp"

namespace broadside::text {

class PangoTypesetter final : public Typesetter {
 public:
  /// Text is measured in points (font map resolution 72 dpi) with unhinted metrics, so PDF and
  /// PNG share one layout at any resolution. Hyphenation dictionaries come from
  /// `hyphenation_dir` (core::Options::hyphenation_dir).
  PangoTypesetter(const FontLibrary& library, std::filesystem::path hyphenation_dir);
  std::unique_ptr<Paragraph> shape(const core::RichText& text,
                                   const ParagraphStyle& style) override;
  bool can_hyphenate(const std::string& lang) override;

 private:
  /// A context per paragraph language, all over the one font map.
  PangoContext* context_for(const std::string& lang);

  core::Handle<PangoFontMap, g_object_unref> font_map_;
  std::map<std::string, core::Handle<PangoContext, g_object_unref>> contexts_;
  std::shared_ptr<ParagraphCache> cache_;
  std::filesystem::path hyphenation_dir_;
  /// Which letters each style's first font has, for decompose_uncovered().
  FirstFontSpellings first_fonts_;
};

}  // namespace broadside::text
