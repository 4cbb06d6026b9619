// yaml_guard.cpp — counting YAML values and depth from yaml-cpp's parse events, aliases included.
#include "core/yaml_guard.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <cstdint>
#include <sstream>
#include <vector>

#include "core/limits.hpp"

namespace broadside::core {

namespace {

/// Thrown from the event handler to stop the parse at the first limit crossed (yaml-cpp's
/// parser has no other way to stop); caught in check_yaml_limits, never beyond it.
struct Stop {
  YAML::Mark mark;
  std::string message;
  Limit limit;
  bool has_limit = true;
};

/// Keeps, per open collection, the values it holds with aliases expanded; per anchor, the size
/// of what it names. Counts saturate, so a billion laughs cannot overflow them.
class Counter : public YAML::EventHandler {
 public:
  explicit Counter(const Limits& limits)
      : limits_(limits),
        max_depth_(limits[Limit::yaml_depth]),
        max_nodes_(limits[Limit::yaml_nodes]) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { leaf(mark, anchor); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string&) override {
    leaf(mark, anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (anchor >= sizes_.size() || sizes_[anchor] == kOpen)
      throw Stop{mark, "an alias refers to its own anchor, a loop no reader could finish",
                 Limit::yaml_nodes, false};
    add(mark, sizes_[anchor]);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  static constexpr std::uint64_t kOpen = UINT64_MAX;

  struct Open {
    YAML::anchor_t anchor;
    std::uint64_t count;  // values inside it, itself included
  };

  void name(YAML::anchor_t anchor, std::uint64_t size) {
    if (anchor == YAML::NullAnchor) return;
    if (anchor >= sizes_.size()) sizes_.resize(anchor + 1, kOpen);
    sizes_[anchor] = size;
  }
  /// Counts `n` more values, in the whole text and in the collection being read.
  void add(const YAML::Mark& mark, std::uint64_t n) {
    const auto max = static_cast<std::uint64_t>(max_nodes_);
    total_ = n > max ? max + 1 : total_ + n;
    if (total_ > max)
      throw Stop{mark,
                 "the YAML holds more values than allowed once its aliases are expanded (" +
                     limits_.over(Limit::yaml_nodes) + ")",
                 Limit::yaml_nodes};
    if (!stack_.empty()) stack_.back().count += n;
  }
  void leaf(const YAML::Mark& mark, YAML::anchor_t anchor) {
    name(anchor, 1);
    add(mark, 1);
  }
  void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (static_cast<std::int64_t>(stack_.size()) >= max_depth_)
      throw Stop{mark,
                 "the YAML nests deeper than allowed (" + limits_.over(Limit::yaml_depth) + ")",
                 Limit::yaml_depth};
    add(mark, 1);         // the collection itself, counted in its parent
    name(anchor, kOpen);  // an alias to it before it closes is a loop
    stack_.push_back({anchor, 1});
  }
  void close() {
    if (stack_.empty()) return;
    const Open done = stack_.back();
    stack_.pop_back();
    name(done.anchor, done.count);
    // Its values were counted in the total as they came; the parent's share grows here.
    if (!stack_.empty()) stack_.back().count += done.count - 1;
  }

  const Limits& limits_;
  std::int64_t max_depth_, max_nodes_;
  std::uint64_t total_ = 0;
  std::vector<Open> stack_;
  std::vector<std::uint64_t> sizes_;
};

}  // namespace

bool check_yaml_limits(std::string_view text, const std::string& file, int first_line,
                       const Limits& limits, Diagnostics& diags) {
  std::istringstream in{std::string(text)};
  Counter counter(limits);
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(counter)) {
    }
  } catch (const Stop& stop) {
    const SourceLocation at{file, first_line + stop.mark.line, stop.mark.column + 1};
    diags.error(at, stop.message, stop.has_limit ? limit_hint(stop.limit) : std::string());
    return false;
  } catch (const YAML::Exception&) {
    return true;  // not YAML: the loader says so, with its own message
  }
  return true;
}

}  // namespace broadside::core
