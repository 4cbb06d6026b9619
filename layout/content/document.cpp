// document.cpp — load_statement and parse_statement: the content stage from bytes to Document.
#include "content/document.hpp"

#include "content/body_limits.hpp"
#include "content/broken_paragraphs.hpp"
#include "content/byline.hpp"
#include "content/encoding.hpp"
#include "content/front_matter.hpp"
#include "content/markdown.hpp"
#include "content/plain_statement.hpp"
#include "content/quotes.hpp"
#include "content/typography.hpp"
#include "content/words.hpp"
#include "core/atomic_file.hpp"

namespace broadside::content {

namespace {

// Front matter into variables and lang, with typography applied and a byline composed from
// author, role and date when none is given.
void apply_front_matter(const StatementParts& parts, const std::string& file,
                        const core::Limits& limits, Document& document, core::Diagnostics& diags) {
  if (!parts.has_front_matter) return;
  if (!read_front_matter(parts.front_matter, parts.front_matter_first_line, file, limits,
                         FrontMatterKeys::statement, document.variables, diags))
    return;
  if (has_value(document.variables, "lang")) document.lang = document.variables.at("lang").text();
  normalise_typography(document.variables, document.lang);
  write_out_date(document.variables, document.lang);
  derive_byline(document.variables);
}

bool is_empty(const Document& document) {
  return !has_value(document.variables, "headline") && document.body.empty();
}

}  // namespace

size_t Document::body_word_count() const {
  size_t words = 0;
  for (const Block& block : body) words += count_words(block.text.text);
  return words;
}

std::optional<Document> parse_statement(const std::string& text, const std::filesystem::path& file,
                                        const core::Options& options, core::Diagnostics& diags) {
  const std::string name = file.string();
  // A leaflet statement is a few kilobytes (the seed is 5 KB); a file a thousand times that is
  // a wrong path, and refusing it keeps fit searches and fuzzing fast.
  const core::Limits& limits = options.limits;
  if (text.size() > static_cast<size_t>(limits[core::Limit::statement_bytes])) {
    diags.error({name},
                "the statement is " + std::to_string(text.size()) + " bytes, " +
                    limits.over(core::Limit::statement_bytes),
                core::limit_hint(core::Limit::statement_bytes));
    return std::nullopt;
  }
  const std::string normalised = normalise_newlines(text);
  core::Diagnostics local;
  if (!check_encoding(normalised, name, local)) {
    diags.append(local);
    return std::nullopt;
  }
  const std::optional<StatementParts> parts = split_front_matter(normalised, name, local);
  Document document;
  document.source = file;
  if (parts) {
    apply_front_matter(*parts, name, limits, document, local);
    document.body = parse_markdown(parts->body, parts->body_line_offset, name, local);
    join_broken_paragraphs(document.body);
    if (!check_body_limits(document.body, name, limits, local)) {
      diags.append(local);
      return std::nullopt;
    }
    derive_structure(document);
    // Smart punctuation made English quotes; each language gets its own.
    localise_quotes(document.variables, document.lang);
    for (Block& block : document.body) block.text = localise_quotes(block.text, document.lang);
    if (!local.has_errors() && is_empty(document))
      local.error({name}, "the statement is empty: no headline and no body text",
                  "start with '# Headline' or give 'headline:' in the front matter");
  }
  diags.append(local);
  if (local.has_errors()) return std::nullopt;
  return document;
}

std::optional<Document> load_statement(const std::filesystem::path& file,
                                       const core::Options& options, core::Diagnostics& diags) {
  const auto text = core::read_file(file, options.limits, diags);
  if (!text) return std::nullopt;
  return parse_statement(*text, file, options, diags);
}

}  // namespace broadside::content
