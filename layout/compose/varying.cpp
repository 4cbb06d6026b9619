// varying.cpp — the frames that name a given variable, found by walking their templates.
#include "compose/varying.hpp"

#include "compose/folds.hpp"

namespace broadside::compose {

namespace {

/// `a` is `b`, or one is the other's dotted parent ("event" and "event.date").
bool same_or_nested(const std::string& a, const std::string& b) {
  const auto& shorter = a.size() <= b.size() ? a : b;
  const auto& longer = a.size() <= b.size() ? b : a;
  return longer.compare(0, shorter.size(), shorter) == 0 &&
         (longer.size() == shorter.size() || longer[shorter.size()] == '.');
}

bool is_given(const std::string& name, const core::Variables& given) {
  // Given names sort together with their dotted children: look from the name's place on, and
  // at its parents.
  for (auto it = given.lower_bound(name); it != given.end() && it->first.starts_with(name); ++it)
    if (same_or_nested(it->first, name)) return true;
  for (size_t dot = name.rfind('.'); dot != std::string::npos && dot > 0;
       dot = name.rfind('.', dot - 1))
    if (given.count(name.substr(0, dot))) return true;
  return false;
}

bool names_given(const design::Template& t, const core::Variables& given) {
  for (const auto& piece : t.pieces)
    if (piece.is_variable && is_given(piece.text, given)) return true;
  return false;
}

/// Where an item may put ink, with room for a stroke's width and antialiasing.
std::optional<Rect> drawn_box(const Item& item) {
  constexpr Pt kMargin{0.5};
  std::optional<Rect> box = item_rect(item);
  if (!box) return std::nullopt;
  if (const auto* line = std::get_if<TextLine>(&item)) {
    const Rect ink = ink_rect(*line);
    if (!ink.is_empty()) box = core::unite(*box, ink);
  }
  Pt stroke{0};
  if (const auto* l = std::get_if<Line>(&item)) stroke = l->thickness;
  if (const auto* o = std::get_if<Outline>(&item)) stroke = o->width;
  return box->outset(stroke + kMargin);
}

bool overlap(const Rect& a, const Rect& b) {
  return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

bool content_names_given(const design::FrameContent& content, const core::Variables& given) {
  if (const auto* text = std::get_if<design::TextFrame>(&content))
    return names_given(text->text, given);
  if (const auto* list = std::get_if<design::ListFrame>(&content))
    return names_given(list->items, given);
  if (const auto* flow = std::get_if<design::FlowFrame>(&content))
    return flow->read_more && names_given(*flow->read_more, given);
  if (const auto* qr = std::get_if<design::QrFrame>(&content)) return names_given(qr->data, given);
  return false;
}

bool draws_given_values(const design::Frame& frame, const core::Variables& given) {
  if (names_given_values(frame, given)) return true;
  if (const auto* stack = std::get_if<design::StackFrame>(&frame.content))
    for (const auto& member : stack->items)
      if (draws_given_values(member, given)) return true;
  return false;
}

}  // namespace

bool names_given_values(const design::Frame& frame, const core::Variables& given) {
  if (given.empty()) return false;
  for (const auto* names : {&frame.when_set, &frame.when_unset})
    for (const auto& name : *names)
      if (is_given(name, given)) return true;
  if (frame.link && names_given(*frame.link, given)) return true;
  return content_names_given(frame.content, given);
}

bool draws_given_values(const design::Design& design, const core::Variables& given) {
  for (const auto& page : design.pages)
    for (const auto& frame : page.frames)
      if (draws_given_values(frame, given)) return true;
  return false;
}

namespace {

void add_names(const design::Template& t, std::set<std::string>& out) {
  for (const auto& piece : t.pieces)
    if (piece.is_variable) out.insert(piece.text);
}

void add_names(const design::Frame& frame, std::set<std::string>& out) {
  for (const auto* names : {&frame.when_set, &frame.when_unset})
    out.insert(names->begin(), names->end());
  if (frame.link) add_names(*frame.link, out);
  if (const auto* text = std::get_if<design::TextFrame>(&frame.content)) add_names(text->text, out);
  if (const auto* list = std::get_if<design::ListFrame>(&frame.content))
    add_names(list->items, out);
  if (const auto* flow = std::get_if<design::FlowFrame>(&frame.content))
    if (flow->read_more) add_names(*flow->read_more, out);
  if (const auto* qr = std::get_if<design::QrFrame>(&frame.content)) add_names(qr->data, out);
  if (const auto* stack = std::get_if<design::StackFrame>(&frame.content))
    for (const auto& member : stack->items) add_names(member, out);
}

}  // namespace

std::set<std::string> named_variables(const design::Design& design) {
  std::set<std::string> out;
  for (const auto& page : design.pages)
    for (const auto& frame : page.frames) add_names(frame, out);
  return out;
}

bool Page::Varying::contains(size_t item) const {
  if (item >= composed) return true;
  for (const auto& [begin, end] : ranges)
    if (item >= begin && item < end) return true;
  return false;
}

void VaryingItems::add(bool names_given, const Page& page, size_t first, size_t end) {
  if (first == end) return;
  bool varies = names_given || varying_stacks > 0;
  for (size_t i = first; i < end && !varies; ++i)
    if (const auto box = drawn_box(page.items[i]))
      for (const Rect& other : boxes_)
        if (overlap(*box, other)) {
          varies = true;
          break;
        }
  if (!varies) return;
  for (size_t i = first; i < end; ++i)
    if (const auto box = drawn_box(page.items[i])) boxes_.push_back(*box);
  if (!varying_.ranges.empty() && varying_.ranges.back().second == first)
    varying_.ranges.back().second = end;
  else
    varying_.ranges.emplace_back(first, end);
}

Page::Varying VaryingItems::finish(const Page& page) const {
  Page::Varying out = varying_;
  out.composed = page.items.size();
  return out;
}

}  // namespace broadside::compose
