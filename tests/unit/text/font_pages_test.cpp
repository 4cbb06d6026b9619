// font_pages_test.cpp — the pages of the fonts a paragraph was set in given back, whoever mapped
// them (FreeType for ink, HarfBuzz for shaping).
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <string>
#include <thread>

#include "text/font_pages.hpp"
#include "text_fixture.hpp"

using namespace broadside::text;

namespace {

/// Resident kilobytes of every mapping of a font file, from /proc/self/smaps.
long font_resident_kib() {
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool is_font = false;
  long kib = 0;
  while (std::getline(smaps, line)) {
    if (line.empty()) continue;
    if (line.find('-') < line.find(' ') && line.find(':') > line.find(' ')) {
      const size_t slash = line.find('/');
      is_font = slash != std::string::npos && is_font_file(line.substr(slash));
    } else if (is_font && line.rfind("Rss:", 0) == 0) {
      kib += std::stol(line.substr(4));
    }
  }
  return kib;
}

}  // namespace

TEST_CASE("font pages: font files are told by their extension, in any case") {
  CHECK(is_font_file("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"));
  CHECK(is_font_file("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"));
  CHECK(is_font_file("/fonts/Inter-Bold.OTF"));
  CHECK(is_font_file("/fonts/Some.otc"));
  CHECK_FALSE(is_font_file("/var/cache/fontconfig/0bd3dc0958fa2205aaaa8ebb13e2872b-le64.cache-8"));
  CHECK_FALSE(is_font_file("/usr/lib/x86_64-linux-gnu/libfreetype.so.6.18.3"));
  CHECK_FALSE(is_font_file(".ttf"));
}

TEST_CASE("font pages: a Chinese paragraph's font pages are given back and read again") {
  auto& ts = testing::typesetter();
  auto style = testing::style({"Noto Serif CJK SC"}, 9);
  style.lang = "zh";
  const auto text = broadside::core::RichText::plain(
      "我们要求所有工人享有体面的工资、安全的工作场所和组织工会的权利。");
  auto p = ts.shape(text, style);
  p->set_width(broadside::core::Pt{120});
  const auto before = p->line(0);  // lays it out, ink included
  REQUIRE(font_resident_kib() > 0);
  // Pango's font map starts a thread of its own to load fontconfig; wait for it to end.
  size_t released = 0;
  for (int i = 0; i < 100 && released == 0; ++i) {
    released = release_font_pages();
    if (released == 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK(released > 0);
  CHECK(font_resident_kib() == 0);
  // The same text set again, its glyphs read from the page cache: the same lines.
  auto again = ts.shape(text, style);
  again->set_width(broadside::core::Pt{120});
  CHECK(again->line_count() == p->line_count());
  CHECK(again->line(0).width.value == before.width.value);
  CHECK(again->line(0).ink_ascent.value == before.ink_ascent.value);
  // At another size each glyph's ink is measured anew: FreeType reads the outlines again.
  again->set_size(broadside::core::Pt{11});
  CHECK(again->line(0).ink_ascent.value > before.ink_ascent.value);
  CHECK(font_resident_kib() > 0);
}
