// hyphenator.cpp — libhyphen dictionaries by language, and word selection for hyphenation.
#include "text/hyphenator.hpp"

#include <glib.h>
#include <hyphen.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>

#include "core/ascii.hpp"
#include "text/hyphen_loader.hpp"

namespace broadside::text {

namespace {

namespace fs = std::filesystem;

/// Candidate dictionary files for a tag, most specific first: "de-AT" -> hyph_de_AT.dic,
/// hyph_de_DE.dic (the language's own country), hyph_de.dic, then any hyph_de_*.dic.
std::vector<fs::path> candidates(const std::string& lang, const fs::path& folder) {
  const std::string language = core::ascii_lower(lang.substr(0, lang.find_first_of("-_")));
  std::string region = lang.size() > language.size() ? lang.substr(language.size() + 1) : "";
  for (char& c : region) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string own = language;
  for (char& c : own) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (language == "en") own = "US";

  std::vector<fs::path> out;
  if (!region.empty()) out.push_back(folder / ("hyph_" + language + "_" + region + ".dic"));
  out.push_back(folder / ("hyph_" + language + "_" + own + ".dic"));
  out.push_back(folder / ("hyph_" + language + ".dic"));
  std::error_code ec;
  std::vector<fs::path> others;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("hyph_" + language + "_", 0) == 0) others.push_back(entry.path());
  }
  std::sort(others.begin(), others.end());
  out.insert(out.end(), others.begin(), others.end());
  return out;
}

/// One language's dictionary: loaded once, by the first caller; later callers for the same
/// language wait for that load, and no one else does.
struct Entry {
  std::once_flag load;
  std::shared_ptr<const Hyphenator> dictionary;  // nullptr: none installed
  std::atomic<bool> is_loaded{false};
};

/// The entries by folder and tag. Its lock is held only to find or add an entry, never while
/// a dictionary loads.
struct Registry {
  std::mutex mutex;
  std::map<std::pair<fs::path, std::string>, std::shared_ptr<Entry>> entries;
};

/// Never destroyed: freeing the dictionaries at exit would only cost time (milliseconds).
Registry& registry() {
  static Registry* const r = new Registry;
  return *r;
}

bool is_letter(gunichar c) {
  return g_unichar_isalpha(c) || g_unichar_ismark(c);
}

/// Tokens that must never be hyphenated: anything with digits, URL or e-mail punctuation, or a
/// dot between letters ("socialism2020.org", "wsws.org").
bool is_protected_token(std::string_view token) {
  for (size_t i = 0; i < token.size(); ++i) {
    const char c = token[i];
    if ((c >= '0' && c <= '9') || c == '@' || c == '/' || c == ':' || c == '_' || c == '#' ||
        c == '=' || c == '&' || c == '%')
      return true;
    if (c == '.' && i + 1 < token.size() && g_ascii_isalpha(token[i + 1])) return true;
  }
  return false;
}

bool is_all_caps(std::string_view word) {
  for (const char* p = word.data(); p < word.data() + word.size(); p = g_utf8_next_char(p)) {
    if (g_unichar_islower(g_utf8_get_char(p))) return false;
  }
  return true;
}

}  // namespace

struct Hyphenator::Dict {
  /// Loaded by our own reader, not hnj_hyphen_load (seconds for German): the same structures,
  /// for libhyphen's matcher.
  std::unique_ptr<HyphenPatterns> patterns;
  HyphenDict* handle = nullptr;
  bool utf8 = true;
  /// The dictionary's 8-bit charset when not UTF-8 (its first line: ISO8859-1, KOI8-R, ...).
  std::string charset;
};

Hyphenator::Hyphenator(std::unique_ptr<Dict> dict, std::string file)
    : dict_(std::move(dict)), file_(std::move(file)) {}

Hyphenator::~Hyphenator() = default;

namespace {

/// The first candidate file for `lang` in `folder` that loads; nullptr when none does.
std::shared_ptr<const Hyphenator> load(const std::string& lang, const fs::path& folder) {
  std::error_code ec;
  for (const fs::path& file : candidates(lang, folder)) {
    if (!fs::exists(file, ec)) continue;
    auto dict = std::make_unique<Hyphenator::Dict>();
    // A file that cannot be read, or is malformed, counts as missing: the next candidate.
    dict->patterns = load_hyphen_patterns(file).patterns;
    if (!dict->patterns) continue;
    dict->handle = dict->patterns->dict();
    dict->utf8 = dict->handle->utf8 != 0;
    dict->charset = dict->handle->cset;
    return std::make_shared<const Hyphenator>(std::move(dict), file.string());
  }
  return nullptr;
}

}  // namespace

