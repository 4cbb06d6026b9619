// impose_test.cpp — n-up imposition: cells placed by the pages' trim, step-and-repeat and
// cut-and-stack orders, duplex backs behind their fronts, bleed and marks, vectors kept.
#include <doctest/doctest.h>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <cmath>
#include <regex>

#include "core/diagnostic.hpp"
#include "prepress/impose.hpp"
#include "prepress_fixture.hpp"

using namespace broadside;
using namespace broadside::prepress;
using core::from_mm;

namespace {

constexpr double kBleed = 3, kSlug = 10;  // mm, as broadside writes an A5 with marks

double pt(double mm) {
  return from_mm(mm).value;
}

/// `pages` A5 pages with 3 mm bleed and a 10 mm slug, page n filled with grey n/10.
std::string a5_pdf(int pages) {
  QPDF pdf;
  pdf.emptyPDF();
  const double edge = pt(kBleed + kSlug), w = pt(148), h = pt(210);
  for (int i = 0; i < pages; ++i) {
    const std::string content = "0." + std::to_string(i + 1) + " g 0 0 600 900 re f";
    auto page = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary({
        {"/Type", QPDFObjectHandle::newName("/Page")},
        {"/MediaBox",
         QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(0, 0, w + 2 * edge, h + 2 * edge))},
        {"/BleedBox", QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(
                          pt(kSlug), pt(kSlug), w + edge + pt(kBleed), h + edge + pt(kBleed)))},
        {"/TrimBox",
         QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(edge, edge, w + edge, h + edge))},
        {"/Contents", pdf.newStream(content)},
        {"/Resources", QPDFObjectHandle::newDictionary()},
    }));
    QPDFPageDocumentHelper(pdf).addPage(QPDFPageObjectHelper(page), false);
  }
  QPDFWriter w2(pdf);
  w2.setOutputMemory();
  w2.write();
  auto b = w2.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
}

/// One placed cell: its clip rectangle, where the source's trim corner lands, which page.
struct Cell {
  double clip_x, clip_y, clip_w, clip_h, x, y;
  int page;
};

struct Sheet {
  double width, height;
  std::vector<Cell> cells;
  std::string content;
};

std::vector<Sheet> sheets_of(const std::string& bytes) {
  QPDF doc;
  doc.processMemoryFile("imposed.pdf", bytes.data(), bytes.size());
  std::vector<Sheet> out;
  static const std::regex cell(
      R"(q (\S+) (\S+) (\S+) (\S+) re W n 1 0 0 1 (\S+) (\S+) cm /Fx(\d+) Do Q)");
  for (auto& page : QPDFPageDocumentHelper(doc).getAllPages()) {
    Sheet s;
    const auto media = page.getMediaBox().getArrayAsRectangle();
    s.width = media.urx;
    s.height = media.ury;
    auto data = page.getObjectHandle().getKey("/Contents").getStreamData();
    s.content.assign(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    for (auto it = std::sregex_iterator(s.content.begin(), s.content.end(), cell);
         it != std::sregex_iterator(); ++it) {
      const auto& m = *it;
      s.cells.push_back({std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]),
                         std::stod(m[5]) + pt(kBleed + kSlug), std::stod(m[6]) + pt(kBleed + kSlug),
                         std::stoi(m[7])});
    }
    out.push_back(s);
  }
  return out;
}

std::vector<int> pages_of(const Sheet& s) {
  std::vector<int> out;
  for (const auto& c : s.cells) out.push_back(c.page);
  return out;
}

ImposeOptions two_up(core::Size sheet) {
  ImposeOptions o;
  o.sheet = sheet;
  o.columns = 2;
  o.rows = 1;
  return o;
}

/// impose_pdf that must succeed.
Imposed impose(const std::string& pdf, const ImposeOptions& o) {
  core::Diagnostics diags;
  auto out = impose_pdf(pdf, o, diags);
  REQUIRE_MESSAGE(out, diags.to_string());
  return *out;
}

}  // namespace

