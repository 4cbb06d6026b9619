// composition_checks.cpp — one pass over each page's items in drawing order, keeping the fills
// drawn so far so that every text line knows the ground it sits on.
#include "preflight/composition_checks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "compose/folds.hpp"
#include "preflight/registration_rule.hpp"

namespace broadside::preflight {

namespace {

using compose::Item;
using core::Color;
using core::Rect;

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

// WCAG 2 relative luminance and contrast ratio: 1 for the same colour, 21 for black on white.
double relative_luminance(const Color& c) {
  auto linear = [](double v) {
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * linear(c.rgb.r) + 0.7152 * linear(c.rgb.g) + 0.0722 * linear(c.rgb.b);
}

double contrast(const Color& a, const Color& b) {
  const double la = relative_luminance(a), lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::string hex(const Color& c) {
  auto byte = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  return fmt::format("#{:02X}{:02X}{:02X}", byte(c.rgb.r), byte(c.rgb.g), byte(c.rgb.b));
}

// Below this, text cannot be read at all (WCAG asks 4.5 for body text; this is the floor under
// which a headline in the page's own colour, or nearly, is simply not there).
constexpr double kMinTextContrast = 1.5;
// Phone cameras need clearly darker modules on a lighter ground to read a QR code.
constexpr double kMinQrContrast = 3.0;

Pt apart(Pt a, Pt b) {
  return a < b ? b - a : a - b;
}

std::string mm(Pt p) {
  return fmt::format("{:.1f}mm", core::to_mm(p));
}

std::string text_object(const compose::TextLine& t) {
  return "text \u201C" + compose::line_excerpt(t) + "\u201D";
}

/// What a finding is about, described only when there is a finding.
struct Subject {
  const compose::TextLine* line = nullptr;
  const char* name = "";
  /// Findings about one thing are made once: a paragraph for its lines, else the item.
  const void* identity = nullptr;
  std::string describe() const { return line ? text_object(*line) : name; }
};

/// The plates a colour prints on, in % each (a spot colour is a plate of its own).
struct Plates {
  double c = 0, m = 0, y = 0, k = 0, spot = 0;
  double total() const { return c + m + y + k + spot; }
  bool is_solid_black() const { return c == 0 && m == 0 && y == 0 && k >= 99.99 && spot == 0; }
};

std::string describe_ink(const Plates& p) {
  std::string s = fmt::format("C{:g} M{:g} Y{:g} K{:g}", p.c, p.m, p.y, p.k);
  if (p.spot > 0) s += fmt::format(" + spot {:g}", p.spot);
  return s;
}

/// Plates per colour, worked out once: a page has hundreds of lines in a handful of colours, and
/// a grey's K takes a search through the profile.
using PlateKey = std::tuple<double, double, double, double, double, double, double, std::string>;
using PlateCache = std::map<PlateKey, std::optional<Plates>>;

class PageChecker {
 public:
  PageChecker(const compose::Page& page, int number, const prepress::CmykConverter* converter,
              PlateCache& cache, Report& report)
      : page_(page),
        number_(number),
        converter_(converter),
        cache_(cache),
        report_(report),
        limits_(report.limits()) {}

  void run() {
    for (const Item& item : page_.items) {
      std::visit(Overloaded{
                     [&](const compose::Fill& f) { fill(f); },
                     [&](const compose::Outline& o) { stroke(o.rect, o.width, o.color, "border"); },
                     [&](const compose::Line& l) {
                       stroke(*compose::item_rect(item), l.thickness, l.color, "rule");
                     },
                     [&](const compose::TextLine& t) { text(t); },
                     [&](const compose::QrCode& q) { qr(q); },
                     [&](const compose::Image& i) { image(i); },
                     [&](const compose::Link&) {},
                 },
                 item);
    }
  }

 private:
  void add(core::Severity severity, Check check, std::string object, std::string message,
           std::optional<Rect> rect, core::SourceLocation where = {}) {
    Finding f{severity, check, number_, std::move(object), std::move(message), rect};
    f.where = std::move(where);
    report_.add(std::move(f));
  }

  std::optional<Plates> plates(const Color& c) const {
    const core::Cmyk cmyk = c.cmyk.value_or(core::Cmyk{-1, -1, -1, -1});
    auto [it, added] = cache_.try_emplace(
        PlateKey{c.rgb.r, c.rgb.g, c.rgb.b, cmyk.c, cmyk.m, cmyk.y, cmyk.k, c.spot});
    if (added) it->second = plates_uncached(c);
    return it->second;
  }

  std::optional<Plates> plates_uncached(const Color& c) const {
    std::optional<core::Cmyk> cmyk = c.cmyk;
    if (!cmyk && converter_) cmyk = converter_->convert(c.rgb);
    if (!cmyk) return std::nullopt;  // RGB output: the printer's conversion decides
    if (!c.spot.empty()) return Plates{0, 0, 0, 0, 100};
    return Plates{cmyk->c * 100, cmyk->m * 100, cmyk->y * 100, cmyk->k * 100, 0};
  }

  /// The last fill drawn under `r`'s centre: the ground a line of text sits on.
  const compose::Fill* ground(const Rect& r) const {
    const Pt x = r.x + r.width / 2, y = r.y + r.height / 2;
    for (auto it = fills_.rbegin(); it != fills_.rend(); ++it) {
      const Rect& f = (*it)->rect;
      if (x >= f.x && x <= f.right() && y >= f.y && y <= f.bottom()) return *it;
    }
    return nullptr;
  }

  /// Total ink of `color` drawn over `r`: black text and thin black rules overprint (CMYK
  /// output) and add their K to the ground's other plates.
  void ink(const Color& color, const Rect& r, bool overprints, const Subject& subject) {
    if (!converter_ && !color.cmyk) return;  // RGB output: the printer's conversion decides
    auto p = plates(color);
    if (!p) return;
    registration(color, *p, r, subject);
    Plates total = *p;
    if (overprints && converter_ && p->is_solid_black()) {
      const compose::Fill* under = ground(r);
      if (auto g = under ? plates(under->color) : std::nullopt) {
        total = *g;
        total.k = 100;
      }
    }
    const std::string key = describe_ink(total);
    if (total.total() <= limits_.ink + 0.05 || !inks_reported_.insert(key).second) return;
    add(core::Severity::error, Check::ink, subject.describe(),
        fmt::format("{} is {:g}% of ink, over the {:g}% limit", key, total.total(), limits_.ink),
        r);
  }

  /// The rule `broadside preflight` applies to the PDF (registration_rule.hpp), on the plates
  /// the CMYK PDF is written with: an RGB PDF has none, and its preflight judges none.
  void registration(const Color& color, const Plates& p, const Rect& r, const Subject& subject) {
    const Rect trim = page_.geometry.trim_rect();
    // Wholly outside the trim (printer's marks, slug notes): not part of the printed piece.
    if (!converter_ || r.right() <= trim.x || r.x >= trim.right() || r.bottom() <= trim.y ||
        r.y >= trim.bottom())
      return;
    // One finding per paragraph or item, as the PDF's check gives one per line of a colour.
    auto first = [&] {
      return !subject.identity || registration_reported_.insert(subject.identity).second;
    };
    auto pct = [](double v) { return std::lround(std::clamp(v, 0.0, 100.0)); };
    const std::string inks = fmt::format("C{} M{} Y{} K{}", pct(p.c), pct(p.m), pct(p.y), pct(p.k));
    const double c = p.c / 100, m = p.m / 100, y = p.y / 100, k = p.k / 100;
    if (color.spot == "All" || (p.spot == 0 && is_registration(c, m, y, k))) {
      if (!first()) return;
      add(core::Severity::error, Check::registration, subject.describe(),
          registration_message(color.spot == "All" ? "separation All 100%" : inks), r);
    } else if (subject.line && p.spot == 0 &&
               is_small_rich_black(c, m, y, k, subject.line->glyphs->size.value)) {
      if (!first()) return;
      add(core::Severity::warning, Check::registration, subject.describe(),
          rich_black_message(std::round(subject.line->glyphs->size.value * 10) / 10, inks), r);
    }
  }

  void fill(const compose::Fill& f) {
    fills_.push_back(&f);
    ink(f.color, f.rect, false, {nullptr, f.is_background ? "page background" : "box", &f});
  }

  void stroke(const Rect& r, Pt width, const Color& color, const char* what) {
    const Subject subject{nullptr, what, nullptr};
    if (width < limits_.min_rule - Pt{0.001})
      add(core::Severity::error, Check::rules, what,
          fmt::format("{:g}pt is thinner than {:g}pt: it may not print", width.value,
                      limits_.min_rule.value),
          r);
    ink(color, r, width.value <= 2.0, subject);
  }

  void text(const compose::TextLine& t) {
    if (!t.glyphs) return;
    const Rect r = compose::text_line_rect(t);
    // A paragraph is one thing to report: its first line on the page stands for it.
    const auto [first_line, first] = paragraphs_.try_emplace(t.paragraph, &t);
    const Subject subject{&t, "", first_line->second};
    if (first) {
      text_size(t, r);
      // The knife cuts ink, not the font's line box: a tall script's ascent (Arabic, at display
      // sizes) reaches far above letters that stand well inside the trim.
      const Rect ink_box = compose::ink_rect(t);
      safe_zone(ink_box.width > Pt{0} ? ink_box : r, subject);
      visible(t, r);
    }
    folds(r, subject, core::Severity::error);
    ink(t.color, r, true, subject);
  }

  /// The colour `r`'s centre sits on: the last fill under it, else the paper; nullopt when an
  /// image is drawn there (its pixels decide, which this does not judge).
  std::optional<Color> ground_color(const Rect& r) const {
    const Pt x = r.x + r.width / 2, y = r.y + r.height / 2;
    for (const Rect& i : images_)
      if (x >= i.x && x <= i.right() && y >= i.y && y <= i.bottom()) return std::nullopt;
    const compose::Fill* under = ground(r);
    return under ? under->color : Color::from_rgb(1, 1, 1);
  }

  void visible(const compose::TextLine& t, const Rect& r) {
    const auto under = ground_color(r);
    if (!under) return;
    const double ratio = contrast(t.color, *under);
    if (ratio < kMinTextContrast)
      add(core::Severity::error, Check::color, text_object(t),
          fmt::format("{} on {} is invisible (contrast {:.2f}:1; at least {:g}:1, and 4.5:1 for "
                      "reading)",
                      hex(t.color), hex(*under), ratio, kMinTextContrast),
          r, t.where);
  }

  void text_size(const compose::TextLine& t, const Rect& r) {
    const Pt size = t.glyphs->size;
    const compose::Fill* under = ground(r);
    const double ground_luminance = under ? core::lightness(under->color) : 1.0;
    const bool reversed = core::lightness(t.color) > ground_luminance;
    const Pt least = reversed ? limits_.min_reversed_text : limits_.min_text;
    if (size < least - Pt{0.001})
      add(core::Severity::error, Check::text_size, text_object(t),
          fmt::format("{:g}pt is below the {:g}pt minimum{}", size.value, least.value,
                      reversed ? " for light text on a darker ground" : ""),
          r);
  }

  void safe_zone(const Rect& r, const Subject& subject) {
    const Rect safe = page_.geometry.trim_rect().inset(core::Insets::uniform(limits_.safe_zone));
    if (safe.contains(r)) return;
    const Pt gap = core::min(
        core::min(r.x, r.y),
        core::min(page_.geometry.trim.width - r.right(), page_.geometry.trim.height - r.bottom()));
    // The words of `broadside preflight FILE.pdf` (content_checks.cpp), which reads the same.
    add(core::Severity::error, Check::safe_zone, subject.describe(),
        gap < Pt{0} ? std::string("crosses the trim: the knife cuts it")
                    : fmt::format("{} from the trim, inside the {} safe zone: the knife may cut it",
                                  mm(gap), mm(limits_.safe_zone)),
        r);
  }

  void folds(const Rect& r, const Subject& subject, core::Severity crossing) {
    for (const Pt x : page_.folds) {
      const bool crosses = r.x + Pt{0.01} < x && r.right() - Pt{0.01} > x;
      const Pt distance = crosses ? Pt{0} : core::min(apart(r.x, x), apart(r.right(), x));
      if (!crosses && distance >= limits_.safe_zone) continue;
      if (!folds_reported_.insert({subject.identity, x.value}).second) continue;
      if (crosses)
        add(crossing, Check::folds, subject.describe(),
            fmt::format("crosses the fold at {} from the left", mm(x)), r);
      else
        add(core::Severity::warning, Check::folds, subject.describe(),
            fmt::format("{} from the fold at {}: keep {} clear", mm(distance), mm(x),
                        mm(limits_.safe_zone)),
            r);
    }
  }

  void qr(const compose::QrCode& q) {
    const Subject subject{nullptr, "the QR code", &q};
    safe_zone(q.rect, subject);
    folds(q.rect, subject, core::Severity::error);
    ink(q.color, q.rect, false, subject);
    if (const auto under = ground_color(q.rect)) {
      const double ratio = contrast(q.color, *under);
      if (ratio < kMinQrContrast || relative_luminance(q.color) > relative_luminance(*under))
        add(core::Severity::error, Check::color, "the QR code",
            fmt::format("{} modules on {} will not scan (contrast {:.2f}:1; needs dark modules on "
                        "a light ground, at least {:g}:1)",
                        hex(q.color), hex(*under), ratio, kMinQrContrast),
            q.rect, q.where);
    }
  }

  void image(const compose::Image& i) {
    const std::string object = "image " + i.file.filename().string();
    // An image that runs into the bleed is a background, not a logo to keep clear of the knife.
    if (page_.geometry.trim_rect().contains(i.rect)) {
      const Subject subject{nullptr, object.c_str(), &i};
      safe_zone(i.rect, subject);
      folds(i.rect, subject, core::Severity::warning);
    }
    images_.push_back(i.rect);
    // Wholly outside the bleed (in the slug, off the sheet) nothing of it prints: as the PDF's
    // own check, its resolution is not judged.
    const Rect bleed = page_.geometry.bleed_rect();
    if (i.rect.right() <= bleed.x || i.rect.x >= bleed.right() || i.rect.bottom() <= bleed.y ||
        i.rect.y >= bleed.bottom())
      return;
    // Where composing placed it, from its decoded size (EXIF orientation applied).
    if (i.is_vector || !(i.pixel_width > 0 && i.pixel_height > 0)) return;
    const double ppi = 72.0 / std::max(i.scale_x, i.scale_y);
    if (ppi >= limits_.good_ppi - 0.5) return;
    add(ppi < limits_.min_ppi ? core::Severity::error : core::Severity::warning, Check::images,
        object,
        fmt::format("{:.0f}ppi at its printed size ({} pixels across {}); print needs {:g}ppi", ppi,
                    static_cast<int>(i.pixel_width), mm(i.rect.width), limits_.good_ppi),
        i.rect);
  }

  const compose::Page& page_;
  int number_;
  const prepress::CmykConverter* converter_;
  PlateCache& cache_;
  Report& report_;
  const Limits& limits_;
  std::vector<const compose::Fill*> fills_;
  std::vector<Rect> images_;
  std::map<int, const compose::TextLine*> paragraphs_;
  std::set<std::string> inks_reported_;
  std::set<const void*> registration_reported_;
  std::set<std::pair<const void*, double>> folds_reported_;
};

}  // namespace

void check_composition(const compose::Composition& composition,
                       const prepress::CmykConverter* converter, Report& report) {
  PlateCache cache;
  for (size_t i = 0; i < composition.pages.size(); ++i)
    PageChecker(composition.pages[i], static_cast<int>(i + 1), converter, cache, report).run();
  const bool any_folds = std::any_of(composition.pages.begin(), composition.pages.end(),
                                     [](const auto& p) { return !p.folds.empty(); });
  report.ran(Check::ink, converter ? "from the design's colours through the press profile, "
                                     "with black overprinting"
                                   : "RGB output: only the colours the design gives in CMYK");
  if (converter)
    report.ran(Check::registration, "from the design's colours as the CMYK PDF writes them");
  else
    report.skip(Check::registration, "RGB output: the PDF has no plates to register");
  report.ran(Check::text_size);
  report.ran(Check::rules);
  report.ran(Check::safe_zone);
  if (any_folds)
    report.ran(Check::folds);
  else
    report.skip(Check::folds, "a flat sheet: no folds");
  report.ran(Check::images, "from each image's decoded pixels at its placed size");
  report.ran(Check::glyphs, "when composing: a missing glyph is an error that stops the render");
  report.ran(Check::overflow, "when composing: text that does not fit is an error that stops it");
}

}  // namespace broadside::preflight