bool Hyphenator::is_loaded(const std::string& lang, const fs::path& folder) {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  const auto it = r.entries.find({folder, lang});
  return it != r.entries.end() && it->second->is_loaded.load();
}

std::shared_ptr<const Hyphenator> Hyphenator::for_language(const std::string& lang,
                                                           const fs::path& folder) {
  std::shared_ptr<Entry> entry;
  {
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    auto& slot = r.entries[{folder, lang}];
    if (!slot) slot = std::make_shared<Entry>();
    entry = slot;
  }
  std::call_once(entry->load, [&] {
    entry->dictionary = load(lang, folder);
    entry->is_loaded = true;
  });
  return entry->dictionary;
}

std::vector<size_t> Hyphenator::break_points(std::string_view text, int min_left,
                                             int min_right) const {
  std::vector<size_t> out;
  size_t i = 0;
  while (i < text.size()) {
    // One whitespace-separated token at a time, so a URL is recognised as a whole.
    while (i < text.size() && g_ascii_isspace(text[i])) ++i;
    size_t end = i;
    while (end < text.size() && !g_ascii_isspace(text[end])) ++end;
    const std::string_view token = text.substr(i, end - i);
    if (!is_protected_token(token)) {
      size_t w = 0;
      while (w < token.size()) {
        const char* p = token.data() + w;
        if (!is_letter(g_utf8_get_char(p))) {
          w = g_utf8_next_char(p) - token.data();
          continue;
        }
        size_t wend = w;
        while (wend < token.size() && is_letter(g_utf8_get_char(token.data() + wend)))
          wend = g_utf8_next_char(token.data() + wend) - token.data();
        hyphenate_word(token.substr(w, wend - w), i + w, min_left, min_right, out);
        w = wend;
      }
    }
    i = end;
  }
  return out;
}

void Hyphenator::hyphenate_word(std::string_view word, size_t offset, int min_left, int min_right,
                                std::vector<size_t>& out) const {
  const glong chars = g_utf8_strlen(word.data(), static_cast<gssize>(word.size()));
  if (chars < min_left + min_right || is_all_caps(word)) return;
  gchar* lower = g_utf8_strdown(word.data(), static_cast<gssize>(word.size()));
  std::string key = lower;
  g_free(lower);
  if (!dict_->utf8) {
    // 8-bit dictionaries (de: ISO8859-1, ru: KOI8-R) need the word in their own charset.
    gchar* converted = g_convert(key.data(), static_cast<gssize>(key.size()),
                                 dict_->charset.c_str(), "UTF-8", nullptr, nullptr, nullptr);
    if (!converted) return;  // a character the dictionary's charset cannot hold: leave it whole
    key = converted;
    g_free(converted);
  }
  std::vector<char> hyphens(key.size() + 5, 0);
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  const int failed =
      hnj_hyphen_hyphenate3(dict_->handle, key.data(), static_cast<int>(key.size()), hyphens.data(),
                            nullptr, &rep, &pos, &cut, min_left, min_right, 0, 0);
  // Non-standard breaks (e.g. old German "ck" -> "k-k") change letters; we only insert soft
  // hyphens, so those points are skipped.
  std::vector<bool> nonstandard(key.size(), false);
  if (rep) {
    for (size_t k = 0; k < key.size(); ++k) {
      nonstandard[k] = rep[k] != nullptr;
      std::free(rep[k]);
    }
    std::free(rep);
    std::free(pos);
    std::free(cut);
  }
  if (failed) return;
  // hyphens[] is indexed by character (verified for UTF-8 dictionaries too): odd = break after.
  const char* p = word.data();
  for (glong c = 0; c + 1 < chars; ++c) {
    p = g_utf8_next_char(p);
    const auto at = static_cast<size_t>(c);
    if ((hyphens[at] & 1) && !nonstandard[at] && c + 1 >= min_left && chars - c - 1 >= min_right)
      out.push_back(offset + static_cast<size_t>(p - word.data()));
  }
}

}  // namespace broadside::text
