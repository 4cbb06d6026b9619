// fuzz_design.cpp — fuzz target: a design's YAML parsed and resolved (spec), for a left-to-right
// and a right-to-left statement (`scripts:` changes apply per language).
#include <cstdint>
#include <string>

#include "design/design.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string yaml(reinterpret_cast<const char*>(data), size);
  // Images are looked up next to the design: the assets folder holds a few real ones.
  const std::filesystem::path file = std::filesystem::path(BROADSIDE_FUZZ_ASSETS) / "fuzz.yaml";
  for (const char* lang : {"en", "ar"}) {
    broadside::core::Diagnostics diags;
    const auto design =
        broadside::design::parse_design(yaml, file, broadside::core::Options{}, diags, lang);
    (void)diags.to_string();
    if (design && diags.has_errors()) __builtin_trap();  // a design comes with no errors
  }
  return 0;
}
