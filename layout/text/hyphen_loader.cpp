// hyphen_loader.cpp — libhyphen 2.8.8's pattern-file reader redone over a trie: libhyphen's own
// hashes every prefix and suffix of every pattern, which takes seconds for German.
#include "text/hyphen_loader.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <vector>

#include "core/atomic_file.hpp"

namespace broadside::text {

struct HyphenPatterns::Level {
  HyphenDict dict{};
  // Every element is written once: no zero-filling of 11 MB first (German).
  std::unique_ptr<HyphenState[]> states;
  std::unique_ptr<HyphenTrans[]> trans;
  std::string strings;   // every match and replacement, each ending in '\0'
  std::string nohyphen;  // the NOHYPHEN entries, each ending in '\0'
};

HyphenPatterns::HyphenPatterns(std::unique_ptr<Level> top, std::unique_ptr<Level> next)
    : top_(std::move(top)), next_(std::move(next)) {}

HyphenPatterns::~HyphenPatterns() = default;

HyphenDict* HyphenPatterns::dict() const {
  return &top_->dict;
}

namespace {

/// What successive fgets(buf, size, f) calls return: libhyphen reads the charset line into
/// cset[MAX_NAME] and every other line into a MAX_CHARS buffer, so a longer line arrives in
/// pieces that are each read as a line of their own.
class Pieces {
 public:
  explicit Pieces(std::string_view bytes) : bytes_(bytes) {}

  /// At most size - 1 bytes, through the first '\n'; nullopt at the end of the file.
  std::optional<std::string_view> next(size_t size) {
    if (at_ >= bytes_.size()) return std::nullopt;
    std::string_view piece = bytes_.substr(at_, size - 1);
    if (const size_t nl = piece.find('\n'); nl != std::string_view::npos)
      piece = piece.substr(0, nl + 1);
    at_ += piece.size();
    line_ = next_line_;
    if (piece.back() == '\n') ++next_line_;
    return piece;
  }

  /// The file line the last piece came from, for messages.
  int line() const { return line_; }

 private:
  std::string_view bytes_;
  size_t at_ = 0;
  int line_ = 0;
  int next_line_ = 1;
};

/// libhyphen sees each piece as a C string: up to its first '\0'.
std::string_view c_string(std::string_view s) {
  return s.substr(0, s.find('\0'));
}

int atoi_of(std::string_view s) {
  return std::atoi(std::string(s).c_str());
}

/// hnj_strchomp: a trailing '\r' or '\n' goes, and so does a '\r' just before the last byte.
std::string_view chomp(std::string_view s) {
  const size_t k = s.size();
  size_t end = k;
  if (k > 0 && (s[k - 1] == '\r' || s[k - 1] == '\n')) end = k - 1;
  if (k > 1 && s[k - 2] == '\r') end = k - 2;
  return s.substr(0, end);
}

/// One level of patterns (the part before or after NEXTLEVEL, or libhyphen's default first
/// level) as hnj_hyphen_load_line builds it, line by line.
class LevelBuilder {
 public:
  /// `file_bytes` bounds what the level can hold (each new state takes a byte of some line):
  /// reserving that much address space (up to German's size a few times over) spares the copies
  /// of growing, and costs only the pages used.
  LevelBuilder(bool utf8, size_t file_bytes) : utf8_(utf8) {
    const size_t expected = std::min(file_bytes, size_t{4} << 20);
    states_.reserve(expected + 1);
    head_.reserve(expected + 1);
    edges_.reserve(expected);
    strings_.reserve(expected);
    states_.emplace_back();
    head_.push_back(-1);
  }

  /// One line, as a C string (no '\0'); false with `error` set when it is malformed.
  bool add_line(std::string_view line, int number, std::string& error);

  /// The level in libhyphen's structures, fallbacks filled in; nullptr with `error` set when
  /// libhyphen's matcher would go outside its buffers with it.
  std::unique_ptr<HyphenPatterns::Level> finish(const char (&cset)[MAX_NAME], std::string& error);

 private:
  struct Edge {
    int from;
    int target;
    int next;  // the next edge of the same state's list, -1 after the last
    char ch;
  };
  /// Kept small: German has 300,000 states.
  struct State {
    int match = -1;  // offsets into strings_, -1 for none
    int repl = -1;
    int line = 0;  // where its match was set, for messages
    int parent = -1;
    signed char replindex = 0;
    signed char replcut = 0;
    char ch = 0;                // last byte of the state's string
    std::uint8_t depth = 0;     // length of the state's string: at most MAX_CHARS - 1
    std::uint8_t children = 0;  // counted up to kRowFrom
    bool dotted = false;        // the state's string starts with '.'
  };

