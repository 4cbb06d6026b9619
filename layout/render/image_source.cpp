// image_source.cpp — decoding with cairo (PNG), gdk-pixbuf (JPEG) and librsvg (SVG, from memory
// with no base file, so it can load nothing else), a per-thread cache, and the resolution check.
#include "render/image_source.hpp"

#include <sys/stat.h>

#include <cmath>
#include <cstring>
#include <list>
#include <set>

#include "core/atomic_file.hpp"
#include "core/handle.hpp"
#include "render/image_libraries.hpp"

namespace broadside::render {

namespace fs = std::filesystem;

struct ImageSource::Parts {
  ImageKind kind = ImageKind::png;
  double width = 0, height = 0;
  core::Handle<RsvgHandle, g_object_unref> svg;
  core::Handle<cairo_surface_t, cairo_surface_destroy> bitmap;
  bool has_text = false;
};

namespace {

using ErrorHandle = core::Handle<GError, g_error_free>;

[[noreturn]] void fail(const fs::path& file, const std::string& message) {
  throw core::Failure(core::SourceLocation{file.string()}, message);
}

/// Feeds a byte string to cairo's PNG reader.
struct PngReader {
  std::string_view bytes;
  size_t at = 0;

  static cairo_status_t read(void* self, unsigned char* data, unsigned int length) {
    auto* r = static_cast<PngReader*>(self);
    if (r->bytes.size() - r->at < length) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, r->bytes.data() + r->at, length);
    r->at += length;
    return CAIRO_STATUS_SUCCESS;
  }
};

void decode_png(const fs::path& file, std::string_view bytes, ImageSource::Parts& parts) {
  PngReader reader{bytes};
  parts.bitmap.reset(cairo_image_surface_create_from_png_stream(PngReader::read, &reader));
  // cairo reports every libpng error as "out of memory"; the size was checked, so it is the data.
  if (cairo_surface_status(parts.bitmap.get()) != CAIRO_STATUS_SUCCESS)
    fail(file, "cannot decode the PNG: its data is corrupt or truncated");
  parts.width = cairo_image_surface_get_width(parts.bitmap.get());
  parts.height = cairo_image_surface_get_height(parts.bitmap.get());
}

/// gdk-pixbuf's straight RGB(A) bytes as a cairo surface (premultiplied, native-endian ARGB).
cairo_surface_t* to_cairo(GdkPixbuf* image) {
  const Pixbuf& px = pixbuf();
  const int w = px.get_width(image), h = px.get_height(image);
  const int channels = px.get_n_channels(image);
  const bool alpha = px.get_has_alpha(image);
  const int in_stride = px.get_rowstride(image);
  const guchar* in = px.read_pixels(image);
  cairo_surface_t* s =
      cairo_image_surface_create(alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, w, h);
  if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) return s;
  cairo_surface_flush(s);
  unsigned char* out = cairo_image_surface_get_data(s);
  const int out_stride = cairo_image_surface_get_stride(s);
  for (int y = 0; y < h; ++y) {
    const guchar* src = in + static_cast<ptrdiff_t>(y) * in_stride;
    auto* dst = reinterpret_cast<uint32_t*>(out + static_cast<ptrdiff_t>(y) * out_stride);
    for (int x = 0; x < w; ++x, src += channels) {
      const uint32_t a = alpha ? src[3] : 255;
      auto pre = [&](guchar c) { return static_cast<uint32_t>((c * a + 127) / 255); };
      dst[x] = (a << 24) | (pre(src[0]) << 16) | (pre(src[1]) << 8) | pre(src[2]);
    }
  }
  cairo_surface_mark_dirty(s);
  return s;
}

void decode_jpeg(const fs::path& file, std::string_view bytes, ImageSource::Parts& parts) {
  GError* raw = nullptr;
  // Only the JPEG loader: the bytes were sniffed, and no other gdk-pixbuf module may run.
  core::Handle<GdkPixbufLoader, g_object_unref> loader(pixbuf().loader_new_with_type("jpeg", &raw));
  ErrorHandle error(raw);
  if (!loader)
    fail(file, "cannot read JPEG files here: " + std::string(error ? error->message : "no loader"));
  const bool written = pixbuf().loader_write(
      loader.get(), reinterpret_cast<const guchar*>(bytes.data()), bytes.size(), &raw);
  error.reset(raw);
  raw = nullptr;
  // Closed even after a failed write, or the loader complains when it is freed.
  const bool closed = pixbuf().loader_close(loader.get(), written ? &raw : nullptr);
  if (!written || !closed) {
    ErrorHandle close_error(raw);
    const GError* e = error ? error.get() : close_error.get();
    fail(file, "cannot decode the JPEG: " + std::string(e ? e->message : "unknown error"));
  }
  GdkPixbuf* decoded = pixbuf().loader_get_pixbuf(loader.get());
  if (!decoded) fail(file, "cannot decode the JPEG");
  // Cameras store portrait photos sideways with an EXIF orientation tag.
  core::Handle<GdkPixbuf, g_object_unref> upright(pixbuf().apply_embedded_orientation(decoded));
  if (!upright) fail(file, "cannot decode the JPEG: out of memory");
  parts.bitmap.reset(to_cairo(upright.get()));
  if (cairo_surface_status(parts.bitmap.get()) != CAIRO_STATUS_SUCCESS)
    fail(file, "cannot decode the JPEG: out of memory");
  parts.width = pixbuf().get_width(upright.get());
  parts.height = pixbuf().get_height(upright.get());
}

