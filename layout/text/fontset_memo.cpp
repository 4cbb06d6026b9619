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
//
// The answers are also kept between processes, as positions in the font set, in a file named
// for everything an answer depends on (fontconfig's version, each font's pattern and file):
// a cold render searches nothing its previous run searched (~50 million instructions of ~560).
#include "text/fontset_memo.hpp"

#include <dlfcn.h>
#include <fcntl.h>
#include <fontconfig/fontconfig.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
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
  std::atomic<long> searches{0}, reused{0}, from_disk{0};
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

/// A file of answers bigger than this is started again: a set meets a few dozen requests.
constexpr std::uintmax_t kMaxDiskBytes = 1u << 20;
constexpr std::string_view kDiskHeader = "broadside font searches 1\n";
constexpr std::string_view kLineEnd = "\t.";

/// The answers kept on disk for one font set, a line each: "S" or "M", a tab, the request as
/// fontconfig writes a pattern (FcNameUnparse), a tab, the positions of the answer's fonts in
/// the set, and kLineEnd.
/// Never destroyed, as the memo.
struct Disk {
  std::mutex mutex;
  std::vector<FcPattern*> fonts;  // the set the answers are for (referenced)
  std::string path;               // empty: nowhere to keep them
  std::unordered_map<std::string, std::vector<int>> answers;
  std::unordered_map<const FcPattern*, int> position;
  std::optional<std::filesystem::path> folder;  // set by fontset_memo_forget (tests)
};

Disk& disk() {
  static Disk* d = new Disk;
  return *d;
}

/// The folder for the files: $BROADSIDE_CACHE_DIR, else $XDG_CACHE_HOME/broadside, else
/// ~/.cache/broadside; empty when none is set.
std::filesystem::path cache_folder() {
  if (const char* dir = std::getenv("BROADSIDE_CACHE_DIR"); dir && *dir) return dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    return std::filesystem::path(xdg) / "broadside";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".cache" / "broadside";
  return {};
}

