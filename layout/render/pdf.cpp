// pdf.cpp — cairo PDF surface writing to memory.
#include "render/pdf.hpp"

#include <cairo-pdf.h>

#include "core/diagnostic.hpp"
#include "core/handle.hpp"
#include "render/draw.hpp"
#include "render/font_subsets.hpp"

namespace broadside::render {

std::string render_pdf(const compose::Composition& composition, const PdfOptions& options,
                       const core::Options& run) {
  std::string bytes;
  if (composition.pages.empty()) throw core::Failure({}, "the design has no pages to render");
  const auto first = composition.pages.front().geometry.media();
  core::Handle<cairo_surface_t, cairo_surface_destroy> surface(cairo_pdf_surface_create_for_stream(
      append_to_string, &bytes, first.width.value, first.height.value));
  cairo_surface_t* s = surface.get();
  const auto& m = composition.metadata;
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, m.title.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, m.author.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, m.subject.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_KEYWORDS, m.keywords.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, options.creator.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, options.date.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, options.date.c_str());
  // The big fonts cut down to what the document draws; cairo keeps its own references.
  FontSubsets subsets(composition);
  const FontMap fonts = [&](const text::FontFace& face) { return subsets.font_for(face); };
  {
    core::Handle<cairo_t, cairo_destroy> cr(cairo_create(s));
    for (const auto& page : composition.pages) {
      const auto media = page.geometry.media();
      cairo_pdf_surface_set_size(s, media.width.value, media.height.value);
      draw_page(cr.get(), page, Target::vector, run, options.colors, fonts);
      cairo_show_page(cr.get());
    }
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
      throw core::Failure({}, std::string("cannot draw the PDF: ") +
                                  cairo_status_to_string(cairo_status(cr.get())));
  }
  cairo_surface_finish(s);
  if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
    throw core::Failure({}, std::string("cannot write the PDF: ") +
                                cairo_status_to_string(cairo_surface_status(s)));
  return bytes;
}

}  // namespace broadside::render