void check_svg_references(const fs::path& file, std::string_view bytes, ImageSource::Parts& parts) {
  const SvgReferences refs = scan_svg(bytes);
  parts.has_text = refs.has_text;
  if (refs.external.empty()) return;
  std::string list;
  for (const auto& r : refs.external) list += (list.empty() ? "'" : ", '") + r + "'";
  throw core::Failure(core::SourceLocation{file.string()},
                      "the SVG refers to " + list +
                          ", which broadside does not load: an SVG is read on its own, so that "
                          "a design cannot make broadside read other files or the network",
                      "embed what it needs (images as data: URLs, styles inline)");
}

/// Draws once into a tiny surface, so that an SVG librsvg cannot render is an error at the
/// check, not halfway through the outputs.
void try_render(const fs::path& file, const ImageSource::Parts& parts) {
  core::Handle<cairo_surface_t, cairo_surface_destroy> surface(
      cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 8, 8));
  core::Handle<cairo_t, cairo_destroy> cr(cairo_create(surface.get()));
  RsvgRectangle viewport{0, 0, 8, 8};
  GError* raw = nullptr;
  if (!rsvg().render_document(parts.svg.get(), cr.get(), &viewport, &raw)) {
    ErrorHandle error(raw);
    fail(file, "librsvg cannot draw the SVG: " + std::string(error ? error->message : "unknown"));
  }
}

void decode_svg(const fs::path& file, std::string_view bytes, ImageSource::Parts& parts) {
  check_svg_references(file, bytes, parts);
  GError* raw = nullptr;
  // From memory, with no base file or URL: librsvg then refuses every external reference.
  parts.svg.reset(
      rsvg().new_from_data(reinterpret_cast<const guint8*>(bytes.data()), bytes.size(), &raw));
  ErrorHandle error(raw);
  if (!parts.svg)
    fail(file, "cannot read the SVG: " + std::string(error ? error->message : "unknown error"));
  rsvg().set_dpi(parts.svg.get(), 96);  // CSS pixels, whatever the environment says
  if (!rsvg().get_intrinsic_size_in_pixels(parts.svg.get(), &parts.width, &parts.height)) {
    gboolean has_viewbox = FALSE;
    RsvgRectangle viewbox{};
    rsvg().get_intrinsic_dimensions(parts.svg.get(), nullptr, nullptr, nullptr, nullptr,
                                    &has_viewbox, &viewbox);
    if (!has_viewbox) fail(file, "the SVG gives no width and height and no viewBox");
    parts.width = viewbox.width;
    parts.height = viewbox.height;
  }
  if (!(parts.width > 0 && parts.height > 0 && std::isfinite(parts.width) &&
        std::isfinite(parts.height)))
    fail(file, "the SVG has no area (its width or height is 0)");
  try_render(file, parts);
}

std::shared_ptr<const ImageSource> load_uncached(const fs::path& file, const core::Limits& limits) {
  core::Diagnostics problems;
  const std::optional<std::string> read = core::read_file(file, limits, problems);
  if (!read) throw core::Failure(problems);
  const std::string& bytes = *read;
  const ImageHeader header = read_image_header(bytes);
  if (!header.problem.empty()) fail(file, "cannot be used as an image: " + header.problem);
  if (header.kind != ImageKind::svg) {
    const double pixels = static_cast<double>(header.width) * header.height;
    if (pixels > static_cast<double>(limits[core::Limit::image_pixels]))
      throw core::Failure(core::SourceLocation{file.string()},
                          "the image is " + std::to_string(header.width) + " x " +
                              std::to_string(header.height) + " pixels, " +
                              limits.over(core::Limit::image_pixels),
                          core::limit_hint(core::Limit::image_pixels));
  }
  auto parts = std::make_shared<ImageSource::Parts>();
  parts->kind = header.kind;
  if (header.kind == ImageKind::png) decode_png(file, bytes, *parts);
  if (header.kind == ImageKind::jpeg) decode_jpeg(file, bytes, *parts);
  if (header.kind == ImageKind::svg) decode_svg(file, bytes, *parts);
  return std::make_shared<const ImageSource>(std::move(parts));
}

