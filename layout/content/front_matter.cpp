// front_matter.cpp — splitting off the YAML front matter and flattening it into variables.
#include "content/front_matter.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <utility>

#include "content/language_codes.hpp"
#include "content/whitespace.hpp"
#include "core/ascii.hpp"
#include "core/suggest.hpp"
#include "core/yaml_load.hpp"
#include "core/yaml_syntax.hpp"

namespace broadside::content {

namespace {

// Front matter deeper than this is a mistake (a leaflet needs `event.place`, not ten levels),
// and the limit keeps the recursion below bounded for fuzzed input.
constexpr int kMaxNestingDepth = 8;

// Keys whose value must be one piece of text.
constexpr std::array<std::string_view, 7> kTextKeys = {"lang", "headline", "byline", "author",
                                                       "role", "date",     "contact"};

// Every key a statement's front matter may have at its top level; any other key must hold a
// map, a group of the statement's own variables (`event: {place: …}`, used as {event.place}).
// A single value under a name broadside does not know is a typo far more often than a new
// variable, and a typo left alone would silently leave its frame empty.
// docs/statement.schema.json lists the same keys (tests/schema/check_schemas.py compares them).
const std::vector<std::string> kStatementKeys = {"lang", "headline", "byline",  "author", "role",
                                                 "date", "contact",  "demands", "cta"};
// The call to action's keys.
const std::vector<std::string> kCtaKeys = {"text", "url"};

// Names people reach for that are no misspelling of the key they mean (so did_you_mean() does
// not find it): other words for it, as other formats and habits name it.
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kOtherNames = {{
    {"title", "headline"},
    {"heading", "headline"},
    {"language", "lang"},
    {"locale", "lang"},
    {"writer", "author"},
    {"by", "author"},
    {"name", "author"},
    {"call-to-action", "cta"},
    {"call_to_action", "cta"},
    {"action", "cta"},
    {"email", "contact"},
    {"requests", "demands"},
}};

/// The key `name` is another word for ("cta" for "call-to-action"), else "".
std::string_view key_named_otherwise(const std::string& name) {
  for (const auto& [other, key] : kOtherNames)
    if (core::ascii_lower(name) == other) return key;
  return {};
}

/// "did you mean 'headline'?" for a misspelt key or another word for one, else "".
std::string key_meant(const std::string& name) {
  const std::string_view key = key_named_otherwise(name);
  if (!key.empty()) return "did you mean '" + std::string(key) + "'?";
  return core::did_you_mean(name, kStatementKeys);
}

bool has_cta_key(const YAML::Node& map) {
  for (const auto& entry : map)
    if (std::find(kCtaKeys.begin(), kCtaKeys.end(), entry.first.Scalar()) != kCtaKeys.end())
      return true;
  return false;
}

std::string_view trim_trailing_blanks(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line;
}

// Text of a scalar: outer blank lines and spaces go (a `|` block ends with "\n"), inner line
// breaks stay, as a designer wrote them on purpose.
std::string scalar_text(const YAML::Node& node) {
  std::string_view s = node.Scalar();
  const size_t first = s.find_first_not_of(" \t\n");
  if (first == std::string_view::npos) return {};
  s = s.substr(first, s.find_last_not_of(" \t\n") - first + 1);
  return collapse_whitespace(s);
}

std::string_view kind_name(const YAML::Node& node) {
  if (node.IsMap()) return "a map";
  if (node.IsSequence()) return "a list";
  return "text";
}

bool is_valid_name(std::string_view name) {
  return !name.empty() && std::none_of(name.begin(), name.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '{' || c == '}';
  });
}

// Walks the YAML tree once, storing flattened variables and reporting problems at their place.
class FrontMatterReader {
 public:
  FrontMatterReader(int first_line, const std::string& file, const core::Limits& limits,
                    FrontMatterKeys keys, core::Variables& out, core::Diagnostics& diags)
      : first_line_(first_line),
        file_(file),
        limits_(limits),
        keys_(keys),
        out_(out),
        diags_(diags) {}

