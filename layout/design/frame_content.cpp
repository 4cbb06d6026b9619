// frame_content.cpp — what each kind of frame holds: text, list, flow, stack, qr, image, rule, box.
#include <fmt/format.h>

#include <cmath>

#include "core/access.hpp"
#include "core/limits.hpp"
#include "design/frames.hpp"
#include "design/length.hpp"
#include "design/template.hpp"

namespace broadside::design {

namespace {

template <class E>
using Words = std::vector<std::pair<std::string, E>>;

const Words<MarkerKind> kMarkers = {{"square", MarkerKind::square},
                                    {"disc", MarkerKind::disc},
                                    {"dash", MarkerKind::dash},
                                    {"number", MarkerKind::number},
                                    {"none", MarkerKind::none}};
const Words<Direction> kDirections = {{"vertical", Direction::vertical},
                                      {"horizontal", Direction::horizontal}};
const Words<QrErrorCorrection> kQrLevels = {{"L", QrErrorCorrection::low},
                                            {"M", QrErrorCorrection::medium},
                                            {"Q", QrErrorCorrection::quartile},
                                            {"H", QrErrorCorrection::high}};
const Words<ImageFit> kFits = {
    {"contain", ImageFit::contain}, {"cover", ImageFit::cover}, {"stretch", ImageFit::stretch}};

std::vector<std::string> style_names(const DesignContext& ctx) {
  std::vector<std::string> names;
  for (const auto& [name, draft] : ctx.styles) names.push_back(name);
  return names;
}

// A named style from `styles:`, or nullopt after reporting an unknown name.
std::optional<StyleDraft> named_style(DesignContext& ctx, const Field& f) {
  auto name = ctx.in.scalar(f, "a style name");
  if (!name) return std::nullopt;
  if (auto it = ctx.styles.find(*name); it != ctx.styles.end()) return it->second;
  ctx.in.error(f, "unknown style '" + *name + "'", did_you_mean(*name, style_names(ctx)));
  return std::nullopt;
}

// A size range is fitted by binary search over its steps; a step of a thousandth of a point
// over a wide range would overflow the step count and make no visible difference.
void check_fit_steps(DesignContext& ctx, const Field& frame, const Style& style) {
  if (!style.size.is_range()) return;
  const double step = style.size.step.value > 0 ? style.size.step.value : 0.5;
  const double steps = std::floor((style.size.max - style.size.min).value / step);
  const core::Limits& limits = ctx.options.limits;
  if (steps <= static_cast<double>(limits[core::Limit::fit_steps])) return;
  ctx.in.error(frame,
               fmt::format("the size range {}pt..{}pt in steps of {}pt has {:.0f} sizes to try, {}",
                           style.size.min.value, style.size.max.value, step, steps + 1,
                           limits.over(core::Limit::fit_steps)),
               "use a larger 'step', or " + core::limit_hint(core::Limit::fit_steps));
}

// The frame's `style:` with the style keys written on the frame itself applied over it.
StyleDraft frame_style(DesignContext& ctx, const MapView& map, const Field& frame,
                       const std::string& kind) {
  StyleDraft draft = default_style();
  if (!map.has("style")) {
    ctx.in.error(frame, "a " + kind + " frame needs 'style: <name>'");
  } else if (auto named = named_style(ctx, map.get("style"))) {
    draft = *named;
  }
  StylePatch patch;
  for (const Field& f : map.entries()) {
    if (f.name == "style") continue;  // on a frame, `style` names the style (use `slant`)
    // `width: condensed` is the font's width; `width: 30mm` sizes a stack member.
    const bool is_extent = f.name == "width" && !is_font_width_key(kind, f);
    if (!is_extent) read_style_key(ctx.in, f, ctx.colors, patch);
  }
  draft.apply(patch);
  // Lists and flows set every item at one size: only a text frame's size can follow its frame.
  if (draft.style.size.max_share > 0 && kind != "text")
    ctx.in.error(frame,
                 "a " + kind + " frame's size cannot grow with the frame ('" + draft.style.name +
                     "' ends its size range in %)",
                 "give the largest size in pt, e.g. 28pt..64pt");
  check_fit_steps(ctx, frame, draft.style);
  return draft;
}

std::optional<ContentResult> read_text(DesignContext& ctx, const MapView& map, const Field& frame) {
  auto text = read_template(ctx.in, map.get("text"));
  Style style = frame_style(ctx, map, frame, "text").finish();
  if (!text) return std::nullopt;
  std::string id = text->sole_variable();
  return ContentResult{TextFrame{std::move(*text), std::move(style)}, std::move(id)};
}

// Gaps default to fractions of the type size so a list scales with its style.
constexpr double kMarkerGapPerSize = 0.5;
constexpr double kItemGapPerSize = 0.3;
// An excerpt longer than this is not an excerpt.
constexpr int kMaxExcerptParagraphs = 1000;
// A chain's reading order needs a handful of steps (a trifold's four panels); 100 leaves room.
constexpr int kMaxFlowOrder = 100;
// More columns than this in one frame is a typo, not a layout.
constexpr int kMaxFlowColumns = 100;

std::optional<ContentResult> read_list(DesignContext& ctx, const MapView& map, const Field& frame) {
  Reader& in = ctx.in;
  const Field items_field = map.get("list");
  auto items = read_template(in, items_field);
  StyleDraft draft = frame_style(ctx, map, frame, "list");
  ListFrame list;
  list.style = draft.finish();
  const Pt size = list.style.size.max;
  list.marker_color = list.style.color;
  list.marker_gap = size * kMarkerGapPerSize;
  list.item_gap = draft.has_space_after ? list.style.space_after : size * kItemGapPerSize;
  if (map.has("marker"))
    list.marker = in.keyword(map.get("marker"), kMarkers).value_or(list.marker);
  if (map.has("marker-color"))
    list.marker_color =
        read_color(in, map.get("marker-color"), ctx.colors).value_or(list.marker_color);
  if (map.has("marker-gap"))
    list.marker_gap = read_length(in, map.get("marker-gap")).value_or(list.marker_gap);
  if (map.has("item-gap"))
    list.item_gap = read_length(in, map.get("item-gap")).value_or(list.item_gap);
  if (!items) return std::nullopt;
  std::string id = items->sole_variable();
  if (id.empty()) {
    in.error(items_field,
             "a list takes exactly one variable, like \"{demands}\"; got '" + items->source + "'");
    return std::nullopt;
  }
  list.items = std::move(*items);
  return ContentResult{std::move(list), std::move(id)};
}

StyleDraft derived(StyleDraft base, const std::string& role) {
  base.style.name += " (" + role + ")";
  return base;
}

std::optional<ContentResult> read_flow(DesignContext& ctx, const MapView& map, const Field& frame) {
  Reader& in = ctx.in;
  FlowFrame flow;
  const Field source = map.get("flow");
  auto name = in.scalar(source, "a source name like 'body'");
  const StyleDraft body = frame_style(ctx, map, frame, "flow");
  flow.style = body.finish();
  StyleDraft heading = derived(body, "heading"), quote = derived(body, "quote");
  heading.style.face.weight = 700;
  heading.style.space_before = body.style.size.max;
  quote.style.face.slant = core::FontSlant::italic;
  if (map.has("heading-style"))
    heading = named_style(ctx, map.get("heading-style")).value_or(heading);
  if (map.has("quote-style")) quote = named_style(ctx, map.get("quote-style")).value_or(quote);
  flow.heading_style = heading.finish();
  flow.quote_style = quote.finish();
  if (map.has("columns"))
    flow.columns = in.integer(map.get("columns"), 1, kMaxFlowColumns).value_or(1);
  if (map.has("gutter")) flow.gutter = read_length(in, map.get("gutter")).value_or(flow.gutter);
  if (map.has("paragraphs"))
    flow.paragraphs = in.integer(map.get("paragraphs"), 1, kMaxExcerptParagraphs).value_or(0);
  if (map.has("order")) flow.order = in.integer(map.get("order"), 0, kMaxFlowOrder).value_or(0);
  if (map.has("balance-columns"))
    flow.balance_columns = in.boolean(map.get("balance-columns")).value_or(true);
  if (map.has("read-more")) {
    flow.read_more = read_template(in, map.get("read-more"));
    // The line reads as part of the body unless the design gives it a style of its own: in the
    // body's face, which the font check has found, not a weight its family may lack.
    StyleDraft more = derived(body, "read-more");
    if (map.has("read-more-style"))
      more = named_style(ctx, map.get("read-more-style")).value_or(more);
    flow.read_more_style = more.finish();
  } else if (map.has("read-more-style")) {
    in.error(map.get("read-more-style"), "'read-more-style' styles the 'read-more' line",
             "give the flow a 'read-more' line too, like \"{labels.read-more} {cta.url}\"");
  }
  if (!name) return std::nullopt;
  // `flow: "{body}"` reads like the other templates, so it is accepted too.
  std::string src = *name;
  if (src.size() >= 2 && src.front() == '{' && src.back() == '}')
    src = src.substr(1, src.size() - 2);
  if (!is_variable_name(src)) {
    in.error(source, "bad flow source '" + *name + "'", "name the text to pour, like 'body'");
    return std::nullopt;
  }
  flow.source = src;
  return ContentResult{std::move(flow), src};
}

std::optional<ContentResult> read_stack(DesignContext& ctx, const MapView& map,
                                        const Field& frame) {
  Reader& in = ctx.in;
  StackFrame stack;
  auto direction = in.keyword(map.get("stack"), kDirections);
  if (direction) stack.direction = *direction;
  if (map.has("gap")) stack.gap = read_length(in, map.get("gap")).value_or(Pt{0});
  const Field items = map.get("items");
  if (!items.present || items.is_null() || (items.node.IsSequence() && items.node.size() == 0)) {
    in.error(items.present ? items : frame, "a stack needs 'items': the frames it holds");
    return std::nullopt;
  }
  stack.items = read_frames(ctx, items, stack.direction);
  if (!direction) return std::nullopt;
  return ContentResult{std::move(stack), {}};
}

std::optional<ContentResult> read_qr(DesignContext& ctx, const MapView& map, const Field&) {
  QrFrame qr;
  auto data = read_template(ctx.in, map.get("qr"));
  if (map.has("color"))
    qr.color = read_color(ctx.in, map.get("color"), ctx.colors).value_or(qr.color);
  if (map.has("level")) qr.level = ctx.in.keyword(map.get("level"), kQrLevels).value_or(qr.level);
  if (!data) return std::nullopt;
  qr.data = std::move(*data);
  return ContentResult{std::move(qr), {}};
}

// `focus: [x, y]` — the point of the image (0..1 from its left and top) kept in view.
std::optional<std::array<double, 2>> read_focus(Reader& in, const Field& f) {
  auto items = in.list(f, "a list of two numbers [x, y] between 0 and 1");
  if (!items) return std::nullopt;
  if (items->size() != 2) {
    in.error(f, "expected two numbers [x, y] between 0 and 1 for 'focus', got " +
                    std::to_string(items->size()));
    return std::nullopt;
  }
  std::array<double, 2> focus{};
  for (size_t i = 0; i < 2; ++i) {
    auto v = in.number((*items)[i]);
    if (!v) return std::nullopt;
    if (*v < 0 || *v > 1) {
      in.error((*items)[i],
               "'focus' values are fractions between 0 and 1, got " + (*items)[i].node.Scalar());
      return std::nullopt;
    }
    focus[i] = *v;
  }
  return focus;
}

std::optional<ContentResult> read_image(DesignContext& ctx, const MapView& map, const Field&) {
  ImageFrame image;
  const Field file = map.get("image");
  auto name = ctx.in.scalar(file, "a file name");
  if (map.has("fit")) image.fit = ctx.in.keyword(map.get("fit"), kFits).value_or(image.fit);
  if (map.has("focus")) image.focus = read_focus(ctx.in, map.get("focus")).value_or(image.focus);
  if (!name) return std::nullopt;
  image.file = (ctx.folder / *name).lexically_normal();
  // Checked before anything else, so a design cannot even learn whether an outside file exists.
  if (!core::is_readable_from(image.file, ctx.folder, ctx.options.allowed_paths)) {
    ctx.in.error(file,
                 "image '" + *name +
                     "' is outside the design's folder; broadside reads no "
                     "files a design names outside it",
                 "move the image next to the design, or allow its folder with --allow-path DIR");
    return std::nullopt;
  }
  std::error_code ec;
  const auto status = std::filesystem::status(image.file, ec);
  if (!std::filesystem::exists(status)) {
    ctx.in.error(file, "image '" + *name + "' not found (looked for '" + image.file.string() + "')",
                 "an image is named relative to the design's folder: check the name, or put "
                 "the image there");
    return std::nullopt;
  }
  // A folder, pipe or device would otherwise be reported "not found", which it is not.
  if (!std::filesystem::is_regular_file(status)) {
    ctx.in.error(file,
                 "image '" + *name + "' is not a regular file (" +
                     (std::filesystem::is_directory(status) ? "a folder" : "a device or a pipe") +
                     ")",
                 "name the image file itself");
    return std::nullopt;
  }
  return ContentResult{std::move(image), {}};
}

std::optional<ContentResult> read_rule(DesignContext& ctx, const MapView& frame_map, const Field&) {
  RuleFrame rule;
  MapView map(ctx.in, frame_map.get("rule"), "a map {thickness, color}");
  map.check({"thickness", "color"});
  if (map.has("thickness")) {
    auto t = read_length(ctx.in, map.get("thickness"));
    if (t && *t <= Pt{0})
      ctx.in.error(map.get("thickness"), "'thickness' must be greater than 0");
    else if (t)
      rule.thickness = *t;
  }
  if (map.has("color"))
    rule.color = read_color(ctx.in, map.get("color"), ctx.colors).value_or(rule.color);
  return ContentResult{rule, {}};
}

std::optional<ContentResult> read_box(DesignContext& ctx, const MapView& frame_map, const Field&) {
  MapView map(ctx.in, frame_map.get("box"), "an empty map {}");
  map.check({});
  return ContentResult{BoxFrame{}, {}};
}

}  // namespace

bool has_style(const std::string& kind) {
  return kind == "text" || kind == "list" || kind == "flow";
}

bool is_font_width_key(const std::string& kind, const Field& f) {
  return has_style(kind) && f.name == "width" && f.present && f.node.IsScalar() &&
         is_font_width(f.node.Scalar());
}

const std::vector<std::string>& content_kinds() {
  static const std::vector<std::string> kinds = {"text", "list",  "flow", "stack",
                                                 "qr",   "image", "rule", "box"};
  return kinds;
}

std::vector<std::string> content_keys(const std::string& kind) {
  std::vector<std::string> keys;
  if (kind == "text") keys = {"text", "style"};
  if (kind == "list") keys = {"list", "style", "marker", "marker-color", "marker-gap", "item-gap"};
  if (kind == "flow")
    keys = {"flow",       "style",     "heading-style",   "quote-style", "columns",        "gutter",
            "paragraphs", "read-more", "read-more-style", "order",       "balance-columns"};
  if (kind == "stack") keys = {"stack", "gap", "items"};
  if (kind == "qr") keys = {"qr", "color", "level"};
  if (kind == "image") keys = {"image", "fit", "focus"};
  if (kind == "rule") keys = {"rule"};
  if (kind == "box") keys = {"box"};
  if (has_style(kind))
    for (const auto& key : style_keys())
      if (key != "style") keys.push_back(key);
  return keys;
}

std::optional<ContentResult> read_content(DesignContext& ctx, const std::string& kind,
                                          const MapView& map, const Field& frame) {
  using ContentReader =
      std::optional<ContentResult> (*)(DesignContext&, const MapView&, const Field&);
  static const std::vector<std::pair<std::string, ContentReader>> readers = {
      {"text", read_text}, {"list", read_list},   {"flow", read_flow}, {"stack", read_stack},
      {"qr", read_qr},     {"image", read_image}, {"rule", read_rule}, {"box", read_box}};
  for (const auto& [name, reader] : readers)
    if (name == kind) return reader(ctx, map, frame);
  return std::nullopt;
}

std::optional<Template> read_template(Reader& in, const Field& f) {
  auto text = in.scalar(f, "a text template");
  if (!text) return std::nullopt;
  std::vector<TemplateError> errors;
  Template out = parse_template(*text, errors);
  for (const auto& e : errors) in.error(in.at_offset(f, e.offset), e.message, e.hint);
  if (!errors.empty()) return std::nullopt;
  out.where = in.at(f);
  for (auto& piece : out.pieces)
    if (piece.is_variable) piece.where = in.at_offset(f, piece.offset);
  return out;
}

}  // namespace broadside::design
