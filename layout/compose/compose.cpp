// compose.cpp — the whole document: plan the body flow, then fill each page's frames.
#include "compose/compose.hpp"

#include <set>

#include "compose/context.hpp"
#include "compose/flow.hpp"
#include "compose/folds.hpp"
#include "compose/frames.hpp"
#include "compose/overlaps.hpp"
#include "compose/varying.hpp"
#include "core/language.hpp"
#include "text/font_pages.hpp"

namespace broadside::compose {

namespace {

/// Whether page `n`, of a repeated template, holds none of the body its flow frames pour: a
/// page added to make up a booklet's sheet of four.
bool is_padding(const design::PageTemplate& tmpl, size_t n, const FlowPlan& plan) {
  if (!tmpl.repeat) return false;
  bool flows = false;
  for (const auto& frame : tmpl.frames) {
    if (!std::holds_alternative<design::FlowFrame>(frame.content)) continue;
    flows = true;
    if (plan.lines.count({n, &frame})) return false;
  }
  return flows;
}

Metadata metadata_for(const Context& ctx) {
  Metadata m;
  auto value = [&](const char* name) {
    const core::Value* v = ctx.lookup(name);
    return v ? v->text() : std::string{};
  };
  m.title = value("headline");
  m.author = value("author");
  m.subject = ctx.design.about;
  m.lang = ctx.document.lang;
  return m;
}

}  // namespace

Composition compose(const design::Design& design, const content::Document& document,
                    const core::Variables& overrides, text::Typesetter& typesetter,
                    ImageMeasurer& images, core::Diagnostics& diags) {
  Composition out;
  core::Diagnostics found;
  Context ctx{design, document, overrides, typesetter, images, found, out};
  ctx.rtl = core::is_rtl(document.lang);
  ctx.mirror = ctx.rtl && design.mirror_rtl;
  FlowPlan plan = plan_flow(ctx);
  // What a design says under an excerpt ("Read the full statement: …") is wrong under the whole.
  if (plan.excerpt) ctx.builtins["excerpt"] = core::Value::scalar("yes");
  // Each frame reads its fonts' glyphs (for their ink) through mappings of the font files, a few
  // megabytes of a CJK font; giving them back after each step keeps one step's, not the sum.
  text::release_font_pages();
  ctx.flow = &plan;
  const bool layered = draws_given_values(design, overrides);
  for (size_t n = 0; n < plan.pages.size(); ++n) {
    const design::PageTemplate& tmpl = design.pages[plan.pages[n]];
    Page page{tmpl.name, design.geometry, {}};
    page.folds = fold_lines(design, n, ctx.mirror);
    ctx.page = &page;
    ctx.page_number = n;
    ctx.builtins["page"] = core::Value::scalar(std::to_string(n + 1));
    ctx.builtins["pages"] = core::Value::scalar(std::to_string(plan.pages.size()));
    if (tmpl.background)
      page.items.push_back(
          Fill{design.geometry.bleed_rect(), *tmpl.background, Pt{0}, false, true});
    VaryingItems varying(overrides);
    ctx.varying = layered ? &varying : nullptr;
    // A page added only to make up a booklet's sheet stays blank, no running head or folio on
    // it, as in any printed book.
    const bool padding = is_padding(tmpl, n, plan);
    std::vector<PlacedFrame> placed;
    for (const auto& frame : tmpl.frames) {
      if (padding) break;
      const size_t first_item = page.items.size();
      if (frame.area && !is_absent(frame, ctx)) place(frame, placed_area(frame, ctx), ctx);
      warn_fold_crossings(frame, page, first_item, n, found);
      const PlacedFrame drawn{&frame, first_item, page.items.size()};
      check_overlaps(drawn, placed, page, n, found);
      placed.push_back(drawn);
      text::release_font_pages();
    }
    if (layered) page.varying = varying.finish(page);
    out.pages.push_back(std::move(page));
  }
  ctx.page = nullptr;
  ctx.varying = nullptr;
  out.metadata = metadata_for(ctx);
  // A repeated page meets the same problem on every copy: report it once.
  std::set<std::string> seen;
  for (const auto& d : found.all())
    if (seen.insert(d.to_string()).second) diags.add(d);
  return out;
}

}  // namespace broadside::compose
