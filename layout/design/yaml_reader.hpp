// yaml_reader.hpp — located, typed reading of yaml-cpp nodes; every problem becomes a diagnostic.
#pragma once

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"
#include "design/suggest.hpp"

namespace broadside::design {

/// A node, where to point at it, and what to call it in messages.
struct Field {
  YAML::Node node;
  /// The value's position; for an empty value, its key's (yaml-cpp places an empty value at
  /// the start of the next line, which would point at the wrong key).
  YAML::Mark mark;
  YAML::Mark key_mark;
  /// The key it was found under ("bleed"); empty for list items and the document.
  std::string name;
  bool present = false;

  Field() = default;
  explicit Field(const YAML::Node& value, std::string name = {});
  Field(const YAML::Node& key, const YAML::Node& value, std::string name);
  bool is_null() const { return present && node.IsNull(); }
};

/// Reads one design file: turns yaml-cpp's 0-based marks into 1-based locations and problems
/// into diagnostics.
class Reader {
 public:
  Reader(std::string file, std::string source, core::Diagnostics& diags);

  const std::string& file() const { return file_; }
  core::SourceLocation at(const YAML::Mark& mark) const;
  core::SourceLocation at(const Field& f) const { return at(f.mark); }
  /// Where byte `offset` of a scalar's value sits in the file; the scalar's start when block
  /// style or line folding make that uncertain.
  core::SourceLocation at_offset(const Field& scalar, size_t offset) const;

  void error(const core::SourceLocation& where, std::string message, std::string hint = {});
  void error(const Field& f, std::string message, std::string hint = {}) {
    error(at(f), std::move(message), std::move(hint));
  }
  /// A problem the design can still be read with (it does not count in errors()).
  void warning(const Field& f, std::string message, std::string hint = {});
  /// "expected a length for 'bleed', got a list".
  void type_error(const Field& f, std::string_view expected);
  /// Errors reported through this reader so far.
  int errors() const { return errors_; }

  /// Files read besides this reader's own (includes), for those who watch a design's files;
  /// a reader for an included file adds to its includer's list.
  void note_included(const std::filesystem::path& file) { included_->push_back(file); }
  void share_included(const Reader& includer) { included_ = includer.included_; }
  const std::vector<std::filesystem::path>& included() const { return *included_; }

  /// The text of a scalar; an error naming `expected` when the node is a map, list or empty.
  std::optional<std::string> scalar(const Field& f, std::string_view expected);
  std::optional<std::string> string(const Field& f) { return scalar(f, "a string"); }
  std::optional<int> integer(const Field& f, int min, int max);
  std::optional<double> number(const Field& f);
  std::optional<bool> boolean(const Field& f);
  /// The items of a list, or nullopt after an error; empty is allowed.
  std::optional<std::vector<Field>> list(const Field& f, std::string_view expected = "a list");

  /// One word of a fixed set (valign: top|middle|bottom), case-insensitive.
  template <class E>
  std::optional<E> keyword(const Field& f, const std::vector<std::pair<std::string, E>>& words) {
    std::vector<std::string> names;
    for (const auto& [name, value] : words) names.push_back(name);
    auto text = scalar(f, "one of " + join_names(names));
    if (!text) return std::nullopt;
    for (const auto& [name, value] : words)
      if (equals_ignoring_case(*text, name)) return value;
    unknown_word(f, *text, names);
    return std::nullopt;
  }

 private:
  static bool equals_ignoring_case(std::string_view a, std::string_view b);
  void unknown_word(const Field& f, const std::string& text, const std::vector<std::string>& names);

  std::string file_;
  std::string source_;
  core::Diagnostics& diags_;
  int errors_ = 0;
  std::shared_ptr<std::vector<std::filesystem::path>> included_ =
      std::make_shared<std::vector<std::filesystem::path>>();
};

/// A YAML mapping, read key by key. Reports a non-map, non-text keys and repeated keys on
/// construction; `check` then reports keys the context does not know. An empty value counts as
/// an empty map, so `box:` and `box: {}` mean the same.
class MapView {
 public:
  MapView(Reader& in, const Field& f, std::string_view expected = "a map");

  bool is_map() const { return is_map_; }
  bool has(std::string_view key) const;
  /// The value under `key`; `present` is false when the key is absent.
  Field get(std::string_view key) const;
  /// Every value, named by its key, in file order.
  const std::vector<Field>& entries() const { return entries_; }
  /// `unknown key 'colour'` for each key not in `allowed`, hinting the nearest allowed one.
  void check(const std::vector<std::string>& allowed) const;

 private:
  Reader& in_;
  std::vector<Field> entries_;
  /// entries_ by key: a generated design's 80,000 colours must not cost a scan per key.
  std::unordered_map<std::string, size_t> index_;
  bool is_map_ = false;
};

}  // namespace broadside::design
