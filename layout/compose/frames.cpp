// frames.cpp — dispatch over frame kinds, decoration, rules, images, and stacks.
#include "compose/frames.hpp"

#include <numeric>

#include "compose/images.hpp"
#include "compose/ink.hpp"
#include "compose/varying.hpp"

namespace broadside::compose {

namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

Pt padding_height(const design::Frame& f) {
  return f.box.padding.top + f.box.padding.bottom;
}
Pt padding_width(const design::Frame& f) {
  return f.box.padding.left + f.box.padding.right;
}

void decorate(const design::Frame& frame, const Rect& rect, Page& page) {
  if (frame.box.background)
    page.items.push_back(Fill{rect, *frame.box.background, frame.box.radius});
  if (frame.box.border)
    page.items.push_back(
        Outline{rect, frame.box.border->color, frame.box.border->width, frame.box.radius});
}

/// Gaps between the members that are there (absent optional members take none).
size_t gaps_in(const design::StackFrame& stack, const Context& ctx) {
  size_t present = 0;
  for (const auto& m : stack.items)
    if (!is_absent(m, ctx)) ++present;
  return present > 0 ? present - 1 : 0;
}

/// What a stack member holds and how much room it takes, for a message: "the demands (12
/// items) take 181 mm", "the headline takes 60 mm", else by its id.
std::string member_takes(const design::Frame& m, const std::string& room, Context& ctx) {
  const design::Template* tmpl = nullptr;
  if (const auto* t = std::get_if<design::TextFrame>(&m.content)) tmpl = &t->text;
  if (const auto* l = std::get_if<design::ListFrame>(&m.content)) {
    const std::string var = l->items.sole_variable();
    if (const core::Value* v = ctx.lookup(var); v && v->is_list)
      return "the " + var + " (" + std::to_string(v->items.size()) +
             (v->items.size() == 1 ? " item) take " : " items) take ") + room;
    tmpl = &l->items;
  }
  if (tmpl && !tmpl->sole_variable().empty())
    return "the " + tmpl->sole_variable() + " takes " + room;
  return "frame '" + m.id + "' takes " + room;
}

/// What to do about a member that takes the room another needs: fewer items in a list, less
/// text in a variable's frame, else a smaller frame; or a design with more room.
std::string member_hint(const design::Frame& m) {
  const design::Template* tmpl = nullptr;
  if (const auto* t = std::get_if<design::TextFrame>(&m.content)) tmpl = &t->text;
  if (const auto* l = std::get_if<design::ListFrame>(&m.content)) {
    if (const std::string var = l->items.sole_variable(); !var.empty())
      return "give fewer " + var + ", or use a design with more room for them";
  }
  if (tmpl && !tmpl->sole_variable().empty())
    return "shorten the " + tmpl->sole_variable() + ", or use a design with more room";
  return "make frame '" + m.id + "' smaller, or use a design with more room";
}

/// A length as stack messages write it: "175 mm".
std::string mm_text(Pt p) {
  return std::to_string(static_cast<int>(core::to_mm(p) + 0.5)) + " mm";
}

/// Whether a member's type may shrink to fit: a text or a list whose style has a size range.
bool shrinks(const design::Frame& m) {
  if (const auto* t = std::get_if<design::TextFrame>(&m.content)) return t->style.size.is_range();
  if (const auto* l = std::get_if<design::ListFrame>(&m.content)) return l->style.size.is_range();
  return false;
}

/// A vertical stack whose members need more than `available` at their largest sizes: the
/// members whose type may shrink give up the excess. First each in proportion to its height,
/// none below its least size, so the hierarchy between them holds (a headline does not drop
/// below its least while the list under it keeps its largest). Only when all of them at their
/// least are still too tall do they go below it, the tallest first. Returns what the members
/// then use, gaps included (more than `available` when even that is not enough); `sizes` are
/// updated.
Pt shrink_to_fit(const design::StackFrame& stack, const Rect& inner, Pt available,
                 std::vector<Pt>& sizes, Pt used, Context& ctx) {
  constexpr Pt kSlack{0.01};
  std::vector<size_t> members;
  for (size_t i = 0; i < stack.items.size(); ++i) {
    const design::Frame& m = stack.items[i];
    if (!is_absent(m, ctx) && !m.extent && !m.grow && shrinks(m)) members.push_back(i);
  }
  auto shrink = [&](size_t i, Pt budget, Floor floor) {
    const Pt shrunk =
        natural_height(stack.items[i], inner.width, ctx, core::max(Pt{0}, budget), floor);
    if (shrunk < sizes[i]) {
      used -= sizes[i] - shrunk;
      sizes[i] = shrunk;
    }
    return shrunk <= budget + kSlack;
  };
  // Each round shares what is still over among the members that reached their budgets in the
  // last; one that could not is at its least size and drops out.
  std::vector<size_t> giving = members;
  while (used > available + kSlack && !giving.empty()) {
    Pt pool{0};
    for (size_t i : giving) pool += sizes[i];
    if (!(pool > Pt{0})) break;
    const Pt excess = used - available;
    std::vector<size_t> still;
    for (size_t i : giving)
      if (shrink(i, sizes[i] - excess * (sizes[i] / pool), Floor::least)) still.push_back(i);
    if (still.size() == giving.size()) break;  // all met their shares: it fits
    giving = std::move(still);
  }
  std::stable_sort(members.begin(), members.end(),
                   [&](size_t a, size_t b) { return sizes[a] > sizes[b]; });
  for (size_t i : members) {
    if (used <= available + kSlack) break;
    shrink(i, sizes[i] - (used - available), Floor::below_least);
  }
  return used;
}

/// The narrowest a horizontal stack's text member can be set (padding included); 0 for others.
Pt least_width(const design::Frame& m, Context& ctx) {
  const auto* text = std::get_if<design::TextFrame>(&m.content);
  if (!text) return Pt{0};
  auto [it, added] = ctx.least_widths.try_emplace({ctx.page_number, &m}, Pt{0});
  if (added) it->second = text_least_width(m, *text, ctx) + padding_width(m);
  return it->second;
}

/// In a horizontal stack, the text members of natural width give way so that each growing text
/// member keeps room for its widest word ("Sign the petition" beside a long address): in
/// proportion to their widths, none narrower than its own widest piece at its least size. The
/// text then fits its narrower frame as any text does (a smaller size, a break in the address).
Pt make_room_for_growers(const design::StackFrame& stack, Pt available, std::vector<Pt>& sizes,
                         Pt used, int growing, Context& ctx) {
  Pt need{0};
  std::vector<size_t> giving;
  for (size_t i = 0; i < stack.items.size(); ++i) {
    const design::Frame& m = stack.items[i];
    if (is_absent(m, ctx) || m.extent) continue;
    if (m.grow)
      need = core::max(need, least_width(m, ctx));
    else if (std::holds_alternative<design::TextFrame>(m.content))
      giving.push_back(i);
  }
  Pt short_by = need * static_cast<double>(growing) - (available - used);
  while (short_by > Pt{0.01} && !giving.empty()) {
    Pt pool{0};
    for (size_t i : giving) pool += sizes[i];
    if (!(pool > Pt{0})) break;
    std::vector<size_t> still;
    Pt given{0};
    for (size_t i : giving) {
      const Pt least = least_width(stack.items[i], ctx);
      const Pt to = core::max(least, sizes[i] - short_by * (sizes[i] / pool));
      given += sizes[i] - to;
      sizes[i] = to;
      if (to > least) still.push_back(i);
    }
    used -= given;
    short_by -= given;
    if (!(given > Pt{0})) break;
    giving = std::move(still);
  }
  return used;
}

/// Extent of each stack member along the stack's direction; nullopt when they do not fit.
std::vector<Pt> share_out(const design::StackFrame& stack, const Rect& inner, bool vertical,
                          const design::Frame& frame, Context& ctx) {
  const Pt available = vertical ? inner.height : inner.width;
  std::vector<Pt> sizes(stack.items.size(), Pt{0});
  Pt used = stack.gap * static_cast<double>(gaps_in(stack, ctx));
  int growing = 0;
  for (size_t i = 0; i < stack.items.size(); ++i) {
    const design::Frame& m = stack.items[i];
    if (is_absent(m, ctx)) continue;
    if (m.extent) {
      sizes[i] = *m.extent;
    } else if (m.grow) {
      ++growing;
      continue;
    } else {
      sizes[i] = vertical ? natural_height(m, inner.width, ctx) : natural_width(m, available, ctx);
    }
    used += sizes[i];
  }
  if (vertical && used > available + Pt{0.01})
    used = shrink_to_fit(stack, inner, available, sizes, used, ctx);
  if (!vertical && growing > 0)
    used = make_room_for_growers(stack, available, sizes, used, growing, ctx);
  const Pt rest = available - used;
  if (rest < Pt{-0.01}) {
    // The largest member is most likely what grew: name it, not only the stack.
    size_t largest = 0;
    for (size_t i = 1; i < sizes.size(); ++i)
      if (sizes[i] > sizes[largest]) largest = i;
    ctx.error(frame,
              "its members need " + mm_text(used) + " but the frame has " + mm_text(available) +
                  ": " + member_takes(stack.items[largest], mm_text(sizes[largest]), ctx),
              "make the frame larger, the members smaller, or shorten the text");
  }
  for (size_t i = 0; i < stack.items.size(); ++i)
    if (!stack.items[i].extent && stack.items[i].grow && !is_absent(stack.items[i], ctx))
      sizes[i] = core::max(Pt{0}, rest / growing);
  return sizes;
}

void place_stack(const design::Frame& frame, const design::StackFrame& stack, const Rect& inner,
                 Context& ctx) {
  const bool vertical = stack.direction == design::Direction::vertical;
  const std::vector<Pt> sizes = share_out(stack, inner, vertical, frame, ctx);
  const Pt total = std::accumulate(sizes.begin(), sizes.end(), Pt{0}) +
                   stack.gap * static_cast<double>(gaps_in(stack, ctx));
  Pt offset{0};
  if (vertical && total < inner.height) {
    const Pt spare = inner.height - total;
    if (frame.valign == core::VAlign::middle) offset = spare / 2;
    if (frame.valign == core::VAlign::bottom) offset = spare;
  }
  // The largest member that does not grow: what a grower left too little room blames.
  std::optional<size_t> largest;
  for (size_t i = 0; i < stack.items.size(); ++i) {
    const design::Frame& m = stack.items[i];
    if (!is_absent(m, ctx) && !m.extent && !m.grow && (!largest || sizes[i] > sizes[*largest]))
      largest = i;
  }
  const Context::Crowding outer = ctx.crowding;
  for (size_t i = 0; i < stack.items.size(); ++i) {
    const design::Frame& m = stack.items[i];
    if (is_absent(m, ctx)) continue;
    ctx.crowding = {};
    if (vertical && m.grow && !m.extent && largest && sizes[i] < sizes[*largest])
      ctx.crowding = {member_takes(stack.items[*largest], mm_text(sizes[*largest]), ctx) +
                          " of the stack's " + mm_text(inner.height),
                      member_hint(stack.items[*largest])};
    // Horizontal stacks run from the reading side: the right in right-to-left text.
    const Pt x = ctx.rtl ? inner.right() - offset - sizes[i] : inner.x + offset;
    const Rect r = vertical ? Rect{inner.x, inner.y + offset, inner.width, sizes[i]}
                            : Rect{x, inner.y, sizes[i], inner.height};
    place(m, r, ctx);
    offset += sizes[i] + stack.gap;
  }
  ctx.crowding = outer;
}

/// An image that cannot be read is an error at its frame, and is left out.
void place_image(const design::Frame& frame, const design::ImageFrame& image, const Rect& inner,
                 Context& ctx) {
  ImageSize size;
  try {
    size = ctx.images.measure(image.file);
  } catch (const core::Failure& f) {
    const core::Diagnostic& d = f.diagnostics().all().front();
    ctx.diags.error(
        frame.where,
        "image '" + image.file.filename().string() + "' in frame '" + frame.id + "': " + d.message,
        d.hint);
    return;
  }
  Image placed = fit_image(inner, size, image.fit, image.focus);
  placed.file = image.file;
  placed.frame = frame.id;
  placed.where = frame.where;
  ctx.page->items.push_back(std::move(placed));
}

Pt stack_height(const design::StackFrame& stack, Pt width, Context& ctx) {
  if (stack.direction == design::Direction::vertical) {
    Pt h = stack.gap * static_cast<double>(gaps_in(stack, ctx));
    for (const auto& m : stack.items)
      if (!is_absent(m, ctx)) h += m.extent ? *m.extent : natural_height(m, width, ctx);
    return h;
  }
  // Horizontal: each member's height at the width it will get; the tallest decides.
  Pt fixed = stack.gap * static_cast<double>(gaps_in(stack, ctx));
  int growing = 0;
  std::vector<Pt> widths(stack.items.size(), Pt{0});
  for (size_t i = 0; i < stack.items.size(); ++i) {
    const auto& m = stack.items[i];
    if (is_absent(m, ctx)) continue;
    if (m.extent)
      widths[i] = *m.extent;
    else if (m.grow) {
      ++growing;
      continue;
    } else
      widths[i] = natural_width(m, width, ctx);
    fixed += widths[i];
  }
  if (growing > 0) fixed = make_room_for_growers(stack, width, widths, fixed, growing, ctx);
  Pt tallest{0};
  for (size_t i = 0; i < stack.items.size(); ++i) {
    const auto& m = stack.items[i];
    if (is_absent(m, ctx)) continue;
    const Pt w = (!m.extent && m.grow) ? core::max(Pt{0}, (width - fixed) / growing) : widths[i];
    tallest = core::max(tallest, natural_height(m, w, ctx));
  }
  return tallest;
}

}  // namespace

