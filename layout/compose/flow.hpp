// flow.hpp — the statement body poured through a chain of columns across frames and pages:
// spacing kept, no widows or orphans, headings kept with what follows, the size shrunk within
// its range to fit, repeated pages added while text remains, and overflow reported precisely.
#pragma once

#include <map>
#include <utility>
#include <vector>

#include "compose/context.hpp"
#include "compose/lines.hpp"

namespace broadside::compose {

/// Lines of one paragraph placed in one column.
struct PlacedLines {
  std::shared_ptr<text::Paragraph> paragraph;
  int first = 0, count = 0;
  Point top_left;
  LineBox box;
  Color color;
};

/// Which page templates become pages, and what each flow frame on them holds.
struct FlowPlan {
  /// Template index of each page, in order (a repeated template appears several times).
  std::vector<size_t> pages;
  /// Keyed by (page number, frame).
  std::map<std::pair<size_t, const design::Frame*>, std::vector<PlacedLines>> lines;
  /// The number of each paragraph placed so far (Context::paragraphs): a paragraph that runs
  /// on into another column or page keeps its number.
  std::map<const text::Paragraph*, int> numbers;
  /// Whether the flow sets only part of the body: the excerpt a design asks for (`paragraphs`)
  /// or the one its read-more line ends. The built-in variable `excerpt` says so to frames.
  bool excerpt = false;
};

/// Plans the body flow for the whole design; errors (overflow) go to ctx.diags.
FlowPlan plan_flow(Context& ctx);

}  // namespace broadside::compose
