// quotes.cpp — a small state machine over the text, segment by segment so runs keep their
// byte ranges.
#include "content/quotes.hpp"

#include <set>
#include <string_view>

#include "content/typography.hpp"
#include "core/language.hpp"

namespace broadside::content {

namespace {

constexpr std::string_view kLeftDouble = "\u201C", kRightDouble = "\u201D";
constexpr std::string_view kLeftSingle = "\u2018", kRightSingle = "\u2019";
constexpr std::string_view kNarrowNbsp = "\u202F";
constexpr std::string_view kNbsp = "\u00A0";
constexpr std::string_view kEmDash = "\u2014", kEnDash = "\u2013";

bool is_word_byte(unsigned char c) {
  return std::isalnum(c) || c >= 0x80;
}

class Localiser {
 public:
  explicit Localiser(const std::string& lang)
      : q_(core::quotes_for(lang)), french_(core::primary_language(lang) == "fr") {}

  std::string run(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size();) {
      const std::string_view rest = s.substr(i);
      if (starts(rest, kLeftDouble)) {
        out += q_.open + q_.inside_space;
        i += skip_space_after(s, i + kLeftDouble.size());
      } else if (starts(rest, kRightDouble)) {
        trim_space_before(out);
        out += q_.inside_space + q_.close;
        i += kRightDouble.size();
      } else if (starts(rest, kLeftSingle)) {
        out += q_.inner_open;
        ++single_depth_;
        i += kLeftSingle.size();
      } else if (starts(rest, kRightSingle) && single_depth_ > 0 &&
                 !(i + 3 < s.size() && is_word_byte(static_cast<unsigned char>(s[i + 3])))) {
        out += q_.inner_close;  // the close of an inner quote, not an apostrophe
        --single_depth_;
        i += kRightSingle.size();
      } else if (s[i] == ' ' &&
                 (starts(rest.substr(1), kEmDash) || starts(rest.substr(1), kEnDash))) {
        // A spaced dash stays with the word before it: no line starts with a dash.
        out += kNbsp;
        ++i;
      } else if (french_ && (s[i] == ';' || s[i] == '!' || s[i] == '?') && !out.empty()) {
        // French: a narrow no-break space before ; ! ? (replacing a plain space if typed).
        if (out.back() == ' ') out.pop_back();
        // A segment holding only a space before the mark has nothing left to look at.
        if (!out.empty() &&
            (is_word_byte(static_cast<unsigned char>(out.back())) || ends_with_mark(out)))
          out += kNarrowNbsp;
        out += s[i++];
      } else {
        out += s[i++];
      }
    }
    return out;
  }

 private:
  static bool starts(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
  bool ends_with_mark(const std::string& out) const {
    return out.size() >= q_.close.size() &&
           out.compare(out.size() - q_.close.size(), q_.close.size(), q_.close) == 0;
  }
  /// Bytes to advance past an opening quote: the quote, plus a plain space after it when the
  /// language sets its own space there.
  size_t skip_space_after(std::string_view s, size_t after) const {
    const size_t n = kLeftDouble.size();
    return !q_.inside_space.empty() && after < s.size() && s[after] == ' ' ? n + 1 : n;
  }
  void trim_space_before(std::string& out) const {
    if (!q_.inside_space.empty() && !out.empty() && out.back() == ' ') out.pop_back();
  }

  core::Quotes q_;
  bool french_;
  int single_depth_ = 0;
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
