// finish.cpp — qpdf post-pass: page boxes, /Lang, /Producer, CMYK, PDF/X, deterministic /ID.
#include "prepress/finish.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include "core/diagnostic.hpp"
#include "prepress/cmyk_document.hpp"
#include "prepress/ink.hpp"
#include "prepress/pdf_inspect_document.hpp"
#include "prepress/pdfx.hpp"

namespace broadside::prepress {

namespace {

/// A PDF rectangle (y up, origin bottom-left of the media) for a rectangle in media coordinates
/// (y down, origin top-left).
QPDFObjectHandle box(const core::Rect& r, const core::Size& media) {
  return QPDFObjectHandle::newArray(
      QPDFObjectHandle::Rectangle(r.x.value, media.height.value - r.bottom().value, r.right().value,
                                  media.height.value - r.y.value));
}

}  // namespace

std::string finish_pdf(const std::string& pdf, const FinishOptions& options,
                       PdfInspection* inspection) {
  try {
    QPDF doc;
    doc.setSuppressWarnings(true);
    doc.processMemoryFile("broadside.pdf", pdf.data(), pdf.size());
    auto pages = QPDFPageDocumentHelper(doc).getAllPages();
    if (pages.size() != options.pages.size())
      throw core::Failure({}, "internal: the PDF has " + std::to_string(pages.size()) +
                                  " pages, the composition " +
                                  std::to_string(options.pages.size()));
    for (size_t i = 0; i < pages.size(); ++i) {
      const core::PageGeometry& g = options.pages[i];
      QPDFObjectHandle page = pages[i].getObjectHandle();
      page.replaceKey("/TrimBox", box(g.trim_in_media(), g.media()));
      page.replaceKey("/BleedBox", box(g.bleed_in_media(), g.media()));
    }
    QPDFObjectHandle root = doc.getRoot();
    if (!options.lang.empty())
      root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(options.lang));
    QPDFObjectHandle trailer = doc.getTrailer();
    trailer.removeKey("/ID");  // qpdf would keep an input ID[0]; ours must come from the content
    QPDFObjectHandle info = trailer.getKey("/Info");
    if (info.isDictionary())
      info.replaceKey("/Producer", QPDFObjectHandle::newUnicodeString(options.producer));
    if (options.pdfx != PdfxLevel::none && !options.cmyk)
      throw core::Failure({}, "internal: PDF/X output needs CMYK colour");
    // The fixed layer comes converted: only the row's own content is converted here.
    if (options.cmyk)
      convert_to_cmyk(doc, InkMap(options.cmyk->colors, CmykConverter(options.cmyk->profile)));
    if (options.fixed) draw_fixed_layer(doc, *options.fixed);
    if (options.cmyk) {
      const std::string seed = (options.fixed ? options.fixed->pdf() : std::string()) + pdf +
                               pdfx_version_for(options.pdfx);
      make_pdfx(doc, {options.pdfx, &options.cmyk->profile, options.fallback_title, seed});
    }
    QPDFWriter writer(doc);
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    if (const std::string version = pdfx_version_for(options.pdfx); !version.empty())
      writer.forcePDFVersion(version);
    writer.write();
    if (inspection) {
      inspect_document(doc, options.inspect_images, options.inspect_colors, *inspection);
      // What the writer decided, which the document in memory does not say: the version it
      // wrote, and the deterministic /ID it added.
      inspection->pdf_version = writer.getFinalVersion();
      inspection->has_trailer_id = true;
    }
    auto buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  } catch (const core::Failure&) {
    throw;
  } catch (const std::exception& e) {
    throw core::Failure({}, std::string("cannot finish the PDF: ") + e.what());
  }
}

}  // namespace broadside::prepress
