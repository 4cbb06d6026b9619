// font_subsets.cpp — hb-subset with glyph ids kept, loaded into FreeType from memory and handed
// to cairo as a face of its own.
#include "render/font_subsets.hpp"

#include <cairo-ft.h>
#include <hb-subset.h>
#include <hb.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <set>
#include <variant>

#include FT_FREETYPE_H

#include "core/mapped_pages.hpp"

namespace broadside::render {

namespace {

/// One FreeType library for every subset face of the process, never freed: cairo may keep a
/// face in its caches after the document that made it is gone. FreeType wants face creation and
/// release on one library serialised.
std::mutex g_ft_mutex;

FT_Library ft_library() {
  static FT_Library library = [] {
    FT_Library l = nullptr;
    return FT_Init_FreeType(&l) == 0 ? l : nullptr;
  }();
  return library;
}

/// The subset's bytes and the FreeType face over them, released together when cairo lets its
/// font face go.
struct FaceData {
  core::Handle<hb_blob_t, hb_blob_destroy> blob;
  FT_Face face = nullptr;
  FaceData() = default;
  FaceData(const FaceData&) = delete;
  FaceData& operator=(const FaceData&) = delete;
  ~FaceData() {
    std::lock_guard lock(g_ft_mutex);
    if (face) FT_Done_Face(face);
  }
};

/// cairo's destroy function for the user data: it owned the FaceData from there on.
void release_face(void* p) {
  std::unique_ptr<FaceData>(static_cast<FaceData*>(p)).reset();
}

const cairo_user_data_key_t kFaceDataKey{};

/// The font of `file` (face `index`) cut down to `glyphs`, glyph ids kept; null when HarfBuzz
/// cannot subset it.
core::Handle<hb_blob_t, hb_blob_destroy> subset_font(const std::string& file, int index,
                                                     const std::set<uint32_t>& glyphs) {
  core::Handle<hb_blob_t, hb_blob_destroy> source(hb_blob_create_from_file_or_fail(file.c_str()));
  if (!source) return nullptr;
  core::Handle<hb_face_t, hb_face_destroy> face(
      hb_face_create(source.get(), static_cast<unsigned>(index)));
  core::Handle<hb_subset_input_t, hb_subset_input_destroy> input(hb_subset_input_create_or_fail());
  if (!input) return nullptr;
  hb_set_t* gids = hb_subset_input_glyph_set(input.get());
  for (uint32_t g : glyphs) hb_set_add(gids, g);
  // The text is already shaped: layout tables and hinting are of no use in a PDF, and without
  // GSUB no glyph closure is computed.
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* tag : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "DSIG", "vhea", "vmtx",
                          "VORG", "kern", "morx", "feat"})
    hb_set_add(drop, hb_tag_from_string(tag, -1));
  // Desubroutinized: the subset then needs none of a big CFF font's thousands of subroutines
  // parsed and kept for the closure (a Chinese leaflet's peak memory fell 80 -> 74 MB), and the
  // few hundred glyphs of a leaflet come out smaller without them (zh leaflet PDF 146 -> 132 kB).
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING |
                                             HB_SUBSET_FLAGS_NOTDEF_OUTLINE |
                                             HB_SUBSET_FLAGS_DESUBROUTINIZE);
  core::Handle<hb_face_t, hb_face_destroy> subset(hb_subset_or_fail(face.get(), input.get()));
  if (!subset) return nullptr;
  core::Handle<hb_blob_t, hb_blob_destroy> bytes(hb_face_reference_blob(subset.get()));
  if (hb_blob_get_length(bytes.get()) == 0) return nullptr;
  return bytes;
}

