// line_edges.hpp — the marks that may not start or end a line of Chinese or Japanese (kinsoku).
#pragma once

#include <glib.h>

#include <string_view>
#include <vector>

namespace broadside::text {

/// Bytes [start, end) of a text between whose characters no line may break.
struct Unbreakable {
  size_t start = 0;
  size_t end = 0;
  bool operator==(const Unbreakable&) const = default;
};

/// Whether Chinese (CLREQ 3.1.7) and Japanese (JLREQ 3.1.7) keep `c` off the start of a line:
/// closing brackets and quotes, commas, stops, colons, question and exclamation marks, middle
/// dots, dashes, ellipses, the prolonged sound mark, small kana and iteration marks.
bool may_not_start_line(gunichar c);

/// Whether they keep `c` off the end of a line: opening brackets and quotes.
bool may_not_end_line(gunichar c);

/// Where `text` may not break by those rules, as disjoint stretches sorted by start: before a
/// mark that may not start a line, after one that may not end a line, and on both sides of a
/// middle dot between two CJK characters (伯尼·桑德斯 is one name). Only where the mark stands in
/// Chinese or Japanese (a CJK character beside it, or beyond the punctuation next to it), so
/// "Sanders’" or an English "—" keeps its own rules. Invisible format characters (a word
/// joiner, a ZERO WIDTH SPACE) inside a stretch are held too; a hard line break never is.
std::vector<Unbreakable> line_edge_holds(std::string_view text);

}  // namespace broadside::text
