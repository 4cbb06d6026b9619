// font_library.cpp — loads our fontconfig configuration and checks font requests against it.
#include "text/font_library.hpp"

#include <fontconfig/fontconfig.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/ascii.hpp"
#include "core/handle.hpp"
#include "core/suggest.hpp"

namespace broadside::text {

namespace {

using PatternHandle = core::Handle<FcPattern, FcPatternDestroy>;
using FontSetHandle = core::Handle<FcFontSet, FcFontSetDestroy>;
using ObjectSetHandle = core::Handle<FcObjectSet, FcObjectSetDestroy>;

core::FontSlant slant_from_fc(int slant) {
  if (slant == FC_SLANT_ITALIC) return core::FontSlant::italic;
  if (slant == FC_SLANT_OBLIQUE) return core::FontSlant::oblique;
  return core::FontSlant::normal;
}

std::string slant_name(core::FontSlant s) {
  return s == core::FontSlant::italic ? "italic" : s == core::FontSlant::oblique ? "oblique" : "";
}

/// The CSS width nearest a fontconfig one (FC_WIDTH_CONDENSED is 75, the percentage of the
/// normal width that CSS's `condensed` also means).
core::FontWidth width_from_fc(double width) {
  constexpr std::pair<double, core::FontWidth> kWidths[] = {
      {50, core::FontWidth::ultra_condensed}, {62.5, core::FontWidth::extra_condensed},
      {75, core::FontWidth::condensed},       {87.5, core::FontWidth::semi_condensed},
      {100, core::FontWidth::normal},         {112.5, core::FontWidth::semi_expanded},
      {125, core::FontWidth::expanded},       {150, core::FontWidth::extra_expanded},
      {200, core::FontWidth::ultra_expanded}};
  auto best = kWidths[0];
  for (const auto& w : kWidths)
    if (std::abs(w.first - width) < std::abs(best.first - width)) best = w;
  return best.second;
}

/// A face's width, or a variable font's range of them.
std::pair<core::FontWidth, core::FontWidth> widths_of(FcPattern* p) {
  int width = FC_WIDTH_NORMAL;
  FcRange* range = nullptr;
  double lo = 0, hi = 0;
  if (FcPatternGetRange(p, FC_WIDTH, 0, &range) == FcResultMatch &&
      FcRangeGetDouble(range, &lo, &hi))
    return {width_from_fc(lo), width_from_fc(hi)};
  FcPatternGetInteger(p, FC_WIDTH, 0, &width);
  return {width_from_fc(width), width_from_fc(width)};
}

/// The words face names use for a CSS weight ("Semi Bold", "SemiBold", "DemiBold" all read
/// "semibold" once spaces and hyphens go): a family whose Regular face is not weight 400
/// (League Spartan's is 350) is then answered with the number its Regular face has.
std::vector<std::string_view> weight_names(int weight) {
  switch (weight) {
    case 100:
      return {"thin", "hairline"};
    case 200:
      return {"extralight", "ultralight"};
    case 300:
      return {"light"};
    case 400:
      return {"regular", "normal", "book", "roman", ""};
    case 500:
      return {"medium"};
    case 600:
      return {"semibold", "demibold"};
    case 700:
      return {"bold"};
    case 800:
      return {"extrabold", "ultrabold"};
    case 900:
      return {"black", "heavy"};
    default:
      return {};
  }
}

/// A style name without its slant and spacing: "Extra Bold Italic" -> "extrabold".
std::string weight_word(const std::string& style) {
  std::string out;
  for (char c : core::ascii_lower(style))
    if (c != ' ' && c != '-' && c != '_') out += c;
  for (std::string_view slant : {"italic", "oblique"})
    if (const size_t at = out.find(slant); at != std::string::npos) out.erase(at, slant.size());
  return out;
}

std::string width_name(core::FontWidth w) {
  constexpr const char* kNames[] = {"ultra-condensed", "extra-condensed", "condensed",
                                    "semi-condensed",  "normal",          "semi-expanded",
                                    "expanded",        "extra-expanded",  "ultra-expanded"};
  return kNames[static_cast<int>(w)];
}

std::vector<FaceInfo> list_faces(FcConfig* config) {
  PatternHandle pattern(FcPatternCreate());
  ObjectSetHandle objects(
      FcObjectSetBuild(FC_FAMILY, FC_STYLE, FC_WEIGHT, FC_SLANT, FC_WIDTH, FC_FILE, nullptr));
  FontSetHandle set(FcFontList(config, pattern.get(), objects.get()));
  std::vector<FaceInfo> faces;
  for (int i = 0; set && i < set->nfont; ++i) {
    FcPattern* p = set->fonts[i];
    FcChar8* file = nullptr;
    FcChar8* style = nullptr;
    double weight = FC_WEIGHT_REGULAR;
    int slant = FC_SLANT_ROMAN;
    FcPatternGetString(p, FC_FILE, 0, &file);
    FcPatternGetString(p, FC_STYLE, 0, &style);
    FcPatternGetDouble(p, FC_WEIGHT, 0, &weight);
    FcPatternGetInteger(p, FC_SLANT, 0, &slant);
    int css_weight = static_cast<int>(FcWeightToOpenTypeDouble(weight) + 0.5);
    // A few files call their Bold weight Regular (Noto Serif Myanmar, Noto Nastaliq Urdu);
    // fonts/broadside.conf has requests for them ask for the style, and so does this list.
    const std::string_view style_name = style ? reinterpret_cast<char*>(style) : "";
    if (css_weight == 400 && (style_name == "Bold" || style_name == "Bold Italic"))
      css_weight = 700;
    // A file may list several family names (localized, typographic); each is a valid request.
    FcChar8* family = nullptr;
    for (int f = 0; FcPatternGetString(p, FC_FAMILY, f, &family) == FcResultMatch; ++f) {
      const auto [width, widest] = widths_of(p);
      faces.push_back({reinterpret_cast<char*>(family), style ? reinterpret_cast<char*>(style) : "",
                       css_weight, slant_from_fc(slant), file ? reinterpret_cast<char*>(file) : "",
                       width, widest});
    }
  }
  std::sort(faces.begin(), faces.end(), [](const FaceInfo& a, const FaceInfo& b) {
    return std::tie(a.family, a.weight, a.slant, a.file) <
           std::tie(b.family, b.weight, b.slant, b.file);
  });
  return faces;
}

/// Letters each script's fonts have, to tell which scripts a family covers.
const std::vector<std::pair<const char*, std::u32string>>& script_samples() {
  static const std::vector<std::pair<const char*, std::u32string>> samples = {
      {"Latn", U"AaZz"}, {"Cyrl", U"ЖжЯя"}, {"Grek", U"ΩωΣσ"}, {"Arab", U"عبك"},  {"Hebr", U"אבש"},
      {"Deva", U"कखग"},  {"Beng", U"কখগ"},  {"Guru", U"ਕਖ"},   {"Taml", U"கச"},   {"Thai", U"กข"},
      {"Hans", U"中国"}, {"Hant", U"中國"}, {"Jpan", U"かカ"}, {"Kore", U"한국"}, {"Ethi", U"ሀለ"},
      {"Armn", U"ԱՄ"},   {"Geor", U"აბ"},
  };
  return samples;
}

// A script the samples do not name counts once a family has this many of its letters: enough
// to set words, more than the odd borrowed letter (a Latin face's µ or π).
constexpr int kMinLettersOfScript = 16;

// Calls `f` with every character of `set`.
template <typename F>
void for_each_char(const FcCharSet* set, F&& f) {
  FcChar32 map[FC_CHARSET_MAP_SIZE];
  FcChar32 next = 0;
  for (FcChar32 page = FcCharSetFirstPage(set, map, &next); page != FC_CHARSET_DONE;
       page = FcCharSetNextPage(set, map, &next))
    for (int word = 0; word < FC_CHARSET_MAP_SIZE; ++word)
      for (int bit = 0; bit < 32; ++bit)
        if (map[word] & (1u << bit))
          f(static_cast<UChar32>(page + static_cast<FcChar32>(word * 32 + bit)));
}

// A face with no letters still has a script column: the scripts its marks, digits and signs
// belong to (Tamil fractions, SignWriting), led by Zsym (ISO 15924 "symbols") when symbols
// are most of it (music, dingbats); Zyyy ("common") when nothing else names it (Mayan numerals).
std::vector<std::string> scripts_without_letters(const FcCharSet* set) {
  std::map<UScriptCode, int> chars;
  std::vector<UScriptCode> order;
  int symbols = 0, others = 0;
  for_each_char(set, [&](UChar32 c) {
    if (u_isspace(c) || !u_isprint(c)) return;
    const auto type = static_cast<UCharCategory>(u_charType(c));
    (type == U_OTHER_SYMBOL || type == U_MATH_SYMBOL ? symbols : others)++;
    UErrorCode error = U_ZERO_ERROR;
    const UScriptCode code = uscript_getScript(c, &error);
    if (U_FAILURE(error) || code == USCRIPT_COMMON || code == USCRIPT_INHERITED ||
        code == USCRIPT_UNKNOWN)
      return;
    if (chars[code]++ == 0) order.push_back(code);
  });
  std::vector<std::string> out;
  if (symbols > others) out.push_back("Zsym");
  for (UScriptCode code : order)
    if (chars[code] >= kMinLettersOfScript) out.push_back(uscript_getShortName(code));
  if (out.empty()) out.push_back("Zyyy");
  return out;
}

// The scripts the samples decide on their own: the CJK writing systems (Hans, Hant, Jpan, Kore
// share Han), and the scripts a sample names.
bool decided_by_samples(UScriptCode code) {
  switch (code) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_HANGUL:
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
    case USCRIPT_UNKNOWN:
      return true;
    default:
      break;
  }
  const char* name = uscript_getShortName(code);
  for (const auto& [script, sample] : script_samples())
    if (name && std::string_view(script) == name) return true;
  return false;
}

}  // namespace

