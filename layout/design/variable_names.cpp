// variable_names.cpp — a design's variable names that are a slip of a name something gives.
#include "design/variable_names.hpp"

#include <algorithm>
#include <limits>

#include "design/design.hpp"
#include "design/suggest.hpp"
#include "design/yaml_reader.hpp"

namespace broadside::design {

namespace {

// A short name is one edit from many others ("place" is two from "page"): below this length a
// name counts as a slip only at one edit, above it at two (a swapped pair: "event.plcae").
constexpr size_t kShortName = 6;

size_t slip_distance(const std::string& name) {
  return name.size() < kShortName ? 1 : 2;
}

void add_template(const std::optional<Template>& tmpl, std::vector<VariableUse>& out) {
  if (!tmpl) return;
  for (const auto& piece : tmpl->pieces)
    if (piece.is_variable) out.push_back({piece.text, piece.where});
}

void add_frames(const std::vector<Frame>& frames, std::vector<VariableUse>& out) {
  for (const Frame& frame : frames) {
    add_template(frame.link, out);
    if (const auto* text = std::get_if<TextFrame>(&frame.content)) add_template(text->text, out);
    if (const auto* list = std::get_if<ListFrame>(&frame.content)) add_template(list->items, out);
    if (const auto* qr = std::get_if<QrFrame>(&frame.content)) add_template(qr->data, out);
    if (const auto* flow = std::get_if<FlowFrame>(&frame.content))
      add_template(flow->read_more, out);
    if (const auto* stack = std::get_if<StackFrame>(&frame.content)) add_frames(stack->items, out);
  }
}

}  // namespace

const std::vector<std::string>& builtin_variable_names() {
  static const std::vector<std::string> names = {
      // The statement's front matter (content/front_matter.cpp, kStatementKeys; `cta` is a
      // group, used by its two values).
      "lang", "headline", "byline", "author", "role", "date", "contact", "demands", "cta.text",
      "cta.url",
      // Derived from the author and role (content/byline.cpp).
      "signature",
      // Set by compose while it lays out the pages (compose/compose.cpp).
      "excerpt", "page", "pages",
      // The labels compose has in many languages (compose/labels.cpp; `cta.text` is one too).
      "labels.scan", "labels.contact", "labels.read-more", "labels.demands", "labels.statement",
      "event.title"};
  return names;
}

std::vector<VariableUse> template_variable_uses(const std::vector<PageTemplate>& pages) {
  std::vector<VariableUse> out;
  for (const PageTemplate& page : pages) add_frames(page.frames, out);
  return out;
}

void check_variable_uses(Reader& in, const std::vector<VariableUse>& uses, const Design& design) {
  std::vector<std::string> given = builtin_variable_names();
  for (const auto& [name, spec] : design.variables) given.push_back(name);
  for (const auto& [name, value] : design.defaults) given.push_back(name);
  for (const VariableUse& use : uses) {
    if (std::find(given.begin(), given.end(), use.name) != given.end()) continue;
    const std::string* nearest = nullptr;
    size_t best = std::numeric_limits<size_t>::max();
    for (const std::string& candidate : given) {
      const size_t d = edit_distance(use.name, candidate);
      if (d < best) {
        best = d;
        nearest = &candidate;
      }
    }
    if (!nearest || best > slip_distance(use.name) || best >= use.name.size()) continue;
    in.error(use.where,
             "no statement field, built-in or variable of the design is called '" + use.name +
                 "', so it is never set",
             "did you mean '" + *nearest + "'? A name of your own is declared under 'variables:'");
  }
}

}  // namespace broadside::design
