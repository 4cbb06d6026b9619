// yaml_reader.cpp — typed scalar reading, key checking and location mapping over yaml-cpp.
#include "design/yaml_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "core/ascii.hpp"
#include "core/utf8.hpp"
#include "core/yaml_syntax.hpp"

namespace broadside::design {

namespace {

std::string describe(const Field& f) {
  if (!f.present || f.node.IsNull()) return "nothing";
  if (f.node.IsSequence()) return "a list";
  if (f.node.IsMap()) return "a map";
  return "'" + f.node.Scalar() + "'";
}

std::string for_name(const Field& f) {
  return f.name.empty() ? "" : " for '" + f.name + "'";
}

// How many raw bytes an escape in a double-quoted scalar takes, and how many bytes it decodes to.
std::pair<size_t, size_t> escape_size(std::string_view raw, size_t at) {
  const char kind = at + 1 < raw.size() ? raw[at + 1] : '\0';
  const size_t digits = kind == 'x' ? 2 : kind == 'u' ? 4 : kind == 'U' ? 8 : 0;
  if (digits == 0) return {2, 1};
  unsigned long cp = 0;
  std::from_chars(raw.data() + at + 2, raw.data() + std::min(raw.size(), at + 2 + digits), cp, 16);
  return {2 + digits, core::utf8_length(static_cast<char32_t>(cp))};
}

}  // namespace

Field::Field(const YAML::Node& value, std::string name_)
    : node(value), name(std::move(name_)), present(value.IsDefined()) {
  if (present) mark = key_mark = value.Mark();
}

Field::Field(const YAML::Node& key, const YAML::Node& value, std::string name_)
    : node(value), key_mark(key.Mark()), name(std::move(name_)), present(true) {
  mark = value.IsNull() ? key_mark : value.Mark();
}

Reader::Reader(std::string file, std::string source, core::Diagnostics& diags)
    : file_(std::move(file)), source_(std::move(source)), diags_(diags) {}

core::SourceLocation Reader::at(const YAML::Mark& mark) const {
  if (mark.is_null()) return core::SourceLocation{file_};
  return core::SourceLocation{file_, mark.line + 1, mark.column + 1};
}

core::SourceLocation Reader::at_offset(const Field& scalar, size_t offset) const {
  const core::SourceLocation start = at(scalar);
  const auto pos = static_cast<size_t>(scalar.mark.pos);
  if (!scalar.present || scalar.mark.is_null() || pos >= source_.size()) return start;
  const std::string_view raw = std::string_view(source_).substr(pos);
  const char quote = raw[0];
  if (quote == '|' || quote == '>') return start;
  size_t r = (quote == '"' || quote == '\'') ? 1 : 0;
  size_t decoded = 0;
  while (decoded < offset) {
    if (r >= raw.size() || raw[r] == '\n') return start;  // folded across lines: give up
    if (quote == '"' && raw[r] == '\\') {
      auto [raw_bytes, bytes] = escape_size(raw, r);
      r += raw_bytes;
      decoded += bytes;
    } else if (quote == '\'' && raw.substr(r, 2) == "''") {
      r += 2;
      decoded += 1;
    } else {
      r += 1;
      decoded += 1;
    }
  }
  return core::SourceLocation{file_, start.line, start.column + static_cast<int>(r)};
}

void Reader::error(const core::SourceLocation& where, std::string message, std::string hint) {
  ++errors_;
  diags_.error(where, std::move(message), std::move(hint));
}

void Reader::warning(const Field& f, std::string message, std::string hint) {
  diags_.warning(at(f), std::move(message), std::move(hint));
}

void Reader::type_error(const Field& f, std::string_view expected) {
  // An empty value may be a colour YAML read as a comment (`color: #C8102E`).
  std::string hint;
  if (f.is_null() && !f.key_mark.is_null())
    hint = core::comment_colour_hint(source_, static_cast<size_t>(f.key_mark.pos));
  error(f, "expected " + std::string(expected) + for_name(f) + ", got " + describe(f), hint);
}

std::optional<std::string> Reader::scalar(const Field& f, std::string_view expected) {
  if (f.present && f.node.IsScalar()) return f.node.Scalar();
  type_error(f, expected);
  return std::nullopt;
}

std::optional<int> Reader::integer(const Field& f, int min, int max) {
  auto text = scalar(f, "a whole number");
  if (!text) return std::nullopt;
  int value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc{} || end != text->data() + text->size()) {
    type_error(f, "a whole number");
    return std::nullopt;
  }
  if (value < min || value > max) {
    const std::string who = f.name.empty() ? "the value" : "'" + f.name + "'";
    const std::string range =
        max == std::numeric_limits<int>::max()
            ? "at least " + std::to_string(min)
            : "between " + std::to_string(min) + " and " + std::to_string(max);
    error(f, who + " must be " + range + ", got " + *text);
    return std::nullopt;
  }
  return value;
}

