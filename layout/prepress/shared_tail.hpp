// shared_tail.hpp — the end of a page's content that it has in common with the same page of
// another record (a data merge's unchanged artwork drawn last), moved into a form XObject so
// that a variable-data file stores it once and a press RIP can cache it.
#pragma once

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <string>
#include <vector>

namespace broadside::prepress {

/// A page's content cut into instructions (operands and their operator).
struct Instructions {
  /// The decoded content, every stream of the page joined.
  std::string content;
  /// Where each instruction starts in `content`, plus content.size() at the end.
  std::vector<size_t> starts;
  std::vector<std::string> operators;
  /// Name operands (resource names among them) and where they are.
  std::vector<std::pair<size_t, std::string>> names;

  size_t size() const { return operators.size(); }
  std::string_view text(size_t i) const {
    return std::string_view(content).substr(starts[i], starts[i + 1] - starts[i]);
  }
};

/// The instructions of `page`; throws (qpdf) when its content cannot be parsed.
Instructions instructions_of(QPDFPageObjectHelper page);

/// How many trailing instructions `a` and `b` have in common, byte for byte.
size_t common_tail(const Instructions& a, const Instructions& b);

/// Moves up to the last `count` instructions of `page` into a form XObject drawn where they
/// were, with the resources they name, and returns how many it moved (0 for none). Fewer move
/// when that many cannot be cut cleanly: a form starts outside a path and keeps q/Q, BT/ET,
/// marked content, inline images and BX/EX balanced, and only Q and marked content may follow it
/// (the form keeps the graphics state it was drawn in, but what it changes ends with it). The
/// choice depends only on the tail, so pages with the same tail get byte-identical forms.
size_t move_tail_to_form(QPDF& doc, QPDFPageObjectHelper page, const Instructions& ins,
                         size_t count);

}  // namespace broadside::prepress