/// The last few images this thread decoded, by path, size, modification time and limits. Per
/// thread, because an RsvgHandle must not be used by two threads at once.
class ImageCache {
 public:
  std::shared_ptr<const ImageSource> get(const fs::path& file, const core::Limits& limits) {
    struct stat st {};
    const std::string key = file.string();
    if (::stat(key.c_str(), &st) != 0) return load_uncached(file, limits);  // reports the error
    // The limits it was checked against are part of its identity: an image read under one
    // run's limits is never handed to a run with smaller ones.
    const std::string id = key + '\n' + std::to_string(st.st_size) + '\n' +
                           std::to_string(st.st_mtim.tv_sec) + '.' +
                           std::to_string(st.st_mtim.tv_nsec) + '\n' +
                           std::to_string(limits[core::Limit::file_bytes]) + '\n' +
                           std::to_string(limits[core::Limit::image_pixels]);
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->id != id) continue;
      entries_.splice(entries_.begin(), entries_, it);
      return it->image;
    }
    auto image = load_uncached(file, limits);
    entries_.push_front({id, image, image->width() * image->height()});
    pixels_ += entries_.front().pixels;
    while (entries_.size() > 1 && (entries_.size() > kEntries || pixels_ > kPixels)) {
      pixels_ -= entries_.back().pixels;
      entries_.pop_back();
    }
    return image;
  }

 private:
  /// A design has a logo or two and a photo; a megapixel budget keeps memory bounded.
  static constexpr size_t kEntries = 8;
  static constexpr double kPixels = 64e6;
  struct Entry {
    std::string id;
    std::shared_ptr<const ImageSource> image;
    double pixels;
  };
  std::list<Entry> entries_;
  double pixels_ = 0;
};

std::string ppi_text(double ppi) {
  return std::to_string(static_cast<int>(std::floor(ppi)));
}

/// The image's resolution where it is printed: pixels per inch of its drawn size. A stretched
/// image is coarser along one axis, and that is the one that shows.
double effective_ppi(const compose::Image& item) {
  const double scale = std::max(item.scale_x, item.scale_y);  // points per pixel
  return scale > 0 ? 72.0 / scale : INFINITY;
}

}  // namespace

ImageSource::ImageSource(std::shared_ptr<const Parts> parts)
    : parts_(std::move(parts)),
      kind_(parts_->kind),
      width_(parts_->width),
      height_(parts_->height),
      has_text_(parts_->has_text) {}

void ImageSource::draw(cairo_t* cr) const {
  if (parts_->svg) {
    RsvgRectangle viewport{0, 0, width_, height_};
    GError* raw = nullptr;
    if (!rsvg().render_document(parts_->svg.get(), cr, &viewport, &raw)) {
      ErrorHandle error(raw);
      throw core::Failure({}, "librsvg cannot draw an SVG: " +
                                  std::string(error ? error->message : "unknown error"));
    }
    return;
  }
  cairo_set_source_surface(cr, parts_->bitmap.get(), 0, 0);
  cairo_paint(cr);
}

std::shared_ptr<const ImageSource> load_image(const fs::path& file, const core::Limits& limits) {
  thread_local ImageCache cache;
  return cache.get(file, limits);
}

compose::ImageSize ImageSizes::measure(const fs::path& file) {
  const auto image = load_image(file, limits_);
  return {image->width(), image->height(), image->kind() == ImageKind::svg};
}

void check_images(const compose::Composition& composition, const ImageResolution& wanted,
                  const core::Options& options, core::Diagnostics& diags) {
  std::set<std::string> seen;  // a repeated page repeats its images
  auto report = [&](core::Severity severity, const compose::Image& item, std::string message,
                    std::string hint) {
    core::Diagnostic d{
        severity, item.where,
        "image '" + item.file.filename().string() + "' in frame '" + item.frame + "': " + message,
        std::move(hint)};
    if (seen.insert(d.to_string()).second) diags.add(std::move(d));
  };
  for (const auto& page : composition.pages) {
    for (const auto& any : page.items) {
      const auto* item = std::get_if<compose::Image>(&any);
      if (!item) continue;
      if (item->is_vector) {
        std::shared_ptr<const ImageSource> image;
        try {
          image = load_image(item->file, options.limits);
        } catch (const core::Failure& f) {
          const core::Diagnostic& d = f.diagnostics().all().front();
          report(core::Severity::error, *item, d.message, d.hint);
          continue;
        }
        if (image->has_text())
          report(core::Severity::warning, *item,
                 "the SVG has text, which is set in broadside's fonts, not necessarily the "
                 "designer's",
                 "convert the text to paths");
        continue;
      }
      const double ppi = effective_ppi(*item);
      const std::string size = std::to_string(static_cast<int>(item->pixel_width)) + " x " +
                               std::to_string(static_cast<int>(item->pixel_height)) + " pixels";
      if (ppi < wanted.error_ppi)
        report(core::Severity::error, *item,
               "only " + ppi_text(ppi) + " ppi where it is printed (" + size + "); at least " +
                   ppi_text(wanted.error_ppi) + " ppi are needed",
               "use a larger image or make its frame smaller");
      else if (ppi < wanted.warn_ppi)
        report(core::Severity::warning, *item,
               ppi_text(ppi) + " ppi where it is printed (" + size + "); " +
                   ppi_text(wanted.warn_ppi) + " ppi print sharply",
               "use a larger image or make its frame smaller");
    }
  }
}

}  // namespace broadside::render