/// A cairo face over `bytes`; null when FreeType cannot read them.
core::Handle<cairo_font_face_t, cairo_font_face_destroy> cairo_face_for(
    core::Handle<hb_blob_t, hb_blob_destroy> bytes) {
  auto data = std::make_unique<FaceData>();
  unsigned length = 0;
  const char* p = hb_blob_get_data(bytes.get(), &length);
  data->blob = std::move(bytes);
  {
    std::lock_guard lock(g_ft_mutex);
    FT_Library library = ft_library();
    if (!library || FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(p),
                                       static_cast<FT_Long>(length), 0, &data->face) != 0)
      return nullptr;
  }
  core::Handle<cairo_font_face_t, cairo_font_face_destroy> face(
      cairo_ft_font_face_create_for_ft_face(data->face, 0));
  // On failure the cairo face goes before the FreeType face it reads (declared after `data`).
  if (cairo_font_face_status(face.get()) != CAIRO_STATUS_SUCCESS ||
      cairo_font_face_set_user_data(face.get(), &kFaceDataKey, data.get(), release_face) !=
          CAIRO_STATUS_SUCCESS)
    return nullptr;
  data.release();  // cairo's now: release_face() frees it with the face
  return face;
}

}  // namespace

struct FontSubsets::Subset {
  core::Handle<cairo_font_face_t, cairo_font_face_destroy> face;
};

FontSubsets::FontSubsets(const compose::Composition& composition) {
  std::map<std::pair<std::string, int>, std::set<uint32_t>> used;
  std::map<std::string, bool> big;
  for (const auto& page : composition.pages)
    for (const auto& item : page.items) {
      const auto* line = std::get_if<compose::TextLine>(&item);
      if (!line || !line->glyphs) continue;
      for (const auto& run : line->glyphs->runs) {
        const std::string file = run.font.file().string();
        if (file.empty() || !run.font.scaled_font()) continue;
        auto [it, is_new] = big.try_emplace(file, false);
        if (is_new) {
          std::error_code ec;
          const auto size = std::filesystem::file_size(file, ec);
          it->second = !ec && size >= kMinFileBytes;
        }
        if (!it->second) continue;
        auto& glyphs = used[{file, run.font.index()}];
        for (const auto& g : run.glyphs) glyphs.insert(g.id);
      }
    }
  // Composing read these fonts' glyphs through FreeType's mappings (for their ink), and each
  // subset reads them again through a mapping of its own: without this both sets of pages,
  // megabytes for a CJK font, would be resident at once. Drawing the PDF needs neither.
  if (!used.empty()) {
    std::set<std::string, std::less<>> files;  // as /proc/self/maps names them: symlinks resolved
    for (const auto& entry : used) {
      std::error_code ec;
      const auto real = std::filesystem::canonical(entry.first.first, ec);
      if (!ec) files.insert(real.string());
    }
    core::release_mapped_pages([&](std::string_view path) { return files.count(path) > 0; });
  }
  for (const auto& [key, glyphs] : used) {
    auto bytes = subset_font(key.first, key.second, glyphs);
    if (!bytes) continue;
    auto face = cairo_face_for(std::move(bytes));
    if (!face) continue;
    subsets_[key] = std::make_shared<Subset>(Subset{std::move(face)});
  }
}

FontSubsets::~FontSubsets() = default;

cairo_scaled_font_t* FontSubsets::font_for(const text::FontFace& face) {
  cairo_scaled_font_t* original = face.scaled_font();
  if (subsets_.empty() || !original) return original;
  const auto it = subsets_.find({face.file().string(), face.index()});
  if (it == subsets_.end()) return original;
  auto& scaled = scaled_[{face.file().string(), face.index(), face.size().value}];
  if (!scaled) {
    cairo_matrix_t font_matrix, ctm;
    cairo_scaled_font_get_font_matrix(original, &font_matrix);
    cairo_scaled_font_get_ctm(original, &ctm);
    core::Handle<cairo_font_options_t, cairo_font_options_destroy> options(
        cairo_font_options_create());
    cairo_scaled_font_get_font_options(original, options.get());
    scaled.reset(
        cairo_scaled_font_create(it->second->face.get(), &font_matrix, &ctm, options.get()));
    if (cairo_scaled_font_status(scaled.get()) != CAIRO_STATUS_SUCCESS) {
      scaled.reset();
      return original;
    }
  }
  return scaled ? scaled.get() : original;
}

}  // namespace broadside::render
