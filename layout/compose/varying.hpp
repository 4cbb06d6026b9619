// varying.hpp — which frames draw values given from outside the statement and the design (--set,
// a data row, a declared variable): what may change from one row of a merge to the next.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "compose/composition.hpp"
#include "core/variables.hpp"
#include "design/design.hpp"

namespace broadside::compose {

/// True when `frame`'s own templates or when-set / when-unset conditions name a variable of
/// `given` (a stack's members are not its own). A name matches its own dotted parts and
/// parents: `{event}` and `event.date` match each other.
bool names_given_values(const design::Frame& frame, const core::Variables& given);

/// True when some frame of some page template of `design`, or a member of its stack, does.
bool draws_given_values(const design::Design& design, const core::Variables& given);

/// Every variable name the frames of `design` (and their stacks' members) name in their
/// templates, links and when-set / when-unset conditions.
std::set<std::string> named_variables(const design::Design& design);

/// A page's Page::Varying, made frame by frame as the page is composed.
class VaryingItems {
 public:
  explicit VaryingItems(const core::Variables& given) : given_(given) {}
  const core::Variables& given() const { return given_; }
  /// One frame has drawn `page.items[first, end)` (a stack: its decoration, or its link): they
  /// vary when `names_given` (the frame names given values, or a stack around it does), or when
  /// one of them overlaps an item that varies (a merge draws what varies over the rest).
  void add(bool names_given, const Page& page, size_t first, size_t end);
  Page::Varying finish(const Page& page) const;
  /// Stacks being placed whose own conditions name given values: all their members vary.
  int varying_stacks = 0;

 private:
  const core::Variables& given_;
  std::vector<Rect> boxes_;
  Page::Varying varying_;
};

}  // namespace broadside::compose
