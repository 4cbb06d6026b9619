// lines.cpp — line boxes, emitting lines and links, coverage diagnostics.
#include "compose/lines.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include <glib.h>

#include "core/utf8.hpp"
#include "text/scripts.hpp"

namespace broadside::compose {

LineBox line_box(text::Paragraph& paragraph, const design::Style& style) {
  return text::block_metrics(paragraph, style.leading);
}

void emit_lines(text::Paragraph& paragraph, int first, int count, Point top_left,
                const LineBox& box, const Color& color, int number, Page& page) {
  for (int i = 0; i < count; ++i) {
    const int index = first + i;
    const auto info = paragraph.line(index);
    const Point origin{top_left.x + info.x_offset, top_left.y + box.pitch * i + box.baseline};
    page.items.push_back(TextLine{origin, paragraph.glyph_line(index), color, number});
  }
  for (const auto& link : paragraph.links()) {
    if (link.line < first || link.line >= first + count) continue;
    const Pt baseline = top_left.y + box.pitch * (link.line - first) + box.baseline;
    page.items.push_back(Link{Rect{top_left.x + link.x0, baseline - box.ascent, link.x1 - link.x0,
                                   box.ascent + box.descent},
                              link.uri});
  }
}

std::string left_out(size_t words, int lines, const std::string& first_line) {
  std::string quoted = first_line;
  // The line as a reader sees it: no soft hyphen, joiner or trailing break.
  for (const char* invisible : {"\u2060", "\u200B", "\u00AD", "\u2028", "\n"})
    for (size_t at; (at = quoted.find(invisible)) != std::string::npos;)
      quoted.erase(at, std::string(invisible).size());
  while (!quoted.empty() && quoted.back() == ' ') quoted.pop_back();
  if (g_utf8_strlen(quoted.c_str(), -1) > 40)
    quoted = quoted.substr(0, static_cast<size_t>(g_utf8_offset_to_pointer(quoted.c_str(), 40) -
                                                  quoted.c_str())) +
             "\u2026";
  std::string out = std::to_string(words) + (words == 1 ? " word (" : " words (") +
                    std::to_string(lines) + (lines == 1 ? " line)" : " lines)") +
                    (words == 1 ? " does not fit" : " do not fit");
  if (!quoted.empty()) out += ", from \u201C" + quoted + "\u201D";
  return out;
}

std::string describe_codepoint(char32_t c) {
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
  // A control character is named, not printed: it would act on the terminal.
  if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return code;
  return std::string(code) + " '" + core::utf8(c) + "'";
}

void report_coverage(text::Paragraph& paragraph, const design::Style& style,
                     const design::Frame& frame, Context& ctx) {
  report_coverage(std::vector<text::Paragraph*>{&paragraph}, style, frame, ctx);
}

void report_coverage(const std::vector<text::Paragraph*>& paragraphs, const design::Style& style,
                     const design::Frame& frame, Context& ctx) {
  using Kind = text::CoverageProblem::Kind;
  // One line per frame, kind and fallback font, however many characters: an Arabic statement
  // in a Latin style would otherwise print hundreds.
  constexpr size_t kListed = 6;
  std::string tried;
  for (const auto& f : style.face.families) tried += (tried.empty() ? "" : ", ") + f;
  std::map<std::pair<Kind, std::string>, std::vector<char32_t>> by_source;
  std::set<std::pair<Kind, char32_t>> seen;
  for (text::Paragraph* paragraph : paragraphs)
    for (const auto& problem : paragraph->coverage_problems())
      if (seen.insert({problem.kind, problem.codepoint}).second)
        by_source[{problem.kind, problem.substitute_family}].push_back(problem.codepoint);
  const size_t before = ctx.diags.size();
  for (const auto& [source, codepoints] : by_source) {
    const auto& [kind, family] = source;
    std::string what;
    for (size_t i = 0; i < std::min(kListed, codepoints.size()); ++i)
      what += (i ? ", " : "") + describe_codepoint(codepoints[i]);
    if (codepoints.size() > kListed)
      what += " and " + std::to_string(codepoints.size() - kListed) + " more";
    const std::string count =
        std::to_string(codepoints.size()) + (codepoints.size() == 1 ? " character" : " characters");
    switch (kind) {
      case Kind::control:
        ctx.error(frame, "the text has control characters, which cannot be drawn: " + what,
                  "remove them from the statement or the value that fills the frame");
        break;
      case Kind::unassigned:
        ctx.error(
            frame,
            "the text has code points Unicode does not assign, which no font can draw: " + what,
            "is the text in a broken encoding? remove or retype them");
        break;
      case Kind::private_use:
        ctx.warn(frame,
                 "the text has private-use characters, which mean only what a font's maker put "
                 "there: " +
                     what + " is drawn as whatever glyph the font has for it",
                 "is it meant? replace it with the character it stands for");
        break;
      case Kind::missing: {
        // Every face the style's class gives such a character, its symbol faces too.
        std::string all;
        for (const auto& f :
             text::families_for_text(style.face, core::utf8(codepoints.front()), ctx.document.lang))
          all += (all.empty() ? "" : ", ") + f;
        ctx.error(frame, "no font has " + what + " (style '" + style.name + "' tried " + all + ")",
                  "add a font that covers it to the style's font list, or remove the character");
        break;
      }
      case Kind::substitute:
        ctx.error(frame,
                  count + " not in the fonts of style '" + style.name + "' (" + tried +
                      "): " + what + "; they would silently come from '" + family + "'",
                  "add '" + family +
                      "' or another font that has them to the style's font list, or name a "
                      "face for their script in the style's font class (`fonts:`)");
        break;
    }
  }
  for (size_t i = before; i < ctx.diags.size(); ++i)
    ctx.out.character_problems.push_back(ctx.diags.all()[i]);
}

Pt block_shift(core::Align align, Pt frame_width, Pt break_width, bool rtl) {
  const Pt spare = frame_width - break_width;
  if (spare <= Pt{0}) return Pt{0};
  switch (align) {
    case core::Align::center:
      return spare / 2;
    case core::Align::right:
      return spare;
    case core::Align::left:
      return Pt{0};
    case core::Align::end:
      return rtl ? Pt{0} : spare;
    default:
      return rtl ? spare : Pt{0};  // start, justify
  }
}

}  // namespace broadside::compose
