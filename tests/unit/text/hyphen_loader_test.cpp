// hyphen_loader_test.cpp — our pattern-file loader against libhyphen's own hnj_hyphen_load: the
// same structures for crafted and installed dictionaries, the same hyphenation word for word.
#include <doctest/doctest.h>
#include <glib.h>
#include <hyphen.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "text/hyphen_loader.hpp"

using namespace broadside;
namespace fs = std::filesystem;

namespace {

/// libhyphen's own loader, on a file or on bytes (through fmemopen), freed with its own free.
struct LibhyphenDict {
  HyphenDict* dict = nullptr;
  explicit LibhyphenDict(const fs::path& file) : dict(hnj_hyphen_load(file.c_str())) {}
  explicit LibhyphenDict(std::string bytes) {
    // fmemopen needs a buffer that outlives the FILE; an empty one is refused, so use "/dev/null".
    if (bytes.empty()) {
      FILE* f = std::fopen("/dev/null", "r");
      dict = hnj_hyphen_load_file(f);
      std::fclose(f);
      return;
    }
    FILE* f = fmemopen(bytes.data(), bytes.size(), "r");
    REQUIRE(f);
    dict = hnj_hyphen_load_file(f);
    std::fclose(f);
  }
  ~LibhyphenDict() {
    if (dict) hnj_hyphen_free(dict);
  }
  LibhyphenDict(const LibhyphenDict&) = delete;
  LibhyphenDict& operator=(const LibhyphenDict&) = delete;
};

std::string quoted(const char* s) {
  return s ? "\"" + std::string(s) + "\"" : "null";
}

/// Every difference between two levels (and the levels below them), one line each; "" when
/// they are the same. replindex and replcut only count where there is a match: libhyphen
/// leaves them uninitialised elsewhere, and its matcher reads them only with a match.
std::string structural_difference(const HyphenDict* a, const HyphenDict* b, int level = 0) {
  std::ostringstream out;
  int shown = 0;
  const auto differ = [&](const std::string& what) {
    if (shown++ < 8) out << "level " << level << ": " << what << "\n";
  };
  if (a->num_states != b->num_states)
    differ("num_states " + std::to_string(a->num_states) + " vs " + std::to_string(b->num_states));
  if (a->lhmin != b->lhmin || a->rhmin != b->rhmin || a->clhmin != b->clhmin ||
      a->crhmin != b->crhmin)
    differ("hyphenmins");
  if (a->utf8 != b->utf8 || std::strcmp(a->cset, b->cset) != 0)
    differ("charset " + quoted(a->cset) + " vs " + quoted(b->cset));
  if (a->nohyphenl != b->nohyphenl) differ("nohyphenl");
  if ((a->nohyphen == nullptr) != (b->nohyphen == nullptr)) {
    differ("nohyphen " + quoted(a->nohyphen) + " vs " + quoted(b->nohyphen));
  } else if (a->nohyphen && a->nohyphenl == b->nohyphenl) {
    const char* p = a->nohyphen;
    const char* q = b->nohyphen;
    for (int i = 0; i <= a->nohyphenl; ++i, p += std::strlen(p) + 1, q += std::strlen(q) + 1)
      if (std::strcmp(p, q) != 0) differ("nohyphen entry " + quoted(p) + " vs " + quoted(q));
  }
  for (int i = 0; i < std::min(a->num_states, b->num_states); ++i) {
    const HyphenState& x = a->states[i];
    const HyphenState& y = b->states[i];
    const std::string at = "state " + std::to_string(i) + ": ";
    if (quoted(x.match) != quoted(y.match)) differ(at + quoted(x.match) + " vs " + quoted(y.match));
    if (quoted(x.repl) != quoted(y.repl)) differ(at + quoted(x.repl) + " vs " + quoted(y.repl));
    if (x.match && (x.replindex != y.replindex || x.replcut != y.replcut))
      differ(at + "replindex/replcut " + std::to_string(x.replindex) + "/" +
             std::to_string(x.replcut) + " vs " + std::to_string(y.replindex) + "/" +
             std::to_string(y.replcut));
    if (x.fallback_state != y.fallback_state)
      differ(at + "fallback " + std::to_string(x.fallback_state) + " vs " +
             std::to_string(y.fallback_state));
    if (x.num_trans != y.num_trans) {
      differ(at + "num_trans " + std::to_string(x.num_trans) + " vs " +
             std::to_string(y.num_trans));
      continue;
    }
    for (int t = 0; t < x.num_trans; ++t)
      if (x.trans[t].ch != y.trans[t].ch || x.trans[t].new_state != y.trans[t].new_state)
        differ(at + "transition " + std::to_string(t));
  }
  if ((a->nextlevel == nullptr) != (b->nextlevel == nullptr)) differ("nextlevel");
  std::string below;
  if (a->nextlevel && b->nextlevel && level == 0)
    below = structural_difference(a->nextlevel, b->nextlevel, level + 1);
  return out.str() + below;
}

/// Everything hnj_hyphen_hyphenate2 (or 3, with hyphenator.cpp's arguments) gives for `word`:
/// return value, the whole hyphens buffer, the hyphenated word and rep/pos/cut.
std::string hyphenation(HyphenDict* dict, const std::string& word, bool three) {
  const int size = static_cast<int>(word.size());
  std::vector<char> hyphens(word.size() + 5, 0);
  std::vector<char> hyphword(word.size() * 2 + 8, 0);
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  const int result = three ? hnj_hyphen_hyphenate3(dict, word.data(), size, hyphens.data(),
                                                   hyphword.data(), &rep, &pos, &cut, 2, 3, 0, 0)
                           : hnj_hyphen_hyphenate2(dict, word.data(), size, hyphens.data(),
                                                   hyphword.data(), &rep, &pos, &cut);
  std::string out = std::to_string(result) + "|" + std::string(hyphens.begin(), hyphens.end()) +
                    "|" + hyphword.data();
  if (rep) {
    for (int i = 0; i < size; ++i) {
      out += "|" + quoted(rep[i]) + "," + std::to_string(pos[i]) + "," + std::to_string(cut[i]);
      std::free(rep[i]);
    }
  }
  std::free(rep);
  std::free(pos);
  std::free(cut);
  return out;
}

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Runs of letters (and combining marks) in UTF-8 text, as Hyphenator::break_points cuts them.
std::vector<std::string> utf8_words(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  for (const char* p = text.c_str(); *p; p = g_utf8_next_char(p)) {
    const gunichar c = g_utf8_get_char(p);
    if (g_unichar_isalpha(c) || g_unichar_ismark(c)) {
      word.append(p, g_utf8_next_char(p) - p);
    } else if (!word.empty()) {
      out.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(word);
  return out;
}

/// The letters of each pattern line (digits, hyphenation dots and replacements dropped): words
/// and word pieces that reach deep into the patterns, in the dictionary's own charset.
std::vector<std::string> pattern_words(const std::string& file_bytes) {
  std::vector<std::string> out;
  std::istringstream lines(file_bytes);
  std::string line;
  std::getline(lines, line);  // charset
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '%' || line[0] == '#' || (line[0] >= 'A' && line[0] <= 'Z'))
      continue;  // comments and options
    std::string word;
    for (char c : line.substr(0, line.find('/'))) {
      if (static_cast<unsigned char>(c) <= ' ') break;
      if ((c < '0' || c > '9') && c != '.') word += c;
    }
    if (!word.empty()) out.push_back(word);
  }
  return out;
}

/// `words` in the dictionary's charset, as Hyphenator does (g_convert); words the charset
/// cannot hold are dropped.
std::vector<std::string> in_charset(const std::vector<std::string>& words, const char* cset,
                                    bool utf8) {
  if (utf8) return words;
  std::vector<std::string> out;
  for (const std::string& w : words) {
    gchar* converted = g_convert(w.data(), static_cast<gssize>(w.size()), cset, "UTF-8", nullptr,
                                 nullptr, nullptr);
    if (converted) out.emplace_back(converted);
    g_free(converted);
  }
  return out;
}

}  // namespace

