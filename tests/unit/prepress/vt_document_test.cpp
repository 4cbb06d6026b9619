// vt_document_test.cpp — records joined into one variable-data PDF: pages in order, identical
// objects stored once and different ones kept, the DPart hierarchy, PDF/VT-1 only over PDF/X-4.
#include <doctest/doctest.h>

#include <qpdf/QPDFWriter.hh>

#include "core/diagnostic.hpp"
#include "prepress/vt_document.hpp"
#include "prepress_fixture.hpp"

using namespace broadside;
using namespace broadside::prepress;
using namespace broadside::prepress::testing;
using Handle = QPDFObjectHandle;

namespace {

/// A record as a finished file: one page showing `text` in a font whose program is
/// `font_program`, with a 20 KB image every record has; PDF/X-4 keys when `x4`.
std::string record(const std::string& text, const std::string& font_program, bool x4,
                   const std::string& tail = "") {
  QPDF pdf;
  pdf.emptyPDF();
  Handle font_file = pdf.newStream(font_program);
  Handle font = pdf.makeIndirectObject(Handle::parse(
      "<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+Test /FontDescriptor << /Type "
      "/FontDescriptor /FontName /ABCDEF+Test >> >>"));
  font.getKey("/FontDescriptor").replaceKey("/FontFile3", font_file);
  Handle image = pdf.newStream(std::string(20000, '\x42'));
  image.getDict().replaceKey("/Type", Handle::newName("/XObject"));
  image.getDict().replaceKey("/Subtype", Handle::newName("/Image"));
  Handle resources =
      Handle::newDictionary({{"/Font", Handle::newDictionary({{"/F1", font}})},
                             {"/XObject", Handle::newDictionary({{"/Im1", image}})}});
  add_page(pdf, "q /Im1 Do Q BT /F1 12 Tf (" + text + ") Tj " + tail, resources);
  Handle info = pdf.makeIndirectObject(
      Handle::parse("<< /Title (Branches) /CreationDate (D:20200217000000+00'00') /ModDate "
                    "(D:20200217000000+00'00') >>"));
  pdf.getTrailer().replaceKey("/Info", info);
  if (x4) {
    info.replaceKey("/GTS_PDFXVersion", Handle::newString("PDF/X-4"));
    Handle profile = pdf.newStream(bundled_profile().bytes);
    profile.getDict().replaceKey("/N", Handle::newInteger(4));
    pdf.getRoot().replaceKey("/OutputIntents",
                             Handle::newArray({pdf.makeIndirectObject(Handle::newDictionary(
                                 {{"/Type", Handle::newName("/OutputIntent")},
                                  {"/S", Handle::newName("/GTS_PDFX")},
                                  {"/OutputConditionIdentifier", Handle::newString("FOGRA39")},
                                  {"/DestOutputProfile", profile}}))}));
  }
  QPDFWriter writer(pdf);
  writer.setOutputMemory();
  writer.setDeterministicID(true);
  writer.write();
  auto b = writer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
}

/// `count` unit squares, one after another: artwork every record has.
std::string squares(int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += std::to_string(i) + " 0 1 1 re f\n";
  return out;
}

/// Form XObjects in `pdf`, and the pages whose content draws one.
std::pair<int, int> forms_in(QPDF& pdf) {
  int forms = 0, drawn = 0;
  for (auto& h : pdf.getAllObjects())
    if (h.isStream() && h.getDict().getKey("/Subtype").isNameAndEquals("/Form")) ++forms;
  for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    auto data = page.getObjectHandle().getKey("/Contents").getStreamData(qpdf_dl_all);
    const std::string content(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    if (content.find(" Do\n") != std::string::npos) ++drawn;
  }
  return {forms, drawn};
}

QPDF& read(QPDF& pdf, const VtWritten& out) {
  pdf.processMemoryFile("vt.pdf", out.bytes.data(), out.bytes.size());
  return pdf;
}

/// Streams of `pdf` whose data is `bytes`.
int streams_holding(QPDF& pdf, const std::string& bytes) {
  int n = 0;
  for (auto& h : pdf.getAllObjects()) {
    if (!h.isStream() || h.getDict().getKey("/Type").isNameAndEquals("/ObjStm")) continue;
    auto data = h.getStreamData(qpdf_dl_all);
    if (std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()) == bytes)
      ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("vt: records in order, what they share stored once, each record a DPart") {
  VtDocument doc;
  doc.add_record(record("Detroit", "font program A", false), {{"branch.name", "Detroit"}});
  doc.add_record(record("Oakland", "font program A", false), {{"branch.name", "Oakland"}});
  doc.add_record(record("Leeds", "font program B", false), {{"branch.name", "Leeds"}});
  const VtWritten out = doc.write();
  CHECK(out.records == 3);
  CHECK(out.pages == 3);
  CHECK(out.conformance == VtConformance::none);
  CHECK(out.shared_objects >= 3);  // the image twice, font program A once (and what holds them)
  CHECK(out.shared_bytes > 0);

  QPDF pdf;
  pdf.processMemoryFile("vt.pdf", out.bytes.data(), out.bytes.size());
  auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
  REQUIRE(pages.size() == 3);
  CHECK(streams_holding(pdf, std::string(20000, '\x42')) == 1);
  CHECK(streams_holding(pdf, "font program A") == 1);
  CHECK(streams_holding(pdf, "font program B") == 1);
  CHECK(pdf.getRoot().getKey("/Metadata").isNull());  // no PDF/X, so no PDF/VT claim

  Handle root = pdf.getRoot().getKey("/DPartRoot");
  CHECK(root.getKey("/RecordLevel").getIntValue() == 1);
  Handle parts = root.getKey("/DPartRootNode").getKey("/DParts");
  REQUIRE(parts.getArrayNItems() == 1);
  Handle records = parts.getArrayItem(0);
  REQUIRE(records.getArrayNItems() == 3);
  const char* names[] = {"Detroit", "Oakland", "Leeds"};
  for (int i = 0; i < 3; ++i) {
    Handle part = records.getArrayItem(i);
    CAPTURE(i);
    CHECK(part.getKey("/Start").getObjGen() == pages[i].getObjectHandle().getObjGen());
    CHECK(pages[i].getObjectHandle().getKey("/DPart").getObjGen() == part.getObjGen());
    CHECK(part.getKey("/DPM").getKey("/Values").getKey("/branch.name").getUTF8Value() == names[i]);
    CHECK(part.getKey("/Parent").getObjGen() == root.getKey("/DPartRootNode").getObjGen());
  }
}

TEST_CASE("vt: PDF/X-4 records make PDF/VT-1, the same bytes every time") {
  auto make = [] {
    VtDocument doc;
    doc.add_record(record("Detroit", "font", true), {});
    doc.add_record(record("Oakland", "font", true), {});
    return doc.write();
  };
  const VtWritten a = make();
  CHECK(a.conformance == VtConformance::pdfvt1);
  CHECK(a.bytes == make().bytes);
  QPDF pdf;
  pdf.processMemoryFile("vt.pdf", a.bytes.data(), a.bytes.size());
  CHECK(pdf.getPDFVersion() == "1.6");
  CHECK(streams_holding(pdf, bundled_profile().bytes) == 1);
  auto xmp = pdf.getRoot().getKey("/Metadata").getStreamData(qpdf_dl_all);
  const std::string text(reinterpret_cast<const char*>(xmp->getBuffer()), xmp->getSize());
  CHECK(text.find("<pdfvtid:GTS_PDFVTVersion>PDF/VT-1</pdfvtid:GTS_PDFVTVersion>") !=
        std::string::npos);
  CHECK(text.find("<pdfvtid:GTS_PDFVTModDate>2020-02-17T00:00:00+00:00<") != std::string::npos);
  CHECK(text.find("<pdfxid:GTS_PDFXVersion>PDF/X-4<") != std::string::npos);
}

TEST_CASE("vt: records for different output conditions, unreadable records and none are refused") {
  VtDocument doc;
  doc.add_record(record("Detroit", "font", true), {});
  CHECK_THROWS_WITH_AS(doc.add_record(record("Oakland", "font", false), {}),
                       doctest::Contains("record 2 is not printed for the same output condition"),
                       core::Failure);
  CHECK_THROWS_WITH_AS(doc.add_record("not a PDF", {}),
                       doctest::Contains("record 2: cannot read its PDF"), core::Failure);
  VtDocument empty;
  CHECK_THROWS_AS(empty.write(), core::Failure);
}

TEST_CASE("vt: the content every record ends with becomes one form, cut only where it may be") {
  // After the text object: the squares move into a form all three pages draw.
  {
    VtDocument doc;
    for (const char* branch : {"Detroit", "Oakland", "Leeds"})
      doc.add_record(record(branch, "font", false, "ET q " + squares(60) + "Q"), {});
    const VtWritten out = doc.write();
    CHECK(out.shared_forms == 3);
    QPDF pdf;
    CHECK(forms_in(read(pdf, out)) == std::pair{1, 3});
  }
  // Inside the text object (the record's text is in the same BT ... ET): a form may not start
  // there nor hold half a text object, so the content stays as it is.
  {
    VtDocument doc;
    for (const char* branch : {"Detroit", "Oakland"})
      doc.add_record(record(branch, "font", false, squares(60) + " ET"), {});
    const VtWritten out = doc.write();
    CHECK(out.shared_forms == 0);
    QPDF pdf;
    CHECK(forms_in(read(pdf, out)) == std::pair{0, 0});
  }
  // A common end too short to be worth a form stays inline.
  {
    VtDocument doc;
    for (const char* branch : {"Detroit", "Oakland"})
      doc.add_record(record(branch, "font", false, "ET " + squares(2)), {});
    CHECK(doc.write().shared_forms == 0);
  }
}
