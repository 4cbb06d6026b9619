// pdfx_test.cpp — PDF/X keys, output intent and XMP; dates; IDs; the refusals that keep the
// claim honest.
#include <doctest/doctest.h>

#include <qpdf/Buffer.hh>

#include <regex>

#include "core/diagnostic.hpp"
#include "prepress/cmyk_document.hpp"
#include "prepress/pdfx.hpp"
#include "prepress/xmp.hpp"
#include "prepress_fixture.hpp"

using namespace broadside;
using namespace broadside::prepress;
using namespace broadside::prepress::testing;
using Handle = QPDFObjectHandle;

namespace {

/// A CMYK one-page document with Info dates in cairo's form (no "D:").
void cmyk_document(QPDF& pdf, const std::string& content = "0 0 0 1 k 0 0 5 5 re f") {
  pdf.emptyPDF();
  add_page(pdf, content);
  pdf.getTrailer().replaceKey("/Info", pdf.makeIndirectObject(Handle::parse(
                                           "<< /Title (A <title> & more) /Author (N. S. C.) "
                                           "/CreationDate (20200217000000Z) /ModDate "
                                           "(20200217000000Z) /Producer (broadside) >>")));
}

std::string metadata_of(QPDF& pdf) {
  auto b = pdf.getRoot().getKey("/Metadata").getStreamData(qpdf_dl_all);
  return std::string(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
}

}  // namespace

TEST_CASE("pdfx: dates in any PDF form become full PDF and XMP dates") {
  auto d = parse_pdf_date("20200217000000Z");
  REQUIRE(d);
  CHECK(d->pdf == "D:20200217000000+00'00'");
  CHECK(d->xmp == "2020-02-17T00:00:00+00:00");
  d = parse_pdf_date("D:20200217103000+01'00'");
  REQUIRE(d);
  CHECK(d->xmp == "2020-02-17T10:30:00+01:00");
  CHECK_FALSE(parse_pdf_date("yesterday"));
}

TEST_CASE("pdfx: document IDs are UUIDs derived from the content, the same every run") {
  const std::string a = uuid_from("x"), b = uuid_from("x"), c = uuid_from("y");
  CHECK(a == b);
  CHECK(a != c);
  CHECK(std::regex_match(
      a, std::regex("uuid:[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
}

TEST_CASE("pdfx: X-4 gets the output intent, Info keys and matching XMP") {
  QPDF pdf;
  cmyk_document(pdf);
  make_pdfx(pdf, {PdfxLevel::x4, &bundled_profile(), "fallback", "seed"});
  Handle intent = pdf.getRoot().getKey("/OutputIntents").getArrayItem(0);
  CHECK(intent.getKey("/S").getName() == "/GTS_PDFX");
  CHECK(intent.getKey("/OutputConditionIdentifier").getUTF8Value() == "FOGRA39");
  CHECK(intent.getKey("/RegistryName").getUTF8Value() == "http://www.color.org");
  Handle icc = intent.getKey("/DestOutputProfile");
  CHECK(icc.getDict().getKey("/N").getIntValue() == 4);
  CHECK(icc.getStreamData(qpdf_dl_all)->getSize() == bundled_profile().bytes.size());

  Handle info = pdf.getTrailer().getKey("/Info");
  CHECK(info.getKey("/GTS_PDFXVersion").getUTF8Value() == "PDF/X-4");
  CHECK(info.getKey("/Trapped").getName() == "/False");
  CHECK(info.getKey("/CreationDate").getUTF8Value() == "D:20200217000000+00'00'");
  CHECK(info.getKey("/ModDate").getUTF8Value() == "D:20200217000000+00'00'");

  const std::string xmp = metadata_of(pdf);
  CHECK(pdf.getRoot().getKey("/Metadata").getDict().getKey("/Subtype").getName() == "/XML");
  CHECK(xmp.find("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>") != std::string::npos);
  CHECK(xmp.find("<xmp:CreateDate>2020-02-17T00:00:00+00:00</xmp:CreateDate>") !=
        std::string::npos);
  CHECK(xmp.find("<xmp:ModifyDate>2020-02-17T00:00:00+00:00</xmp:ModifyDate>") !=
        std::string::npos);
  CHECK(xmp.find("A &lt;title&gt; &amp; more") != std::string::npos);
  CHECK(xmp.find("<pdf:Trapped>False</pdf:Trapped>") != std::string::npos);
  CHECK(xmp.find("<xmpMM:DocumentID>" + uuid_from("document seed")) != std::string::npos);
}

TEST_CASE("pdfx: links are removed from the printed area") {
  QPDF pdf;
  cmyk_document(pdf);
  Handle page = QPDFPageDocumentHelper(pdf).getAllPages().at(0).getObjectHandle();
  page.replaceKey("/Annots",
                  Handle::parse("[ << /Type /Annot /Subtype /Link /Rect [0 0 5 5] >> ]"));
  make_pdfx(pdf, {PdfxLevel::x4, &bundled_profile(), "t", "s"});
  CHECK_FALSE(page.hasKey("/Annots"));
}

TEST_CASE("pdfx: RGB, a font that is not embedded, or X-1a transparency are refused") {
  QPDF rgb;
  cmyk_document(rgb, "0 0 0 rg");
  QPDFPageDocumentHelper(rgb).getAllPages().at(0).getObjectHandle().replaceKey(
      "/Group", Handle::parse("<< /S /Transparency /CS /DeviceRGB >>"));
  CHECK_THROWS_WITH_AS(make_pdfx(rgb, {PdfxLevel::x4, &bundled_profile(), "t", "s"}),
                       doctest::Contains("RGB is left"), core::Failure);

  QPDF font;
  cmyk_document(font);
  QPDFPageDocumentHelper(font)
      .getAllPages()
      .at(0)
      .getObjectHandle()
      .getKey("/Resources")
      .replaceKey("/Font", Handle::parse(
                               "<< /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>"));
  CHECK_THROWS_WITH_AS(make_pdfx(font, {PdfxLevel::x4, &bundled_profile(), "t", "s"}),
                       doctest::Contains("the font /Helvetica is not embedded"), core::Failure);

  QPDF alpha;
  cmyk_document(alpha);
  QPDFPageDocumentHelper(alpha)
      .getAllPages()
      .at(0)
      .getObjectHandle()
      .getKey("/Resources")
      .replaceKey("/ExtGState", Handle::parse("<< /a0 << /CA 0.5 /ca 0.5 >> >>"));
  CHECK_THROWS_WITH_AS(make_pdfx(alpha, {PdfxLevel::x1a, &bundled_profile(), "t", "s"}),
                       doctest::Contains("PDF/X-1a forbids transparency"), core::Failure);
  // The same file is fine as X-4: transparency stays live for the RIP.
  CHECK_NOTHROW(make_pdfx(alpha, {PdfxLevel::x4, &bundled_profile(), "t", "s"}));
}

TEST_CASE("pdfx: X-1a without transparency drops the page group and names itself") {
  QPDF pdf;
  cmyk_document(pdf);
  Handle page = QPDFPageDocumentHelper(pdf).getAllPages().at(0).getObjectHandle();
  page.replaceKey("/Group", Handle::parse("<< /S /Transparency /CS /DeviceCMYK >>"));
  page.getKey("/Resources").replaceKey("/ExtGState", Handle::parse("<< /a0 << /CA 1 /ca 1 >> >>"));
  make_pdfx(pdf, {PdfxLevel::x1a, &bundled_profile(), "t", "s"});
  CHECK_FALSE(page.hasKey("/Group"));
  Handle info = pdf.getTrailer().getKey("/Info");
  CHECK(info.getKey("/GTS_PDFXVersion").getUTF8Value() == "PDF/X-1a:2003");
  CHECK(pdfx_version_for(PdfxLevel::x1a) == "1.4");
}

TEST_CASE("pdfx: a custom profile is a Custom output condition named by its description") {
  IccProfile custom = bundled_profile();
  custom.description = "Shop press, uncoated";
  const OutputCondition oc = output_condition_for(custom);
  CHECK(oc.identifier == "Custom");
  CHECK(oc.condition == "Shop press, uncoated");
  CHECK(oc.registry.empty());
}