  void read_map(const YAML::Node& map, const std::string& prefix, int depth);

 private:
  core::SourceLocation at(const YAML::Mark& mark) const {
    if (mark.is_null()) return {file_, first_line_, 1};
    return {file_, first_line_ + mark.line, mark.column + 1};
  }
  void read_value(const std::string& name, const YAML::Node& key, const YAML::Node& value,
                  int depth);
  bool check_known_key(const std::string& name, const YAML::Node& key, const YAML::Node& value);
  void read_list(const std::string& name, const YAML::Node& key, const YAML::Node& list);
  void store(const std::string& name, core::Value value, const YAML::Node& key);
  bool is_short_enough(const std::string& name, const YAML::Node& scalar);
  bool is_statement_key(const std::string& name, const YAML::Node& key, const YAML::Node& value);

  int first_line_;
  const std::string& file_;
  const core::Limits& limits_;
  FrontMatterKeys keys_;
  core::Variables& out_;
  core::Diagnostics& diags_;
};

void FrontMatterReader::read_map(const YAML::Node& map, const std::string& prefix, int depth) {
  // Copies, not references: yaml-cpp's iterator hands out a temporary pair.
  for (const auto& entry : map) {
    const YAML::Node key = entry.first;
    const YAML::Node value = entry.second;
    if (!key.IsScalar() || !is_valid_name(key.Scalar())) {
      diags_.error(at(key.Mark()), "a front matter key must be a name without spaces or braces");
      continue;
    }
    read_value(prefix + key.Scalar(), key, value, depth);
  }
}

void FrontMatterReader::read_value(const std::string& name, const YAML::Node& key,
                                   const YAML::Node& value, int depth) {
  if (depth == 0 && !check_known_key(name, key, value)) return;
  if (keys_ == FrontMatterKeys::statement && !is_statement_key(name, key, value)) return;
  if (value.IsMap()) {
    if (depth + 1 >= kMaxNestingDepth) {
      diags_.error(at(value.Mark()), "front matter nested too deeply at '" + name + "'",
                   "at most " + std::to_string(kMaxNestingDepth) + " levels");
      return;
    }
    read_map(value, name + ".", depth + 1);
  } else if (value.IsSequence()) {
    read_list(name, key, value);
  } else if (value.IsScalar()) {
    if (!is_short_enough(name, value)) return;
    core::Value v = core::Value::scalar(scalar_text(value), at(value.Mark()));
    if (name == "demands") v.is_list = true;  // a single demand is a list of one
    store(name, std::move(v), key);
  } else {  // `name:` with nothing after it
    store(name,
          name == "demands" ? core::Value::list({}, at(key.Mark()))
                            : core::Value::scalar({}, at(key.Mark())),
          key);
  }
}

// The keys the layout relies on have a fixed shape; anything else is free.
bool FrontMatterReader::check_known_key(const std::string& name, const YAML::Node& key,
                                        const YAML::Node& value) {
  const bool is_text_key = std::find(kTextKeys.begin(), kTextKeys.end(), name) != kTextKeys.end();
  if (is_text_key && (value.IsMap() || value.IsSequence())) {
    diags_.error(at(value.Mark()),
                 "'" + name + "' must be text, not " + std::string(kind_name(value)));
    return false;
  }
  if (name == "lang" && value.IsScalar() && !is_language_tag(value.Scalar())) {
    diags_.error(at(value.Mark()), "'" + value.Scalar() + "' is not a language tag",
                 "use a BCP 47 tag such as 'en', 'de' or 'pt-BR'");
    return false;
  }
  if (name == "lang" && value.IsScalar()) {
    // A tag of no language sets the text in no language's fonts, phrases or dictionary ("jp"
    // mixed Chinese forms into Japanese): said, though the render goes on.
    if (const auto instead = unknown_language(value.Scalar()))
      diags_.warning(at(value.Mark()),
                     "'" + value.Scalar() + "' is not a language code in use (ISO 639)" +
                         (instead->empty() ? "" : ": did you mean '" + *instead + "'?"),
                     "the text is set without its language's fonts, line breaking and hyphenation");
  }
  if (name == "demands" && value.IsMap()) {
    diags_.error(at(value.Mark()), "'demands' must be a list, not a map",
                 "write one '- demand' per line");
    return false;
  }
  if (name == "cta" && !value.IsMap()) {
    diags_.error(at(value.IsNull() ? key.Mark() : value.Mark()),
                 "'cta' must be a map, not " + std::string(kind_name(value)),
                 "give 'text:' and 'url:' on indented lines below it");
    return false;
  }
  return true;
}

// A value's length and a list's items are checked before they are kept: each becomes text to
// lay out, and laying out a hundred thousand demands costs far more than reading them.
bool FrontMatterReader::is_short_enough(const std::string& name, const YAML::Node& scalar) {
  const size_t bytes = scalar.Scalar().size();
  if (bytes <= static_cast<size_t>(limits_[core::Limit::paragraph_bytes])) return true;
  diags_.error(at(scalar.Mark()),
               "'" + name + "' is " + std::to_string(bytes) + " bytes long, " +
                   limits_.over(core::Limit::paragraph_bytes),
               "shorten it, or " + core::limit_hint(core::Limit::paragraph_bytes));
  return false;
}

// The statement's own keys, and the call to action's: what docs/statement.schema.json allows.
bool FrontMatterReader::is_statement_key(const std::string& name, const YAML::Node& key,
                                         const YAML::Node& value) {
  if (name.rfind("cta.", 0) == 0) {
    const std::string sub = name.substr(4);
    if (std::find(kCtaKeys.begin(), kCtaKeys.end(), sub) != kCtaKeys.end()) {
      if (!value.IsMap() && !value.IsSequence()) return true;
      diags_.error(at(value.Mark()),
                   "'" + name + "' must be text, not " + std::string(kind_name(value)));
      return false;
    }
    const std::string suggestion = core::did_you_mean(sub, kCtaKeys);
    diags_.error(at(key.Mark()), "unknown key '" + sub + "' in 'cta'",
                 suggestion.empty() ? "the call to action has 'text:' and 'url:'" : suggestion);
    return false;
  }
  if (name.find('.') != std::string::npos) return true;  // inside a group of one's own
  if (std::find(kStatementKeys.begin(), kStatementKeys.end(), name) != kStatementKeys.end())
    return true;
  // A group of the statement's own variables, unless it is the call to action under another
  // name ("call-to-action:" with "text:" and "url:" below it), which would silently be unused.
  if (value.IsMap() && !(key_named_otherwise(name) == "cta" && has_cta_key(value))) return true;
  const std::string suggestion = key_meant(name);
  diags_.error(at(key.Mark()), "unknown front matter key '" + name + "'",
               suggestion.empty()
                   ? "the keys are " + core::join_names(kStatementKeys) +
                         "; values of your own go in a group, as 'event:' with 'place: …' "
                         "indented below it, used as {event.place}"
                   : suggestion);
  return false;
}

void FrontMatterReader::read_list(const std::string& name, const YAML::Node& key,
                                  const YAML::Node& list) {
  if (list.size() > static_cast<size_t>(limits_[core::Limit::list_items])) {
    diags_.error(at(list.Mark()),
                 "'" + name + "' has " + std::to_string(list.size()) + " items, " +
                     limits_.over(core::Limit::list_items),
                 "shorten the list, or " + core::limit_hint(core::Limit::list_items));
    return;
  }
  std::vector<std::string> items;
  for (size_t i = 0; i < list.size(); ++i) {
    const YAML::Node item = list[i];
    if (item.IsMap() || item.IsSequence()) {
      // "- Demand 1: free transit" is a map to YAML, for its colon and space: most likely text.
      const bool colon = item.IsMap() && item.size() == 1 && item.begin()->second.IsScalar();
      diags_.error(at(item.Mark()),
                   "item " + std::to_string(i + 1) + " of '" + name + "' is " +
                       std::string(kind_name(item)) + "; list items must be plain text",
                   colon ? "YAML reads a colon followed by a space as a key: put the item in "
                           "quotes (- \"" +
                               item.begin()->first.Scalar() + ": " + item.begin()->second.Scalar() +
                               "\")"
                         : "a list of maps cannot become variables: use a map of maps instead");
      return;
    }
    if (item.IsScalar() && !is_short_enough(name, item)) return;
    items.push_back(item.IsScalar() ? scalar_text(item) : std::string());
  }
  store(name, core::Value::list(std::move(items), at(list.Mark())), key);
}

void FrontMatterReader::store(const std::string& name, core::Value value, const YAML::Node& key) {
  if (auto found = out_.find(name); found != out_.end()) {
    diags_.error(at(key.Mark()), "'" + name + "' is defined twice",
                 "first at line " + std::to_string(found->second.where.line));
    return;
  }
  out_.emplace(name, std::move(value));
}

}  // namespace

