// content_checks.cpp — every painted object judged against the print-shop limits; objects wholly
// outside the trim (printer's marks, slug notes) are not part of the printed piece and are left
// out, except that overprinted white anywhere in the bleed still prints wrong.
#include "preflight/content_checks.hpp"

#include <fmt/format.h>

#include <cmath>
#include <functional>
#include <map>

#include "preflight/registration_rule.hpp"

namespace broadside::preflight {

namespace {

using prepress::MarkKind;
using prepress::PaintedMark;
using prepress::PdfBox;
using prepress::PdfPage;

/// Findings of one kind listed per page before "and N more".
constexpr size_t kShownPerPage = 5;

double tenths(double v) {
  return std::round(v * 10) / 10;
}

/// `v` to a tenth, or to a hundredth where a tenth would round it up to the `limit` it is below
/// ("5.96pt is below the 6pt minimum", not "6pt").
double below(double v, double limit) {
  return tenths(v) < limit ? tenths(v) : std::floor(v * 100) / 100;
}

const PdfBox& trim_of(const PdfPage& page) {
  return page.trim ? *page.trim : page.media;
}

std::string quoted(const std::string& text) {
  // Long runs are cut at a character boundary.
  std::string t = text;
  if (t.size() > 60) {
    size_t cut = 57;
    while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
    t = t.substr(0, cut) + "…";
  }
  return "\u201C" + t + "\u201D";
}

std::string text_object(const std::string& text, const std::string& font) {
  std::string out = "text";
  if (!text.empty()) out += " " + quoted(text);
  if (!font.empty()) out += " in " + font;
  return out;
}

/// Painted objects of one finding: runs of text in one line and size are one finding, not one
/// per Tj operator.
struct Group {
  int page = 0;
  PdfBox bounds;
  std::string text, font;
  double value = 0;
  std::string color;
  MarkKind kind = MarkKind::text;
  double baseline = 0;
};

/// Groups `marks` that `key` gives the same key to, in order of first appearance.
template <typename Key>
std::vector<Group> group(const std::vector<const PaintedMark*>& marks, Key key,
                         double (*value)(const PaintedMark&)) {
  std::vector<Group> out;
  std::map<decltype(key(*marks.front())), size_t> index;
  for (const auto* m : marks) {
    const auto k = key(*m);
    auto it = index.find(k);
    if (it == index.end()) {
      index.emplace(k, out.size());
      out.push_back({m->page, m->bounds, m->text, m->font, value(*m), m->color.describe(), m->kind,
                     m->baseline});
      continue;
    }
    Group& g = out[it->second];
    g.bounds = g.bounds.united(m->bounds);
    if (g.text.size() < 80) g.text += m->text;
    g.value = std::min(g.value, value(*m));
  }
  return out;
}

/// Adds findings for `groups`, at most kShownPerPage a page, then one "and N more".
void add_groups(const std::vector<Group>& groups, const prepress::PdfInspection& pdf,
                Report& report, const std::function<Finding(const Group&)>& make) {
  std::map<int, size_t> shown;
  std::map<int, size_t> more;
  Check check = Check::boxes;
  for (const auto& g : groups) {
    Finding f = make(g);
    check = f.check;
    if (shown[g.page]++ < kShownPerPage) {
      f.rect = in_trim(pdf.pages[static_cast<size_t>(g.page - 1)], g.bounds);
      report.add(std::move(f));
    } else {
      ++more[g.page];
    }
  }
  for (const auto& [page, n] : more)
    report.add({core::Severity::error, check, page, "", fmt::format("and {} more like these", n),
                std::nullopt});
}

double size_of(const PaintedMark& m) {
  return m.size;
}

/// Text lines: same page, font, size and baseline (rounded to 0.1 pt).
auto line_key(const PaintedMark& m) {
  return std::make_tuple(m.page, m.font, std::lround(m.size * 10), std::lround(m.baseline * 10));
}

void check_text_size(const std::vector<const PaintedMark*>& text,
                     const prepress::PdfInspection& pdf, Report& report) {
  const double min = report.limits().min_text.value;
  std::vector<const PaintedMark*> small;
  for (const auto* m : text)
    if (m->size < min - 0.005) small.push_back(m);
  if (!small.empty())
    add_groups(group(small, line_key, size_of), pdf, report, [&](const Group& g) {
      Finding f{core::Severity::error,
                Check::text_size,
                g.page,
                text_object(g.text, g.font),
                fmt::format("{:g}pt is below the {:g}pt minimum", below(g.value, min), min),
                std::nullopt};
      f.value = g.value;
      f.limit = min;
      f.unit = "pt";
      return f;
    });
  report.ran(
      Check::text_size,
      fmt::format("{} text objects, sizes from Tf × text matrix × CTM × a rewritten font's em",
                  text.size()));
}

void check_rules(const std::vector<const PaintedMark*>& strokes, const prepress::PdfInspection& pdf,
                 Report& report) {
  const double min = report.limits().min_rule.value;
  std::vector<const PaintedMark*> thin;
  for (const auto* m : strokes)
    if (m->size < min - 0.005) thin.push_back(m);
  auto each = [](const PaintedMark& m) {
    return std::make_tuple(m.page, std::lround(m.bounds.x0), std::lround(m.bounds.y0),
                           std::lround(m.bounds.x1), std::lround(m.bounds.y1));
  };
  if (!thin.empty())
    add_groups(group(thin, each, size_of), pdf, report, [&](const Group& g) {
      Finding f{core::Severity::error,
                Check::rules,
                g.page,
                "line in " + g.color,
                g.value <= 0 ? fmt::format("a 0pt line (the thinnest the device can draw, "
                                           "invisible on a platesetter) is below {:g}pt",
                                           min)
                             : fmt::format("{:g}pt is thinner than {:g}pt",
                                           std::round(g.value * 100) / 100, min),
                std::nullopt};
      f.value = g.value;
      f.limit = min;
      f.unit = "pt";
      return f;
    });
  report.ran(Check::rules, fmt::format("{} stroked paths, widths after the CTM", strokes.size()));
}

void check_safe_zone(const std::vector<const PaintedMark*>& text,
                     const prepress::PdfInspection& pdf, Report& report) {
  const double safe = report.limits().safe_zone.value;
  std::vector<const PaintedMark*> near;
  std::map<const PaintedMark*, double> distance;
  for (const auto* m : text) {
    const PdfBox& t = trim_of(pdf.pages[static_cast<size_t>(m->page - 1)]);
    const double d = std::min(
        {m->bounds.x0 - t.x0, t.x1 - m->bounds.x1, m->bounds.y0 - t.y0, t.y1 - m->bounds.y1});
    if (d < safe - 0.01) {
      near.push_back(m);
      distance[m] = d;
    }
  }
  std::map<std::tuple<int, std::string, long, long>, double> closest;
  for (const auto* m : near) {
    auto& c = closest.try_emplace(line_key(*m), distance[m]).first->second;
    c = std::min(c, distance[m]);
  }
  if (!near.empty())
    add_groups(group(near, line_key, size_of), pdf, report, [&](const Group& g) {
      double d = 1e9;
      for (const auto& [k, v] : closest)
        if (std::get<0>(k) == g.page && std::get<1>(k) == g.font &&
            std::get<3>(k) == std::lround(g.baseline * 10))
          d = std::min(d, v);
      const double d_mm = core::to_mm(Pt{std::max(-1e3, std::min(d, 1e3))});
      Finding f{core::Severity::error,
                Check::safe_zone,
                g.page,
                text_object(g.text, g.font),
                d < 0 ? "crosses the trim: the knife cuts it"
                      : fmt::format("{:.1f}mm from the trim, inside the {:.1f}mm safe zone: the "
                                    "knife may cut it",
                                    d_mm, core::to_mm(Pt{safe})),
                std::nullopt};
      f.value = d_mm;
      f.limit = core::to_mm(Pt{safe});
      f.unit = "mm";
      return f;
    });
  report.ran(Check::safe_zone, "text positions from the content streams against the TrimBox");
}

void check_overprint(const std::vector<const PaintedMark*>& marks,
                     const prepress::PdfInspection& pdf, Report& report) {
  std::vector<const PaintedMark*> white, colored;
  for (const auto* m : marks) {
    if (!m->overprint || m->kind == MarkKind::image) continue;
    if (m->color.is_white())
      white.push_back(m);
    else if (!m->color.is_solid_black() && !m->color.is_spot() && !m->color.is_registration())
      colored.push_back(m);
  }
  auto by_color = [](const PaintedMark& m) {
    return std::make_tuple(m.page, static_cast<int>(m.kind), m.color.describe());
  };
  auto kind_word = [](MarkKind k) {
    return k == MarkKind::text ? "text" : k == MarkKind::stroke ? "line" : "shape";
  };
  if (!white.empty())
    add_groups(group(white, by_color, size_of), pdf, report, [&](const Group& g) {
      return Finding{
          core::Severity::error,
          Check::overprint,
          g.page,
          g.kind == MarkKind::text ? text_object(g.text, g.font) : kind_word(g.kind),
          "white (" + g.color + ") set to overprint: on press it vanishes into what is under it",
          std::nullopt};
    });
  if (!colored.empty())
    add_groups(group(colored, by_color, size_of), pdf, report, [&](const Group& g) {
      return Finding{core::Severity::warning,
                     Check::overprint,
                     g.page,
                     g.kind == MarkKind::text ? text_object(g.text, g.font) : kind_word(g.kind),
                     g.color +
                         " set to overprint: its inks mix with what is under it instead of "
                         "knocking it out (only 100 K and spot colours usually overprint)",
                     std::nullopt};
    });
  report.ran(Check::overprint, "from the ExtGState OP/op of every painted object");
}

void check_registration(const std::vector<const PaintedMark*>& marks,
                        const prepress::PdfInspection& pdf, Report& report) {
  std::vector<const PaintedMark*> reg, rich;
  for (const auto* m : marks) {
    if (m->kind == MarkKind::image) continue;
    if (m->color.is_registration()) {
      reg.push_back(m);
      continue;
    }
    const auto p = m->color.process();
    if (m->kind == MarkKind::text && p &&
        is_small_rich_black((*p)[0], (*p)[1], (*p)[2], (*p)[3], m->size))
      rich.push_back(m);
  }
  auto by_kind = [](const PaintedMark& m) {
    return std::make_tuple(m.page, static_cast<int>(m.kind), m.color.describe(),
                           m.kind == MarkKind::text ? std::lround(m.baseline) : 0L);
  };
  if (!reg.empty())
    add_groups(group(reg, by_kind, size_of), pdf, report, [&](const Group& g) {
      Finding f{core::Severity::error,
                Check::registration,
                g.page,
                g.kind == MarkKind::text     ? text_object(g.text, g.font)
                : g.kind == MarkKind::stroke ? "line"
                                             : "shape",
                registration_message(g.color),
                std::nullopt};
      f.value = 400;
      f.limit = report.limits().ink;
      f.unit = "%";
      return f;
    });
  if (!rich.empty())
    add_groups(group(rich, line_key, size_of), pdf, report, [&](const Group& g) {
      Finding f{core::Severity::warning,
                Check::registration,
                g.page,
                text_object(g.text, g.font),
                rich_black_message(tenths(g.value), g.color),
                std::nullopt};
      f.value = g.value;
      f.limit = kRichBlackMaxText;
      f.unit = "pt";
      return f;
    });
  report.ran(Check::registration);
}

}  // namespace

core::Rect in_trim(const PdfPage& page, const PdfBox& b) {
  const PdfBox trim = trim_of(page);
  return core::Rect{Pt{b.x0 - trim.x0}, Pt{trim.y1 - b.y1}, Pt{b.width()}, Pt{b.height()}};
}

void check_content(const prepress::PdfInspection& pdf, Report& report) {
  // What is printed: objects reaching into the trim.
  std::vector<const PaintedMark*> printed, text, strokes, in_bleed;
  for (const auto& m : pdf.content.marks) {
    if (m.page < 1 || static_cast<size_t>(m.page) > pdf.pages.size()) continue;
    const PdfPage& page = pdf.pages[static_cast<size_t>(m.page - 1)];
    const PdfBox bleed = page.bleed ? *page.bleed : trim_of(page);
    if (m.bounds.overlaps(bleed, 0)) in_bleed.push_back(&m);
    // Touching counts: a 0 w line has no area, and is still drawn.
    if (!m.bounds.overlaps(trim_of(page), -0.001)) continue;
    printed.push_back(&m);
    if (m.kind == MarkKind::text) text.push_back(&m);
    if (m.kind == MarkKind::stroke) strokes.push_back(&m);
  }
  check_overprint(in_bleed, pdf, report);
  check_registration(printed, pdf, report);
  check_text_size(text, pdf, report);
  check_rules(strokes, pdf, report);
  check_safe_zone(text, pdf, report);
}

}  // namespace broadside::preflight
