// yaml_guard.cpp — counting YAML values and depth from yaml-cpp's parse events, aliases included,
// while the same events build the node tree.
#include "core/yaml_guard.hpp"
#include "core/yaml_load.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/node/detail/iterator.h>
#include <yaml-cpp/node/detail/memory.h>
#include <yaml-cpp/node/detail/node.h>
#include <yaml-cpp/node/impl.h>
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

/// Builds the node tree from parse events, as YAML::Load does (yaml-cpp keeps its own builder
/// out of its installed headers): a node per event, its mark kept for file:line:column, an alias
/// the very node its anchor names.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder() : memory_(std::make_shared<YAML::detail::memory_holder>()) {
    anchors_.push_back(nullptr);  // anchors count from 1
  }

  /// The document's root, or a null node for an empty document.
  YAML::Node root() {
    if (!root_) return YAML::Node();
    // YAML::Node's constructor from a tree node is private; an iterator over a sequence holding
    // the root may call it, and hands back a Node sharing this tree's memory.
    YAML::detail::node& holder = memory_->create_node();
    holder.set_type(YAML::NodeType::Sequence);
    holder.push_back(*root_, memory_);
    const YAML::detail::iterator_base<YAML::detail::iterator_value> first(holder.begin(), memory_);
    return *first;
  }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    push(mark, anchor).set_null();
    pop();
  }
  void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override {
    push(*anchors_.at(anchor));
    pop();
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YAML::detail::node& n = push(mark, anchor);
    n.set_scalar(value);
    n.set_tag(tag);
    pop();
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    YAML::detail::node& n = push(mark, anchor);
    n.set_tag(tag);
    n.set_type(YAML::NodeType::Sequence);
    n.set_style(style);
  }
  void OnSequenceEnd() override { pop(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    YAML::detail::node& n = push(mark, anchor);
    n.set_type(YAML::NodeType::Map);
    n.set_tag(tag);
    n.set_style(style);
    ++maps_open_;
  }
  void OnMapEnd() override {
    --maps_open_;
    pop();
  }

 private:
  /// A map's key waiting for its value.
  struct Key {
    YAML::detail::node* node;
    bool is_complete;
  };

  YAML::detail::node& push(const YAML::Mark& mark, YAML::anchor_t anchor) {
    YAML::detail::node& n = memory_->create_node();
    n.set_mark(mark);
    if (anchor != YAML::NullAnchor) anchors_.push_back(&n);
    push(n);
    return n;
  }
  void push(YAML::detail::node& n) {
    // Inside a map, every other node opens a key (its value follows it).
    const bool is_key =
        !open_.empty() && open_.back()->type() == YAML::NodeType::Map && keys_.size() < maps_open_;
    open_.push_back(&n);
    if (is_key) keys_.push_back({&n, false});
  }
  /// The node on top is complete: it becomes the root, or joins its collection.
  void pop() {
    YAML::detail::node& n = *open_.back();
    open_.pop_back();
    if (open_.empty()) {
      root_ = &n;
      return;
    }
    YAML::detail::node& parent = *open_.back();
    if (parent.type() == YAML::NodeType::Sequence) {
      parent.push_back(n, memory_);
    } else if (parent.type() == YAML::NodeType::Map) {
      Key& key = keys_.back();
      if (key.is_complete) {
        parent.insert(*key.node, n, memory_);
        keys_.pop_back();
      } else {
        key.is_complete = true;
      }
    }
  }

  YAML::detail::shared_memory_holder memory_;
  YAML::detail::node* root_ = nullptr;
  std::vector<YAML::detail::node*> open_;
  std::vector<YAML::detail::node*> anchors_;
  std::vector<Key> keys_;
  size_t maps_open_ = 0;
};

/// Hands every event to the limit counter first (which stops the parse at a limit), then to the
/// tree builder.
class CountingBuilder : public YAML::EventHandler {
 public:
  CountingBuilder(Counter& counter, TreeBuilder& tree) : counter_(counter), tree_(tree) {}

  void OnDocumentStart(const YAML::Mark& mark) override {
    counter_.OnDocumentStart(mark);
    tree_.OnDocumentStart(mark);
  }
  void OnDocumentEnd() override {
    counter_.OnDocumentEnd();
    tree_.OnDocumentEnd();
  }
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    counter_.OnNull(mark, anchor);
    tree_.OnNull(mark, anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    counter_.OnAlias(mark, anchor);
    tree_.OnAlias(mark, anchor);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    counter_.OnScalar(mark, tag, anchor, value);
    tree_.OnScalar(mark, tag, anchor, value);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    counter_.OnSequenceStart(mark, tag, anchor, style);
    tree_.OnSequenceStart(mark, tag, anchor, style);
  }
  void OnSequenceEnd() override {
    counter_.OnSequenceEnd();
    tree_.OnSequenceEnd();
  }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    counter_.OnMapStart(mark, tag, anchor, style);
    tree_.OnMapStart(mark, tag, anchor, style);
  }
  void OnMapEnd() override {
    counter_.OnMapEnd();
    tree_.OnMapEnd();
  }

 private:
  Counter& counter_;
  TreeBuilder& tree_;
};

void report(const Stop& stop, const std::string& file, int first_line, Diagnostics& diags) {
  const SourceLocation at{file, first_line + stop.mark.line, stop.mark.column + 1};
  diags.error(at, stop.message, stop.has_limit ? limit_hint(stop.limit) : std::string());
}

}  // namespace

std::optional<YAML::Node> load_yaml(std::string_view text, const std::string& file, int first_line,
                                    const Limits& limits, Diagnostics& diags) {
  std::istringstream in{std::string(text)};
  Counter counter(limits);
  TreeBuilder tree;
  try {
    YAML::Parser parser(in);
    // The first document is the one read, as YAML::Load reads it: its syntax errors go to the
    // caller. Any later ones are only counted, as check_yaml_limits counts them.
    CountingBuilder both(counter, tree);
    if (!parser.HandleNextDocument(both)) return YAML::Node();
    try {
      while (parser.HandleNextDocument(counter)) {
      }
    } catch (const YAML::Exception&) {
      // Not YAML after the first document: no reader looks there.
    }
  } catch (const Stop& stop) {
    report(stop, file, first_line, diags);
    return std::nullopt;
  }
  return tree.root();
}

bool check_yaml_limits(std::string_view text, const std::string& file, int first_line,
                       const Limits& limits, Diagnostics& diags) {
  std::istringstream in{std::string(text)};
  Counter counter(limits);
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(counter)) {
    }
  } catch (const Stop& stop) {
    report(stop, file, first_line, diags);
    return false;
  } catch (const YAML::Exception&) {
    return true;  // not YAML: the loader says so, with its own message
  }
  return true;
}

}  // namespace broadside::core