TEST_CASE("crafted dictionaries load into exactly libhyphen's structures") {
  const std::string long_line = "a1b2c3d4e5f6g7h8i9j1k2l3m4n5o6p7q8r9s1t2u3v4w5x6y7z8" +
                                std::string(60, 'q') + "1" + std::string(20, 'r') + "\n";
  const std::vector<std::string> cases = {
      "",
      "UTF-8\n",
      "UTF-8\nLEFTHYPHENMIN 2\nRIGHTHYPHENMIN 3\n1ba\n.ab1c\nb1c\n% comment 1a1\nab1cd\n",
      // a pattern twice: the second one wins; a prefix of an earlier pattern becomes a match
      "ISO8859-1\n2b1c\nab1cd\n1b2c\nab1\na\n",
      // two levels, options on each, NOHYPHEN
      "UTF-8\nCOMPOUNDLEFTHYPHENMIN 2\nCOMPOUNDRIGHTHYPHENMIN 4\nNOHYPHEN -,'\nar1beit\n"
      "ver1samm\nNEXTLEVEL\nLEFTHYPHENMIN 2\n1ba\n2b1c\n.ab1\n",
      // a second NEXTLEVEL ends the file for libhyphen
      "UTF-8\na1b\nNEXTLEVEL\nb1c\nNEXTLEVEL\nc1d\n",
      // Windows line ends, no newline at the end, blank lines, lines with spaces
      "UTF-8\r\nLEFTHYPHENMIN 3\r\n1ba\r\n\r\n  \r\nab1c  trailing words\r\nxy1z",
      // a charset line longer than libhyphen's 20-byte buffer: the rest is read as a pattern
      "ISO8859-1 and a long description\n1ba\n",
      // lines longer than libhyphen's 100-byte buffer arrive in pieces
      "UTF-8\n" + long_line + "1ba\n",
      // 98 letters then a digit: the 99th byte of a piece is still read
      "UTF-8\n" + std::string(98, 'x') + "5\n1ba\n",
      // 8-bit letters: signed chars in libhyphen's transitions
      "ISO8859-1\n1\xe4\xdf\n\xfc\x31\x62\n.\xe4\x31\x62\n",
      // UTF-8 letters, comments starting with '#' (patterns for libhyphen)
      "UTF-8\n# a comment line\n1ä1ß\nü1b\n#### ###\n",
      // non-standard hyphenation: index and cut, or the whole pattern replaced
      "ISO8859-1\nc1k/k=k,1,1\n.schif1fahrt/ff=f,5,2\nbb1b/bb=b\nzz1z/z=z,2,2\n",
      "UTF-8\nc1k/k=k,1,1\nää1ä/ä=ä,2,1\n.äb1c/äb=c,1,3\nx1y/x=y\n",
      // a comma in a replacement without a cut
      "UTF-8\na1b/a=b,1\n",
      // the default first level's patterns collide with the file's
      "UTF-8\n1-1\n2'2\n",
      "KOI8-R\n1\xc1\xc2\n\xc3\x31\xc4\n",
  };
  for (const std::string& bytes : cases) {
    CAPTURE(bytes);
    const auto ours = text::parse_hyphen_patterns(bytes);
    REQUIRE_MESSAGE(ours.patterns, ours.error);
    const LibhyphenDict theirs(bytes);
    REQUIRE(theirs.dict);
    CHECK(structural_difference(theirs.dict, ours.patterns->dict()) == "");
  }
}