struct FontLibrary::CharSet {
  FcCharSet* set = FcCharSetCreate();
  ~CharSet() { FcCharSetDestroy(set); }
};

std::shared_ptr<const FontLibrary> FontLibrary::load(const std::filesystem::path& config_file,
                                                     core::Diagnostics& diags) {
  const core::SourceLocation where{config_file.string()};
  FcConfig* config = FcConfigCreate();
  if (!config ||
      !FcConfigParseAndLoad(config, reinterpret_cast<const FcChar8*>(config_file.c_str()),
                            FcTrue) ||
      !FcConfigBuildFonts(config)) {
    if (config) FcConfigDestroy(config);
    diags.error(where, "cannot load the font configuration");
    return nullptr;
  }
  // Fonts read from fontconfig's cache files count their references under a lock, after a
  // search of every cache file (FcCacheObjectReference): Pango takes and drops a reference to
  // each font of every sorted set (~55,000 a leaflet, ~18 million instructions). The same
  // fonts copied to the heap count them with an atomic; their values are equal, so every
  // sort, match and prepared pattern is too.
  if (FcFontSet* fonts = FcConfigGetFonts(config, FcSetSystem))
    for (int i = 0; i < fonts->nfont; ++i)
      if (FcPattern* copy = FcPatternDuplicate(fonts->fonts[i])) {
        FcPatternDestroy(fonts->fonts[i]);
        fonts->fonts[i] = copy;
      }
  auto library = std::make_shared<const FontLibrary>(config);
  if (library->faces().empty()) {
    diags.error(where, "the font configuration finds no fonts",
                "run scripts/setup.sh to install the font packages");
    return nullptr;
  }
  return library;
}