TEST_CASE("impose: 2 x A5 on A4 turns the sheet and places each trim side by side") {
  const auto imposed = impose(a5_pdf(1), two_up(*sheet_size("A4")));
  const auto sheets = sheets_of(imposed.bytes);
  REQUIRE(sheets.size() == 1);
  CHECK(sheets[0].width == doctest::Approx(pt(297)).epsilon(1e-4));  // landscape
  CHECK(sheets[0].height == doctest::Approx(pt(210)).epsilon(1e-4));
  REQUIRE(sheets[0].cells.size() == 2);
  // No room for two bleeds between them (1 mm spare): one shared cut, half a mm at each side.
  CHECK(sheets[0].cells[0].x == doctest::Approx(pt(0.5)).epsilon(1e-3));
  CHECK(sheets[0].cells[1].x == doctest::Approx(pt(148.5)).epsilon(1e-3));
  CHECK(sheets[0].cells[0].y == doctest::Approx(0).epsilon(1e-3));
  CHECK(sheets[0].cells[0].clip_w == doctest::Approx(pt(148.5)).epsilon(1e-3));
  CHECK(pages_of(sheets[0]) == std::vector<int>{0, 0});
  CHECK_FALSE(imposed.warnings.empty());  // the bleed is cut at the sheet's edges
}

TEST_CASE("impose: on SRA4 each cell keeps its bleed, with a gutter of two bleeds") {
  const auto imposed = impose(a5_pdf(1), two_up(*sheet_size("SRA4")));
  const auto sheets = sheets_of(imposed.bytes);
  REQUIRE(sheets.size() == 1);
  REQUIRE(sheets[0].cells.size() == 2);
  const Cell& a = sheets[0].cells[0];
  const Cell& b = sheets[0].cells[1];
  CHECK(b.x - a.x == doctest::Approx(pt(148 + 6)).epsilon(1e-3));
  CHECK(a.clip_w == doctest::Approx(pt(148 + 6)).epsilon(1e-3));
  CHECK(a.clip_x == doctest::Approx(a.x - pt(3)).epsilon(1e-3));
  CHECK(imposed.warnings.empty());
}

TEST_CASE("impose: step-and-repeat puts one page in every cell of a sheet") {
  auto o = two_up(*sheet_size("A3"));  // four A5 fit on A3
  o.rows = 2;
  const auto sheets = sheets_of(impose(a5_pdf(2), o).bytes);
  REQUIRE(sheets.size() == 2);
  CHECK(pages_of(sheets[0]) == std::vector<int>{0, 0, 0, 0});
  CHECK(pages_of(sheets[1]) == std::vector<int>{1, 1, 1, 1});
}

TEST_CASE("impose: cut-and-stack runs the pages down the stack, cell by cell") {
  auto o = two_up(*sheet_size("A4"));
  o.cut_stack = true;
  const auto sheets = sheets_of(impose(a5_pdf(4), o).bytes);
  REQUIRE(sheets.size() == 2);
  // Cut the stack in two and put the right pile under the left: pages 1, 2, 3, 4.
  CHECK(pages_of(sheets[0]) == std::vector<int>{0, 2});
  CHECK(pages_of(sheets[1]) == std::vector<int>{1, 3});
}

TEST_CASE("impose: duplex backs sit behind their fronts, columns mirrored") {
  auto o = two_up(*sheet_size("A4"));
  o.duplex = true;
  o.cut_stack = true;
  const auto sheets = sheets_of(impose(a5_pdf(4), o).bytes);
  REQUIRE(sheets.size() == 2);
  CHECK(pages_of(sheets[0]) == std::vector<int>{0, 2});  // fronts of pieces 1 and 2
  CHECK(pages_of(sheets[1]) == std::vector<int>{3, 1});  // their backs, turned over the side
  // Piece 1's back, in the right cell, lands exactly behind its front in the left cell.
  CHECK(sheets[1].cells[1].x ==
        doctest::Approx(sheets[0].width - sheets[0].cells[0].x - pt(148)).epsilon(1e-3));
}

TEST_CASE("impose: a tumbled duplex sheet mirrors rows instead") {
  ImposeOptions o;
  o.sheet = core::Size{from_mm(210), from_mm(430)};  // two A5 one above the other
  o.keep_orientation = true;
  o.columns = 1;
  o.rows = 2;
  o.duplex = o.tumble = o.cut_stack = true;
  const auto sheets = sheets_of(impose(a5_pdf(4), o).bytes);
  REQUIRE(sheets.size() == 2);
  CHECK(pages_of(sheets[0]) == std::vector<int>{0, 2});
  CHECK(pages_of(sheets[1]) == std::vector<int>{3, 1});
}

