// rich_text.cpp — concatenation of rich texts.
#include "core/rich_text.hpp"

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

}  // namespace broadside::core
