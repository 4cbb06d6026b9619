// glyph_drawing_test.cpp — text drawn from a composition's glyph runs: the same pixels and PDF
// bytes as Pango's own renderer for the same line (Latin with tracking, justified, Arabic,
// Devanagari), a composition built by hand from a font file, with no Pango, that draws and
// keeps its text layer, and one composition drawn by several threads at once.
#include <doctest/doctest.h>
#include <pango/pangocairo.h>

#include <cairo-pdf.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include <unistd.h>

#include "core/handle.hpp"
#include "render/draw.hpp"
#include "render/pdf.hpp"
#include "render/png.hpp"
#include "support/run.hpp"
#include "support/test_options.hpp"
#include "text/pango_paragraph.hpp"
#include "unit/text/text_fixture.hpp"

using namespace broadside;
using core::Pt;
using text::testing::style;
using text::testing::typesetter;

namespace {

/// A page as PNG bytes at `dpi`; a failure fails the test.
std::string png_of(const compose::Page& page, int dpi) {
  core::Diagnostics diags;
  const auto png = render::render_png(page, {dpi, false}, ::kOptions, diags);
  REQUIRE_MESSAGE(png, diags.to_string());
  return *png;
}

using Surface = core::Handle<cairo_surface_t, cairo_surface_destroy>;
using Context = core::Handle<cairo_t, cairo_destroy>;

const core::Color kInk = core::Color::from_rgb(0.1, 0.2, 0.55);
constexpr core::Point kOrigin{Pt{20.3}, Pt{40.7}};

/// A page holding the lines, one under the other, and no bleed.
compose::Page page_of(const std::vector<std::shared_ptr<const text::GlyphLine>>& lines) {
  compose::Page page{"p", {{Pt{420}, Pt{200}}, Pt{0}, Pt{0}}, {}};
  for (size_t i = 0; i < lines.size(); ++i)
    page.items.push_back(compose::TextLine{{kOrigin.x, kOrigin.y + Pt{30} * static_cast<double>(i)},
                                           lines[i],
                                           kInk,
                                           static_cast<int>(i + 1)});
  return page;
}

/// Draws the page's lines as render did before glyph runs: Pango's renderer on the paragraphs.
void draw_with_pango(cairo_t* cr, const std::vector<PangoLayoutLine*>& lines) {
  cairo_save(cr);
  cairo_translate(cr, 0, 0);
  for (size_t i = 0; i < lines.size(); ++i) {
    cairo_set_source_rgba(cr, kInk.rgb.r, kInk.rgb.g, kInk.rgb.b, kInk.alpha);
    cairo_move_to(cr, kOrigin.x.value, (kOrigin.y + Pt{30} * static_cast<double>(i)).value);
    pango_cairo_show_layout_line(cr, lines[i]);
  }
  cairo_restore(cr);
}

std::string pixels(cairo_surface_t* s) {
  cairo_surface_flush(s);
  return std::string(reinterpret_cast<const char*>(cairo_image_surface_get_data(s)),
                     static_cast<size_t>(cairo_image_surface_get_stride(s)) *
                         static_cast<size_t>(cairo_image_surface_get_height(s)));
}

template <class Draw>
std::string raster(Draw draw) {
  Surface s(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 875, 420));
  {
    Context cr(cairo_create(s.get()));
    cairo_scale(cr.get(), 150.0 / 72, 150.0 / 72);  // not a whole number of pixels a point
    draw(cr.get());
  }
  return pixels(s.get());
}

template <class Draw>
std::string pdf(Draw draw) {
  std::string bytes;
  {
    Surface s(cairo_pdf_surface_create_for_stream(render::append_to_string, &bytes, 420, 200));
    cairo_pdf_surface_set_metadata(s.get(), CAIRO_PDF_METADATA_CREATE_DATE, "2020-02-17T00:00:00Z");
    Context cr(cairo_create(s.get()));
    draw(cr.get());
    cairo_show_page(cr.get());
    cairo_surface_finish(s.get());
  }
  return bytes;
}