TEST_CASE("impose: crop marks at every cut on the fronts, in the registration colour") {
  auto o = two_up(*sheet_size("SRA4"));
  o.duplex = true;
  o.marks = true;
  const auto imposed = impose(a5_pdf(2), o);
  const auto sheets = sheets_of(imposed.bytes);
  REQUIRE(sheets.size() == 2);
  CHECK(sheets[0].content.find("/CSall CS 1 SCN 0.25 w") != std::string::npos);
  CHECK(sheets[1].content.find("/CSall") == std::string::npos);  // backs: no marks
  // Four vertical cuts (two cells, each with its own bleed) above and below, two horizontal
  // cuts at each side: 4 x 2 + 2 x 2 lines.
  const std::regex stroke(R"( l S)");
  const auto n = std::distance(
      std::sregex_iterator(sheets[0].content.begin(), sheets[0].content.end(), stroke),
      std::sregex_iterator());
  CHECK(n == 12);
}

TEST_CASE("impose: pages stay vectors, drawn through form XObjects clipped to their bleed") {
  const auto imposed = impose(a5_pdf(1), two_up(*sheet_size("SRA4")));
  QPDF doc;
  doc.processMemoryFile("imposed.pdf", imposed.bytes.data(), imposed.bytes.size());
  auto page = QPDFPageDocumentHelper(doc).getAllPages().at(0);
  auto form = page.getObjectHandle().getKey("/Resources").getKey("/XObject").getKey("/Fx0");
  REQUIRE(form.isStream());
  CHECK(form.getDict().getKey("/Subtype").isNameAndEquals("/Form"));
  const auto bbox = form.getDict().getKey("/BBox").getArrayAsRectangle();
  CHECK(bbox.llx == doctest::Approx(pt(kSlug)).epsilon(1e-4));  // the source's BleedBox
  auto data = form.getStreamData();
  CHECK(std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize())
            .find("0.1 g") != std::string::npos);
  CHECK(page.getImages().empty());
}

TEST_CASE("impose: a grid that does not fit is an error naming the sizes") {
  auto o = two_up(*sheet_size("A4"));
  o.columns = 3;
  core::Diagnostics diags;
  CHECK_FALSE(impose_pdf(a5_pdf(1), o, diags));
  CHECK(diags.to_string() ==
        "error: 3 x 1 pages of 148.0mm x 210.0mm do not fit on a 210.0mm x 297.0mm sheet either "
        "way round\n");
}

TEST_CASE("impose: sheet names and layouts") {
  CHECK(sheet_size("SRA3")->width == from_mm(320));
  CHECK(sheet_size("a4")->height == from_mm(297));
  CHECK(sheet_size("320mm x 450mm")->height == from_mm(450));
  CHECK(sheet_size("12in x 18in")->width == core::from_in(12));
  CHECK_FALSE(sheet_size("B9"));
  CHECK(grid_layout("2x4") == std::pair{2, 4});
  CHECK_FALSE(grid_layout("2x"));
  CHECK_FALSE(grid_layout("0x1"));
}

TEST_CASE("impose: a page with no area is an error naming the file and the page") {
  // It was imposed, a sheet of nothing; preflight calls the same file an error.
  const std::string source = a5_pdf(2);
  QPDF pdf;
  pdf.processMemoryFile("zero.pdf", source.data(), source.size());
  auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
  pages[1].getObjectHandle().replaceKey(
      "/TrimBox", QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(10, 10, 10, 10)));
  QPDFWriter w(pdf);
  w.setOutputMemory();
  w.write();
  auto b = w.getBufferSharedPointer();
  const std::string zero(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
  core::Diagnostics diags;
  CHECK_FALSE(impose_pdf(zero, two_up(*sheet_size("A3")), diags, "zero.pdf"));
  CHECK(diags.to_string() ==
        "zero.pdf: error: page 2 is 0.0 x 0.0pt: a page with no area cannot be imposed\n");
}
