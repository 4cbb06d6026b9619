// yaml_bombs.hpp — YAML texts that cost far more to expand than to read, for the limit tests.
#pragma once

#include <string>

namespace broadside::testing {

/// Nine levels of ten aliases each: 10^9 values from a few hundred bytes.
inline std::string laughs() {
  std::string y = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 9; ++i) {
    y += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) y += (k ? ", *a" : "*a") + std::to_string(i - 1);
    y += "]\n";
  }
  return y;
}

}  // namespace broadside::testing
