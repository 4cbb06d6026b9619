// pdf_inspect.cpp — boxes from the page dictionaries, fonts and colour spaces from what each page
// can reach, images by following the graphics state through the content streams.
#include "prepress/pdf_inspect.hpp"
#include "prepress/pdf_inspect_document.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

#include "core/diagnostic.hpp"
#include "prepress/cmyk_document.hpp"
#include "prepress/content_reader.hpp"
#include "prepress/walk.hpp"

namespace broadside::prepress {

namespace {

using Handle = QPDFObjectHandle;

PdfBox box_of(Handle array) {
  const auto r = array.getArrayAsRectangle();
  return {std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx),
          std::max(r.lly, r.ury)};
}

/// The PDF/X facts of the document: version, encryption, /ID, Trapped, XMP, output intents.
void read_structure(QPDF& doc, PdfInspection& out) {
  out.pdf_version = doc.getPDFVersion();
  Handle root = doc.getRoot();
  // A catalog /Version later than the header's wins (ISO 32000-1 7.2.2).
  if (root.getKey("/Version").isName()) {
    const std::string v = root.getKey("/Version").getName().substr(1);
    if (v > out.pdf_version) out.pdf_version = v;
  }
  out.encrypted = doc.isEncrypted();
  out.may_print = doc.allowPrintLowRes();
  out.may_print_high = doc.allowPrintHighRes();
  Handle id = doc.getTrailer().getKey("/ID");
  out.has_trailer_id = id.isArray() && id.getArrayNItems() == 2;
  Handle info = doc.getTrailer().getKey("/Info");
  if (info.isDictionary()) {
    Handle t = info.getKey("/Trapped");
    if (t.isName()) out.trapped = t.getName().substr(1);
    if (t.isString()) out.trapped = t.getUTF8Value();
  }
  Handle meta = root.getKey("/Metadata");
  if (meta.isStream()) {
    try {
      const auto data = meta.getStreamData(qpdf_dl_generalized);
      constexpr size_t kMaxXmp = 1 << 20;  // a packet is a few kilobytes
      out.xmp.assign(reinterpret_cast<const char*>(data->getBuffer()),
                     std::min<size_t>(data->getSize(), kMaxXmp));
    } catch (const std::exception&) {
      // Unreadable metadata is missing metadata to a PDF/X check.
    }
  }
  Handle intents = root.getKey("/OutputIntents");
  for (int i = 0; intents.isArray() && i < intents.getArrayNItems(); ++i) {
    Handle oi = intents.getArrayItem(i);
    if (!oi.isDictionary()) continue;
    PdfInspection::OutputIntent o;
    if (oi.getKey("/S").isName()) o.subtype = oi.getKey("/S").getName().substr(1);
    if (oi.getKey("/OutputConditionIdentifier").isString())
      o.condition = oi.getKey("/OutputConditionIdentifier").getUTF8Value();
    Handle profile = oi.getKey("/DestOutputProfile");
    o.has_profile = profile.isStream();
    if (o.has_profile && profile.getDict().getKey("/N").isInteger())
      o.profile_components = profile.getDict().getKey("/N").getIntValueAsInt();
    out.output_intents.push_back(o);
  }
}

void collect_annotations(int page, Handle dict, PdfInspection& out) {
  Handle annots = dict.getKey("/Annots");
  for (int i = 0; annots.isArray() && i < annots.getArrayNItems(); ++i) {
    Handle a = annots.getArrayItem(i);
    if (!a.isDictionary()) continue;
    PdfInspection::Annotation n;
    n.page = page;
    n.subtype = a.getKey("/Subtype").isName() ? a.getKey("/Subtype").getName().substr(1) : "";
    if (a.getKey("/Rect").isRectangle()) n.rect = box_of(a.getKey("/Rect"));
    out.annotations.push_back(n);
  }
}

void collect_fonts(int page, Handle resources, std::vector<PdfFont>& out) {
  std::set<QPDFObjGen> seen;
  for_each_reachable(resources, [&](Handle& h) {
    Handle dict = h.isStream() ? h.getDict() : h;
    if (!dict.isDictionary() || !dict.getKey("/Type").isNameAndEquals("/Font")) return;
    const std::string subtype =
        dict.getKey("/Subtype").isName() ? dict.getKey("/Subtype").getName() : "";
    // Descendant fonts are judged through their Type 0 parent.
    if (subtype == "/CIDFontType0" || subtype == "/CIDFontType2") return;
    if (h.isIndirect() && !seen.insert(h.getObjGen()).second) return;
    PdfFont f;
    f.page = page;
    f.name = dict.getKey("/BaseFont").isName() ? dict.getKey("/BaseFont").getName().substr(1)
                                               : "(unnamed)";
    f.subtype = subtype.empty() ? "" : subtype.substr(1);
    Handle font = dict;
    if (subtype == "/Type0") {
      Handle d = dict.getKey("/DescendantFonts");
      font = d.isArray() && d.getArrayNItems() > 0 ? d.getArrayItem(0) : Handle();
    }
    Handle descriptor = font.isDictionary() ? font.getKey("/FontDescriptor") : Handle();
    f.embedded = subtype == "/Type3" ||
                 (descriptor.isDictionary() &&
                  (descriptor.hasKey("/FontFile") || descriptor.hasKey("/FontFile2") ||
                   descriptor.hasKey("/FontFile3")));
    out.push_back(f);
  });
}

bool uses_cmyk(QPDF& doc) {
  bool found = false;
  for_each_reachable(doc.getTrailer(), [&](Handle& h) {
    std::vector<Handle> items;
    if (h.isArray()) {
      items = h.getArrayAsVector();
    } else {
      Handle dict = h.isStream() ? h.getDict() : h;
      for (const auto& key : dict.getKeys()) items.push_back(dict.getKey(key));
    }
    for (auto& item : items)
      found = found || item.isNameAndEquals("/DeviceCMYK") || item.isNameAndEquals("/Separation") ||
              item.isNameAndEquals("/DeviceN");
  });
  return found;
}

}  // namespace