FontLibrary::FontLibrary(FcConfig* config) : config_(config) {
  // Ours becomes the process's default configuration too: Pango's font map otherwise loads the
  // machine's own (every installed font's cache) on a thread of its own and waits for it, and
  // nothing else in the process should see the machine's fonts either.
  FcConfigSetCurrent(config_);
  faces_ = list_faces(config_);
  for (const auto& f : faces_) lower_families_.push_back(core::ascii_lower(f.family));
}

void FontLibrary::load_coverage() const {
  all_chars_ = std::make_shared<CharSet>();
  PatternHandle pattern(FcPatternCreate());
  ObjectSetHandle objects(FcObjectSetBuild(FC_FAMILY, FC_CHARSET, nullptr));
  FontSetHandle set(FcFontList(config_, pattern.get(), objects.get()));
  std::map<std::string, std::shared_ptr<CharSet>> by_family;
  for (int i = 0; set && i < set->nfont; ++i) {
    FcCharSet* chars = nullptr;
    FcChar8* family = nullptr;
    if (FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &chars) != FcResultMatch) continue;
    FcCharSetMerge(all_chars_->set, chars, nullptr);
    // Every name the face goes by ("Inter" and "Inter Black"): each is listed as a family.
    for (int n = 0; FcPatternGetString(set->fonts[i], FC_FAMILY, n, &family) == FcResultMatch;
         ++n) {
      auto& fam = by_family[core::ascii_lower(reinterpret_cast<char*>(family))];
      if (!fam) fam = std::make_shared<CharSet>();
      FcCharSetMerge(fam->set, chars, nullptr);
    }
  }
  family_chars_.assign(by_family.begin(), by_family.end());
}

