// design.cpp — load_design and parse_design: the top level, the pages, output and defaults.
#include "design/design.hpp"

#include <algorithm>
#include <limits>

#include "core/atomic_file.hpp"
#include "core/text_check.hpp"
#include "core/yaml_load.hpp"
#include "core/yaml_syntax.hpp"
#include "design/folds.hpp"
#include "design/font_classes.hpp"
#include "design/frames.hpp"
#include "design/script_overrides.hpp"
#include "design/template.hpp"
#include "design/variable_names.hpp"
#include "design/variables_section.hpp"

namespace broadside::design {

namespace {

const std::vector<std::string> kTopKeys = {
    "name",       "about",  "page",          "grid",        "colors",    "styles",
    "pages",      "output", "defaults",      "variables",   "max-pages", "scripts",
    "mirror-rtl", "fonts",  "page-multiple", "facing-pages"};

size_t count_frames(const std::vector<Frame>& frames) {
  size_t n = frames.size();
  for (const auto& f : frames)
    if (const auto* stack = std::get_if<StackFrame>(&f.content)) n += count_frames(stack->items);
  return n;
}

// Every frame is laid out and drawn on every page copy: thousands are a generated design gone
// wrong, and their ids are settled in quadratic time.
void check_frame_count(DesignContext& ctx, const std::vector<PageTemplate>& pages,
                       const Field& where) {
  size_t n = 0;
  for (const auto& page : pages) n += count_frames(page.frames);
  const core::Limits& limits = ctx.options.limits;
  if (static_cast<std::int64_t>(n) > limits[core::Limit::frames])
    ctx.in.error(
        where,
        "the design has " + std::to_string(n) + " frames, " + limits.over(core::Limit::frames),
        core::limit_hint(core::Limit::frames));
}

PageTemplate read_page_template(DesignContext& ctx, const Field& f, int number) {
  PageTemplate page;
  page.name = "page " + std::to_string(number);
  page.where = ctx.in.at(f);
  ctx.page.page_index = static_cast<size_t>(number - 1);  // the side `panel:` areas refer to
  MapView map(ctx.in, f, "a page (a map with name, background, repeat, frames)");
  if (!map.is_map()) return page;
  map.check({"name", "background", "repeat", "frames"});
  if (map.has("name")) page.name = ctx.in.string(map.get("name")).value_or(page.name);
  if (map.has("background"))
    page.background = read_color(ctx.in, map.get("background"), ctx.colors);
  if (map.has("repeat")) page.repeat = ctx.in.boolean(map.get("repeat")).value_or(false);
  if (map.has("frames")) page.frames = read_frames(ctx, map.get("frames"), std::nullopt);
  return page;
}

std::vector<PageTemplate> read_pages(DesignContext& ctx, const MapView& top, const Field& doc) {
  std::vector<PageTemplate> pages;
  if (!top.has("pages")) {
    ctx.in.error(doc, "a design needs 'pages': a list of pages and their frames");
    return pages;
  }
  auto items = ctx.in.list(top.get("pages"), "a list of pages");
  if (!items) return pages;
  if (items->empty()) ctx.in.error(top.get("pages"), "'pages' needs at least one page");
  if (static_cast<std::int64_t>(items->size()) > ctx.options.limits[core::Limit::pages]) {
    ctx.in.error(top.get("pages"),
                 "the design has " + std::to_string(items->size()) + " pages, " +
                     ctx.options.limits.over(core::Limit::pages),
                 core::limit_hint(core::Limit::pages));
    return pages;
  }
  int number = 0;
  for (const Field& item : *items) pages.push_back(read_page_template(ctx, item, ++number));
  check_frame_count(ctx, pages, top.get("pages"));
  settle_default_ids(ctx, pages);
  return pages;
}

OutputDefaults read_output(Reader& in, const Field& f) {
  OutputDefaults out;
  MapView map(in, f, "a map of output settings");
  map.check({"formats", "dpi", "color", "pdfx"});
  if (map.has("formats")) {
    const Field formats = map.get("formats");
    // One format may be written on its own: `formats: pdf`.
    auto items = formats.present && formats.node.IsScalar()
                     ? std::optional<std::vector<Field>>({formats})
                     : in.list(formats, "a list of formats (pdf, png, svg)");
    std::vector<std::string> chosen;
    for (const Field& item : items.value_or(std::vector<Field>{})) {
      Field named = item;
      named.name = "format";
      auto format = in.keyword(named, std::vector<std::pair<std::string, std::string>>{
                                          {"pdf", "pdf"}, {"png", "png"}, {"svg", "svg"}});
      if (format && std::find(chosen.begin(), chosen.end(), *format) == chosen.end())
        chosen.push_back(*format);
    }
    if (items && items->empty()) in.error(formats, "'formats' needs at least one of pdf, png, svg");
    if (!chosen.empty()) out.formats = chosen;
  }
  // 18 dpi is a thumbnail of an A4 page; 2400 dpi is an imagesetter's resolution.
  if (map.has("dpi")) out.dpi = in.integer(map.get("dpi"), 18, 2400).value_or(out.dpi);
  if (map.has("color"))
    out.color = in.keyword(map.get("color"),
                           std::vector<std::pair<std::string, ColorMode>>{
                               {"rgb", ColorMode::rgb}, {"cmyk", ColorMode::cmyk}})
                    .value_or(out.color);
  if (map.has("pdfx"))
    out.pdfx = in.keyword(map.get("pdfx"),
                          std::vector<std::pair<std::string, PdfxMode>>{
                              {"none", PdfxMode::none}, {"4", PdfxMode::x4}, {"1a", PdfxMode::x1a}})
                   .value_or(out.pdfx);
  return out;
}

void flatten_defaults(Reader& in, const Field& f, const std::string& prefix,
                      core::Variables& into) {
  MapView map(in, f, "a map of variable values");
  for (const Field& entry : map.entries()) {
    const std::string name = prefix.empty() ? entry.name : prefix + "." + entry.name;
    if (!is_variable_name(entry.name)) {
      in.error(in.at(entry.key_mark), "bad variable name '" + entry.name + "'",
               "names use letters, digits, '_', '-' and '.'");
    } else if (entry.node.IsMap()) {
      flatten_defaults(in, entry, name, into);
    } else if (entry.node.IsSequence()) {
      std::vector<std::string> values;
      for (const Field& item : in.list(entry).value_or(std::vector<Field>{}))
        if (auto s = in.scalar(item, "a plain value")) values.push_back(*s);
      into[name] = core::Value::list(std::move(values), in.at(entry));
    } else {
      // An empty value (`date:`) is an empty text, not an error: it blanks the variable.
      into[name] = core::Value::scalar(entry.is_null() ? "" : entry.node.Scalar(), in.at(entry));
    }
  }
}

void read_header(Reader& in, const MapView& top, const std::filesystem::path& file,
                 const core::Limits& limits, Design& design) {
  design.file = file;
  design.name = file.stem().string();
  if (top.has("name")) design.name = in.string(top.get("name")).value_or(design.name);
  if (top.has("about")) design.about = in.string(top.get("about")).value_or("");
  if (top.has("mirror-rtl")) design.mirror_rtl = in.boolean(top.get("mirror-rtl")).value_or(false);
  if (top.has("facing-pages"))
    design.facing_pages = in.boolean(top.get("facing-pages")).value_or(false);
  if (top.has("max-pages")) {
    // A typo like 64000 would otherwise run for hours.
    const auto max = in.integer(top.get("max-pages"), 1, std::numeric_limits<int>::max());
    if (max && *max > limits[core::Limit::pages])
      in.error(top.get("max-pages"),
               "'max-pages' is " + std::to_string(*max) + ", " + limits.over(core::Limit::pages),
               core::limit_hint(core::Limit::pages));
    else if (max)
      design.max_pages = *max;
  }
  design.max_pages =
      static_cast<int>(std::min<std::int64_t>(design.max_pages, limits[core::Limit::pages]));
  if (top.has("page-multiple"))
    design.page_multiple =
        static_cast<int>(in.integer(top.get("page-multiple"), 1, 16).value_or(1));
}

// `page-multiple` pads the page count with the repeated page: without one, nothing can pad
// it, and a booklet's page count that is no multiple would go to print as it is.
void check_page_multiple(Reader& in, const MapView& top, const Design& design) {
  if (design.page_multiple <= 1 || design.pages.empty()) return;
  const bool repeats =
      std::any_of(design.pages.begin(), design.pages.end(), [](const auto& p) { return p.repeat; });
  const auto count = static_cast<int>(design.pages.size());
  if (repeats || count % design.page_multiple == 0) return;
  in.error(top.get("page-multiple"),
           "'page-multiple: " + std::to_string(design.page_multiple) +
               "' pads the page count with the repeated page, but no page has 'repeat: true': "
               "the design always has " +
               std::to_string(count) + (count == 1 ? " page" : " pages"),
           "give the page the body runs on 'repeat: true', or remove 'page-multiple'");
}

Design read_design(Reader& in, const Field& doc, const std::filesystem::path& file,
                   const core::Options& options, const std::string& lang) {
  Design design;
  MapView top(in, doc, "a map of design settings (name, page, styles, pages, ...)");
  if (!top.is_map()) return design;
  top.check(kTopKeys);
  read_header(in, top, file, options.limits, design);
  DesignContext ctx{in, options, file.parent_path()};
  ctx.page = read_page(in, top.get("page"));
  ctx.grid = read_grid(in, top.get("grid"), ctx.page);
  ctx.colors = read_palette(in, top.get("colors"), ctx.folder, options);
  const FontClasses classes = read_font_classes(in, top.get("fonts"), ctx.folder, options);
  ctx.styles = read_styles(in, top.get("styles"), ctx.colors);
  apply_script_overrides(in, top.get("scripts"), ctx.colors, lang, ctx.styles);
  design.pages = read_pages(ctx, top, doc);
  check_folded_pages(in, ctx.page.fold, design.pages);
  design.output = read_output(in, top.get("output"));
  flatten_defaults(in, top.get("defaults"), "", design.defaults);
  read_variables_section(in, top.get("variables"), design);
  std::vector<VariableUse> uses = template_variable_uses(design.pages);
  uses.insert(uses.end(), ctx.condition_uses.begin(), ctx.condition_uses.end());
  check_variable_uses(in, uses, design);
  check_page_multiple(in, top, design);
  design.geometry = ctx.page.geometry;
  design.marks = ctx.page.marks;
  design.slug = ctx.page.slug;
  design.margins = ctx.page.margins;
  design.fold = ctx.page.fold;
  design.grid = ctx.grid;
  design.colors = ctx.colors;
  for (const auto& [name, draft] : ctx.styles) design.styles[name] = draft.finish();
  resolve_font_classes(in, classes, lang, design);
  return design;
}

// Reads the whole design; throws nothing but what yaml-cpp throws.
std::optional<Design> parse_into(Reader& in, const std::string& yaml,
                                 const std::filesystem::path& file, const core::Options& options,
                                 const std::string& lang) {
  // yaml-cpp lets bad bytes through into names and text, where they would print as garbage or
  // not at all: refused here, at their place.
  if (const core::TextProblem bad = core::check_text(yaml); !bad.what.empty()) {
    in.error(core::location_of(yaml, bad.offset, file.string()),
             "the design is not valid UTF-8 text: " + bad.what, "save it as UTF-8");
    return std::nullopt;
  }
  core::Diagnostics guard;
  YAML::Node root;
  try {
    std::optional<YAML::Node> loaded =
        core::load_yaml(yaml, file.string(), 1, options.limits, guard);
    if (!loaded) {
      for (const auto& d : guard.all()) in.error(d.where, d.message, d.hint);
      return std::nullopt;
    }
    root = std::move(*loaded);
  } catch (const YAML::ParserException& e) {
    const core::Diagnostic d = core::explain_yaml_error(
        yaml, file.string(), 1, e.msg, e.mark.is_null() ? -1 : e.mark.line, e.mark.column);
    in.error(d.where, d.message, d.hint);
    return std::nullopt;
  }
  if (root.IsNull()) {
    in.error(core::SourceLocation{file.string(), 1, 1}, "the design is empty",
             "a design needs at least 'pages'");
    return std::nullopt;
  }
  Design design = read_design(in, Field(root), file, options, lang);
  if (in.errors() > 0) return std::nullopt;
  return design;
}

}  // namespace

std::optional<Design> parse_design(const std::string& yaml, const std::filesystem::path& file,
                                   const core::Options& options, core::Diagnostics& diags,
                                   const std::string& lang,
                                   std::vector<std::filesystem::path>* included) {
  core::Diagnostics found;
  Reader in(file.string(), yaml, found);
  std::optional<Design> design;
  try {
    design = parse_into(in, yaml, file, options, lang);
  } catch (const YAML::Exception& e) {
    // A safety net: the readers check node types first, so this means a bug here, but it must
    // still come out as a diagnostic, not a crash.
    in.error(in.at(e.mark), "could not read the design: " + e.msg);
    design.reset();
  }
  if (included) *included = in.included();
  // Reported in file order, the way a designer reads the file, whatever order they were found.
  std::vector<core::Diagnostic> sorted = found.all();
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
  });
  for (auto& d : sorted) diags.add(std::move(d));
  return design;
}

std::optional<Design> load_design(const std::filesystem::path& file, const core::Options& options,
                                  core::Diagnostics& diags, const std::string& lang,
                                  std::vector<std::filesystem::path>* included) {
  const auto text = core::read_file(file, options.limits, diags);
  if (!text) return std::nullopt;
  return parse_design(*text, file, options, diags, lang, included);
}

}  // namespace broadside::design
