// shape_memo.cpp — remembers HarfBuzz's shaping of a run for when Pango asks for it again: Pango
// 1.50 shapes every item of a paragraph anew each time it lays the paragraph out, and the size
// and balance searches lay one paragraph out at many widths (the leaflet's headline ~110
// times), where the same items and the same pieces of split items come back again and again.
//
// These definitions take the place of HarfBuzz's own for the whole process (the executable's
// symbols come first in the dynamic linker's search, as fontset_memo.cpp's do for fontconfig)
// and call HarfBuzz's through dlsym. Only Pango calls them (cairo and hb-subset do not shape).
//
// The results are exact: a run is answered from memory only when everything its shaping reads
// is equal — the font (Pango's hb_font for one PangoFont at one size, and the sub-font Pango
// shapes through, by scale, ppem, ptem and variation coordinates), the buffer's properties,
// flags and special glyphs, the features, every character with its cluster, and the text
// around the run that HarfBuzz keeps as context (hb_buffer_add_utf8's, recorded here as Pango
// adds it). The sub-font's callbacks are Pango's own, which answer from the PangoFont and the
// item's PANGO_ATTR_SHOW flags; broadside sets no such attribute, so they are the font's.
#include "text/shape_memo.hpp"

#include <dlfcn.h>
#include <hb.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

namespace broadside::text {
namespace {

using ShapeFn = void (*)(hb_font_t*, hb_buffer_t*, const hb_feature_t*, unsigned);
using AddUtf8Fn = void (*)(hb_buffer_t*, const char*, int, unsigned, int);

/// Bytes of text either side of a run kept in the key: HarfBuzz keeps up to five characters of
/// context each side, and a UTF-8 character is at most four bytes.
constexpr size_t kContextBytes = 20;
/// Memory for one generation of a thread's remembered runs (keys and glyphs); a cold leaflet
/// needs ~1 MB. When the newer generation is full the older is dropped, so a long merge keeps
/// what each row shapes again (all but the row's own values) in at most two generations.
constexpr size_t kGenerationBytes = size_t{1} << 20;

struct Shaped {
  std::vector<hb_glyph_info_t> infos;
  std::vector<hb_glyph_position_t> positions;
};

struct Memo {
  using Runs = std::unordered_map<std::string, Shaped>;
  /// The newer generation, what its keys and glyphs take, and the older one.
  Runs runs;
  size_t bytes = 0;
  Runs older;
  size_t older_bytes = 0;
  /// The buffer Pango is filling, and the context its hb_buffer_add_utf8 calls gave it.
  hb_buffer_t* buffer = nullptr;
  bool is_known = false;
  std::string context;
  std::string key;
  ShapeMemoStats stats;
};

Memo& memo() {
  thread_local Memo m;
  return m;
}

/// What a run takes in memory, its key and glyphs, making room for it first: when the newer
/// generation would outgrow kGenerationBytes it becomes the older, and the older is dropped.
size_t make_room_for(Memo& m, const std::string& key, const Shaped& shaped) {
  const size_t bytes =
      key.size() + shaped.infos.size() * (sizeof(hb_glyph_info_t) + sizeof(hb_glyph_position_t));
  if (m.bytes + bytes > kGenerationBytes) {
    m.older = std::move(m.runs);
    m.older_bytes = m.bytes;
    m.runs.clear();
    m.bytes = 0;
  }
  return bytes;
}

template <class T>
void put(std::string& key, const T& value) {
  key.append(reinterpret_cast<const char*>(&value), sizeof value);
}

/// A number for each hb_font, never reused: a font made at a freed one's address has none yet.
uintptr_t font_id(hb_font_t* font) {
  static hb_user_data_key_t key;
  static std::atomic<uintptr_t> next{1};
  if (auto id = reinterpret_cast<uintptr_t>(hb_font_get_user_data(font, &key))) return id;
  const uintptr_t id = next.fetch_add(1);
  return hb_font_set_user_data(font, &key, reinterpret_cast<void*>(id), nullptr, false) ? id : 0;
}

template <class F>
F real(const char* name) {
  return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}

/// Everything the shaping of `buffer` with `font` reads, or false when the run cannot be keyed.
bool make_key(Memo& m, hb_font_t* font, hb_buffer_t* buffer, const hb_feature_t* features,
              unsigned num_features) {
  hb_font_t* parent = hb_font_get_parent(font);
  if (parent == hb_font_get_empty() ||
      hb_buffer_get_content_type(buffer) != HB_BUFFER_CONTENT_TYPE_UNICODE)
    return false;
  const uintptr_t id = font_id(parent);
  if (id == 0) return false;
  std::string& key = m.key;
  key.clear();
  put(key, id);
  put(key, hb_font_get_serial(parent));
  int x_scale = 0, y_scale = 0;
  hb_font_get_scale(font, &x_scale, &y_scale);
  put(key, x_scale);
  put(key, y_scale);
  unsigned x_ppem = 0, y_ppem = 0;
  hb_font_get_ppem(font, &x_ppem, &y_ppem);
  put(key, x_ppem);
  put(key, y_ppem);
  put(key, hb_font_get_ptem(font));
  unsigned coords = 0;
  const int* coord = hb_font_get_var_coords_normalized(font, &coords);
  put(key, coords);
  key.append(reinterpret_cast<const char*>(coord), coords * sizeof *coord);
  hb_segment_properties_t props;
  hb_buffer_get_segment_properties(buffer, &props);
  put(key, props.direction);
  put(key, props.script);
  put(key, props.language);
  put(key, hb_buffer_get_flags(buffer));
  put(key, hb_buffer_get_cluster_level(buffer));
  put(key, hb_buffer_get_invisible_glyph(buffer));
  put(key, hb_buffer_get_replacement_codepoint(buffer));
  put(key, hb_buffer_get_not_found_glyph(buffer));
  put(key, num_features);
  key.append(reinterpret_cast<const char*>(features), num_features * sizeof *features);
  unsigned length = 0;
  const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &length);
  put(key, length);
  key.append(reinterpret_cast<const char*>(infos), length * sizeof *infos);
  key += m.context;
  return true;
}

}  // namespace

