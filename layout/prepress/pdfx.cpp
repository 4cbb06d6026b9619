// pdfx.cpp — PDF/X keys, output intent and XMP, after checks that refuse rather than pretend.
#include "prepress/pdfx.hpp"

#include <qpdf/QPDFPageDocumentHelper.hh>

#include "core/diagnostic.hpp"
#include "prepress/cmyk_document.hpp"
#include "prepress/pdf_values.hpp"
#include "prepress/walk.hpp"
#include "prepress/xmp.hpp"

namespace broadside::prepress {

namespace {

using Handle = QPDFObjectHandle;

std::string version_name(PdfxLevel level) {
  return level == PdfxLevel::x1a ? "PDF/X-1a:2003" : "PDF/X-4";
}

bool is_embedded(Handle font) {
  Handle subtype = font.getKey("/Subtype");
  if (subtype.isNameAndEquals("/Type3")) return true;  // glyphs are content streams
  if (subtype.isNameAndEquals("/Type0")) {
    Handle descendants = font.getKey("/DescendantFonts");
    return descendants.isArray() && descendants.getArrayNItems() > 0 &&
           is_embedded(descendants.getArrayItem(0));
  }
  Handle descriptor = font.getKey("/FontDescriptor");
  return descriptor.isDictionary() &&
         (descriptor.hasKey("/FontFile") || descriptor.hasKey("/FontFile2") ||
          descriptor.hasKey("/FontFile3"));
}

/// What makes a page use transparency, or "" when nothing does.
std::string transparency_in(Handle h) {
  Handle dict = h.isStream() ? h.getDict() : h;
  if (!dict.isDictionary()) return "";
  Handle smask = dict.getKey("/SMask");
  if (smask.isDictionary() || smask.isStream())
    return "a soft mask or an image with an alpha channel";
  for (const char* key : {"/CA", "/ca"})
    if (dict.getKey(key).isNumber() && dict.getKey(key).getNumericValue() < 1)
      return "opacity below 100%";
  Handle blend = dict.getKey("/BM");
  if (blend.isName() && blend.getName() != "/Normal" && blend.getName() != "/Compatible")
    return "a blend mode";
  if (dict.getKey("/SMaskInData").isInteger() && dict.getKey("/SMaskInData").getIntValue() > 0)
    return "an image with an alpha channel";
  if (h.isStream() && dict.getKey("/Subtype").isNameAndEquals("/Form") &&
      dict.getKey("/Group").isDictionary())
    return "a transparency group";
  return "";
}

/// Throws when PDF/X cannot be claimed for `doc` at `level`.
void check(QPDF& doc, PdfxLevel level) {
  if (auto rgb = find_rgb(doc); !rgb.empty())
    throw core::Failure({}, "cannot write PDF/X: RGB is left in " + rgb.front());
  std::string problem;
  for_each_reachable(doc.getTrailer(), [&](Handle& h) {
    if (!problem.empty()) return;
    Handle dict = h.isStream() ? h.getDict() : h;
    if (dict.isDictionary() && dict.getKey("/Type").isNameAndEquals("/Font") &&
        !dict.getKey("/Subtype").isNameAndEquals("/CIDFontType0") &&
        !dict.getKey("/Subtype").isNameAndEquals("/CIDFontType2") && !is_embedded(dict))
      problem = "the font " + dict.getKey("/BaseFont").unparse() + " is not embedded";
    else if (level == PdfxLevel::x1a)
      if (auto t = transparency_in(h); !t.empty())
        problem = "PDF/X-1a forbids transparency, and the PDF uses " + t +
                  " (use --pdfx 4, which keeps transparency for the printer's RIP)";
  });
  if (!problem.empty()) throw core::Failure({}, "cannot write PDF/X: " + problem);
}

Handle output_intent(QPDF& doc, const IccProfile& profile) {
  Handle icc = doc.newStream(profile.bytes);
  icc.getDict().replaceKey("/N", Handle::newInteger(4));
  const OutputCondition oc = output_condition_for(profile);
  auto dict = Handle::newDictionary({
      {"/Type", Handle::newName("/OutputIntent")},
      {"/S", Handle::newName("/GTS_PDFX")},
      {"/OutputConditionIdentifier", Handle::newUnicodeString(oc.identifier)},
      {"/OutputCondition", Handle::newUnicodeString(oc.condition)},
      {"/Info", Handle::newUnicodeString(profile.description)},
      {"/DestOutputProfile", icc},
  });
  if (!oc.registry.empty()) dict.replaceKey("/RegistryName", Handle::newString(oc.registry));
  return doc.makeIndirectObject(dict);
}

/// Info keys PDF/X requires, dates in their full form; returns the XMP fields to match.
XmpFields settle_info(QPDF& doc, const PdfxOptions& options) {
  Handle trailer = doc.getTrailer();
  if (!trailer.getKey("/Info").isDictionary())
    trailer.replaceKey("/Info", doc.makeIndirectObject(Handle::newDictionary()));
  Handle info = trailer.getKey("/Info");
  XmpFields x;
  for (auto [key, date] :
       {std::pair{"/CreationDate", &x.create_date}, {"/ModDate", &x.modify_date}}) {
    auto parsed = parse_pdf_date(text_of(info.getKey(key)));
    if (!parsed) parsed = parse_pdf_date("D:20000101000000Z");
    info.replaceKey(key, Handle::newString(parsed->pdf));
    *date = parsed->xmp;
  }
  // Empty entries would have no XMP counterpart, and PDF/X wants the two to agree.
  for (const char* key : {"/Author", "/Subject", "/Keywords"})
    if (info.hasKey(key) && text_of(info.getKey(key)).empty()) info.removeKey(key);
  if (text_of(info.getKey("/Title")).empty())
    info.replaceKey("/Title", Handle::newUnicodeString(options.fallback_title));
  read_info_text(info, x);
  x.pdfx_version = version_name(options.level);
  info.replaceKey("/GTS_PDFXVersion", Handle::newString(x.pdfx_version));
  if (options.level == PdfxLevel::x1a)
    info.replaceKey("/GTS_PDFXConformance", Handle::newString(x.pdfx_version));
  info.replaceKey("/Trapped", Handle::newName("/False"));
  x.document_id = uuid_from("document " + options.id_seed);
  x.instance_id = uuid_from("instance " + options.id_seed);
  return x;
}

}  // namespace

OutputCondition output_condition_for(const IccProfile& profile) {
  if (profile.description.find("FOGRA39") != std::string::npos)
    return {
        "FOGRA39",
        "Offset printing on coated paper (FOGRA39, ISO 12647-2:2004/Amd 1): " + profile.description,
        "http://www.color.org"};
  return {"Custom", profile.description, ""};
}

std::string pdfx_version_for(PdfxLevel level) {
  return level == PdfxLevel::x1a ? "1.4" : "";
}

void make_pdfx(QPDF& doc, const PdfxOptions& options) {
  if (options.level == PdfxLevel::none) return;
  if (!options.profile) throw core::Failure({}, "internal: PDF/X needs the output profile");
  for (auto& page : QPDFPageDocumentHelper(doc).getAllPages()) {
    page.getObjectHandle().removeKey("/Annots");
    // X-1a: the page group only declares a blending space; with no transparency (checked
    // below) it changes nothing, and X-1a allows no transparency dictionaries at all.
    if (options.level == PdfxLevel::x1a) page.getObjectHandle().removeKey("/Group");
  }
  check(doc, options.level);
  Handle root = doc.getRoot();
  root.replaceKey("/OutputIntents", Handle::newArray({output_intent(doc, *options.profile)}));
  const XmpFields fields = settle_info(doc, options);
  Handle metadata = doc.newStream(xmp_packet(fields));
  metadata.getDict().replaceKey("/Type", Handle::newName("/Metadata"));
  metadata.getDict().replaceKey("/Subtype", Handle::newName("/XML"));
  root.replaceKey("/Metadata", metadata);
}

}  // namespace broadside::prepress