Pt natural_height(const design::Frame& frame, Pt width, Context& ctx, std::optional<Pt> limit,
                  Floor floor) {
  const Pt inner = width - padding_width(frame);
  if (limit) limit = core::max(Pt{0}, *limit - padding_height(frame));
  const Pt content = std::visit(
      Overloaded{
          [&](const design::TextFrame& t) {
            return text_height(frame, t, inner, ctx, limit, floor);
          },
          [&](const design::ListFrame& l) { return list_height(frame, l, inner, ctx, limit); },
          [&](const design::StackFrame& s) { return stack_height(s, inner, ctx); },
          // Square: a code given its width in a horizontal stack is that tall.
          [&](const design::QrFrame&) {
            return frame.extent ? inner : core::min(inner, kDefaultQrSide);
          },
          [&](const design::RuleFrame& r) { return r.thickness; },
          [&](const design::ImageFrame&) {
            ctx.error(frame, "an image in a stack needs a height (or `grow: true`)");
            return Pt{0};
          },
          [&](const design::FlowFrame&) {
            ctx.error(frame, "a flow cannot be a stack member; give it its own area");
            return Pt{0};
          },
          [&](const design::BoxFrame&) { return Pt{0}; },
      },
      frame.content);
  return content + padding_height(frame);
}

