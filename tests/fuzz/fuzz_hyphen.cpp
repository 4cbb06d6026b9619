// fuzz_hyphen.cpp — fuzz target: a hyphenation pattern file read (text/hyphen_loader): refused
// cleanly, or loaded with every transition, fallback and match within the dictionary.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "text/hyphen_loader.hpp"

namespace {

/// What libhyphen's matcher relies on: states it can index and strings it can read.
void check_level(const HyphenDict& level) {
  for (int i = 0; i < level.num_states; ++i) {
    const HyphenState& s = level.states[i];
    if (s.fallback_state < -1 || s.fallback_state >= level.num_states) std::abort();
    if (i > 0 && s.fallback_state < 0) std::abort();
    for (int t = 0; t < s.num_trans; ++t)
      if (s.trans[t].new_state <= 0 || s.trans[t].new_state >= level.num_states) std::abort();
    if (s.match) (void)std::strlen(s.match);
    if (s.repl) (void)std::strlen(s.repl);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto load = broadside::text::parse_hyphen_patterns(
      std::string_view(reinterpret_cast<const char*>(data), size));
  if (!load.patterns) {
    if (load.error.empty()) std::abort();  // a refusal always says why
    return 0;
  }
  const HyphenDict* top = load.patterns->dict();
  check_level(*top);
  if (!top->nextlevel) std::abort();  // libhyphen always gives two levels
  check_level(*top->nextlevel);
  return 0;
}
