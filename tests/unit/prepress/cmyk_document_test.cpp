// cmyk_document_test.cpp — a whole PDF converted: page streams, resources, images, gradients,
// transparency groups, forms; and the refusal to leave RGB behind.
#include <doctest/doctest.h>

#include <qpdf/Buffer.hh>

#include "core/diagnostic.hpp"
#include "prepress/cmyk_document.hpp"
#include "prepress_fixture.hpp"

using namespace broadside;
using namespace broadside::prepress;
using namespace broadside::prepress::testing;
using Handle = QPDFObjectHandle;

namespace {

std::string data_of(Handle stream) {
  auto b = stream.getStreamData(qpdf_dl_all);
  return std::string(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
}

Handle rgb_image(QPDF& pdf) {
  Handle image = pdf.newStream(std::string("\xFF\x00\x00\xFF\xFF\xFF", 6));
  Handle dict = image.getDict();
  dict.replaceKey("/Type", Handle::newName("/XObject"));
  dict.replaceKey("/Subtype", Handle::newName("/Image"));
  dict.replaceKey("/Width", Handle::newInteger(2));
  dict.replaceKey("/Height", Handle::newInteger(1));
  dict.replaceKey("/BitsPerComponent", Handle::newInteger(8));
  dict.replaceKey("/ColorSpace", Handle::newName("/DeviceRGB"));
  return image;
}

Handle gradient(QPDF& pdf, int type) {
  Handle function =
      Handle::parse("<< /FunctionType 2 /Domain [0 1] /C0 [1 0 0] /C1 [0 0 0] /N 1 >>");
  return pdf.makeIndirectObject(Handle::newDictionary({
      {"/ShadingType", Handle::newInteger(type)},
      {"/ColorSpace", Handle::newName("/DeviceRGB")},
      {"/Coords", Handle::parse("[0 0 10 0]")},
      {"/Function", pdf.makeIndirectObject(function)},
  }));
}

Handle form(QPDF& pdf) {
  Handle f = pdf.newStream("0.2 0.4 0.6 rg 0 0 5 5 re f 0 0 0 rg BT (x) Tj ET");
  Handle dict = f.getDict();
  dict.replaceKey("/Type", Handle::newName("/XObject"));
  dict.replaceKey("/Subtype", Handle::newName("/Form"));
  dict.replaceKey("/BBox", Handle::parse("[0 0 10 10]"));
  dict.replaceKey("/Group", Handle::parse("<< /S /Transparency /CS /DeviceRGB >>"));
  return f;
}

}  // namespace

TEST_CASE("cmyk document: every kind of colour object is converted and no RGB is left") {
  QPDF pdf;
  pdf.emptyPDF();
  Handle resources = Handle::newDictionary({
      {"/XObject", Handle::newDictionary({{"/Im1", rgb_image(pdf)}, {"/Fm1", form(pdf)}})},
      {"/Shading", Handle::newDictionary({{"/Sh1", gradient(pdf, 2)}})},
  });
  add_page(pdf, "0 0 0 rg BT (a) Tj ET /Im1 Do /Fm1 Do /Sh1 sh", resources);
  Handle page = QPDFPageDocumentHelper(pdf).getAllPages().at(0).getObjectHandle();
  page.replaceKey("/Group", Handle::parse("<< /Type /Group /S /Transparency /CS /DeviceRGB >>"));
  REQUIRE_FALSE(find_rgb(pdf).empty());

  convert_to_cmyk(pdf, inks_for({}));
  CHECK(find_rgb(pdf).empty());

  const std::string contents = data_of(page.getKey("/Contents"));
  CHECK(has_operator(contents, "k"));
  CHECK_FALSE(has_operator(contents, "rg"));
  // Overprint states the page now uses are in its resources.
  Handle gs = page.getKey("/Resources").getKey("/ExtGState");
  REQUIRE(gs.isDictionary());
  Handle op = gs.getKey("/BSop1");
  REQUIRE(op.isDictionary());
  CHECK(op.getKey("/op").getBoolValue());
  CHECK_FALSE(op.getKey("/OP").getBoolValue());
  CHECK(op.getKey("/OPM").getIntValue() == 1);

  CHECK(page.getKey("/Group").getKey("/CS").getName() == "/DeviceCMYK");
  Handle image = resources.getKey("/XObject").getKey("/Im1");
  CHECK(image.getDict().getKey("/ColorSpace").getName() == "/DeviceCMYK");
  const std::string pixels = data_of(image);
  REQUIRE(pixels.size() == 8);
  CHECK(static_cast<unsigned char>(pixels[1]) > 200);  // red: magenta
  CHECK(pixels.substr(4) == std::string(4, '\0'));     // white: no ink

  Handle f = resources.getKey("/XObject").getKey("/Fm1");
  CHECK(f.getDict().getKey("/Group").getKey("/CS").getName() == "/DeviceCMYK");
  CHECK_FALSE(has_operator(data_of(f), "rg"));
  CHECK(f.getDict().getKey("/Resources").getKey("/ExtGState").hasKey("/BSop1"));

  Handle fn = resources.getKey("/Shading").getKey("/Sh1").getKey("/Function");
  CHECK(fn.getKey("/C0").getArrayNItems() == 4);
  CHECK(fn.getKey("/C1").unparse() == "[ 0 0 0 1 ]");
  CHECK(resources.getKey("/Shading").getKey("/Sh1").getKey("/ColorSpace").getName() ==
        "/DeviceCMYK");
}

TEST_CASE("cmyk document: spot colours get one shared Separation with their CMYK alternate") {
  core::Color pantone = core::Color::from_cmyk({0, 0.95, 1, 0});
  pantone.spot = "PANTONE 485 C";
  const ColorTable table({pantone});
  QPDF pdf;
  pdf.emptyPDF();
  add_page(pdf, cairo_rgb(table.draw_rgb(pantone), "rg") + " 0 0 5 5 re f");
  add_page(pdf, cairo_rgb(table.draw_rgb(pantone), "RG") + " 0 0 m 5 5 l S");
  convert_to_cmyk(pdf, inks_for({pantone}));
  auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
  Handle one =
      pages[0].getObjectHandle().getKey("/Resources").getKey("/ColorSpace").getKey("/BSsep0");
  Handle two =
      pages[1].getObjectHandle().getKey("/Resources").getKey("/ColorSpace").getKey("/BSsep0");
  REQUIRE(one.isArray());
  CHECK(one.getObjGen() == two.getObjGen());
  CHECK(one.getArrayItem(0).getName() == "/Separation");
  CHECK(one.getArrayItem(1).getName() == "/PANTONE 485 C");
  CHECK(one.getArrayItem(2).getName() == "/DeviceCMYK");
  CHECK(one.getArrayItem(3).getKey("/C1").unparse() == "[ 0 0.95 1 0 ]");
}

TEST_CASE("cmyk document: a gradient it cannot convert is an error, never left RGB") {
  QPDF pdf;
  pdf.emptyPDF();
  Handle resources =
      Handle::newDictionary({{"/Shading", Handle::newDictionary({{"/Sh1", gradient(pdf, 1)}})}});
  add_page(pdf, "/Sh1 sh", resources);
  CHECK_THROWS_WITH_AS(convert_to_cmyk(pdf, inks_for({})),
                       doctest::Contains("cannot convert a gradient of shading type 1"),
                       core::Failure);
}