TEST_CASE("random dictionaries load into exactly libhyphen's structures") {
  // Bytes that matter to the reader: letters (ASCII, 8-bit, UTF-8), digits, '.', '/', ',',
  // spaces, '%', line ends; lines up to 130 bytes, so some arrive in pieces.
  const std::vector<std::string> atoms = {"a", "b", "c",  ".",  "1",  "2",    "5", "/",
                                          ",", " ", "\t", "\r", "%",  "\xe4", "ä", "-",
                                          "'", "=", "8",  "0",  "ab", "1a2",  "x"};
  const std::vector<std::string> options = {"LEFTHYPHENMIN 2",
                                            "RIGHTHYPHENMIN 3",
                                            "COMPOUNDLEFTHYPHENMIN 1",
                                            "COMPOUNDRIGHTHYPHENMIN 2",
                                            "NOHYPHEN -,'",
                                            "NOHYPHEN ab",
                                            "NEXTLEVEL"};
  std::mt19937 random(20240611);
  int compared = 0;
  for (int round = 0; round < 600; ++round) {
    std::string bytes = random() % 2 ? "UTF-8\n" : "ISO8859-1\n";
    const int lines = static_cast<int>(random() % 40);
    for (int l = 0; l < lines; ++l) {
      if (random() % 10 == 0) {
        bytes += options[random() % options.size()];
      } else {
        const int length = static_cast<int>(random() % (random() % 8 == 0 ? 60 : 8));
        for (int k = 0; k < length; ++k) bytes += atoms[random() % atoms.size()];
      }
      bytes += '\n';
    }
    CAPTURE(bytes);
    const auto ours = text::parse_hyphen_patterns(bytes);
    // A 99-byte piece of letters overflows libhyphen's pattern buffer: not a case to run it on.
    bool overflow = false;
    for (size_t at = 0, run = 0; at < bytes.size(); ++at) {
      const unsigned char c = bytes[at];
      run = c > ' ' && (c < '0' || c > '9') ? run + 1 : 0;
      overflow |= run >= 99;
    }
    if (!ours.patterns || overflow) continue;  // refused: see the next test
    const LibhyphenDict theirs(bytes);
    REQUIRE(theirs.dict);
    CHECK(structural_difference(theirs.dict, ours.patterns->dict()) == "");
    ++compared;
  }
  CHECK(compared > 350);  // most: the rest are refused (a digit before a leading dot, mostly)
}

