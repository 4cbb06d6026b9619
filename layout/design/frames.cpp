// frames.cpp — reading frames: one content kind each, common keys, stack members, ids.
#include "design/frames.hpp"

#include <fmt/format.h>

#include "design/area.hpp"
#include "design/length.hpp"
#include "design/template.hpp"

namespace broadside::design {

namespace {

const std::vector<std::string> kCommonKeys = {
    "id",     "area",   "grow",    "height", "width",    "valign",     "background",
    "border", "radius", "padding", "link",   "when-set", "when-unset", "overlap"};

// The one content key of a frame; nullopt after reporting none or several.
std::optional<std::string> content_kind(Reader& in, const MapView& map, const Field& frame) {
  std::vector<std::string> found;
  for (const auto& kind : content_kinds())
    if (map.has(kind)) found.push_back(kind);
  if (found.size() == 1) return found.front();
  if (found.empty()) {
    in.error(frame,
             "a frame needs one of " + join_names(content_kinds()) + " to say what it holds");
  } else {
    std::vector<std::string> quoted;
    for (const auto& k : found) quoted.push_back("'" + k + "'");
    in.error(in.at(map.get(found[1]).key_mark),
             "a frame holds one kind of content, but this one has " + join_names(quoted, " and "));
  }
  return std::nullopt;
}

// `when-set:`, `when-unset:` — one variable name or a list of them, each a valid name
// ("event.date"); each is noted in `uses`, to be checked against the names given.
std::vector<std::string> read_variable_names(Reader& in, const Field& f,
                                             std::vector<VariableUse>& uses) {
  std::vector<Field> fields;
  if (f.present && f.node.IsSequence()) {
    if (auto items = in.list(f, "a variable name or a list of them")) fields = *items;
  } else {
    fields.push_back(f);
  }
  std::vector<std::string> names;
  for (const Field& item : fields) {
    auto name = in.string(item);
    if (!name) continue;
    if (!is_variable_name(*name)) {
      in.error(item, "'" + *name + "' is not a variable name",
               "write the name without braces: when-set: event.date");
      continue;
    }
    names.push_back(*name);
    uses.push_back({*name, in.at(item)});
  }
  return names;
}

// `height`/`width` as the extent of a stack member, `grow`, and no `area` inside a stack.
void read_membership(Reader& in, const MapView& map, const std::string& kind,
                     std::optional<Direction> stack, Frame& frame) {
  const bool vertical = stack && *stack == Direction::vertical;
  const char* along = vertical ? "height" : "width";
  const char* across = vertical ? "width" : "height";
  for (const char* key : {"height", "width"}) {
    if (!map.has(key) || is_font_width_key(kind, map.get(key))) continue;
    if (!stack) {
      in.error(map.get(key), fmt::format("'{}' sizes a stack member; place a page frame with "
                                         "'area' (e.g. area: {{top: 20mm, {}: 40mm}})",
                                         key, key));
    } else if (key == std::string(across)) {
      in.error(map.get(key), fmt::format("in a {} stack a member's size is its '{}'; its '{}' "
                                         "follows the stack",
                                         vertical ? "vertical" : "horizontal", along, across));
    } else {
      frame.extent = read_length(in, map.get(key));
    }
  }
  if (map.has("grow")) {
    frame.grow = in.boolean(map.get("grow")).value_or(false);
    if (!stack)
      in.error(map.get("grow"), "'grow' applies only to members of a stack");
    else if (frame.grow && frame.extent)
      in.error(map.get("grow"), fmt::format("a member that grows takes no '{}'", along));
  }
  if (stack && map.has("area"))
    in.error(map.get("area"), "a stack member has no 'area': the stack places it");
}

std::optional<Border> read_border(DesignContext& ctx, const Field& f) {
  MapView map(ctx.in, f, "a map {color, width}");
  if (!map.is_map()) return std::nullopt;
  map.check({"color", "width"});
  Border border;
  if (map.has("color"))
    border.color = read_color(ctx.in, map.get("color"), ctx.colors).value_or(border.color);
  if (map.has("width")) border.width = read_length(ctx.in, map.get("width")).value_or(border.width);
  return border;
}

void read_decoration(DesignContext& ctx, const MapView& map, Frame& frame) {
  Reader& in = ctx.in;
  if (map.has("valign"))
    frame.valign = in.keyword(map.get("valign"),
                              std::vector<std::pair<std::string, core::VAlign>>{
                                  {"top", core::VAlign::top},
                                  {"middle", core::VAlign::middle},
                                  {"bottom", core::VAlign::bottom}})
                       .value_or(frame.valign);
  if (map.has("background"))
    frame.box.background = read_color(in, map.get("background"), ctx.colors);
  if (map.has("border")) frame.box.border = read_border(ctx, map.get("border"));
  if (map.has("radius")) frame.box.radius = read_length(in, map.get("radius")).value_or(Pt{0});
  if (map.has("padding"))
    frame.box.padding = read_insets(in, map.get("padding"), Insets{}).value_or(Insets{});
  if (map.has("link")) frame.link = read_template(in, map.get("link"));
  if (map.has("when-set"))
    frame.when_set = read_variable_names(in, map.get("when-set"), ctx.condition_uses);
  if (map.has("when-unset"))
    frame.when_unset = read_variable_names(in, map.get("when-unset"), ctx.condition_uses);
  if (map.has("overlap")) frame.overlap = in.boolean(map.get("overlap")).value_or(false);
}

// The written `id:`, registered as explicit; empty when there is none (or it is broken).
std::string explicit_id(DesignContext& ctx, const MapView& map, const Frame& frame) {
  if (!map.has("id")) return {};
  const Field f = map.get("id");
  auto id = ctx.in.string(f);
  if (!id) return {};
  if (id->empty()) {
    ctx.in.error(f, "a frame id cannot be empty");
    return {};
  }
  if (auto first = ctx.explicit_ids.find(*id); first != ctx.explicit_ids.end()) {
    ctx.in.error(
        f, "frame id '" + *id + "' is already used on line " + std::to_string(first->second.line));
    return {};
  }
  ctx.explicit_ids[*id] = ctx.in.at(f);
  ctx.explicit_id_frames.insert({frame.where.line, frame.where.column});
  return *id;
}

std::optional<Frame> read_frame(DesignContext& ctx, const Field& f, int position,
                                std::optional<Direction> stack) {
  Reader& in = ctx.in;
  MapView map(in, f, "a frame (a map with text, list, flow, stack, qr, image, rule or box)");
  if (!map.is_map()) return std::nullopt;
  auto kind = content_kind(in, map, f);
  if (!kind) return std::nullopt;
  std::vector<std::string> allowed = kCommonKeys;
  for (auto& key : content_keys(*kind)) allowed.push_back(std::move(key));
  map.check(allowed);

  Frame frame;
  frame.where = in.at(f);
  auto content = read_content(ctx, *kind, map, f);
  frame.id = explicit_id(ctx, map, frame);
  if (frame.id.empty()) {
    const bool has_base = content && !content->default_id.empty();
    frame.id = has_base ? content->default_id : fmt::format("{} {}", *kind, position);
  }
  read_membership(in, map, *kind, stack, frame);
  // The body is planned across pages before any stack shares out its space: a flow in a stack
  // would never be set, and the statement's body silently lost.
  if (stack && *kind == "flow")
    in.error(map.get("flow"),
             "a flow cannot be a stack member: the body runs through frames of "
             "its own",
             "give the flow its own 'area' on the page, beside or under the stack");
  if (!stack) frame.area = read_area(in, map.get("area"), ctx.page, ctx.grid, frame.id);
  read_decoration(ctx, map, frame);
  if (!content) return std::nullopt;
  frame.content = std::move(content->content);
  return frame;
}

void settle(DesignContext& ctx, std::vector<Frame>& frames, std::set<std::string>& used) {
  for (Frame& frame : frames) {
    if (!ctx.explicit_id_frames.count({frame.where.line, frame.where.column})) {
      const std::string base = frame.id;
      for (int n = 2; used.count(frame.id); ++n) frame.id = fmt::format("{} #{}", base, n);
      used.insert(frame.id);
    }
    if (auto* stack = std::get_if<StackFrame>(&frame.content)) settle(ctx, stack->items, used);
  }
}

}  // namespace

std::vector<Frame> read_frames(DesignContext& ctx, const Field& list,
                               std::optional<Direction> stack) {
  std::vector<Frame> frames;
  auto items = ctx.in.list(list, "a list of frames");
  if (!items) return frames;
  int position = 0;
  for (const Field& item : *items) {
    if (auto frame = read_frame(ctx, item, ++position, stack)) frames.push_back(std::move(*frame));
  }
  return frames;
}

void settle_default_ids(DesignContext& ctx, std::vector<PageTemplate>& pages) {
  std::set<std::string> used;
  for (const auto& [id, where] : ctx.explicit_ids) used.insert(id);
  for (PageTemplate& page : pages) settle(ctx, page.frames, used);
}

}  // namespace broadside::design
