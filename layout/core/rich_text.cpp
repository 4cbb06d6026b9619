// rich_text.cpp — concatenation and cutting of rich texts.
#include "core/rich_text.hpp"

#include <algorithm>

namespace broadside::core {

void RichText::append(const RichText& other) {
  const size_t shift = text.size();
  text += other.text;
  for (StyleRun r : other.runs) {
    r.start += shift;
    r.end += shift;
    runs.push_back(std::move(r));
  }
}

RichText RichText::prefix(size_t end) const {
  RichText out;
  out.text = text.substr(0, end);
  for (StyleRun r : runs) {
    if (r.start >= out.text.size()) break;
    r.end = std::min(r.end, out.text.size());
    out.runs.push_back(std::move(r));
  }
  return out;
}

}  // namespace broadside::core
