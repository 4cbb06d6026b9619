// frames.hpp — frames: the common keys, stack membership, and ids.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "design/design.hpp"
#include "design/design_context.hpp"

namespace broadside::design {

/// What a frame's content reader hands back: the content, and the id to use when `id:` is
/// absent (the sole variable, or the flow source; empty for "<kind> <n>").
struct ContentResult {
  FrameContent content;
  std::string default_id;
};

/// Reads a page's `frames:` (no `stack`) or a stack's `items:` (`stack` = its direction).
std::vector<Frame> read_frames(DesignContext& ctx, const Field& list,
                               std::optional<Direction> stack);

/// Gives each frame without `id:` a unique name ("body", then "body #2"), after all pages are
/// read so that an explicit id later in the file keeps its name.
void settle_default_ids(DesignContext& ctx, std::vector<PageTemplate>& pages);

/// The content kinds, in the order messages list them.
const std::vector<std::string>& content_kinds();

/// True for the kinds that carry a style: text, list and flow.
bool has_style(const std::string& kind);

/// True when `f` is `width: condensed` (a font width word) on a frame whose kind has a style:
/// there `width` is the font's width; anywhere else, and as a length, it is a stack extent.
bool is_font_width_key(const std::string& kind, const Field& f);

/// The keys a frame of `kind` accepts besides the common ones.
std::vector<std::string> content_keys(const std::string& kind);

/// Reads the content of a frame of `kind` ("text", "qr", …) from its map.
std::optional<ContentResult> read_content(DesignContext& ctx, const std::string& kind,
                                          const MapView& map, const Field& frame);

/// A template field ("{headline}"), with errors pointing into the string where possible.
std::optional<Template> read_template(Reader& in, const Field& f);

}  // namespace broadside::design
