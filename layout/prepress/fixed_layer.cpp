// fixed_layer.cpp — cairo's fixed pages read (and made CMYK) once, each page wrapped as a form
// whose stream is stored compressed, so that no row compresses it again.
#include "prepress/fixed_layer.hpp"

#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <vector>

#include "core/diagnostic.hpp"
#include "prepress/cmyk_document.hpp"
#include "prepress/ink.hpp"

namespace broadside::prepress {

namespace {

using Handle = QPDFObjectHandle;

constexpr const char* kFormName = "/BSFixed";

/// The page's drawing as a form: its content stream's data as stored (still compressed), its
/// resources, and its media box as the form's box.
Handle form_of(QPDF& doc, QPDFPageObjectHelper page) {
  Handle contents = page.getObjectHandle().getKey("/Contents");
  Handle form;
  if (contents.isStream() && contents.getDict().hasKey("/Filter")) {
    form = Handle::newStream(&doc, contents.getRawStreamData());
    Handle dict = contents.getDict();
    for (const char* key : {"/Filter", "/DecodeParms"})
      if (dict.hasKey(key)) form.getDict().replaceKey(key, dict.getKey(key));
  } else if (contents.isStream()) {
    // Rewritten to CMYK: compressed here, once, or the writer would do it for every row.
    Pl_Buffer buffer("fixed layer");
    Pl_Flate flate("fixed layer", &buffer, Pl_Flate::a_deflate);
    auto data = contents.getRawStreamData();
    flate.write(data->getBuffer(), data->getSize());
    flate.finish();
    form = Handle::newStream(&doc, buffer.getBufferSharedPointer());
    form.getDict().replaceKey("/Filter", Handle::newName("/FlateDecode"));
  } else {
    form = page.getFormXObjectForPage();  // several streams: qpdf joins them
    form.getDict().removeKey("/Group");
    return form;
  }
  Handle dict = form.getDict();
  dict.replaceKey("/Type", Handle::newName("/XObject"));
  dict.replaceKey("/Subtype", Handle::newName("/Form"));
  dict.replaceKey("/BBox", page.getMediaBox(false).shallowCopy());
  dict.replaceKey("/Resources", page.getAttribute("/Resources", false));
  return form;
}

}  // namespace

struct FixedLayer::State {
  std::string pdf;
  QPDF doc;
  std::vector<Handle> forms;
};

FixedLayer::FixedLayer(std::string pdf, const IccProfile* profile, const ColorTable* colors)
    : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.pdf = std::move(pdf);
  try {
    s.doc.setSuppressWarnings(true);
    s.doc.processMemoryFile("fixed.pdf", s.pdf.data(), s.pdf.size());
    if (profile && colors) convert_to_cmyk(s.doc, InkMap(*colors, CmykConverter(*profile)));
    for (auto& page : QPDFPageDocumentHelper(s.doc).getAllPages())
      s.forms.push_back(form_of(s.doc, page));
  } catch (const core::Failure&) {
    throw;
  } catch (const std::exception& e) {
    throw core::Failure({}, std::string("cannot read the PDF's fixed layer: ") + e.what());
  }
}

FixedLayer::~FixedLayer() = default;

size_t FixedLayer::pages() const {
  return state_->forms.size();
}

QPDFObjectHandle FixedLayer::form(size_t index) const {
  return state_->forms.at(index);
}

const std::string& FixedLayer::pdf() const {
  return state_->pdf;
}

void draw_fixed_layer(QPDF& doc, const FixedLayer& layer) {
  auto pages = QPDFPageDocumentHelper(doc).getAllPages();
  if (pages.size() != layer.pages())
    throw core::Failure({}, "internal: the PDF has " + std::to_string(pages.size()) +
                                " pages, its fixed layer " + std::to_string(layer.pages()));
  for (size_t i = 0; i < pages.size(); ++i) {
    Handle form = doc.copyForeignObject(layer.form(i));
    // cairo gives every page resources of its own: adding to them touches no other page.
    Handle resources = pages[i].getAttribute("/Resources", true);
    Handle xobjects = resources.getKey("/XObject");
    if (!xobjects.isDictionary()) {
      xobjects = Handle::newDictionary();
      resources.replaceKey("/XObject", xobjects);
    }
    if (xobjects.hasKey(kFormName))
      throw core::Failure({}, std::string("internal: the page already names ") + kFormName);
    xobjects.replaceKey(kFormName, form);
    pages[i].addPageContents(doc.newStream(std::string("q ") + kFormName + " Do Q\n"), true);
  }
}

}  // namespace broadside::prepress
