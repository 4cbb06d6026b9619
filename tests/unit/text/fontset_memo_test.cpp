// fontset_memo_test.cpp — fontconfig's sorts and matches, remembered across sizes, answer exactly
// what fontconfig's own functions answer.
#include <dlfcn.h>
#include <doctest/doctest.h>
#include <fontconfig/fontconfig.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "text/fontset_memo.hpp"
#include "text_fixture.hpp"

using namespace broadside;

namespace {

using SortFn = FcFontSet* (*)(FcConfig*, FcFontSet**, int, FcPattern*, FcBool, FcCharSet**,
                              FcResult*);
using MatchFn = FcPattern* (*)(FcConfig*, FcFontSet**, int, FcPattern*, FcResult*);

/// A request as Pango makes it: family list, weight, size, language, substituted.
FcPattern* request(FcConfig* config, const char* families, double weight, double size) {
  FcPattern* p = FcPatternCreate();
  for (const char* f = families; *f;) {
    const char* end = f;
    while (*end && *end != ',') ++end;
    const std::string one(f, end);
    FcPatternAddString(p, FC_FAMILY, reinterpret_cast<const FcChar8*>(one.c_str()));
    f = *end ? end + 1 : end;
  }
  FcPatternAddDouble(p, FC_WEIGHT, weight);
  FcPatternAddDouble(p, FC_SIZE, size);
  FcPatternAddDouble(p, FC_PIXEL_SIZE, size);
  FcPatternAddString(p, FC_LANG, reinterpret_cast<const FcChar8*>("en"));
  FcConfigSubstitute(config, p, FcMatchPattern);
  FcDefaultSubstitute(p);
  return p;
}

/// Both sorts answered, with the same fonts of the set in the same order.
void check_same_fonts(const FcFontSet* ours, const FcFontSet* theirs) {
  REQUIRE(ours);
  REQUIRE(theirs);
  REQUIRE(ours->nfont == theirs->nfont);
  for (int i = 0; i < ours->nfont; ++i) CHECK(ours->fonts[i] == theirs->fonts[i]);
}

/// An empty folder of its own under the system's temporary folder.
std::filesystem::path fresh_folder(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("broadside-fontsets-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  return dir;
}

}  // namespace

TEST_CASE("a sort or match at a new size gives what fontconfig itself gives, without a search") {
  FcConfig* config = text::testing::library().config();
  FcFontSet* fonts = FcConfigGetFonts(config, FcSetSystem);
  REQUIRE(fonts);
  FcFontSet* sets[] = {fonts};
  // fontconfig's own functions, behind the stand-ins this binary defines.
  const auto real_sort = reinterpret_cast<SortFn>(dlsym(RTLD_NEXT, "FcFontSetSort"));
  const auto real_match = reinterpret_cast<MatchFn>(dlsym(RTLD_NEXT, "FcFontSetMatch"));
  REQUIRE(reinterpret_cast<void*>(real_sort) != nullptr);
  REQUIRE(reinterpret_cast<void*>(real_match) != nullptr);
  REQUIRE(reinterpret_cast<void*>(real_sort) != reinterpret_cast<void*>(&FcFontSetSort));

  for (const char* families : {"League Spartan,Inter", "Noto Serif", "monospace"}) {
    CAPTURE(families);
    FcResult result = FcResultNoMatch;
    // The first size searches; the next ones are answered from it.
    FcPattern* first = request(config, families, FC_WEIGHT_BOLD, 12.5);
    FcFontSetDestroy(FcFontSetSort(config, sets, 1, first, FcTrue, nullptr, &result));
    FcPatternDestroy(FcFontSetMatch(config, sets, 1, first, &result));
    FcPatternDestroy(first);

    const auto before = text::fontset_memo_stats();
    FcPattern* next = request(config, families, FC_WEIGHT_BOLD, 37.75);
    FcFontSet* ours = FcFontSetSort(config, sets, 1, next, FcTrue, nullptr, &result);
    CHECK(result == FcResultMatch);
    FcFontSet* theirs = real_sort(config, sets, 1, next, FcTrue, nullptr, &result);
    check_same_fonts(ours, theirs);
    FcPattern* our_match = FcFontSetMatch(config, sets, 1, next, &result);
    CHECK(result == FcResultMatch);
    FcPattern* their_match = real_match(config, sets, 1, next, &result);
    REQUIRE(our_match);
    REQUIRE(their_match);
    // The same font, prepared at the new size.
    CHECK(FcPatternEqual(our_match, their_match));
    double pixels = 0;
    CHECK(FcPatternGetDouble(our_match, FC_PIXEL_SIZE, 0, &pixels) == FcResultMatch);
    CHECK(pixels == doctest::Approx(37.75));
    const auto after = text::fontset_memo_stats();
    CHECK(after.searches == before.searches);
    CHECK(after.reused == before.reused + 2);
    FcFontSetDestroy(ours);
    FcFontSetDestroy(theirs);
    FcPatternDestroy(our_match);
    FcPatternDestroy(their_match);
    FcPatternDestroy(next);
  }
}

TEST_CASE("another request is searched afresh") {
  // Nothing kept on disk by an earlier run answers it.
  text::fontset_memo_forget(fresh_folder("afresh"));
  FcConfig* config = text::testing::library().config();
  FcFontSet* sets[] = {FcConfigGetFonts(config, FcSetSystem)};
  FcResult result = FcResultNoMatch;
  FcPattern* regular = request(config, "Inter", FC_WEIGHT_REGULAR, 9);
  FcPattern* light = request(config, "Inter", FC_WEIGHT_LIGHT, 9);
  FcPatternDestroy(FcFontSetMatch(config, sets, 1, regular, &result));
  const auto before = text::fontset_memo_stats();
  FcPattern* m = FcFontSetMatch(config, sets, 1, light, &result);
  REQUIRE(m);
  FcChar8* style = nullptr;
  CHECK(FcPatternGetString(m, FC_STYLE, 0, &style) == FcResultMatch);
  CHECK(std::string(reinterpret_cast<char*>(style)) == "Light");
  CHECK(text::fontset_memo_stats().searches == before.searches + 1);
  FcPatternDestroy(m);
  FcPatternDestroy(regular);
  FcPatternDestroy(light);
}

TEST_CASE("answers are kept for the next process, exactly, and a damaged file costs nothing") {
  FcConfig* config = text::testing::library().config();
  FcFontSet* sets[] = {FcConfigGetFonts(config, FcSetSystem)};
  const auto real_sort = reinterpret_cast<SortFn>(dlsym(RTLD_NEXT, "FcFontSetSort"));
  const auto folder = fresh_folder("kept");
  text::fontset_memo_forget(folder);
  FcResult result = FcResultNoMatch;
  FcPattern* p = request(config, "League Spartan,Noto Sans Devanagari", FC_WEIGHT_EXTRABOLD, 30);
  // This process searches both and keeps them.
  auto before = text::fontset_memo_stats();
  FcFontSetDestroy(FcFontSetSort(config, sets, 1, p, FcTrue, nullptr, &result));
  FcPatternDestroy(FcFontSetMatch(config, sets, 1, p, &result));
  CHECK(text::fontset_memo_stats().searches == before.searches + 2);
  REQUIRE(std::filesystem::is_directory(folder));
  // The next process (this one, having forgotten) reads them back: no search.
  for (int run = 0; run < 2; ++run) {
    CAPTURE(run);
    text::fontset_memo_forget(folder);
    before = text::fontset_memo_stats();
    FcFontSet* ours = FcFontSetSort(config, sets, 1, p, FcTrue, nullptr, &result);
    FcFontSet* theirs = real_sort(config, sets, 1, p, FcTrue, nullptr, &result);
    check_same_fonts(ours, theirs);
    FcPattern* match = FcFontSetMatch(config, sets, 1, p, &result);
    REQUIRE(match);
    FcChar8* family = nullptr;
    CHECK(FcPatternGetString(match, FC_FAMILY, 0, &family) == FcResultMatch);
    CHECK(std::string(reinterpret_cast<char*>(family)) == "League Spartan");
    const auto after = text::fontset_memo_stats();
    CHECK(after.searches == before.searches);
    CHECK(after.from_disk == before.from_disk + 2);
    FcFontSetDestroy(ours);
    FcFontSetDestroy(theirs);
    FcPatternDestroy(match);
    // Lines a crashed process left half written, or that name no font of the set, are skipped.
    for (const auto& file : std::filesystem::directory_iterator(folder)) {
      std::ofstream out(file.path(), std::ios::app);
      out << "S\tbroken\t99999 1\t.\nM\tno positions\t\t.\nM\tLeague";
    }
  }
  FcPatternDestroy(p);
  std::filesystem::remove_all(folder);
}
