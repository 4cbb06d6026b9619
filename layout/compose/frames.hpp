// frames.hpp — measuring and placing frames of every kind; stacks share out their space.
#pragma once

#include "compose/context.hpp"

namespace broadside::compose {

/// Height a frame needs at `width` (padding included): stack members that do not grow.
Pt natural_height(const spec::Frame& frame, Pt width, Context& ctx);

/// Width a frame needs when nothing wraps, at most `limit` (padding included).
Pt natural_width(const spec::Frame& frame, Pt limit, Context& ctx);

/// Lays the frame out in `rect` on ctx.page: decoration, then content.
void place(const spec::Frame& frame, const Rect& rect, Context& ctx);

// Per kind, on the frame's inner rectangle (padding removed).
Pt text_height(const spec::Frame& frame, const spec::TextFrame& text, Pt width, Context& ctx);
Pt text_width(const spec::Frame& frame, const spec::TextFrame& text, Context& ctx);
void place_text(const spec::Frame& frame, const spec::TextFrame& text, const Rect& inner,
                Context& ctx);
Pt list_height(const spec::Frame& frame, const spec::ListFrame& list, Pt width, Context& ctx);
void place_list(const spec::Frame& frame, const spec::ListFrame& list, const Rect& inner,
                Context& ctx);
void place_qr(const spec::Frame& frame, const spec::QrFrame& qr, const Rect& inner, Context& ctx);
/// Emits the planned lines of a flow frame (compose/flow.hpp plans them).
void place_flow(const spec::Frame& frame, const Rect& inner, Context& ctx);

/// Side of a QR code when the design gives no size.
inline constexpr Pt kDefaultQrSide = core::from_mm(25);

}  // namespace broadside::compose
