// frames.hpp — measuring and placing frames of every kind; stacks share out their space.
#pragma once

#include <optional>

#include "compose/context.hpp"

namespace broadside::compose {

/// How far a fitted text may shrink to meet a height limit: down to its style's least size (no
/// further: it then needs more than the limit), or below it as place_text() would set it, with
/// a warning (when even that fails, what it needs at its largest size).
enum class Floor { least, below_least };

/// Height a frame needs at `width` (padding included): stack members that do not grow. With a
/// `limit`, a text or list with a size range is fitted within it (smaller type, not more room),
/// as far as its range (and `floor`) allows.
Pt natural_height(const design::Frame& frame, Pt width, Context& ctx,
                  std::optional<Pt> limit = std::nullopt, Floor floor = Floor::below_least);

/// Width a frame needs when nothing wraps, at most `limit` (padding included).
Pt natural_width(const design::Frame& frame, Pt limit, Context& ctx);

/// Lays the frame out in `rect` on ctx.page: decoration, then content.
void place(const design::Frame& frame, const Rect& rect, Context& ctx);

// Per kind, on the frame's inner rectangle (padding removed).
Pt text_height(const design::Frame& frame, const design::TextFrame& text, Pt width, Context& ctx,
               std::optional<Pt> limit = std::nullopt, Floor floor = Floor::below_least);
Pt text_width(const design::Frame& frame, const design::TextFrame& text, Context& ctx);
/// Width of the text's widest unbreakable piece (a word, an address's part) at its least size:
/// the narrowest the text can be set.
Pt text_least_width(const design::Frame& frame, const design::TextFrame& text, Context& ctx);
void place_text(const design::Frame& frame, const design::TextFrame& text, const Rect& inner,
                Context& ctx);
Pt list_height(const design::Frame& frame, const design::ListFrame& list, Pt width, Context& ctx,
               std::optional<Pt> limit = std::nullopt);
void place_list(const design::Frame& frame, const design::ListFrame& list, const Rect& inner,
                Context& ctx);
void place_qr(const design::Frame& frame, const design::QrFrame& qr, const Rect& inner,
              Context& ctx);
/// Emits the planned lines of a flow frame (compose/flow.hpp plans them).
void place_flow(const design::Frame& frame, const Rect& inner, Context& ctx);

/// Side of a QR code when the design gives no size.
inline constexpr Pt kDefaultQrSide = core::from_mm(25);

}  // namespace broadside::compose
