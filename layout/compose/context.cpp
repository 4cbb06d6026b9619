// context.cpp — variable lookup and expansion, style conversion, frame diagnostics.
#include "compose/context.hpp"

#include <cmath>
#include <cstdio>

#include "compose/labels.hpp"
#include "core/suggest.hpp"

namespace broadside::compose {

const core::Value* Context::lookup(const std::string& name) const {
  for (const core::Variables* source : {&builtins, &overrides, &document.variables}) {
    if (auto it = source->find(name); it != source->end()) return &it->second;
  }
  // Labels in the statement's language come before the design's defaults, which would
  // otherwise put an English word on every translation.
  if (const core::Value* label = language_label(name, document.lang)) return label;
  if (auto it = design.defaults.find(name); it != design.defaults.end()) return &it->second;
  return nullptr;
}

std::string Context::unset_hint(const std::string& name, bool allow_set) const {
  std::vector<std::string> known;
  for (const core::Variables* source :
       {&builtins, &overrides, &document.variables, &design.defaults})
    for (const auto& entry : *source) known.push_back(entry.first);
  // A misspelt name is the likelier mistake than a missing value: say so first. A variable
  // the design declares in `variables:` is spelt as meant and only lacks its value.
  const std::string near =
      design.variables.count(name) ? std::string{} : core::did_you_mean(name, known);
  const std::string give = allow_set ? "give it in the statement's front matter, with --set " +
                                           name + "=..., or in the design's defaults"
                                     : "give it in the statement's front matter or in the "
                                       "design's defaults";
  return near.empty() ? give : near + " Or " + give;
}

void Context::error(const design::Frame& frame, const std::string& message,
                    const std::string& hint) {
  diags.error(frame.where, "frame '" + frame.id + "': " + message, hint);
}

std::string size_text(Pt size) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%gpt", std::round(size.value * 100) / 100);
  return buf;
}

void Context::warn(const design::Frame& frame, const std::string& message,
                   const std::string& hint) {
  diags.add({core::Severity::warning, frame.where, "frame '" + frame.id + "': " + message, hint});
}

void Context::note(const design::Frame& frame, const std::string& message,
                   const std::string& hint) {
  diags.add({core::Severity::note, frame.where, "frame '" + frame.id + "': " + message, hint});
}

namespace {

/// Whether the statement, the command line or a data row gives `name` (a design's declared
/// default that the run filled in is not given).
bool is_given(const std::string& name, const Context& ctx) {
  if (ctx.document.variables.count(name)) return true;
  const auto given = ctx.overrides.find(name);
  return given != ctx.overrides.end() && !given->second.is_design_default;
}

}  // namespace

std::optional<core::RichText> expand(const design::Template& tmpl, const design::Frame& frame,
                                     Context& ctx) {
  core::RichText out;
  bool ok = true;
  for (const auto& piece : tmpl.pieces) {
    if (!piece.is_variable) {
      out.append(piece.text);
      continue;
    }
    const core::Value* value = ctx.lookup(piece.text);
    if (!value) {
      ctx.diags.error(tmpl.where.is_known() ? tmpl.where : frame.where,
                      "frame '" + frame.id + "': variable '" + piece.text + "' is not set",
                      ctx.unset_hint(piece.text));
      ok = false;
      continue;
    }
    // A label with no text in the statement's language prints another language's word: not
    // an error, but the run says so, once.
    const std::string& name = piece.text;
    if (!is_given(name, ctx) && lacks_label_in(name, ctx.document.lang) &&
        ctx.untranslated.insert(name).second)
      ctx.note(frame,
               "'" + name + "' has no built-in text in '" + ctx.document.lang + "': '" +
                   value->text() + "' is set",
               "give it in the statement's front matter, or with --set " + name + "=...");
    // Values are plain text: inserted as they are, never read as markup or expanded again.
    out.append(value->text());
  }
  if (!ok) return std::nullopt;
  return out;
}

namespace {

bool has_value(const std::string& name, const Context& ctx) {
  const core::Value* v = ctx.lookup(name);
  if (!v) return false;
  for (const auto& item : v->items)
    if (item.find_first_not_of(" \t\n") != std::string::npos) return true;
  return false;
}

}  // namespace

bool is_absent(const design::Frame& frame, const Context& ctx) {
  for (const auto& name : frame.when_set)
    if (!has_value(name, ctx)) return true;
  for (const auto& name : frame.when_unset)
    if (has_value(name, ctx)) return true;
  // Lists are optional by nature: a statement need not have demands.
  if (const auto* list = std::get_if<design::ListFrame>(&frame.content)) {
    const std::string name = list->items.sole_variable();
    return !name.empty() && !has_value(name, ctx);
  }
  return false;
}

Rect placed_area(const design::Frame& frame, const Context& ctx) {
  return placed_area(frame, ctx, ctx.page_number);
}

Rect placed_area(const design::Frame& frame, const Context& ctx, size_t page) {
  Rect r = *frame.area;
  // A left-hand page of a bound document mirrors its right-hand page; a right-to-left
  // booklet is bound on the right, so both mirrors cancel there.
  const bool left_hand = ctx.design.facing_pages && page % 2 == 1;
  if (ctx.mirror != left_hand) r.x = ctx.design.geometry.trim.width - r.x - r.width;
  return r;
}

text::ParagraphStyle paragraph_style(const design::Style& style, const std::string& lang) {
  text::ParagraphStyle p;
  p.face = style.face;
  p.size = style.size.max;
  p.tracking = style.tracking;
  p.features = style.features;
  p.lang = lang;
  p.align = style.align;
  p.hyphenate = style.hyphenate;
  p.text_case = style.text_case;
  p.indent = style.indent;
  return p;
}

}  // namespace broadside::compose
