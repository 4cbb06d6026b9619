// generate.hpp — a small design and statement made from fuzz bytes: every choice (page size,
// styles, frames, stacks, images, text in many scripts) is read from the input, so the fuzzer
// explores layouts, not YAML syntax errors.
#pragma once

#include <string>
#include <string_view>

namespace broadside::fuzz {

struct Generated {
  std::string design;     // YAML
  std::string statement;  // Markdown with front matter
};

/// Deterministic: the same bytes give the same design and statement.
Generated generate(std::string_view bytes);

}  // namespace broadside::fuzz
