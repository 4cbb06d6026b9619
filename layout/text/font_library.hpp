// font_library.hpp — broadside's own font set: fonts/ plus named Debian font folders, through a
// fontconfig configuration of our own, loaded once per process (never the machine's fonts.conf).
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/typography.hpp"

typedef struct _FcConfig FcConfig;

namespace broadside::text {

/// One face of a family, as fontconfig lists it.
struct FaceInfo {
  std::string family;
  std::string style;  // "Bold Italic"
  int weight = 400;   // CSS weight
  core::FontSlant slant = core::FontSlant::normal;
  std::filesystem::path file;
  /// Its width; a variable font's range, from `width` to `widest`.
  core::FontWidth width = core::FontWidth::normal, widest = core::FontWidth::normal;
};

class FontLibrary {
 public:
  /// Loads `config_file` (fonts/broadside.conf); nullptr after reporting why it cannot (the
  /// file cannot be loaded, or it finds no fonts).
  static std::shared_ptr<const FontLibrary> load(const std::filesystem::path& config_file,
                                                 core::Diagnostics& diags);

  /// Takes over `config`, a loaded configuration that finds fonts (load() makes one).
  explicit FontLibrary(FcConfig* config);
  ~FontLibrary();
  FontLibrary(const FontLibrary&) = delete;
  FontLibrary& operator=(const FontLibrary&) = delete;

  FcConfig* config() const { return config_; }
  /// Every face, sorted by family then weight.
  const std::vector<FaceInfo>& faces() const { return faces_; }
  bool has_family(const std::string& family) const;
  /// ISO 15924 codes of the scripts a family can set ("Latn Cyrl Grek"), judged by a few
  /// letters of each script that its regular face must have.
  std::vector<std::string> scripts_of(const std::string& family) const;
  /// Whether any font in the set has a glyph for `c`.
  bool covers(char32_t c) const;
  /// Checks that the first family exists with the weight, slant and width asked for, and that
  /// every fallback family exists; problems are reported at `where` for `style_name`.
  void verify(const core::Typeface& face, const std::string& style_name,
              const core::SourceLocation& where, core::Diagnostics& diags) const;

 private:
  /// Merges every face's character set: tens of milliseconds over the Noto families, so it is
  /// done on the first covers() or scripts_of(), never for a render.
  void load_coverage() const;
  /// For a family that is not installed: the nearest installed one, and where to see them all.
  std::string missing_family_hint(const std::string& family) const;

  FcConfig* config_ = nullptr;
  std::vector<FaceInfo> faces_;
  /// faces_[i].family in lower case, for case-blind lookups without a copy per face.
  std::vector<std::string> lower_families_;
  /// Union of every face's characters, and each family's; filled once, by load_coverage().
  struct CharSet;
  mutable std::once_flag coverage_loaded_;
  mutable std::shared_ptr<CharSet> all_chars_;
  mutable std::vector<std::pair<std::string, std::shared_ptr<CharSet>>> family_chars_;
};

}  // namespace broadside::text
