// quotes.cpp — a small state machine over the text, segment by segment so runs keep their
// byte ranges.
#include "content/quotes.hpp"

#include <algorithm>
#include <set>
#include <string_view>
#include <vector>

#include "content/typography.hpp"
#include "core/language.hpp"

namespace broadside::content {

namespace {

constexpr std::string_view kLeftDouble = "\u201C", kRightDouble = "\u201D";
constexpr std::string_view kLeftSingle = "\u2018", kRightSingle = "\u2019";
constexpr std::string_view kLowDouble = "\u201E", kLowSingle = "\u201A";
constexpr std::string_view kLeftGuillemet = "\u00AB", kRightGuillemet = "\u00BB";
constexpr std::string_view kNarrowNbsp = "\u202F";
constexpr std::string_view kNbsp = "\u00A0";
constexpr std::string_view kEmDash = "\u2014", kEnDash = "\u2013";

bool is_word_byte(unsigned char c) {
  return std::isalnum(c) || c >= 0x80;
}

bool ends_with(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

bool starts(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

/// Which of the language's pairs an open quote stands for.
enum class Level { outer, inner, foreign };

/// A quote that is open: the marks that may close it in the source, and what to write then.
struct OpenQuote {
  std::vector<std::string_view> closers;
  std::string close;    // what the close becomes (the language's mark, or the source's own)
  bool spaced;          // the language's inside space was written after the open mark
  bool native = false;  // typed in a native style, not made from an English mark
};

// Two kinds of marks come in: the English curly quotes smart punctuation made from straight
// ones (“ ” ‘ ’), which become the language's own, and marks the author typed in the language's
// own style („…“ ‚…‘ «…» »…«), which are already right and stay — only a close that does not
// match its open („…” in German) is set to the language's. A stack of open quotes tells a
// German closing “ from an English opening “.
class Localiser {
 public:
  explicit Localiser(const std::string& lang)
      : q_(core::quotes_for(lang)), french_(core::primary_language(lang) == "fr") {}

  std::string run(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size();) {
      const std::string_view rest = s.substr(i);
      if (const size_t n = closing_mark(rest, s, i)) {
        close(out);
        i += n;
      } else if (starts(rest, kLeftDouble) && inside_native()) {
        // English quotes inside the author's «…» are the inner ones: «ciudades “santuario”».
        i += kLeftDouble.size() + open(out, q_.inner_open, q_.inner_close, {kRightDouble}, s,
                                       i + kLeftDouble.size(), false);
      } else if (starts(rest, kLeftDouble)) {
        i += kLeftDouble.size() +
             open(out, q_.open, q_.close, {kRightDouble}, s, i + kLeftDouble.size(), true);
      } else if (starts(rest, kRightDouble)) {
        trim_space_before(out);  // a close with no open: the language's close
        if (!q_.inside_space.empty()) out += q_.inside_space;
        out += q_.close;
        i += kRightDouble.size();
      } else if (starts(rest, kLeftSingle)) {
        i += kLeftSingle.size() + open(out, q_.inner_open, q_.inner_close, {kRightSingle}, s,
                                       i + kLeftSingle.size(), false);
      } else if (starts(rest, kLowDouble)) {
        i += open_native(out, kLowDouble, {kLeftDouble, kRightDouble}, s, i);
      } else if (starts(rest, kLowSingle)) {
        i += open_native(out, kLowSingle, {kLeftSingle, kRightSingle}, s, i);
      } else if (starts(rest, kLeftGuillemet)) {
        i += open_native(out, kLeftGuillemet, {kRightGuillemet}, s, i);
      } else if (starts(rest, kRightGuillemet)) {
        i += open_native(out, kRightGuillemet, {kLeftGuillemet}, s, i);  // German »…«
      } else if (s[i] == ' ' &&
                 (starts(rest.substr(1), kEmDash) || starts(rest.substr(1), kEnDash))) {
        // A spaced dash stays with the word before it: no line starts with a dash.
        out += kNbsp;
        ++i;
      } else if (french_ && (s[i] == ';' || s[i] == '!' || s[i] == '?') && !out.empty()) {
        // French: a narrow no-break space before ; ! ? (replacing a plain space if typed).
        if (out.back() == ' ') out.pop_back();
        // A segment holding only a space before the mark has nothing left to look at; a
        // no-break space the author typed is already right.
        if (!out.empty() && !ends_with(out, kNarrowNbsp) && !ends_with(out, kNbsp) &&
            (is_word_byte(static_cast<unsigned char>(out.back())) || ends_with_close(out)))
          out += kNarrowNbsp;
        out += s[i++];
      } else if (french_ && s[i] == ':' && !out.empty() && out.back() == ' ') {
        // French: a typed space before a colon must not break ("10:30" has none and stays).
        out.pop_back();
        out += kNbsp;
        out += s[i++];
      } else {
        out += s[i++];
      }
    }
    return out;
  }

 private:
  /// Bytes of a mark at `rest` that closes the innermost open quote, or 0. An ’ followed by a
  /// letter is an apostrophe ("geht’s"), never a close.
  size_t closing_mark(std::string_view rest, std::string_view s, size_t i) const {
    if (open_.empty()) return 0;
    for (std::string_view closer : open_.back().closers) {
      if (!starts(rest, closer)) continue;
      const size_t after = i + closer.size();
      if (closer == kRightSingle && after < s.size() &&
          is_word_byte(static_cast<unsigned char>(s[after])))
        return 0;
      return closer.size();
    }
    return 0;
  }

  void close(std::string& out) {
    const OpenQuote q = std::move(open_.back());
    open_.pop_back();
    if (q.spaced) {
      trim_space_before(out);
      if (!ends_with(out, kNarrowNbsp) && !ends_with(out, kNbsp)) out += q_.inside_space;
    }
    out += q.close;
  }

  /// Writes `mark` for an open quote whose source mark ended at byte `after`, with the
  /// language's inside space when `spaced` (a typed plain space there gives way to it, a typed
  /// no-break space stays); returns the bytes consumed after `after`.
  size_t open(std::string& out, const std::string& mark, const std::string& close,
              std::vector<std::string_view> closers, std::string_view s, size_t after,
              bool spaced) {
    out += mark;
    const bool space = spaced && !q_.inside_space.empty();
    size_t skip = 0;
    if (space) {
      if (after < s.size() && s[after] == ' ') skip = 1;
      const std::string_view next = s.substr(std::min(after + skip, s.size()));
      if (!starts(next, kNarrowNbsp) && !starts(next, kNbsp)) out += q_.inside_space;
    }
    open_.push_back({std::move(closers), close, space});
    return skip;
  }

  /// An opening mark in a native style, kept as typed; its close becomes the language's own when
  /// the mark is one of the language's opens.
  size_t open_native(std::string& out, std::string_view mark, std::vector<std::string_view> closers,
                     std::string_view s, size_t i) {
    std::string close;
    bool space = false;
    if (mark == q_.open) {
      close = q_.close;
      space = !q_.inside_space.empty();
    } else if (mark == q_.inner_open) {
      close = q_.inner_close;
    } else {
      close = std::string(closers.front());  // a pair the language does not use: as typed
    }
    // A close that is not among the marks the source may use for this open still closes it.
    if (std::find(closers.begin(), closers.end(), std::string_view(close)) == closers.end())
      closers.push_back(close);
    const size_t after = i + mark.size();
    const size_t n =
        mark.size() + open(out, std::string(mark), close, std::move(closers), s, after, space);
    open_.back().native = true;
    return n;
  }

  bool inside_native() const { return !open_.empty() && open_.back().native; }
  bool ends_with_close(const std::string& out) const { return ends_with(out, q_.close); }
  void trim_space_before(std::string& out) const {
    if (!q_.inside_space.empty() && !out.empty() && out.back() == ' ') out.pop_back();
  }

  core::Quotes q_;
  bool french_;
  std::vector<OpenQuote> open_;
};

}  // namespace

std::string localise_quotes(const std::string& text, const std::string& lang) {
  return Localiser(lang).run(text);
}

core::RichText localise_quotes(const core::RichText& text, const std::string& lang) {
  std::set<size_t> cuts{0, text.text.size()};
  for (const auto& r : text.runs) cuts.insert({r.start, r.end});
  Localiser localiser(lang);
  core::RichText out;
  std::vector<std::pair<size_t, size_t>> moved;  // old offset -> new offset at each cut
  for (auto it = cuts.begin(); it != cuts.end(); ++it) {
    moved.emplace_back(*it, out.text.size());
    auto next = std::next(it);
    if (next == cuts.end()) break;
    out.text += localiser.run(std::string_view(text.text).substr(*it, *next - *it));
  }
  auto remap = [&](size_t offset) {
    for (const auto& [old_offset, new_offset] : moved)
      if (old_offset == offset) return new_offset;
    return offset;
  };
  for (auto r : text.runs) {
    r.start = remap(r.start);
    r.end = remap(r.end);
    out.runs.push_back(std::move(r));
  }
  return out;
}

void localise_quotes(core::Variables& variables, const std::string& lang) {
  for (auto& [name, value] : variables) {
    if (name == "lang") continue;
    for (auto& item : value.items)
      if (!looks_like_address(item)) item = localise_quotes(item, lang);
  }
}

}  // namespace broadside::content
