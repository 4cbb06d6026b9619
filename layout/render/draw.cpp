// draw.cpp — one function per item kind; the composition has decided everything already.
#include "render/draw.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <vector>

#include "render/image_source.hpp"

namespace broadside::render {

namespace {

using compose::Rect;

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

/// The colours of one drawing: `rgb` maps a colour to the RGB drawn, when set.
struct Paint {
  cairo_t* cr;
  const ColorMap& rgb;
  const FontMap& fonts;

  void set(const core::Color& c) const {
    const core::Rgb v = rgb ? rgb(c) : c.rgb;
    cairo_set_source_rgba(cr, v.r, v.g, v.b, c.alpha);
  }
};

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

void draw_fill(cairo_t* cr, const Paint& paint, const compose::Fill& f) {
  paint.set(f.color);
  if (f.is_ellipse) {
    cairo_save(cr);
    cairo_translate(cr, (f.rect.x + f.rect.width / 2).value, (f.rect.y + f.rect.height / 2).value);
    cairo_scale(cr, f.rect.width.value / 2, f.rect.height.value / 2);
    // An arc joins the current point, which drawn text leaves behind: a line ran from the last
    // glyph to every disc marker.
    cairo_new_sub_path(cr);
    cairo_arc(cr, 0, 0, 1, 0, 2 * M_PI);
    cairo_restore(cr);
  } else {
    rounded_rect(cr, f.rect, f.radius.value);
  }
  cairo_fill(cr);
}

void draw_outline(cairo_t* cr, const Paint& paint, const compose::Outline& o) {
  paint.set(o.color);
  cairo_set_line_width(cr, o.width.value);
  // Stroked inside the rectangle, so the frame's outer edge is where the design put it.
  rounded_rect(cr, o.rect.outset(-o.width / 2), std::max(0.0, (o.radius - o.width / 2).value));
  cairo_stroke(cr);
}

void draw_line(cairo_t* cr, const Paint& paint, const compose::Line& l) {
  paint.set(l.color);
  cairo_set_line_width(cr, l.thickness.value);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  cairo_move_to(cr, l.from.x.value, l.from.y.value);
  cairo_line_to(cr, l.to.x.value, l.to.y.value);
  cairo_stroke(cr);
}

/// Whether every cluster of `run` shows glyphs: a cluster of text without glyphs (a line
/// separator) is written by cairo as text of its own where it stands inside a show, so only
/// runs without one are shown together.
bool is_plain(const text::GlyphRun& run) {
  return std::all_of(run.clusters.begin(), run.clusters.end(),
                     [](const text::TextCluster& c) { return c.glyphs > 0; });
}

/// Draws a line as pango_cairo_show_layout_line drew it (Pango 1.50's pangocairo-render.c), so
/// raster output is the same to the byte (PDF output the same to a reader, see below): the pen
/// starts at the current point as cairo keeps it (rounded to its fixed-point path precision), each
/// run is drawn inside cairo_save/restore with its own font, with its text and clusters where the
/// surface keeps text (PDF), and the current point is left at the line's origin.
void draw_text(cairo_t* cr, const Paint& paint, const compose::TextLine& t) {
  if (!t.glyphs) return;
  paint.set(t.color);
  cairo_move_to(cr, t.origin.x.value, t.origin.y.value);
  double x0 = 0, y0 = 0;
  cairo_get_current_point(cr, &x0, &y0);
  const bool keeps_text = cairo_surface_has_show_text_glyphs(cairo_get_target(cr));
  std::vector<cairo_glyph_t> glyphs;
  std::vector<cairo_text_cluster_t> clusters;
  std::string text;
  const auto& runs = t.glyphs->runs;
  for (size_t i = 0; i < runs.size();) {
    const text::GlyphRun& first = runs[i];
    cairo_scaled_font_t* font = paint.fonts ? paint.fonts(first.font) : first.font.scaled_font();
    if (!font) {
      ++i;
      continue;
    }
    // In a PDF, neighbouring runs in one font are shown together: Pango splits a justified line
    // into a run per word (each widened space is an attribute of its own), and every show is one
    // more rectangle in the region cairo's paginated surface unites its operations into (a
    // quarter of a data merge's instructions went to pixman's region unions). The glyphs, their
    // positions and the text are the same, so a PDF reader draws and extracts the same; only
    // how cairo groups the text operators differs. Raster output keeps Pango's run-by-run
    // drawing, whose compositing of overlapping glyphs the goldens hold to the pixel.
    glyphs.clear();
    clusters.clear();
    text.clear();
    size_t end = i;
    do {
      const text::GlyphRun& run = runs[end];
      const double base_x = x0 + run.origin.x.value, base_y = y0 + run.origin.y.value;
      for (const text::Glyph& g : run.glyphs)
        glyphs.push_back({g.id, base_x + g.x.value, g.y.value == 0 ? base_y : base_y + g.y.value});
      for (const text::TextCluster& c : run.clusters) clusters.push_back({c.bytes, c.glyphs});
      text += run.text;
      ++end;
    } while (keeps_text && end < runs.size() && !first.is_backward && !runs[end].is_backward &&
             is_plain(runs[end - 1]) && is_plain(runs[end]) &&
             (paint.fonts ? paint.fonts(runs[end].font) : runs[end].font.scaled_font()) == font);
    i = end;
    cairo_save(cr);
    cairo_set_scaled_font(cr, font);
    if (keeps_text) {
      cairo_show_text_glyphs(
          cr, text.data(), static_cast<int>(text.size()), glyphs.data(),
          static_cast<int>(glyphs.size()), clusters.data(), static_cast<int>(clusters.size()),
          first.is_backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : cairo_text_cluster_flags_t{});
    } else {
      cairo_show_glyphs(cr, glyphs.data(), static_cast<int>(glyphs.size()));
    }
    cairo_restore(cr);
  }
  cairo_move_to(cr, x0, y0);
}

void draw_qr(cairo_t* cr, const Paint& paint, const compose::QrCode& q, Target target) {
  const int n = q.modules;
  const double module = q.rect.width.value / (n + 2 * compose::QrCode::kQuietZone);
  const double x0 = q.rect.x.value + module * compose::QrCode::kQuietZone;
  const double y0 = q.rect.y.value + module * compose::QrCode::kQuietZone;
  paint.set(q.color);
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
    // Decoded when composing; failing here still stops the job: an image is never silently
    // left out.
    source = load_image(image.file, limits);
  } catch (const core::Failure& f) {
    const core::Diagnostic& d = f.diagnostics().all().front();
    throw core::Failure(image.where,
                        "image '" + image.file.filename().string() + "' in frame '" + image.frame +
                            "': " + d.message,
                        d.hint);
  }
  const Rect& r = image.rect;
  cairo_save(cr);
  cairo_rectangle(cr, r.x.value, r.y.value, r.width.value, r.height.value);
  cairo_clip(cr);
  cairo_translate(cr, image.origin.x.value, image.origin.y.value);
  cairo_scale(cr, image.scale_x, image.scale_y);
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

void draw_page(cairo_t* cr, const compose::Page& page, Target target, const core::Options& options,
               const ColorMap& colors, const FontMap& fonts) {
  const Paint paint{cr, colors, fonts};
  const double offset = page.geometry.media_offset().value;
  cairo_save(cr);
  cairo_translate(cr, offset, offset);
  for (const auto& item : page.items) {
    std::visit(Overloaded{
                   [&](const compose::Fill& f) { draw_fill(cr, paint, f); },
                   [&](const compose::Outline& o) { draw_outline(cr, paint, o); },
                   [&](const compose::Line& l) { draw_line(cr, paint, l); },
                   [&](const compose::TextLine& t) { draw_text(cr, paint, t); },
                   [&](const compose::QrCode& q) { draw_qr(cr, paint, q, target); },
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
