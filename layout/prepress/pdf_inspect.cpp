// pdf_inspect.cpp — boxes from the page dictionaries, fonts and colour spaces from what each page
// can reach, images by following the graphics state through the content streams.
#include "prepress/pdf_inspect.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

#include "core/diagnostic.hpp"
#include "prepress/cmyk_document.hpp"
#include "prepress/walk.hpp"

namespace broadside::prepress {

namespace {

using Handle = QPDFObjectHandle;
/// a b c d e f, as PDF writes a matrix.
using Matrix = std::array<double, 6>;

constexpr Matrix kIdentity = {1, 0, 0, 1, 0, 0};
/// Forms inside forms deeper than this are a loop or an attack, not a leaflet.
constexpr int kMaxFormDepth = 12;

/// m × n: apply m first, then n.
Matrix multiply(const Matrix& m, const Matrix& n) {
  return {m[0] * n[0] + m[1] * n[2],        m[0] * n[1] + m[1] * n[3],
          m[2] * n[0] + m[3] * n[2],        m[2] * n[1] + m[3] * n[3],
          m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]};
}

std::optional<Matrix> matrix_of(std::vector<Handle> operands) {
  if (operands.size() < 6) return std::nullopt;
  Matrix m;
  for (size_t i = 0; i < 6; ++i) {
    Handle& h = operands[operands.size() - 6 + i];
    if (!h.isNumber()) return std::nullopt;
    m[i] = h.getNumericValue();
  }
  return m;
}

PdfBox box_of(Handle array) {
  const auto r = array.getArrayAsRectangle();
  return {std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx),
          std::max(r.lly, r.ury)};
}

/// The unit square through `m`: where an image lands.
PdfBox bounds_of(const Matrix& m) {
  const double xs[] = {m[4], m[4] + m[0], m[4] + m[2], m[4] + m[0] + m[2]};
  const double ys[] = {m[5], m[5] + m[1], m[5] + m[3], m[5] + m[1] + m[3]};
  return {*std::min_element(xs, xs + 4), *std::min_element(ys, ys + 4),
          *std::max_element(xs, xs + 4), *std::max_element(ys, ys + 4)};
}

/// What the content streams of a page show: placed images, and RGB set by operators (which no
/// resource dictionary mentions), once per page and operator.
struct ContentFindings {
  std::vector<PdfImage>& images;
  std::vector<std::string>& rgb;
  std::set<std::pair<int, std::string>> rgb_seen;
};

/// Follows q/Q/cm through one content stream and records every image `Do` draws; recurses into
/// form XObjects with their /Matrix.
class ImageFinder : public QPDFObjectHandle::ParserCallbacks {
 public:
  ImageFinder(int page, Handle resources, Matrix ctm, int depth, ContentFindings& out)
      : page_(page), resources_(resources), ctm_(ctm), depth_(depth), out_(out) {}

  void handleObject(QPDFObjectHandle h) override {
    if (!h.isOperator()) {
      operands_.push_back(h);
      return;
    }
    const std::string op = h.getOperatorValue();
    if (op == "q") stack_.push_back(ctm_);
    if (op == "Q" && !stack_.empty()) {
      ctm_ = stack_.back();
      stack_.pop_back();
    }
    if (op == "cm")
      if (auto m = matrix_of(operands_)) ctm_ = multiply(*m, ctm_);
    if (op == "Do" && !operands_.empty() && operands_.back().isName()) draw(operands_.back());
    const bool rgb_space = (op == "cs" || op == "CS") && !operands_.empty() &&
                           operands_.back().isNameAndEquals("/DeviceRGB");
    if ((op == "rg" || op == "RG" || rgb_space) && out_.rgb_seen.insert({page_, op}).second)
      out_.rgb.push_back("page " + std::to_string(page_) + "'s content (the " + op +
                         " operator sets an RGB colour)");
    operands_.clear();
  }
  void handleEOF() override {}

