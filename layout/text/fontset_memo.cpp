// fontset_memo.cpp — remembers fontconfig's font sorts and matches across font sizes: Pango 1.50
// sorts and matches our whole font set again for every new size it meets (its search patterns
// carry the size), though for scalable fonts the size changes neither result.
//
// Pango calls FcFontSetSort and FcFontSetMatch on threads of its own for each new pattern
// (pangofc-fontmap.c, pango_fc_patterns_new); with ~340 faces one sort costs ~4.5 million
// instructions and a match ~1.4 million, and a leaflet whose headline is fitted meets ~50 sizes
// (each size tried, and the hex-box font Pango loads at each size of a face missing a character).
// These definitions take the place of fontconfig's own for the whole process (the executable's
// symbols come first in the dynamic linker's search) and call fontconfig's through dlsym.
//
// The results are exact: a font's score depends only on the elements it has itself, so where no
// font in the set has a size (FC_SIZE, FC_PIXEL_SIZE: only bitmap faces and faces with an
// optical size range do), the size elements of the pattern are left out of the key and every
// other element must be equal. A sort's result is the set's own font patterns (copied into a
// new set); a match's is the best font prepared against the caller's pattern, as fontconfig's
// FcFontSetMatch does after its own search.
#include "text/fontset_memo.hpp"

#include <dlfcn.h>
#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <vector>

namespace broadside::text {

namespace {

/// Remembered results at most; a batch meets a few dozen distinct requests, so the bound only
/// guards a process that sets very many families.
constexpr size_t kMaxEntries = 512;

struct Entry {
  FcPattern* key = nullptr;       // the request, without its size when sizes do not matter
  std::vector<FcPattern*> fonts;  // the fonts searched, in order (referenced)
  FcFontSet* sorted = nullptr;    // FcFontSetSort's answer (trimmed), or null
  FcPattern* best = nullptr;      // FcFontSetMatch's font before preparation, or null
  bool is_sort = false;
};

/// A search under way: Pango starts one thread per search, and a fit meets many sizes before
/// the first sort is done; later requests wait for it instead of sorting again.
struct Flight {
  bool is_sort = false;
  FcPattern* key = nullptr;  // the searching thread's
  const std::vector<FcPattern*>* fonts = nullptr;
};

struct Memo {
  std::mutex mutex;
  std::condition_variable landed;
  std::vector<Entry> entries;
  std::vector<Flight> flights;
  std::atomic<long> searches{0}, reused{0};
};

Memo& memo() {
  static Memo* m = new Memo;  // never destroyed: Pango's threads may still call in at exit
  return *m;
}

std::vector<FcPattern*> fonts_of(FcFontSet** sets, int nsets) {
  std::vector<FcPattern*> out;
  for (int s = 0; s < nsets; ++s)
    for (int i = 0; sets[s] && i < sets[s]->nfont; ++i) out.push_back(sets[s]->fonts[i]);
  return out;
}

/// The answer for the last set asked about. Never destroyed, as the memo: a Pango thread still
/// searching while the process exits (an error path returns fast) would lock a destroyed mutex.
struct LastSet {
  std::mutex mutex;
  std::vector<FcPattern*> fonts;
  bool sized = false;
};

LastSet& last_set() {
  static LastSet* s = new LastSet;
  return *s;
}

bool any_sized(const std::vector<FcPattern*>& fonts) {
  // Every request searches the same set (the configuration's fonts): the answer for the last
  // set asked about is kept, so the set is read once, not once a request.
  LastSet& last = last_set();
  std::lock_guard lock(last.mutex);
  if (fonts == last.fonts) return last.sized;
  FcValue v;
  bool sized = false;
  for (FcPattern* f : fonts)
    sized = sized || FcPatternGet(f, FC_SIZE, 0, &v) == FcResultMatch ||
            FcPatternGet(f, FC_PIXEL_SIZE, 0, &v) == FcResultMatch;
  // Held, so no other font can take an address of the set while it is remembered.
  for (FcPattern* f : fonts) FcPatternReference(f);
  for (FcPattern* f : last.fonts) FcPatternDestroy(f);
  last.fonts = fonts;
  last.sized = sized;
  return sized;
}

/// The request as a key: the pattern itself, less its sizes when no font has one.
FcPattern* key_of(FcPattern* p, const std::vector<FcPattern*>& fonts) {
  FcPattern* key = FcPatternDuplicate(p);
  if (key && !any_sized(fonts)) {
    FcPatternDel(key, FC_SIZE);
    FcPatternDel(key, FC_PIXEL_SIZE);
  }
  return key;
}

/// The entry for this request, or null; the caller holds the lock.
const Entry* find(const std::vector<Entry>& entries, bool is_sort, FcPattern* key,
                  const std::vector<FcPattern*>& fonts) {
  for (const Entry& e : entries)
    if (e.is_sort == is_sort && e.fonts == fonts && FcPatternEqual(e.key, key)) return &e;
  return nullptr;
}

/// The remembered entry for this request, waiting while another thread searches it; or null,
/// and the search is this thread's to make (and to end with land()). `lock` holds the mutex.
const Entry* find_or_claim(std::unique_lock<std::mutex>& lock, bool is_sort, FcPattern* key,
                           const std::vector<FcPattern*>& fonts) {
  Memo& m = memo();
  for (;;) {
    if (const Entry* e = find(m.entries, is_sort, key, fonts)) return e;
    const bool flying = std::any_of(m.flights.begin(), m.flights.end(), [&](const Flight& f) {
      return f.is_sort == is_sort && *f.fonts == fonts && FcPatternEqual(f.key, key);
    });
    if (!flying) {
      m.flights.push_back({is_sort, key, &fonts});
      return nullptr;
    }
    m.landed.wait(lock);
  }
}

/// Ends this thread's search for `key`; the caller holds the lock.
void land(FcPattern* key) {
  Memo& m = memo();
  std::erase_if(m.flights, [&](const Flight& f) { return f.key == key; });
  m.landed.notify_all();
}

void release(Entry& e) {
  FcPatternDestroy(e.key);
  for (FcPattern* f : e.fonts) FcPatternDestroy(f);
  if (e.sorted) FcFontSetDestroy(e.sorted);
  if (e.best) FcPatternDestroy(e.best);
}

void remember(Entry entry) {
  for (FcPattern* f : entry.fonts) FcPatternReference(f);
  Memo& m = memo();
  std::lock_guard lock(m.mutex);
  land(entry.key);
  if (find(m.entries, entry.is_sort, entry.key, entry.fonts)) {
    release(entry);  // another thread got there first
    return;
  }
  if (m.entries.size() >= kMaxEntries) {
    for (Entry& e : m.entries) release(e);
    m.entries.clear();
  }
  m.entries.push_back(std::move(entry));
}

FcFontSet* copy_set(const FcFontSet* set) {
  FcFontSet* out = FcFontSetCreate();
  for (int i = 0; out && i < set->nfont; ++i) {
    FcPatternReference(set->fonts[i]);
    FcFontSetAdd(out, set->fonts[i]);
  }
  return out;
}

template <class F>
F real(const char* name) {
  return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}

using SortFn = FcFontSet* (*)(FcConfig*, FcFontSet**, int, FcPattern*, FcBool, FcCharSet**,
                              FcResult*);
using MatchFn = FcPattern* (*)(FcConfig*, FcFontSet**, int, FcPattern*, FcResult*);

}  // namespace

FontsetMemoStats fontset_memo_stats() {
  return {memo().searches.load(), memo().reused.load()};
}

}  // namespace broadside::text