std::optional<StatementParts> split_front_matter(std::string_view text, const std::string& file,
                                                 core::Diagnostics& diags) {
  StatementParts parts;
  const size_t first_end = std::min(text.find('\n'), text.size());
  if (trim_trailing_blanks(text.substr(0, first_end)) != "---") {
    parts.body = text;
    return parts;
  }
  int line = 1;
  for (size_t start = first_end + 1; start <= text.size();) {
    ++line;
    const size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view current = trim_trailing_blanks(text.substr(start, end - start));
    if (current == "---" || current == "...") {
      parts.has_front_matter = true;
      parts.front_matter = text.substr(first_end + 1, start - (first_end + 1));
      parts.front_matter_first_line = 2;
      parts.body = end < text.size() ? text.substr(end + 1) : std::string_view();
      parts.body_line_offset = line;
      return parts;
    }
    start = end + 1;
  }
  diags.error({file, 1, 1}, "the front matter opened here is never closed",
              "end it with a line '---'");
  return std::nullopt;
}

bool read_front_matter(std::string_view yaml, int first_line, const std::string& file,
                       const core::Limits& limits, FrontMatterKeys keys, core::Variables& variables,
                       core::Diagnostics& diags) {
  // Aliases of maps would multiply the variables flattened out of them.
  YAML::Node root;
  try {
    std::optional<YAML::Node> loaded = core::load_yaml(yaml, file, first_line, limits, diags);
    if (!loaded) return false;
    root = std::move(*loaded);
  } catch (const YAML::Exception& e) {
    const core::Diagnostic d = core::explain_yaml_error(
        yaml, file, first_line, e.msg, e.mark.is_null() ? -1 : e.mark.line, e.mark.column);
    diags.error(d.where, "front matter: " + d.message, d.hint);
    return false;
  }
  if (root.IsNull()) return true;  // only comments, or nothing
  if (!root.IsMap()) {
    diags.error({file, first_line, 1}, "the front matter must be a map of 'key: value' lines");
    return false;
  }
  // Errors only: a warning (a lang of no language) keeps the front matter.
  const auto errors = [&diags] {
    return std::count_if(diags.all().begin(), diags.all().end(), [](const core::Diagnostic& d) {
      return d.severity == core::Severity::error;
    });
  };
  const auto errors_before = errors();
  FrontMatterReader(first_line, file, limits, keys, variables, diags).read_map(root, "", 0);
  return errors() == errors_before;
}

bool is_language_tag(std::string_view tag) {
  size_t part = 0;
  for (size_t start = 0; start <= tag.size(); ++part) {
    const size_t end = std::min(tag.find('-', start), tag.size());
    const std::string_view subtag = tag.substr(start, end - start);
    const bool is_alpha = std::all_of(subtag.begin(), subtag.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    });
    const bool is_alnum = std::all_of(subtag.begin(), subtag.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    });
    if (part == 0 && !(is_alpha && subtag.size() >= 2 && subtag.size() <= 3)) return false;
    if (part > 0 && !(is_alnum && !subtag.empty() && subtag.size() <= 8)) return false;
    start = end + 1;
  }
  return true;
}

}  // namespace broadside::content