TEST_CASE("dictionaries that would make libhyphen write outside its buffers are refused") {
  const auto refused = [](const std::string& bytes) {
    const auto load = text::parse_hyphen_patterns(bytes);
    return load.patterns ? std::string("loaded") : load.error;
  };
  // libhyphen's loader itself writes before its buffer for an empty NOHYPHEN at the end
  CHECK(refused("UTF-8\n1ba\nNOHYPHEN") == "line 3: NOHYPHEN lists nothing");
  CHECK(refused("UTF-8\n1ba\nNOHYPHEN  ") == "line 3: NOHYPHEN lists nothing");
  // an empty entry makes its matcher search for "" for ever
  CHECK(refused("UTF-8\nNOHYPHEN\n1ba\n") == "line 2: NOHYPHEN has an empty entry");
  CHECK(refused("UTF-8\nNOHYPHEN -,,'\n") == "line 2: NOHYPHEN has an empty entry");
  CHECK(refused("UTF-8\nNOHYPHEN -,'") == "line 2: NOHYPHEN has an empty entry");
  // a second NOHYPHEN replaces the list but libhyphen keeps counting: it would read past it
  CHECK(refused("UTF-8\nNOHYPHEN a,b\nNOHYPHEN c\n") == "line 3: NOHYPHEN has an empty entry");
  {
    // (what libhyphen does with it, without hyphenating anything)
    const LibhyphenDict theirs(std::string("UTF-8\nNOHYPHEN a,b\nNOHYPHEN c,d\n"));
    CHECK(theirs.dict->nextlevel->nohyphenl == 2);
  }
  // a value before a word-initial '.': its matcher writes before the hyphens buffer
  CHECK(refused("UTF-8\n1.ab\n") == "line 2: a hyphenation value before the leading '.'");
  CHECK(refused("UTF-8\n1ba\nNEXTLEVEL\n3.b\n") ==
        "line 4: a hyphenation value before the leading '.'");
  CHECK(refused("UTF-8\n.1ab\n") == "loaded");
  // replacements whose index or cut lie outside the pattern
  CHECK(refused("UTF-8\nc1k/k=k,0,1\n") ==
        "line 2: the replacement's position or length lies outside its pattern");
  CHECK(refused("UTF-8\nc1k/k=k,7,1\n") ==
        "line 2: the replacement's position or length lies outside its pattern");
  CHECK(refused("ISO8859-1\nc1k/k=k,1,-2\n") ==
        "line 2: the replacement's position or length lies outside its pattern");
  // a later line that redefines the pattern without the replacement mends it, as in libhyphen
  CHECK(refused("UTF-8\nc1k/k=k,0,1\nc1k\n") == "loaded");

  CHECK(text::load_hyphen_patterns("/nonexistent/hyph_xx.dic").error ==
        "/nonexistent/hyph_xx.dic: file not found");
  CHECK(text::load_hyphen_patterns("/usr/share").error == "/usr/share: is a folder, not a file");
}

