// variables.cpp — text of a value.
#include "core/variables.hpp"

namespace broadside::core {

std::string Value::text() const {
  std::string s;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) s += ", ";
    s += items[i];
  }
  return s;
}

}  // namespace broadside::core