ShapeMemoStats shape_memo_stats() {
  ShapeMemoStats stats = memo().stats;
  stats.bytes = memo().bytes + memo().older_bytes;
  return stats;
}

}  // namespace broadside::text

extern "C" __attribute__((visibility("default"))) void hb_buffer_add_utf8(hb_buffer_t* buffer,
                                                                          const char* text,
                                                                          int text_length,
                                                                          unsigned int item_offset,
                                                                          int item_length) {
  using namespace broadside::text;
  static const auto add = real<AddUtf8Fn>("hb_buffer_add_utf8");
  auto& m = memo();
  // A run starts in an empty buffer. Its length, not only its address, tells a new run: a
  // buffer filled here but shaped by HarfBuzz's own hb_shape (a test's reference), then freed,
  // leaves its address to the next one.
  if (m.buffer != buffer || hb_buffer_get_length(buffer) == 0) {
    m.buffer = buffer;
    m.is_known = true;
    m.context.clear();
  }
  if (text_length < 0 || item_length < 0 || item_offset > static_cast<unsigned>(text_length))
    m.is_known = false;
  if (m.is_known) {
    // As HarfBuzz does: the text before the run is context only when the buffer was empty, the
    // text after it always.
    const auto size = static_cast<size_t>(text_length);
    const size_t end = std::min(size, item_offset + static_cast<size_t>(item_length));
    const bool first = hb_buffer_get_length(buffer) == 0;
    m.context += first ? 'F' : 'A';
    if (first) {
      const size_t from = item_offset > kContextBytes ? item_offset - kContextBytes : 0;
      put(m.context, item_offset - from);
      m.context.append(text + from, item_offset - from);
    }
    const size_t to = std::min(size, end + kContextBytes);
    put(m.context, to - end);
    m.context.append(text + end, to - end);
  }
  add(buffer, text, text_length, item_offset, item_length);
}

extern "C" __attribute__((visibility("default"))) void hb_shape(hb_font_t* font,
                                                                hb_buffer_t* buffer,
                                                                const hb_feature_t* features,
                                                                unsigned int num_features) {
  using namespace broadside::text;
  static const auto shape = real<ShapeFn>("hb_shape");
  auto& m = memo();
  const bool is_known = m.buffer == buffer && m.is_known;
  m.buffer = nullptr;
  if (!is_known || !make_key(m, font, buffer, features, num_features)) {
    shape(font, buffer, features, num_features);
    return;
  }
  auto it = m.runs.find(m.key);
  if (it == m.runs.end()) {
    // Found in the older generation, it moves to the newer one.
    if (auto node = m.older.extract(m.key)) {
      const size_t bytes = make_room_for(m, node.key(), node.mapped());
      m.older_bytes -= std::min(m.older_bytes, bytes);
      it = m.runs.insert(std::move(node)).position;
      m.bytes += bytes;
    }
  }
  if (it != m.runs.end()) {
    const Shaped& s = it->second;
    hb_buffer_set_length(buffer, static_cast<unsigned>(s.infos.size()));
    hb_buffer_set_content_type(buffer, HB_BUFFER_CONTENT_TYPE_GLYPHS);
    unsigned length = 0;
    std::copy(s.infos.begin(), s.infos.end(), hb_buffer_get_glyph_infos(buffer, &length));
    std::copy(s.positions.begin(), s.positions.end(),
              hb_buffer_get_glyph_positions(buffer, &length));
    ++m.stats.reused;
    return;
  }
  shape(font, buffer, features, num_features);
  ++m.stats.shaped;
  unsigned length = 0;
  const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &length);
  const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, &length);
  Shaped shaped{{infos, infos + length}, {positions, positions + length}};
  m.bytes += make_room_for(m, m.key, shaped);
  m.runs.emplace(m.key, std::move(shaped));
}