  /// The few states with many children (the root, '.', short prefixes) are the ones every
  /// line and every fallback chain passes through: they get a table instead of a list.
  static constexpr int kRowFrom = 8;

  /// head_[state]: its first edge (a list, newest first), -1 for none, or -2 - the index of
  /// its row in rows_. Apart from states_: the lookups that build a level touch only this.
  int child(int state, char ch) const {
    const int head = head_[state];
    if (head < -1) return rows_[-2 - head][static_cast<unsigned char>(ch)];
    for (int e = head; e >= 0; e = edges_[e].next)
      if (edges_[e].ch == ch) return edges_[e].target;
    return -1;
  }
  void add_edge(int from, char ch, int to);
  int state_for(std::string_view word);
  int store(std::string_view s);

  bool utf8_;
  char lhmin_ = 0;
  char rhmin_ = 0;
  char clhmin_ = 0;
  char crhmin_ = 0;
  bool has_nohyphen_ = false;
  std::string nohyphen_;
  int nohyphenl_ = 0;
  int nohyphen_line_ = 0;
  std::vector<State> states_;
  std::vector<int> head_;
  std::vector<Edge> edges_;
  std::vector<std::array<int, 256>> rows_;
  std::string strings_;
  std::string word_;
  std::string pattern_;
  std::string last_word_;
  std::vector<int> path_{0};  // path_[d]: the state of last_word_'s first d bytes
};

void LevelBuilder::add_edge(int from, char ch, int to) {
  const int e = static_cast<int>(edges_.size());
  int& head = head_[from];
  edges_.push_back({from, to, head < -1 ? -1 : head, ch});
  if (head < -1) {
    rows_[-2 - head][static_cast<unsigned char>(ch)] = to;
    return;
  }
  head = e;
  if (++states_[from].children == kRowFrom) {
    auto& row = rows_.emplace_back();
    row.fill(-1);
    for (int i = head; i >= 0; i = edges_[i].next)
      row[static_cast<unsigned char>(edges_[i].ch)] = edges_[i].target;
    head = -1 - static_cast<int>(rows_.size());  // -2 - its index
  }
}

/// The state for `word`, created with its missing prefixes if new. libhyphen numbers the new
/// states from the whole word down to the shortest missing prefix, and appends each new
/// prefix's transition to its parent's list; the same numbers and order come out here.
int LevelBuilder::state_for(std::string_view word) {
  // Pattern files are mostly sorted (German's second half is a word list): the walk starts
  // after the prefix this word shares with the last one.
  size_t known = 0;
  const size_t shared = std::min(word.size(), last_word_.size());
  while (known < shared && word[known] == last_word_[known]) ++known;
  path_.resize(known + 1);
  int state = path_[known];
  while (known < word.size()) {
    const int next = child(state, word[known]);
    if (next < 0) break;
    state = next;
    path_.push_back(state);
    ++known;
  }
  last_word_.assign(word);
  if (known == word.size()) return state;
  const size_t fresh = word.size() - known;
  const int first = static_cast<int>(states_.size());
  states_.resize(states_.size() + fresh);
  head_.resize(states_.size(), -1);
  // Prefix of length p (known < p <= size) is state first + (size - p).
  for (size_t p = word.size(); p > known; --p) {
    const int parent = p - 1 == known ? state : first + static_cast<int>(word.size() - (p - 1));
    const int child = first + static_cast<int>(word.size() - p);
    State& s = states_[child];
    s.parent = parent;
    s.depth = static_cast<std::uint8_t>(p);
    s.ch = word[p - 1];
    s.dotted = word.front() == '.';
    add_edge(parent, word[p - 1], child);
  }
  for (size_t p = known + 1; p <= word.size(); ++p)
    path_.push_back(first + static_cast<int>(word.size() - p));
  return first;
}

int LevelBuilder::store(std::string_view s) {
  const int at = static_cast<int>(strings_.size());
  strings_.append(s);
  strings_.push_back('\0');
  return at;
}

bool LevelBuilder::add_line(std::string_view line, int number, std::string& error) {
  const auto option = [&](std::string_view name, char& value) {
    if (!line.starts_with(name)) return false;
    value = static_cast<char>(atoi_of(line.substr(name.size())));
    return true;
  };
  if (option("LEFTHYPHENMIN", lhmin_) || option("RIGHTHYPHENMIN", rhmin_) ||
      option("COMPOUNDLEFTHYPHENMIN", clhmin_) || option("COMPOUNDRIGHTHYPHENMIN", crhmin_))
    return true;

  if (line.starts_with("NOHYPHEN")) {
    size_t at = 8;
    while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
    const std::string_view list = line.substr(at);
    if (list.empty()) {
      // libhyphen would cut the last byte of an empty string: one before its buffer.
      error = "line " + std::to_string(number) + ": NOHYPHEN lists nothing";
      return false;
    }
    // libhyphen drops the last byte (the '\n', or a real character on a last line without one)
    // and splits at every comma but a leading one. A second NOHYPHEN line replaces the list but
    // libhyphen keeps counting its commas: finish() checks the count still fits.
    nohyphen_.assign(list.substr(0, list.size() - 1));
    for (size_t i = nohyphen_.size(); i-- > 1;) {
      if (nohyphen_[i] == ',') {
        nohyphen_[i] = '\0';
        ++nohyphenl_;
      }
    }
    has_nohyphen_ = true;
    nohyphen_line_ = number;
    return true;
  }

  // "pattern/replacement,index,cut": non-standard hyphenation ("c1k/k=k,1,1").
  std::string_view body = line;
  std::optional<std::string_view> repl;
  signed char replindex = 0;
  signed char replcut = 0;
  if (const size_t slash = line.find('/'); slash != std::string_view::npos) {
    body = line.substr(0, slash);
    const std::string_view rest = line.substr(slash + 1);
    if (const size_t comma = rest.find(','); comma != std::string_view::npos) {
      repl = rest.substr(0, comma);
      if (const size_t comma2 = rest.find(',', comma + 1); comma2 != std::string_view::npos) {
        // 1-based in the file; libhyphen's casts, in its order.
        replindex = static_cast<signed char>(
            static_cast<signed char>(atoi_of(rest.substr(comma + 1, comma2 - comma - 1))) - 1);
        replcut = static_cast<signed char>(atoi_of(rest.substr(comma2 + 1)));
      }
    } else {
      repl = chomp(rest);
      replcut = static_cast<signed char>(body.size());  // with the digits: libhyphen's strlen
    }
  }

  // Letters (any byte above ' ' but a digit) make the state's string; a digit is the value
  // of the gap before the next letter.
  std::string& word = word_;  // reused: no allocation per line
  std::string& pattern = pattern_;
  word.clear();
  pattern.assign(1, '0');
  for (size_t i = 0; i < body.size() && static_cast<unsigned char>(body[i]) > ' '; ++i) {
    if (body[i] >= '0' && body[i] <= '9') {
      pattern.back() = body[i];
    } else {
      word.push_back(body[i]);
      pattern.push_back('0');
    }
  }

  size_t from = 0;
  const bool dot = !word.empty() && word.front() == '.';
  if (!repl) {
    while (from < pattern.size() && pattern[from] == '0') ++from;  // leading zeros matter not
  } else {
    if (dot) from = 1;
    if (utf8_) {
      // The file counts characters; the matcher counts bytes. libhyphen's loop reads the
      // word's terminating '\0' too.
      int pu = -1;
      int ps = -1;
      for (size_t pc = dot ? 1 : 0; pc < word.size() + 1; ++pc) {
        const auto c = static_cast<unsigned char>(pc < word.size() ? word[pc] : '\0');
        if ((c >> 6) != 2) ++pu;
        if (ps < 0 && replindex == pu) {
          ps = replindex;
          replindex = static_cast<signed char>(pc);
        }
        if (ps >= 0 && pu - ps == replcut) {
          replcut = static_cast<signed char>(static_cast<long long>(pc) - replindex);
          break;
        }
      }
      if (dot) replindex = static_cast<signed char>(replindex - 1);
    }
  }

  const int state = state_for(word);
  const int match = store(std::string_view(pattern).substr(from));
  const int replacement = repl ? store(*repl) : -1;
  State& s = states_[state];  // after state_for and store: states_ may have moved
  s.match = match;
  s.repl = replacement;
  s.replindex = replindex;
  s.replcut = replcut ? replcut : static_cast<signed char>(word.size());
  s.line = number;
  return true;
}

std::unique_ptr<HyphenPatterns::Level> LevelBuilder::finish(const char (&cset)[MAX_NAME],
                                                            std::string& error) {
  auto level = std::make_unique<HyphenPatterns::Level>();
  const size_t n = states_.size();

  // Transitions: one array, each state's run in the order libhyphen appended them (edges_
  // is in that order).
  std::vector<int> first(n + 1, 0);
  for (const Edge& e : edges_) ++first[e.from + 1];
  for (size_t i = 0; i < n; ++i) first[i + 1] += first[i];
  level->trans = std::make_unique_for_overwrite<HyphenTrans[]>(edges_.size());
  {
    std::vector<int> at(first.begin(), first.end() - 1);
    for (const Edge& e : edges_) level->trans[at[e.from]++] = {e.ch, e.target};
  }
  // For the fallback chains: rows where there are, else the state's run of transitions (one
  // or two cache lines, where its list would be as many as it has edges).
  const auto find = [&](int state, char ch) {
    if (const int head = head_[state]; head < -1)
      return rows_[-2 - head][static_cast<unsigned char>(ch)];
    for (int t = first[state]; t < first[state + 1]; ++t)
      if (level->trans[t].ch == ch) return level->trans[t].new_state;
    return -1;
  };

  // Fallbacks: libhyphen's is the state of the longest proper suffix of the state's string.
  // Every prefix of a state's string is a state too, so that is the Aho-Corasick failure
  // link, found from the parent's (and the chain of shorter suffixes' own), resolved on
  // demand in state order: a new state's parent is usually the next state, so memory is read
  // nearly in order (a breadth-first walk jumps about 300,000 states for German).
  constexpr int kUnknown = -2;
  std::vector<int> fallback(n, kUnknown);
  fallback[0] = -1;
  // Each call goes to a shorter string: at most MAX_CHARS deep.
  const auto resolve = [&](const auto& self, int c) -> int {
    if (fallback[c] != kUnknown) return fallback[c];
    const State& s = states_[c];
    int to = 0;
    if (s.parent != 0) {
      for (int f = self(self, s.parent);; f = self(self, f)) {
        if (const int next = find(f, s.ch); next >= 0) {
          to = next;
          break;
        }
        if (f == 0) break;
      }
    }
    return fallback[c] = to;
  };
  for (size_t i = 1; i < n; ++i) resolve(resolve, static_cast<int>(i));

  // What libhyphen 2.8.8's matcher does not check, and would write outside its buffers for.
  if (has_nohyphen_) {
    size_t at = 0;
    for (int i = 0; i <= nohyphenl_; ++i) {
      if (at >= nohyphen_.size() || nohyphen_[at] == '\0') {
        error = "line " + std::to_string(nohyphen_line_) + ": NOHYPHEN has an empty entry";
        return nullptr;
      }
      at = std::min(nohyphen_.find('\0', at), nohyphen_.size()) + 1;
    }
  }
  for (size_t i = 0; i < n; ++i) {
    const State& s = states_[i];
    if (s.match < 0) continue;
    const auto match_length = static_cast<int>(std::strlen(strings_.data() + s.match));
    if (s.dotted && match_length > s.depth) {
      error = "line " + std::to_string(s.line) + ": a hyphenation value before the leading '.'";
      return nullptr;
    }
    if (s.repl >= 0 && (s.replindex < 0 || s.replindex >= match_length || s.replcut < 1)) {
      error = "line " + std::to_string(s.line) +
              ": the replacement's position or length lies outside its pattern";
      return nullptr;
    }
  }

  level->strings = std::move(strings_);
  level->states = std::make_unique_for_overwrite<HyphenState[]>(n);
  for (size_t i = 0; i < n; ++i) {
    const State& s = states_[i];
    HyphenState& out = level->states[i];
    out.match = s.match >= 0 ? level->strings.data() + s.match : nullptr;
    out.repl = s.repl >= 0 ? level->strings.data() + s.repl : nullptr;
    out.replindex = s.replindex;
    out.replcut = s.replcut;
    out.fallback_state = fallback[i];
    out.num_trans = first[i + 1] - first[i];
    out.trans = out.num_trans > 0 ? level->trans.get() + first[i] : nullptr;
  }
  HyphenDict& d = level->dict;
  d.lhmin = lhmin_;
  d.rhmin = rhmin_;
  d.clhmin = clhmin_;
  d.crhmin = crhmin_;
  if (has_nohyphen_) {
    level->nohyphen = std::move(nohyphen_);
    d.nohyphen = level->nohyphen.data();
  }
  d.nohyphenl = nohyphenl_;
  d.num_states = static_cast<int>(n);
  std::memcpy(d.cset, cset, MAX_NAME);
  d.utf8 = utf8_ ? 1 : 0;
  d.states = level->states.get();
  d.nextlevel = nullptr;
  return level;
}

}  // namespace

HyphenLoad parse_hyphen_patterns(std::string_view bytes) {
  HyphenLoad out;
  Pieces pieces(bytes);

  char cset[MAX_NAME] = {};
  if (const auto first = pieces.next(MAX_NAME)) {
    std::memcpy(cset, first->data(), first->size());
    for (char& c : cset)
      if (c == '\r' || c == '\n') c = '\0';
  }
  const bool utf8 = std::strcmp(cset, "UTF-8") == 0;

  bool nextlevel = false;
  const auto read_level = [&](LevelBuilder& level) {
    while (const auto piece = pieces.next(MAX_CHARS)) {
      const std::string_view line = c_string(*piece);
      if (line.starts_with("NEXTLEVEL")) {
        nextlevel = true;
        break;
      }
      if (!line.starts_with('%') && !level.add_line(line, pieces.line(), out.error)) return false;
    }
    return true;
  };

  LevelBuilder first(utf8, bytes.size());
  if (!read_level(first)) return out;
  LevelBuilder second(utf8, nextlevel ? bytes.size() : 0);
  if (nextlevel) {
    if (!read_level(second)) return out;
  } else {
    // libhyphen's own first level when the file has one level: no break at a hyphen or an
    // apostrophe (and, in UTF-8, an en dash or a typographic apostrophe).
    std::vector<std::string_view> lines;
    if (utf8)
      lines = {"NOHYPHEN ',\xe2\x80\x93,\xe2\x80\x99,-\n", "1-1\n", "1'1\n",
               "1\xe2\x80\x93"
               "1\n",
               "1\xe2\x80\x99"
               "1\n"};
    else
      lines = {"NOHYPHEN ',-\n", "1-1\n", "1'1\n"};
    for (std::string_view line : lines) second.add_line(line, 0, out.error);
  }

  char second_cset[MAX_NAME] = {};  // libhyphen strncpy's the C string
  std::string_view(cset).copy(second_cset, MAX_NAME - 1);
  auto level0 = first.finish(cset, out.error);
  if (!level0) return out;
  auto level1 = second.finish(second_cset, out.error);
  if (!level1) return out;

  if (nextlevel) {
    level0->dict.nextlevel = &level1->dict;
    out.patterns = std::make_unique<HyphenPatterns>(std::move(level0), std::move(level1));
  } else {
    // As libhyphen: the default level takes the file's hyphenmins, a compound minimum of 3
    // when the file gives none.
    const HyphenDict& file = level0->dict;
    HyphenDict& top = level1->dict;
    top.nextlevel = &level0->dict;
    top.lhmin = file.lhmin;
    top.rhmin = file.rhmin;
    top.clhmin = file.clhmin ? file.clhmin : (file.lhmin ? file.lhmin : 3);
    top.crhmin = file.crhmin ? file.crhmin : (file.rhmin ? file.rhmin : 3);
    out.patterns = std::make_unique<HyphenPatterns>(std::move(level1), std::move(level0));
  }
  return out;
}

HyphenLoad load_hyphen_patterns(const std::filesystem::path& file) {
  HyphenLoad out;
  // Debian's dictionaries, not a person's input: the default file-bytes limit (64 MiB) is far
  // above German's, the largest installed (1.1 MB).
  core::Diagnostics diags;
  const auto bytes = core::read_file(file, core::Limits{}, diags);
  if (!bytes) {
    const core::Diagnostic& d = diags.all().front();
    out.error = d.where.to_string() + ": " + d.message;
    return out;
  }
  out = parse_hyphen_patterns(*bytes);
  if (!out.patterns) out.error = file.string() + ": " + out.error;
  return out;
}

}  // namespace broadside::text
