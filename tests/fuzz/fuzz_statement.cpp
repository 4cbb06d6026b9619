// fuzz_statement.cpp — fuzz target: a statement read (content): front matter, Markdown or a plain
// text statement, encoding checks, typography, quotes per language, broken paragraphs joined.
#include <cstdint>
#include <string>

#include "content/document.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  broadside::core::Diagnostics diags;
  const auto doc =
      broadside::content::parse_statement(text, "fuzz.md", broadside::core::Options{}, diags);
  (void)diags.to_string();
  if (doc) (void)doc->body_word_count();
  return 0;
}