 private:
  void draw(Handle name) {
    Handle xobjects = resources_.isDictionary() ? resources_.getKey("/XObject") : Handle();
    if (!xobjects.isDictionary()) return;
    Handle x = xobjects.getKey(name.getName());
    if (!x.isStream()) return;
    Handle dict = x.getDict();
    if (dict.getKey("/Subtype").isNameAndEquals("/Image")) {
      record(x);
    } else if (dict.getKey("/Subtype").isNameAndEquals("/Form") && depth_ < kMaxFormDepth) {
      Matrix m = kIdentity;
      if (dict.getKey("/Matrix").isArray()) {
        const auto v = dict.getKey("/Matrix").getArrayAsVector();
        m = matrix_of(v).value_or(kIdentity);
      }
      ImageFinder inner(page_, dict.getKey("/Resources"), multiply(m, ctm_), depth_ + 1, out_);
      QPDFPageObjectHelper(x).parseContents(&inner);
    }
  }

  void record(Handle image) {
    Handle dict = image.getDict();
    PdfImage i;
    i.page = page_;
    i.name = image.isIndirect() ? "image object " + std::to_string(image.getObjectID()) : "image";
    i.pixels_wide =
        dict.getKey("/Width").isInteger() ? dict.getKey("/Width").getIntValueAsInt() : 0;
    i.pixels_high =
        dict.getKey("/Height").isInteger() ? dict.getKey("/Height").getIntValueAsInt() : 0;
    i.width = std::hypot(ctm_[0], ctm_[1]);
    i.height = std::hypot(ctm_[2], ctm_[3]);
    i.ppi_x = i.width > 0 ? i.pixels_wide / (i.width / 72) : 0;
    i.ppi_y = i.height > 0 ? i.pixels_high / (i.height / 72) : 0;
    i.bounds = bounds_of(ctm_);
    out_.images.push_back(i);
  }

  int page_;
  Handle resources_;
  Matrix ctm_;
  int depth_;
  ContentFindings& out_;
  std::vector<Handle> operands_;
  std::vector<Matrix> stack_;
};

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

PdfInspection inspect_pdf(const std::string& pdf, bool images, bool colors) {
  PdfInspection out;
  try {
    QPDF doc;
    doc.setSuppressWarnings(true);
    doc.processMemoryFile("preflight.pdf", pdf.data(), pdf.size());
    int number = 0;
    std::vector<std::string> content_rgb;
    ContentFindings content{out.images, content_rgb, {}};
    for (auto& page : QPDFPageDocumentHelper(doc).getAllPages()) {
      PdfPage p;
      p.number = ++number;
      Handle dict = page.getObjectHandle();
      p.media = box_of(page.getMediaBox());
      if (dict.getKey("/TrimBox").isRectangle()) p.trim = box_of(dict.getKey("/TrimBox"));
      if (dict.getKey("/BleedBox").isRectangle()) p.bleed = box_of(dict.getKey("/BleedBox"));
      out.pages.push_back(p);
      Handle resources = page.getAttribute("/Resources", false);
      collect_fonts(p.number, resources, out.fonts);
      if (images) {
        ImageFinder finder(p.number, resources, kIdentity, 0, content);
        page.parseContents(&finder);
      }
    }
    if (colors) {
      out.rgb = find_rgb(doc);
      out.rgb.insert(out.rgb.end(), content_rgb.begin(), content_rgb.end());
      out.has_cmyk = uses_cmyk(doc);
    }
    Handle root = doc.getRoot();
    out.has_output_intent = root.getKey("/OutputIntents").isArray() &&
                            root.getKey("/OutputIntents").getArrayNItems() > 0;
    if (root.getKey("/Lang").isString()) out.lang = root.getKey("/Lang").getUTF8Value();
    Handle info = doc.getTrailer().getKey("/Info");
    if (info.isDictionary() && info.getKey("/GTS_PDFXVersion").isString())
      out.pdfx_version = info.getKey("/GTS_PDFXVersion").getUTF8Value();
  } catch (const std::exception& e) {
    throw core::Failure({}, std::string("cannot read the PDF: ") + e.what());
  }
  return out;
}

}  // namespace broadside::prepress