/// What poppler makes of a PDF: its text (`tool` "pdftotext") or its page's pixels at 200 dpi
/// ("pdftoppm").
std::string read_pdf(const std::string& bytes, const std::string& tool) {
  static int serial = 0;
  const auto dir =
      std::filesystem::temp_directory_path() /
      ("broadside-glyphs-" + std::to_string(getpid()) + "-" + std::to_string(++serial));
  std::filesystem::create_directories(dir);
  const auto file = dir / "page.pdf";
  std::ofstream(file, std::ios::binary) << bytes;
  std::string out;
  if (tool == "pdftotext") {
    out = broadside::testing::run({"pdftotext", "-layout", file.string(), "-"}).out;
  } else {
    broadside::testing::run({"pdftoppm", "-r", "200", file.string(), (dir / "p").string()});
    std::ifstream in(dir / "p-1.ppm", std::ios::binary);
    out.assign(std::istreambuf_iterator<char>(in), {});
  }
  std::filesystem::remove_all(dir);
  REQUIRE_FALSE(out.empty());
  return out;
}

struct Sample {
  std::string text;
  text::ParagraphStyle style;
  Pt width{0};
};

text::ParagraphStyle with(text::ParagraphStyle s, auto change) {
  change(s);
  return s;
}

}  // namespace

TEST_CASE("glyph runs draw exactly what Pango's renderer drew: pixels, and the PDF a reader sees") {
  const std::vector<Sample> samples = {
      {"Stop all raids! Abolish ICE and CBP",
       with(style({"League Spartan"}, 18, 800),
            [](auto& s) {
              s.tracking = 40;  // letter spacing moves runs and glyphs
            })},
      {"The Socialist Equality Party fights for the international unity of the working class "
       "against capitalism and the nation-state system.",
       with(style({"Noto Serif"}, 9.5),
            [](auto& s) {
              s.align = core::Align::justify;
              s.hyphenate = true;
            }),
       Pt{180}},
      {"\u0627\u0644\u0639\u0645\u0627\u0644 \u0641\u064a \u0643\u0644 \u0645\u0643\u0627\u0646 "
       "socialism2020.org",
       with(style({"Noto Sans Arabic", "Noto Sans"}, 13), [](auto& s) { s.lang = "ar"; })},
      {"\u0938\u092d\u0940 \u0926\u0947\u0936\u094b\u0902 \u0915\u0947 \u092e\u091c\u093c\u0926"
       "\u0942\u0930\u094b\u0902, \u090f\u0915 \u0939\u094b!",
       with(style({"Noto Sans Devanagari"}, 13), [](auto& s) { s.lang = "hi"; })},
  };
  std::vector<std::unique_ptr<text::Paragraph>> paragraphs;
  std::vector<PangoLayoutLine*> pango_lines;
  std::vector<std::shared_ptr<const text::GlyphLine>> glyph_lines;
  for (const auto& sample : samples) {
    auto p = typesetter().shape(core::RichText::plain(sample.text), sample.style);
    p->set_width(sample.width);
    glyph_lines.push_back(p->glyph_line(0));
    pango_lines.push_back(dynamic_cast<text::PangoParagraph&>(*p).layout_line(0));
    paragraphs.push_back(std::move(p));
  }
  const compose::Page page = page_of(glyph_lines);
  const std::string expected_pixels =
      raster([&](cairo_t* cr) { draw_with_pango(cr, pango_lines); });
  const std::string drawn_pixels =
      raster([&](cairo_t* cr) { render::draw_page(cr, page, render::Target::raster, ::kOptions); });
  CHECK(expected_pixels.find_first_not_of('\0') != std::string::npos);  // something was drawn
  CHECK(drawn_pixels == expected_pixels);
  const std::string expected_pdf = pdf([&](cairo_t* cr) { draw_with_pango(cr, pango_lines); });
  const std::string drawn_pdf =
      pdf([&](cairo_t* cr) { render::draw_page(cr, page, render::Target::vector, ::kOptions); });
  // In a PDF, runs in one font are shown together (fewer operations for cairo's page
  // analysis): the bytes differ, what a reader draws and extracts does not.
  CHECK(read_pdf(drawn_pdf, "pdftotext") == read_pdf(expected_pdf, "pdftotext"));
  CHECK(read_pdf(drawn_pdf, "pdftoppm") == read_pdf(expected_pdf, "pdftoppm"));
}