TEST_CASE(
    "installed dictionaries: libhyphen's structures and hyphenation, word for word (slow: "
    "libhyphen's own loader takes seconds for German)") {
  // Every word of every statement, upper and lower case, plus each dictionary's own pattern
  // words, pairs of them as compounds, and words with hyphens, apostrophes and digits.
  std::vector<std::string> statement_words;
  for (const auto& entry : fs::directory_iterator(fs::path(BROADSIDE_SOURCE_DIR) / "content")) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("statement", 0) != 0 || entry.path().extension() != ".md") continue;
    for (const std::string& w : utf8_words(read_file(entry.path()))) {
      statement_words.push_back(w);
      gchar* lower = g_utf8_strdown(w.data(), static_cast<gssize>(w.size()));
      statement_words.emplace_back(lower);
      g_free(lower);
    }
  }
  for (const char* w : {"Arbeiterbewegung",
                        "arbeiterbewegung",
                        "Gewerkschaftsversammlung",
                        "gewerkschaftsversammlung",
                        "Arbeitszeitverkürzung",
                        "arbeitszeitverkürzung",
                        "straße",
                        "Straßenbahnhaltestelle",
                        "Müllabfuhr",
                        "Öffentlichkeitsarbeit",
                        "übermäßig",
                        "Donaudampfschifffahrtsgesellschaftskapitän",
                        "schifffahrt",
                        "well-known",
                        "l'homme",
                        "aujourd'hui",
                        "rock'n'roll",
                        "ab-cd-ef",
                        "co-operation",
                        "socialism2020",
                        "2020abc",
                        "abc2020",
                        "a1b2c3",
                        "x",
                        "ab",
                        "'quoted'",
                        "-dash-",
                        "infrastructure",
                        "deportations",
                        "администрации",
                        "государственный",
                        "trabajadores",
                        "organização",
                        "всеукраїнський"})
    statement_words.emplace_back(w);
  std::set<std::string> unique(statement_words.begin(), statement_words.end());
  statement_words.assign(unique.begin(), unique.end());

  std::set<fs::path> files;
  for (const auto& entry : fs::directory_iterator("/usr/share/hyphen")) {
    if (entry.path().extension() != ".dic") continue;
    files.insert(fs::canonical(entry.path()));
  }
  // scripts/setup.sh installs these; the statements need at least English and German.
  REQUIRE(files.count("/usr/share/hyphen/hyph_en_US.dic"));
  REQUIRE(files.count("/usr/share/hyphen/hyph_de_DE.dic"));

  for (const fs::path& file : files) {
    CAPTURE(file);
    const auto ours = text::load_hyphen_patterns(file);
    REQUIRE_MESSAGE(ours.patterns, ours.error);
    const LibhyphenDict theirs(file);
    REQUIRE(theirs.dict);
    CHECK(structural_difference(theirs.dict, ours.patterns->dict()) == "");

    HyphenDict* dict = ours.patterns->dict();
    std::vector<std::string> words = in_charset(statement_words, dict->cset, dict->utf8);
    // At most 20,000 of them (German has 80,000), spread over the file.
    std::vector<std::string> from_patterns = pattern_words(read_file(file));
    if (const size_t step = from_patterns.size() / 20000 + 1; step > 1) {
      std::vector<std::string> some;
      for (size_t i = 0; i < from_patterns.size(); i += step) some.push_back(from_patterns[i]);
      from_patterns = std::move(some);
    }
    words.insert(words.end(), from_patterns.begin(), from_patterns.end());
    std::mt19937 random(7);
    for (int i = 0; i < 3000 && !from_patterns.empty(); ++i) {
      const std::string& a = from_patterns[random() % from_patterns.size()];
      const std::string& b = from_patterns[random() % from_patterns.size()];
      words.push_back(a + b);
      if (i % 3 == 0) words.push_back(a + "-" + b);
      if (i % 5 == 0) words.push_back(a + "'" + b);
    }
    int different = 0;
    for (const std::string& w : words) {
      if (w.empty() || w.size() > 200) continue;
      for (const bool three : {false, true}) {
        const std::string expected = hyphenation(theirs.dict, w, three);
        const std::string got = hyphenation(dict, w, three);
        if (expected != got && different++ < 5) CHECK_MESSAGE(got == expected, w);
      }
    }
    CHECK(different == 0);
    MESSAGE(file.filename().string()
            << ": " << words.size() << " words, " << different << " hyphenated differently");
  }
}
