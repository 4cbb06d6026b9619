// suggest.cpp — nearest-name search for "did you mean" hints.
#include "core/suggest.hpp"

#include <algorithm>
#include <limits>

#include "core/ascii.hpp"

namespace broadside::core {

namespace {

// Two edits catch the usual slips (a swapped pair, a British spelling) without suggesting
// unrelated short words.
constexpr size_t kMaxHintDistance = 2;
// Below this, "contains" matches almost every key and stops being a useful hint.
constexpr size_t kMinContainedLength = 3;

}  // namespace

size_t edit_distance(std::string_view a_in, std::string_view b_in) {
  const std::string a = ascii_lower(a_in), b = ascii_lower(b_in);
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  return did_you_mean(word, candidates, kMaxHintDistance);
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates,
                         size_t max_distance) {
  const std::string needle = ascii_lower(word);
  const std::string* best = nullptr;
  size_t best_distance = std::numeric_limits<size_t>::max();
  for (const auto& c : candidates) {
    const size_t d = edit_distance(word, c);
    // A distance as long as the word itself means nothing of it survived.
    if (d <= max_distance && d < word.size() && d < best_distance) {
      best = &c;
      best_distance = d;
    }
  }
  if (!best && needle.size() >= kMinContainedLength) {
    for (const auto& c : candidates) {
      if (ascii_lower(c).find(needle) != std::string::npos) {
        best = &c;
        break;
      }
    }
  }
  return best ? "did you mean '" + *best + "'?" : std::string{};
}

std::string join_names(const std::vector<std::string>& names, std::string_view last) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += (i + 1 == names.size()) ? std::string(last) : std::string(", ");
    out += names[i];
  }
  return out;
}

}  // namespace broadside::core