TEST_CASE("a composition built by hand from a font file draws, and its PDF keeps the text") {
  // No Pango: a face straight from a file, glyphs and clusters from cairo's own simple mapping.
  std::filesystem::path file;
  for (const auto& face : text::testing::library().faces())
    if (face.family == "Noto Sans" && face.weight == 400 && face.slant == core::FontSlant::normal)
      file = face.file;
  REQUIRE_FALSE(file.empty());
  const text::FontFace face = text::load_font_face(file, 0, Pt{24});
  CHECK(face.family() == "Noto Sans");
  CHECK(face.size() == Pt{24});
  CHECK_THROWS(text::load_font_face("/nonexistent/font.ttf", 0, Pt{10}));

  text::GlyphRun run;
  run.font = face;
  run.text = "Hello, workers";
  cairo_glyph_t* glyphs = nullptr;
  cairo_text_cluster_t* clusters = nullptr;
  int glyph_count = 0, cluster_count = 0;
  cairo_text_cluster_flags_t flags{};
  REQUIRE(cairo_scaled_font_text_to_glyphs(
              face.scaled_font(), 0, 0, run.text.data(), static_cast<int>(run.text.size()), &glyphs,
              &glyph_count, &clusters, &cluster_count, &flags) == CAIRO_STATUS_SUCCESS);
  for (int i = 0; i < glyph_count; ++i)
    run.glyphs.push_back({static_cast<std::uint32_t>(glyphs[i].index), Pt{glyphs[i].x}, Pt{0}});
  for (int i = 0; i < cluster_count; ++i)
    run.clusters.push_back({clusters[i].num_bytes, clusters[i].num_glyphs});
  cairo_glyph_free(glyphs);
  cairo_text_cluster_free(clusters);
  auto line = std::make_shared<text::GlyphLine>();
  line->runs.push_back(run);
  line->text = run.text;
  line->size = Pt{24};

  compose::Composition c;
  const core::PageGeometry g{{Pt{300}, Pt{100}}, Pt{0}, Pt{0}};
  compose::Page page{"p", g, {}};
  page.items.push_back(compose::TextLine{{Pt{10}, Pt{60}}, line, core::Color::black(), 1});
  c.pages.push_back(page);

  // Ink lands on the baseline's side of the page, left of where the words end.
  const std::string png = png_of(c.pages[0], 72);
  const auto dir = testing::scratch_dir("render-hand-built");
  std::ofstream(dir / "line.png", std::ios::binary) << png;
  std::ofstream(dir / "line.pdf", std::ios::binary)
      << render::render_pdf(c, {"2020-02-17T00:00:00Z", "test", {}}, ::kOptions);
  const auto text = testing::run({"pdftotext", (dir / "line.pdf").string(), "-"});
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("Hello, workers") != std::string::npos);
  const auto fonts = testing::run({"pdffonts", (dir / "line.pdf").string()});
  CHECK(fonts.out.find("NotoSans") != std::string::npos);
  CHECK(fonts.out.find(" yes yes ") != std::string::npos);  // embedded, subset
}

TEST_CASE("a composition is shared between threads: each draws the bytes one thread draws") {
  compose::Composition c;
  {
    std::vector<std::shared_ptr<const text::GlyphLine>> lines;
    for (const char* s : {"Workers of all countries, unite!", "Abolish ICE and CBP",
                          "\u0627\u0644\u0639\u0645\u0627\u0644"}) {
      auto st = style({"Inter", "Noto Sans Arabic"}, 16);
      auto p = typesetter().shape(core::RichText::plain(s), st);
      p->set_width(Pt{0});
      lines.push_back(p->glyph_line(0));
    }  // the paragraphs are gone: the lines are data of their own
    c.pages.push_back(page_of(lines));
  }
  const std::string png = png_of(c.pages[0], 150);
  const std::string pdf = render::render_pdf(c, {"2020-02-17T00:00:00Z", "test", {}}, ::kOptions);
  std::vector<std::string> pngs(4), pdfs(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < pngs.size(); ++i)
    threads.emplace_back([&, i] {
      for (int round = 0; round < 5; ++round) {
        pngs[i] = png_of(c.pages[0], 150);
        pdfs[i] = render::render_pdf(c, {"2020-02-17T00:00:00Z", "test", {}}, ::kOptions);
      }
    });
  for (auto& t : threads) t.join();
  for (size_t i = 0; i < pngs.size(); ++i) {
    CHECK(pngs[i] == png);
    CHECK(pdfs[i] == pdf);
  }
}