Pt natural_width(const design::Frame& frame, Pt limit, Context& ctx) {
  const Pt content = std::visit(
      Overloaded{
          [&](const design::TextFrame& t) { return text_width(frame, t, ctx); },
          [&](const design::QrFrame&) { return kDefaultQrSide; },
          [&](const design::RuleFrame& r) { return r.thickness; },
          [&](const auto&) {
            ctx.error(frame, "in a horizontal stack this frame needs a width (or `grow: true`)");
            return Pt{0};
          },
      },
      frame.content);
  return core::min(limit, content + padding_width(frame));
}

void place(const design::Frame& frame, const Rect& rect, Context& ctx) {
  VaryingItems* varying = ctx.varying;
  const bool is_stack = std::holds_alternative<design::StackFrame>(frame.content);
  const bool names_given = varying && names_given_values(frame, varying->given());
  const size_t start = ctx.page->items.size();
  decorate(frame, rect, *ctx.page);
  const size_t first_item = ctx.page->items.size();
  // A stack's members say for themselves whether they vary, after its decoration and before
  // its link: items are added in drawing order.
  if (varying && is_stack) varying->add(names_given, *ctx.page, start, first_item);
  struct StackScope {
    VaryingItems* varying;
    ~StackScope() {
      if (varying) --varying->varying_stacks;
    }
  } scope{varying && is_stack && names_given ? varying : nullptr};
  if (scope.varying) ++scope.varying->varying_stacks;
  const size_t diags_before = ctx.diags.size();
  const Rect inner = rect.inset(frame.box.padding);
  std::visit(Overloaded{
                 [&](const design::TextFrame& t) { place_text(frame, t, inner, ctx); },
                 [&](const design::ListFrame& l) { place_list(frame, l, inner, ctx); },
                 [&](const design::StackFrame& s) { place_stack(frame, s, inner, ctx); },
                 [&](const design::QrFrame& q) { place_qr(frame, q, inner, ctx); },
                 [&](const design::FlowFrame&) { place_flow(frame, inner, ctx); },
                 [&](const design::RuleFrame& r) {
                   const bool across = inner.width >= inner.height;
                   const Point a = across ? Point{inner.x, inner.y + inner.height / 2}
                                          : Point{inner.x + inner.width / 2, inner.y};
                   const Point b = across ? Point{inner.right(), a.y} : Point{a.x, inner.bottom()};
                   ctx.page->items.push_back(Line{a, b, r.thickness, r.color});
                 },
                 [&](const design::ImageFrame& i) { place_image(frame, i, inner, ctx); },
                 [&](const design::BoxFrame&) {},
             },
             frame.content);
  // A stack's members have stamped theirs already: the innermost frame is the one to name.
  for (size_t i = first_item; i < ctx.page->items.size(); ++i) {
    if (auto* line = std::get_if<TextLine>(&ctx.page->items[i]); line && !line->where.is_known())
      line->where = frame.where;
    if (auto* code = std::get_if<QrCode>(&ctx.page->items[i]); code && !code->where.is_known())
      code->where = frame.where;
  }
  // A frame that already said it does not fit would repeat it line by line.
  if (ctx.diags.size() == diags_before) check_ink(frame, rect, first_item, ctx);
  const size_t members_end = ctx.page->items.size();
  if (frame.link) {
    if (auto uri = expand(*frame.link, frame, ctx))
      ctx.page->items.push_back(Link{rect, uri->text});
  }
  if (varying)
    varying->add(names_given, *ctx.page, is_stack ? members_end : start, ctx.page->items.size());
}

}  // namespace broadside::compose