bool PdfBox::contains(const PdfBox& inner, double tolerance) const {
  return inner.x0 >= x0 - tolerance && inner.y0 >= y0 - tolerance && inner.x1 <= x1 + tolerance &&
         inner.y1 <= y1 + tolerance;
}

namespace {

/// qpdf's warnings so far, without the ones that only say that it repairs.
void take_warnings(QPDF& doc, std::vector<std::string>& out) {
  for (const auto& w : doc.getWarnings()) {
    const std::string& m = w.getMessageDetail();
    if (m == "file is damaged" || m.rfind("Attempting to reconstruct", 0) == 0) continue;
    if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
  }
}

}  // namespace

PdfInspection inspect_pdf(const std::string& pdf, bool images, bool colors,
                          const std::string& name) {
  PdfInspection out;
  // qpdf would "recover" these and say only that it found no trailer.
  if (pdf.empty()) throw core::Failure({name}, "the file is empty (0 bytes), not a PDF");
  if (pdf.substr(0, 1024).find("%PDF-") == std::string::npos)
    throw core::Failure({name}, "not a PDF (no %PDF header)");
  try {
    QPDF doc;
    doc.setSuppressWarnings(true);
    try {
      doc.processMemoryFile(name.c_str(), pdf.data(), pdf.size());
    } catch (const QPDFExc& e) {
      if (e.getErrorCode() == qpdf_e_password)
        throw core::Failure({name},
                            "the PDF is protected by a password, so it cannot be "
                            "opened to check it; ask for a copy without one (a print "
                            "shop needs that too)");
      throw;
    }
    take_warnings(doc, out.damage);
    inspect_document(doc, images, colors, out);
    // Objects are read when first used: damage inside the file shows while it is inspected.
    take_warnings(doc, out.damage);
  } catch (const core::Failure&) {
    throw;
  } catch (const std::exception& e) {
    throw core::Failure({name}, std::string("cannot read it as a PDF: ") + e.what());
  }
  return out;
}

void inspect_document(QPDF& doc, bool images, bool colors, PdfInspection& out) {
  read_structure(doc, out);
  int number = 0;
  std::vector<std::string> content_rgb;
  ContentSink content{out.content, out.images, content_rgb, {}, {}};
  for (auto& page : QPDFPageDocumentHelper(doc).getAllPages()) {
    PdfPage p;
    p.number = ++number;
    Handle dict = page.getObjectHandle();
    p.media = box_of(page.getMediaBox());
    if (dict.getKey("/TrimBox").isRectangle()) p.trim = box_of(dict.getKey("/TrimBox"));
    if (dict.getKey("/BleedBox").isRectangle()) p.bleed = box_of(dict.getKey("/BleedBox"));
    p.trim_malformed = dict.hasKey("/TrimBox") && !p.trim;
    p.bleed_malformed = dict.hasKey("/BleedBox") && !p.bleed;
    Handle crop = page.getAttribute("/CropBox", false);
    if (crop.isRectangle()) p.crop = box_of(crop);
    Handle rotate = page.getAttribute("/Rotate", false);
    if (rotate.isNumber()) p.rotate = rotate.getNumericValue();
    out.pages.push_back(p);
    Handle resources = page.getAttribute("/Resources", false);
    collect_fonts(p.number, resources, out.fonts);
    collect_annotations(p.number, dict, out);
    if (images) read_page_content(page, p.number, content);
  }
  if (colors) {
    out.rgb = find_rgb(doc);
    out.rgb.insert(out.rgb.end(), content_rgb.begin(), content_rgb.end());
    out.has_cmyk = uses_cmyk(doc);
  }
  Handle root = doc.getRoot();
  out.has_output_intent =
      root.getKey("/OutputIntents").isArray() && root.getKey("/OutputIntents").getArrayNItems() > 0;
  if (root.getKey("/Lang").isString()) out.lang = root.getKey("/Lang").getUTF8Value();
  Handle info = doc.getTrailer().getKey("/Info");
  if (info.isDictionary() && info.getKey("/GTS_PDFXVersion").isString())
    out.pdfx_version = info.getKey("/GTS_PDFXVersion").getUTF8Value();
}

}  // namespace broadside::prepress