std::optional<double> Reader::number(const Field& f) {
  auto text = scalar(f, "a number");
  if (!text) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc{} || end != text->data() + text->size() || !std::isfinite(value)) {
    type_error(f, "a number");
    return std::nullopt;
  }
  return value;
}

std::optional<bool> Reader::boolean(const Field& f) {
  auto text = scalar(f, "true or false");
  if (!text) return std::nullopt;
  for (const char* yes : {"true", "yes", "on"})
    if (equals_ignoring_case(*text, yes)) return true;
  for (const char* no : {"false", "no", "off"})
    if (equals_ignoring_case(*text, no)) return false;
  type_error(f, "true or false");
  return std::nullopt;
}

std::optional<std::vector<Field>> Reader::list(const Field& f, std::string_view expected) {
  if (f.is_null()) return std::vector<Field>{};
  if (!f.present || !f.node.IsSequence()) {
    type_error(f, expected);
    return std::nullopt;
  }
  std::vector<Field> items;
  for (const auto& item : f.node) items.emplace_back(item, f.name);
  return items;
}

bool Reader::equals_ignoring_case(std::string_view a, std::string_view b) {
  return core::ascii_iequals(a, b);
}

void Reader::unknown_word(const Field& f, const std::string& text,
                          const std::vector<std::string>& names) {
  const std::string what = f.name.empty() ? "value" : f.name;
  error(f, "unknown " + what + " '" + text + "': use " + join_names(names),
        did_you_mean(text, names));
}

MapView::MapView(Reader& in, const Field& f, std::string_view expected) : in_(in) {
  if (!f.present || f.node.IsNull()) {
    is_map_ = true;
    return;
  }
  if (!f.node.IsMap()) {
    in.type_error(f, expected);
    return;
  }
  is_map_ = true;
  for (auto it = f.node.begin(); it != f.node.end(); ++it) {
    Field key(it->first);
    if (!it->first.IsScalar()) {
      in.error(key,
               "expected a key name, got " + std::string(it->first.IsMap() ? "a map" : "a list"));
      continue;
    }
    const std::string name = it->first.Scalar();
    if (has(name)) {
      const int first = in.at(get(name).key_mark).line;
      in.error(key,
               "key '" + name + "' is given twice (first on line " + std::to_string(first) + ")");
      continue;
    }
    index_.emplace(name, entries_.size());
    entries_.emplace_back(it->first, it->second, name);
  }
}

bool MapView::has(std::string_view key) const {
  return get(key).present;
}

Field MapView::get(std::string_view key) const {
  if (const auto it = index_.find(std::string(key)); it != index_.end())
    return entries_[it->second];
  Field absent;
  absent.name = std::string(key);
  return absent;
}

void MapView::check(const std::vector<std::string>& allowed) const {
  for (const auto& e : entries_) {
    if (std::find(allowed.begin(), allowed.end(), e.name) != allowed.end()) continue;
    in_.error(in_.at(e.key_mark), "unknown key '" + e.name + "'", did_you_mean(e.name, allowed));
  }
}

}  // namespace broadside::design