std::vector<std::string> FontLibrary::scripts_of(const std::string& family) const {
  std::call_once(coverage_loaded_, [this] { load_coverage(); });
  std::vector<std::string> out;
  const std::string want = core::ascii_lower(family);
  for (const auto& [name, chars] : family_chars_) {
    if (name != want) continue;
    for (const auto& [script, sample] : script_samples()) {
      bool all = true;
      for (char32_t c : sample) all = all && FcCharSetHasChar(chars->set, c);
      if (all) out.push_back(script);
    }
    // Every other script (Gujarati, Khmer, Sinhala, ...) by the letters of it the family has,
    // so no face is listed without its scripts.
    std::map<UScriptCode, int> letters;
    std::vector<UScriptCode> order;
    for_each_char(chars->set, [&](UChar32 c) {
      if (!u_isalpha(c)) return;
      UErrorCode error = U_ZERO_ERROR;
      const UScriptCode code = uscript_getScript(c, &error);
      if (U_FAILURE(error) || decided_by_samples(code)) return;
      if (letters[code]++ == 0) order.push_back(code);
    });
    for (UScriptCode code : order)
      if (letters[code] >= kMinLettersOfScript) out.push_back(uscript_getShortName(code));
    if (out.empty()) out = scripts_without_letters(chars->set);
  }
  return out;
}

bool FontLibrary::covers(char32_t c) const {
  std::call_once(coverage_loaded_, [this] { load_coverage(); });
  return FcCharSetHasChar(all_chars_->set, c);
}

FontLibrary::~FontLibrary() {
  if (config_) FcConfigDestroy(config_);
}

bool FontLibrary::has_family(const std::string& family) const {
  const std::string want = core::ascii_lower(family);
  return std::find(lower_families_.begin(), lower_families_.end(), want) != lower_families_.end();
}

std::string FontLibrary::missing_family_hint(const std::string& family) const {
  std::vector<std::string> names;
  for (const auto& f : faces_)
    if (std::find(names.begin(), names.end(), f.family) == names.end()) names.push_back(f.family);
  // Family names are long: a third of the name may be slips and the rest still says which.
  const std::string near =
      core::did_you_mean(family, names, std::max<size_t>(2, family.size() / 3));
  const std::string list = "`broadside fonts` lists the families broadside can use";
  return near.empty() ? list : near + " " + list;
}

void FontLibrary::verify(const core::Typeface& face, const std::string& style_name,
                         const core::SourceLocation& where, core::Diagnostics& diags) const {
  std::set<std::string> reported;
  for (const auto& [script, families] : face.by_script)
    for (const auto& family : families)
      if (!has_family(family) && reported.insert(family).second)
        diags.error(where,
                    "style '" + style_name + "': font family '" + family + "' (for " + script +
                        " text) is not installed",
                    missing_family_hint(family));
  for (size_t i = 0; i < face.families.size(); ++i) {
    const std::string& family = face.families[i];
    if (!has_family(family)) {
      if (reported.insert(family).second)
        diags.error(where,
                    "style '" + style_name + "': font family '" + family + "' is not installed",
                    missing_family_hint(family));
      continue;
    }
    // Fallback families, and a font class's faces for most scripts, take their nearest face.
    if (i != 0 || face.nearest_weight) continue;
    const std::string want = core::ascii_lower(family);
    // A width other than normal must be there as surely as an italic: fontconfig would answer
    // with the normal face. Normal is whatever width the family has (Symbola's is 87%).
    const bool any_width = face.width == core::FontWidth::normal;
    std::map<int, std::string> weights;  // weight -> its face's style name
    bool exact = false;
    for (size_t k = 0; k < faces_.size(); ++k) {
      const FaceInfo& f = faces_[k];
      if (lower_families_[k] != want || f.slant != face.slant) continue;
      if (!any_width && (face.width < f.width || face.width > f.widest)) continue;
      weights.try_emplace(f.weight, f.style);
      exact = exact || f.weight == face.weight;
    }
    if (exact) continue;
    std::string have, named;
    for (const auto& [w, style] : weights) {
      have += (have.empty() ? "" : ", ") + std::to_string(w);
      if (!style.empty()) have += " " + style;
      const auto names = weight_names(face.weight);
      if (named.empty() && std::find(names.begin(), names.end(), weight_word(style)) != names.end())
        named = "its " + style + " face is weight " + std::to_string(w) +
                ": write `weight: " + std::to_string(w) + "`; ";
    }
    std::string kind = slant_name(face.slant);
    if (!any_width) kind = width_name(face.width) + (kind.empty() ? "" : " " + kind);
    diags.error(where,
                "style '" + style_name + "': '" + family + "' has no " +
                    (kind.empty() ? "" : kind + " ") + "face of weight " +
                    std::to_string(face.weight),
                weights.empty() ? "it has no " + kind + " faces at all"
                                : named + "available weights: " + have);
  }
}

}  // namespace broadside::text