/// Everything an answer depends on besides the request: fontconfig's version, and each font's
/// pattern (every element: family, style, weight, coverage, ...) and file, in the set's order.
std::string fingerprint(const std::vector<FcPattern*>& fonts) {
  std::uint64_t h = 14695981039346656037ull;
  auto mix = [&h](std::uint64_t v) {
    for (int i = 0; i < 8; ++i) h = (h ^ ((v >> (8 * i)) & 0xFF)) * 1099511628211ull;
  };
  mix(static_cast<std::uint64_t>(FcGetVersion()));
  mix(fonts.size());
  for (FcPattern* f : fonts) {
    mix(FcPatternHash(f));
    FcChar8* file = nullptr;
    if (FcPatternGetString(f, FC_FILE, 0, &file) == FcResultMatch)
      for (const FcChar8* c = file; *c; ++c) mix(*c);
    int index = 0;
    if (FcPatternGetInteger(f, FC_INDEX, 0, &index) == FcResultMatch)
      mix(static_cast<std::uint64_t>(index));
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

/// Reads the answers kept for `fonts` when they are not the set last read; `d.mutex` is held.
void load(Disk& d, const std::vector<FcPattern*>& fonts) {
  if (d.fonts == fonts && !d.path.empty()) return;
  for (FcPattern* f : d.fonts) FcPatternDestroy(f);
  d.fonts = fonts;
  for (FcPattern* f : fonts) FcPatternReference(f);
  d.answers.clear();
  d.position.clear();
  for (size_t i = 0; i < fonts.size(); ++i) d.position.emplace(fonts[i], static_cast<int>(i));
  d.path.clear();
  const std::filesystem::path folder = d.folder ? *d.folder : cache_folder();
  if (folder.empty()) return;
  const std::filesystem::path file = folder / ("fonts-" + fingerprint(fonts));
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) return;
  d.path = file.string();
  std::ifstream in(file, std::ios::binary);
  std::string header(kDiskHeader.size(), '\0');
  if (!in || !in.read(header.data(), static_cast<std::streamsize>(header.size())) ||
      header != kDiskHeader || std::filesystem::file_size(file, ec) > kMaxDiskBytes) {
    // Missing, of another layout or grown too big: started again.
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << kDiskHeader;
    return;
  }
  for (std::string line; std::getline(in, line);) {
    // A line another process was still writing, or damaged: skipped. A whole line ends in
    // kLineEnd, so one cut short in its list of positions is never taken for a shorter answer.
    if (!line.ends_with(kLineEnd)) continue;
    line.resize(line.size() - kLineEnd.size());
    const size_t tab = line.rfind('\t');
    if (tab == std::string::npos || line.size() < 3 || line[1] != '\t') continue;
    std::vector<int> positions;
    bool good = tab + 1 < line.size();
    for (size_t at = tab + 1; good && at < line.size();) {
      int v = 0;
      const auto [end, err] = std::from_chars(line.data() + at, line.data() + line.size(), v);
      good = err == std::errc() && v >= 0 && static_cast<size_t>(v) < fonts.size();
      positions.push_back(v);
      at = static_cast<size_t>(end - line.data());
      if (at < line.size()) {
        good = good && line[at] == ' ';
        ++at;
      }
    }
    if (good) d.answers[line.substr(0, tab)] = std::move(positions);
  }
}

/// "S" or "M", a tab and the request's text: what an answer is kept under; empty when the
/// request cannot be written on one line.
std::string disk_key(bool is_sort, FcPattern* key) {
  FcChar8* text = FcNameUnparse(key);
  if (!text) return {};
  std::string out = std::string(is_sort ? "S" : "M") + '\t' + reinterpret_cast<char*>(text);
  FcStrFree(text);
  if (out.find_first_of("\t\n", 2) != std::string::npos) return {};
  return out;
}

/// The positions kept for this request in the set, if any.
std::optional<std::vector<int>> disk_answer(bool is_sort, FcPattern* key,
                                            const std::vector<FcPattern*>& fonts) {
  const std::string k = disk_key(is_sort, key);
  if (k.empty()) return std::nullopt;
  Disk& d = disk();
  std::lock_guard lock(d.mutex);
  load(d, fonts);
  const auto it = d.answers.find(k);
  if (it == d.answers.end()) return std::nullopt;
  return it->second;
}

/// Keeps the answer `found` (fonts of the set) for this request, for this process and the next.
void keep_on_disk(bool is_sort, FcPattern* key, const std::vector<FcPattern*>& fonts,
                  const std::vector<FcPattern*>& found) {
  const std::string k = disk_key(is_sort, key);
  if (k.empty() || found.empty()) return;
  Disk& d = disk();
  std::lock_guard lock(d.mutex);
  load(d, fonts);
  if (d.path.empty() || d.answers.count(k)) return;
  std::vector<int> positions;
  std::string line = k + '\t';
  for (FcPattern* f : found) {
    const auto it = d.position.find(f);
    if (it == d.position.end()) return;  // not a font of the set
    positions.push_back(it->second);
    line += std::to_string(it->second) + ' ';
  }
  line.pop_back();
  line += kLineEnd;
  line += '\n';
  // One write of the whole line to a file opened for appending: processes writing at once
  // never interleave within a line.
  const int fd = ::open(d.path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  if (fd < 0) return;
  const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  ::close(fd);
  if (written) d.answers.emplace(k, std::move(positions));
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
  return {memo().searches.load(), memo().reused.load(), memo().from_disk.load()};
}

void fontset_memo_forget(const std::filesystem::path& folder) {
  Memo& m = memo();
  {
    std::lock_guard lock(m.mutex);
    for (Entry& e : m.entries) release(e);
    m.entries.clear();
  }
  Disk& d = disk();
  std::lock_guard lock(d.mutex);
  for (FcPattern* f : d.fonts) FcPatternDestroy(f);
  d.fonts.clear();
  d.answers.clear();
  d.position.clear();
  d.path.clear();
  d.folder = folder;
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
  if (const auto kept = t::disk_answer(true, key, fonts)) {
    FcFontSet* out = FcFontSetCreate();
    for (int i : *kept) {
      FcPatternReference(fonts[static_cast<size_t>(i)]);
      FcFontSetAdd(out, fonts[static_cast<size_t>(i)]);
    }
    ++m.from_disk;
    ++m.reused;
    *result = FcResultMatch;
    Entry entry{key, fonts, t::copy_set(out), nullptr, true};
    t::remember(std::move(entry));
    return out;
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
  t::keep_on_disk(true, key, fonts, std::vector<FcPattern*>(out->fonts, out->fonts + out->nfont));
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
  if (!best) {
    if (const auto kept = t::disk_answer(false, key, fonts); kept && kept->size() == 1) {
      best = fonts[static_cast<size_t>(kept->front())];
      FcPatternReference(best);
      FcPatternReference(best);  // one for the memo's entry
      ++m.from_disk;
      ++m.reused;
      Entry entry{key, fonts, nullptr, best, false};
      t::remember(std::move(entry));
      FcPattern* out = FcFontRenderPrepare(config, p, best);
      FcPatternDestroy(best);
      *result = FcResultMatch;
      return out;
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
      t::keep_on_disk(false, key, fonts, {found});
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