using broadside::text::Entry;
using broadside::text::memo;

extern "C" FcFontSet* FcFontSetSort(FcConfig* config, FcFontSet** sets, int nsets, FcPattern* p,
                                    FcBool trim, FcCharSet** csp, FcResult* result) {
  namespace t = broadside::text;
  static const auto sort = t::real<t::SortFn>("FcFontSetSort");
  // Only what Pango asks for is remembered: a trimmed sort without the coverage out-parameter.
  if (!trim || csp || !sets || !p) return sort(config, sets, nsets, p, trim, csp, result);
  auto fonts = t::fonts_of(sets, nsets);
  FcPattern* key = t::key_of(p, fonts);
  if (!key) return sort(config, sets, nsets, p, trim, csp, result);
  auto& m = memo();
  {
    std::unique_lock lock(m.mutex);
    if (const Entry* e = t::find_or_claim(lock, true, key, fonts)) {
      FcPatternDestroy(key);
      ++m.reused;
      *result = FcResultMatch;
      return t::copy_set(e->sorted);
    }
  }
  ++m.searches;
  FcFontSet* out = sort(config, sets, nsets, p, trim, csp, result);
  if (!out || *result != FcResultMatch) {
    {
      std::lock_guard lock(m.mutex);
      t::land(key);
    }
    FcPatternDestroy(key);
    return out;
  }
  Entry entry{key, fonts, t::copy_set(out), nullptr, true};
  t::remember(std::move(entry));
  return out;
}

extern "C" FcPattern* FcFontSetMatch(FcConfig* config, FcFontSet** sets, int nsets, FcPattern* p,
                                     FcResult* result) {
  namespace t = broadside::text;
  static const auto match = t::real<t::MatchFn>("FcFontSetMatch");
  if (!sets || !p) return match(config, sets, nsets, p, result);
  auto fonts = t::fonts_of(sets, nsets);
  FcPattern* key = t::key_of(p, fonts);
  if (!key) return match(config, sets, nsets, p, result);
  auto& m = memo();
  FcPattern* best = nullptr;
  {
    std::unique_lock lock(m.mutex);
    if (const Entry* e = t::find_or_claim(lock, false, key, fonts)) {
      best = e->best;
      FcPatternReference(best);
    }
  }
  if (best) {
    FcPatternDestroy(key);
    ++m.reused;
    // What FcFontSetMatch does with the font its search found.
    FcPattern* out = FcFontRenderPrepare(config, p, best);
    FcPatternDestroy(best);
    *result = FcResultMatch;
    return out;
  }
  ++m.searches;
  FcPattern* out = match(config, sets, nsets, p, result);
  // The font the search found: the one of the set its answer was prepared from. Where two
  // fonts share a file and index, which one it was cannot be told: nothing is remembered.
  FcChar8* file = nullptr;
  int index = 0;
  if (out && *result == FcResultMatch &&
      FcPatternGetString(out, FC_FILE, 0, &file) == FcResultMatch &&
      FcPatternGetInteger(out, FC_INDEX, 0, &index) == FcResultMatch) {
    FcPattern* found = nullptr;
    int candidates = 0;
    for (FcPattern* f : fonts) {
      FcChar8* f_file = nullptr;
      int f_index = 0;
      if (FcPatternGetString(f, FC_FILE, 0, &f_file) == FcResultMatch &&
          FcPatternGetInteger(f, FC_INDEX, 0, &f_index) == FcResultMatch && f_index == index &&
          FcStrCmp(f_file, file) == 0) {
        found = f;
        ++candidates;
      }
    }
    if (candidates == 1) {
      FcPatternReference(found);
      Entry entry{key, fonts, nullptr, found, false};
      t::remember(std::move(entry));
      return out;
    }
  }
  {
    std::lock_guard lock(m.mutex);
    t::land(key);
  }
  FcPatternDestroy(key);
  return out;
}
