// draw.cpp — one function per item kind; the composition has decided everything already.
#include "render/draw.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "render/image_source.hpp"
#include "text/pango_typesetter.hpp"

namespace broadside::render {

namespace {

using compose::Rect;

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

void set_color(cairo_t* cr, const core::Color& c) {
  cairo_set_source_rgba(cr, c.rgb.r, c.rgb.g, c.rgb.b, c.alpha);
}

void rounded_rect(cairo_t* cr, const Rect& r, double radius) {
  const double x = r.x.value, y = r.y.value, w = r.width.value, h = r.height.value;
  radius = std::min({radius, w / 2, h / 2});
  if (radius <= 0) {
    cairo_rectangle(cr, x, y, w, h);
    return;
  }
  cairo_new_sub_path(cr);
  cairo_arc(cr, x + w - radius, y + radius, radius, -M_PI / 2, 0);
  cairo_arc(cr, x + w - radius, y + h - radius, radius, 0, M_PI / 2);
  cairo_arc(cr, x + radius, y + h - radius, radius, M_PI / 2, M_PI);
  cairo_arc(cr, x + radius, y + radius, radius, M_PI, 3 * M_PI / 2);
  cairo_close_path(cr);
}

void draw_fill(cairo_t* cr, const compose::Fill& f) {
  set_color(cr, f.color);
  if (f.is_ellipse) {
    cairo_save(cr);
    cairo_translate(cr, (f.rect.x + f.rect.width / 2).value, (f.rect.y + f.rect.height / 2).value);
    cairo_scale(cr, f.rect.width.value / 2, f.rect.height.value / 2);
    cairo_arc(cr, 0, 0, 1, 0, 2 * M_PI);
    cairo_restore(cr);
  } else {
    rounded_rect(cr, f.rect, f.radius.value);
  }
  cairo_fill(cr);
}

void draw_outline(cairo_t* cr, const compose::Outline& o) {
  set_color(cr, o.color);
  cairo_set_line_width(cr, o.width.value);
  // Stroked inside the rectangle, so the frame's outer edge is where the design put it.
  rounded_rect(cr, o.rect.outset(-o.width / 2), std::max(0.0, (o.radius - o.width / 2).value));
  cairo_stroke(cr);
}

void draw_line(cairo_t* cr, const compose::Line& l) {
  set_color(cr, l.color);
  cairo_set_line_width(cr, l.thickness.value);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  cairo_move_to(cr, l.from.x.value, l.from.y.value);
  cairo_line_to(cr, l.to.x.value, l.to.y.value);
  cairo_stroke(cr);
}

void draw_text(cairo_t* cr, const compose::TextLine& t) {
  PangoLayoutLine* line = text::pango_line(*t.paragraph, t.line);
  if (!line) return;
  set_color(cr, t.color);
  cairo_move_to(cr, t.origin.x.value, t.origin.y.value);
  pango_cairo_show_layout_line(cr, line);
}

void draw_qr(cairo_t* cr, const compose::QrCode& q, Target target) {
  const int n = q.modules;
  const double module = q.rect.width.value / (n + 2 * compose::QrCode::kQuietZone);
  const double x0 = q.rect.x.value + module * compose::QrCode::kQuietZone;
  const double y0 = q.rect.y.value + module * compose::QrCode::kQuietZone;
  set_color(cr, q.color);
  // One path of horizontal runs: no hairline seams between modules in any viewer.
  for (int y = 0; y < n; ++y) {
    for (int x = 0; x < n;) {
      if (!q.dark[static_cast<size_t>(y * n + x)]) {
        ++x;
        continue;
      }
      int end = x;
      while (end < n && q.dark[static_cast<size_t>(y * n + end)]) ++end;
      cairo_rectangle(cr, x0 + x * module, y0 + y * module, (end - x) * module, module);
      x = end;
    }
  }
  cairo_save(cr);
  if (target == Target::raster) cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
  cairo_fill(cr);
  cairo_restore(cr);
}

void draw_image(cairo_t* cr, const compose::Image& image, const core::Limits& limits) {
  std::shared_ptr<const ImageSource> source;
  try {
    // Checked before rendering (check_images); failing here still stops the job: an image is
    // never silently left out.
    source = load_image(image.file, limits);
  } catch (const core::Failure& f) {
    const core::Diagnostic& d = f.diagnostics().all().front();
    throw core::Failure(image.where,
                        "image '" + image.file.filename().string() + "' in frame '" + image.frame +
                            "': " + d.message,
                        d.hint);
  }
  const double w = source->width(), h = source->height();
  const Rect& r = image.rect;
  double sx = r.width.value / w, sy = r.height.value / h;
  if (image.fit == compose::ImageFit::contain) sx = sy = std::min(sx, sy);
  if (image.fit == compose::ImageFit::cover) sx = sy = std::max(sx, sy);
  cairo_save(cr);
  cairo_rectangle(cr, r.x.value, r.y.value, r.width.value, r.height.value);
  cairo_clip(cr);
  // The focus point of the image sits at the same point of the frame: centred by default; for
  // cover, the part cut off is shared out so that the focus stays in view.
  cairo_translate(cr, r.x.value + image.focus[0] * (r.width.value - w * sx),
                  r.y.value + image.focus[1] * (r.height.value - h * sy));
  cairo_scale(cr, sx, sy);
  source->draw(cr);
  cairo_restore(cr);
}

std::string quoted(const std::string& uri) {
  std::string out;
  for (char c : uri) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

void draw_link(cairo_t* cr, const compose::Link& link, double offset) {
  std::ostringstream attrs;
  attrs.imbue(std::locale::classic());
  // Link rectangles are given in device space, which for a PDF is the media in points.
  attrs << "rect=[" << link.rect.x.value + offset << ' ' << link.rect.y.value + offset << ' '
        << link.rect.width.value << ' ' << link.rect.height.value << "] uri='" << quoted(link.uri)
        << "'";
  cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs.str().c_str());
  cairo_tag_end(cr, CAIRO_TAG_LINK);
}

}  // namespace

void draw_page(cairo_t* cr, const compose::Page& page, Target target,
               const core::Options& options) {
  const double offset = page.geometry.media_offset().value;
  cairo_save(cr);
  cairo_translate(cr, offset, offset);
  for (const auto& item : page.items) {
    std::visit(Overloaded{
                   [&](const compose::Fill& f) { draw_fill(cr, f); },
                   [&](const compose::Outline& o) { draw_outline(cr, o); },
                   [&](const compose::Line& l) { draw_line(cr, l); },
                   [&](const compose::TextLine& t) { draw_text(cr, t); },
                   [&](const compose::QrCode& q) { draw_qr(cr, q, target); },
                   [&](const compose::Image& i) { draw_image(cr, i, options.limits); },
                   [&](const compose::Link&) {},
               },
               item);
  }
  cairo_restore(cr);
  if (target == Target::vector) {
    for (const auto& item : page.items)
      if (const auto* link = std::get_if<compose::Link>(&item)) draw_link(cr, *link, offset);
  }
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace broadside::render
