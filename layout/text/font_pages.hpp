// font_pages.hpp — the pages of mapped font files given back between stages of work, so that a
// big CJK font read glyph by glyph does not stay in the resident set.
#pragma once

#include <cstddef>
#include <string_view>

namespace broadside::text {

/// Whether `path` names a font file (.ttf, .otf, .ttc, .otc), whoever mapped it.
bool is_font_file(std::string_view path);

/// Drops the resident pages of every font file this process has mapped (FreeType's faces,
/// HarfBuzz's blobs): they come back from the page cache, at a minor fault per 64 KiB read, when
/// a glyph is next loaded. Cheap (one read of /proc/self/maps); returns the bytes released.
std::size_t release_font_pages();

}  // namespace broadside::text
