// impose.cpp — sheets built in the source document itself (qpdf), so its output intent, fonts
// and colour spaces carry over: each source page becomes a form XObject clipped to its bleed,
// placed by its TrimBox; the source pages are then dropped.
#include "prepress/impose.hpp"

#include <fmt/format.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <cmath>
#include <set>

#include "core/ascii.hpp"
#include "core/diagnostic.hpp"

namespace broadside::prepress {

namespace {

using Handle = QPDFObjectHandle;
using core::Pt;

/// A rectangle in PDF space (points, y up).
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
};

Box box_of(Handle array) {
  const auto r = array.getArrayAsRectangle();
  return {std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx),
          std::max(r.lly, r.ury)};
}

/// The source: one form per page, the common trim size, and the bleed every page has.
struct Source {
  std::vector<QPDFPageObjectHelper> pages;
  std::vector<Box> trims;
  std::vector<Handle> forms;
  double width = 0, height = 0;
  double bleed = 0;  // the least bleed any page has on any side
};

Source read_source(QPDF& doc) {
  // Its pages' problems name the file, as its being unreadable does.
  const core::SourceLocation file{doc.getFilename()};
  Source s;
  s.pages = QPDFPageDocumentHelper(doc).getAllPages();
  if (s.pages.empty()) throw core::Failure(file, "the PDF has no pages to impose");
  s.bleed = 1e9;
  for (size_t i = 0; i < s.pages.size(); ++i) {
    auto& page = s.pages[i];
    Handle rotate = page.getAttribute("/Rotate", false);
    if (rotate.isInteger() && rotate.getIntValue() % 360 != 0)
      throw core::Failure(file, fmt::format("page {} is rotated (/Rotate {}); impose the pages "
                                            "as they are printed, unrotated",
                                            i + 1, rotate.getIntValue()));
    const Box trim = box_of(page.getTrimBox()), bleed = box_of(page.getBleedBox());
    if (!(trim.width() >= 1 && trim.height() >= 1))
      throw core::Failure(file, fmt::format("page {} is {:.1f} x {:.1f}pt: a page with no area "
                                            "cannot be imposed",
                                            i + 1, trim.width(), trim.height()));
    if (i == 0) {
      s.width = trim.width();
      s.height = trim.height();
    } else if (std::abs(trim.width() - s.width) > 0.5 || std::abs(trim.height() - s.height) > 0.5) {
      throw core::Failure(
          file, fmt::format("page {} is {:.1f} x {:.1f}mm but page 1 is {:.1f} x "
                            "{:.1f}mm; impose pages of one size",
                            i + 1, core::to_mm(Pt{trim.width()}), core::to_mm(Pt{trim.height()}),
                            core::to_mm(Pt{s.width}), core::to_mm(Pt{s.height})));
    }
    s.bleed =
        std::min({s.bleed, std::max(0.0, trim.x0 - bleed.x0), std::max(0.0, trim.y0 - bleed.y0),
                  std::max(0.0, bleed.x1 - trim.x1), std::max(0.0, bleed.y1 - trim.y1)});
    Handle form = page.getFormXObjectForPage();
    // The form shows the page up to its bleed: the source's own slug and marks stay behind.
    form.getDict().replaceKey("/BBox", page.getBleedBox().shallowCopy());
    s.trims.push_back(trim);
    s.forms.push_back(doc.makeIndirectObject(form));
  }
  return s;
}

/// Where the cells sit on the sheet, in PDF space.
struct Layout {
  double sheet_w = 0, sheet_h = 0;
  int columns = 1, rows = 1;
  double cell_w = 0, cell_h = 0, gutter_x = 0, gutter_y = 0;
  double margin_x = 0, margin_y = 0;  // sheet edge to the nearest trim
  double outer_x = 0, outer_y = 0;    // bleed shown at the block's outer edges
  double inner_x = 0, inner_y = 0;    // bleed shown between cells

  /// Lower-left corner of cell (column, row); row 0 is the top row.
  std::pair<double, double> origin(int column, int row) const {
    return {margin_x + column * (cell_w + gutter_x),
            sheet_h - margin_y - (row + 1) * cell_h - row * gutter_y};
  }
};

std::string mm(double points) {
  return fmt::format("{:.1f}mm", core::to_mm(Pt{points}));
}

/// The sheet turned whichever way holds the grid with the most room to spare.
std::pair<double, double> orient(const ImposeOptions& o, const Source& s) {
  std::vector<std::pair<double, double>> tries = {{o.sheet.width.value, o.sheet.height.value}};
  if (!o.keep_orientation) tries.emplace_back(o.sheet.height.value, o.sheet.width.value);
  std::optional<std::pair<double, double>> best;
  double best_room = -1;
  for (const auto& [w, h] : tries) {
    const double room_x = w - o.columns * s.width, room_y = h - o.rows * s.height;
    if (room_x < -0.01 || room_y < -0.01) continue;
    if (std::min(room_x, room_y) > best_room) {
      best_room = std::min(room_x, room_y);
      best = std::pair{w, h};
    }
  }
  if (!best)
    throw core::Failure({}, fmt::format("{} x {} pages of {} x {} do not fit on a {} x {} sheet "
                                        "either way round",
                                        o.columns, o.rows, mm(s.width), mm(s.height),
                                        mm(o.sheet.width.value), mm(o.sheet.height.value)));
  return *best;
}

/// The gutter along one direction: as asked, else room for two bleeds when there is, else 0.
double gutter_for(const ImposeOptions& o, int cells, double room, double bleed) {
  if (o.booklet) return 0;  // the pages meet at the fold
  if (o.gutter) return o.gutter->value;
  return cells > 1 && room >= (cells - 1) * 2 * bleed ? 2 * bleed : 0;
}

Layout plan(const ImposeOptions& o, const Source& s, std::vector<std::string>& warnings) {
  Layout l;
  std::tie(l.sheet_w, l.sheet_h) = orient(o, s);
  l.columns = o.columns;
  l.rows = o.rows;
  l.cell_w = s.width;
  l.cell_h = s.height;
  const double room_x = l.sheet_w - l.columns * l.cell_w, room_y = l.sheet_h - l.rows * l.cell_h;
  l.gutter_x = gutter_for(o, l.columns, room_x, s.bleed);
  l.gutter_y = gutter_for(o, l.rows, room_y, s.bleed);
  l.margin_x = (room_x - (l.columns - 1) * l.gutter_x) / 2;
  l.margin_y = (room_y - (l.rows - 1) * l.gutter_y) / 2;
  if (l.margin_x < -0.01 || l.margin_y < -0.01)
    throw core::Failure(
        {}, fmt::format("a gutter of {} leaves no room for {} x {} pages of {} x "
                        "{} on the sheet",
                        mm(o.gutter->value), l.columns, l.rows, mm(s.width), mm(s.height)));
  l.margin_x = std::max(0.0, l.margin_x);
  l.margin_y = std::max(0.0, l.margin_y);
  l.outer_x = std::min(s.bleed, l.margin_x);
  l.outer_y = std::min(s.bleed, l.margin_y);
  l.inner_x = std::min(s.bleed, l.gutter_x / 2);
  l.inner_y = std::min(s.bleed, l.gutter_y / 2);
  if (s.bleed > 0.01 && (l.outer_x < s.bleed - 0.01 || l.outer_y < s.bleed - 0.01))
    warnings.push_back(fmt::format(
        "the sheet leaves {} beyond the trim at its sides and {} at head and foot, so the {} "
        "bleed is cut there (no printer prints to the sheet's edge: use a larger sheet, such as "
        "SRA3 or SRA4, for work that bleeds)",
        mm(l.margin_x), mm(l.margin_y), mm(s.bleed)));
  if (s.bleed > 0.01 && !o.booklet &&
      ((l.columns > 1 && l.inner_x < s.bleed - 0.01) || (l.rows > 1 && l.inner_y < s.bleed - 0.01)))
    warnings.push_back(fmt::format(
        "no room for the bleed between cells: neighbours share one cut (give --gutter {} on a "
        "larger sheet to keep each cell's bleed)",
        mm(2 * s.bleed)));
  return l;
}

/// Which source page each cell of each sheet side shows (-1: empty), sides in print order.
std::vector<std::vector<int>> assign(const ImposeOptions& o, size_t page_count) {
  const int cells = o.columns * o.rows;
  const int per_piece = o.duplex ? 2 : 1;
  const int pieces = static_cast<int>((page_count + per_piece - 1) / per_piece);
  const int sheets = o.cut_stack ? (pieces + cells - 1) / cells : pieces;
  std::vector<std::vector<int>> sides;
  for (int sheet = 0; sheet < sheets; ++sheet) {
    for (int face = 0; face < per_piece; ++face) {
      std::vector<int> side(static_cast<size_t>(cells), -1);
      for (int cell = 0; cell < cells; ++cell) {
        const int piece = o.cut_stack ? cell * sheets + sheet : sheet;
        const int page = piece * per_piece + face;
        if (piece >= pieces || page >= static_cast<int>(page_count)) continue;
        int column = cell % o.columns, row = cell / o.columns;
        // The back, seen from the front: turned over its side or head over foot.
        if (face == 1 && !o.tumble) column = o.columns - 1 - column;
        if (face == 1 && o.tumble) row = o.rows - 1 - row;
        side[static_cast<size_t>(row * o.columns + column)] = page;
      }
      sides.push_back(std::move(side));
    }
  }
  return sides;
}

/// Saddle-stitch order: sheet k (0 the outermost) carries pages n-1-2k | 2k on its front and
/// 2k+1 | n-2-2k on its back, each seen as printed; n is padded to a multiple of 4 (-1: blank).
std::vector<std::vector<int>> assign_booklet(size_t page_count) {
  const int n = static_cast<int>((page_count + 3) / 4 * 4);
  auto real = [&](int page) { return page < static_cast<int>(page_count) ? page : -1; };
  std::vector<std::vector<int>> sides;
  for (int k = 0; k < n / 4; ++k) {
    sides.push_back({real(n - 1 - 2 * k), real(2 * k)});
    sides.push_back({real(2 * k + 1), real(n - 2 - 2 * k)});
  }
  return sides;
}

std::string num(double v) {
  std::string s = fmt::format("{:.4f}", v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

/// One cell: clipped to the trim plus the bleed the layout allows there, then the page's form,
/// moved `shift_x` (creep: towards the spine).
std::string place_cell(const Layout& l, const Source& s, int column, int row, int page,
                       double shift_x = 0) {
  const auto [x, y] = l.origin(column, row);
  const double left = column == 0 ? l.outer_x : l.inner_x;
  const double right = column == l.columns - 1 ? l.outer_x : l.inner_x;
  const double top = row == 0 ? l.outer_y : l.inner_y;
  const double bottom = row == l.rows - 1 ? l.outer_y : l.inner_y;
  const Box& trim = s.trims[static_cast<size_t>(page)];
  return fmt::format("q {} {} {} {} re W n 1 0 0 1 {} {} cm /Fx{} Do Q\n", num(x - left),
                     num(y - bottom), num(l.cell_w + left + right), num(l.cell_h + top + bottom),
                     num(x - trim.x0 + shift_x), num(y - trim.y0), page);
}

std::string line(double x0, double y0, double x1, double y1) {
  return fmt::format("{} {} m {} {} l S\n", num(x0), num(y0), num(x1), num(y1));
}

/// Crop marks at every cut, outside the block's bleed, in the registration colour.
std::string crop_marks(const Layout& l, std::vector<std::string>& warnings) {
  constexpr double kGap = 2, kEdge = 2, kLength = 18, kShortest = 6;
  std::set<long> xs, ys;  // cut positions in 1/100 pt, so shared cuts are drawn once
  for (int c = 0; c < l.columns; ++c)
    for (double x : {l.origin(c, 0).first, l.origin(c, 0).first + l.cell_w})
      xs.insert(std::lround(x * 100));
  for (int r = 0; r < l.rows; ++r)
    for (double y : {l.origin(0, r).second, l.origin(0, r).second + l.cell_h})
      ys.insert(std::lround(y * 100));
  const double len_y = std::min(kLength, l.margin_y - l.outer_y - kGap - kEdge);
  const double len_x = std::min(kLength, l.margin_x - l.outer_x - kGap - kEdge);
  std::string out = "q /CSall CS 1 SCN 0.25 w 0 J\n";
  const double top = l.sheet_h - l.margin_y + l.outer_y + kGap,
               bottom = l.margin_y - l.outer_y - kGap;
  if (len_y >= kShortest) {
    for (long x : xs) {
      out += line(x / 100.0, top, x / 100.0, top + len_y);
      out += line(x / 100.0, bottom, x / 100.0, bottom - len_y);
    }
  }
  const double left = l.margin_x - l.outer_x - kGap, right = l.sheet_w - left;
  if (len_x >= kShortest) {
    for (long y : ys) {
      out += line(left, y / 100.0, left - len_x, y / 100.0);
      out += line(right, y / 100.0, right + len_x, y / 100.0);
    }
  }
  if (len_x < kShortest || len_y < kShortest)
    warnings.push_back(fmt::format(
        "no room for crop marks {}: the sheet leaves {} at the sides and {} at head and foot",
        len_x < kShortest && len_y < kShortest ? "anywhere"
        : len_x < kShortest                    ? "at the sides"
                                               : "at head and foot",
        mm(l.margin_x), mm(l.margin_y)));
  return out + "Q\n";
}

/// The registration colour: every plate (/All), black on a proof.
Handle all_separation(QPDF& doc) {
  Handle tint = doc.makeIndirectObject(
      Handle::parse("<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [1 1 1 1] /N 1 >>"));
  return doc.makeIndirectObject(
      Handle::newArray({Handle::newName("/Separation"), Handle::newName("/All"),
                        Handle::newName("/DeviceCMYK"), tint}));
}

Handle sheet_page(QPDF& doc, const Layout& l, const Source& s, const std::vector<int>& cells,
                  const std::string& marks, Handle marks_space, double creep = 0) {
  std::string content;
  Handle xobjects = Handle::newDictionary();
  for (int r = 0; r < l.rows; ++r) {
    for (int c = 0; c < l.columns; ++c) {
      const int page = cells[static_cast<size_t>(r * l.columns + c)];
      if (page < 0) continue;
      // Two cells a side in a booklet: the spine is between them.
      const double towards_spine = c == 0 ? creep : -creep;
      content += place_cell(l, s, c, r, page, towards_spine);
      xobjects.replaceKey("/Fx" + std::to_string(page), s.forms[static_cast<size_t>(page)]);
    }
  }
  Handle resources = Handle::newDictionary({{"/XObject", xobjects}});
  if (!marks.empty()) {
    content += marks;
    resources.replaceKey("/ColorSpace", Handle::newDictionary({{"/CSall", marks_space}}));
  }
  Handle media = Handle::newArray(Handle::Rectangle(0, 0, l.sheet_w, l.sheet_h));
  // The block of cells is what is printed and cut; the crop marks lie outside its bleed, so a
  // preflight (and PDF/X) sees them as printer's marks, not as artwork in registration colour.
  const double x0 = l.origin(0, 0).first, x1 = l.origin(l.columns - 1, 0).first + l.cell_w;
  const double y0 = l.origin(0, l.rows - 1).second, y1 = l.origin(0, 0).second + l.cell_h;
  Handle trim = Handle::newArray(Handle::Rectangle(x0, y0, x1, y1));
  Handle bleed = Handle::newArray(
      Handle::Rectangle(std::max(0.0, x0 - l.outer_x), std::max(0.0, y0 - l.outer_y),
                        std::min(l.sheet_w, x1 + l.outer_x), std::min(l.sheet_h, y1 + l.outer_y)));
  Handle page = doc.makeIndirectObject(Handle::newDictionary({
      {"/Type", Handle::newName("/Page")},
      {"/MediaBox", media},
      {"/BleedBox", bleed},
      {"/TrimBox", trim},
      {"/Resources", resources},
  }));
  page.replaceKey("/Contents", doc.newStream(content));
  return page;
}

std::string write(QPDF& doc) {
  doc.getTrailer().removeKey("/ID");
  QPDFWriter writer(doc);
  writer.setOutputMemory();
  // Encryption kept would need an /ID before the content a deterministic one is made from.
  writer.setPreserveEncryption(false);
  writer.setDeterministicID(true);
  writer.write();
  auto buffer = writer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace

std::optional<Imposed> impose_pdf(const std::string& pdf, const ImposeOptions& options,
                                  core::Diagnostics& diags, const std::string& name) {
  if (options.booklet && (options.columns != 2 || options.rows != 1 || options.cut_stack)) {
    diags.error({},
                "a booklet is imposed two pages a side (2x1), in nested sheets, not cut "
                "and stacked");
    return std::nullopt;
  }
  if (options.columns < 1 || options.rows < 1) {
    diags.error({}, "a layout needs at least one column and one row");
    return std::nullopt;
  }
  // The helpers above throw core::Failure from deep inside qpdf's object walk; it stops here.
  try {
    QPDF doc;
    doc.setSuppressWarnings(true);
    // qpdf would "recover" these and say only that it found no trailer.
    if (pdf.empty()) throw core::Failure({name}, "the file is empty (0 bytes), not a PDF");
    if (pdf.substr(0, 1024).find("%PDF-") == std::string::npos)
      throw core::Failure({name}, "not a PDF (no %PDF header)");
    try {
      doc.processMemoryFile(name.c_str(), pdf.data(), pdf.size());
    } catch (const QPDFExc& e) {
      if (e.getErrorCode() == qpdf_e_password)
        throw core::Failure({name},
                            "the PDF is protected by a password, so it cannot be "
                            "imposed; ask for a copy without one");
      throw;
    }
    Imposed out;
    const Source source = read_source(doc);
    const Layout layout = plan(options, source, out.warnings);
    const std::string marks = options.marks ? crop_marks(layout, out.warnings) : "";
    const Handle marks_space = options.marks ? all_separation(doc) : Handle::newNull();
    QPDFPageDocumentHelper pages(doc);
    const auto sides = options.booklet ? assign_booklet(source.pages.size())
                                       : assign(options, source.pages.size());
    for (size_t i = 0; i < sides.size(); ++i) {
      const bool front = !(options.duplex || options.booklet) || i % 2 == 0;
      const double creep = options.booklet ? options.creep.value * static_cast<double>(i / 2) : 0;
      pages.addPage(QPDFPageObjectHelper(sheet_page(doc, layout, source, sides[i],
                                                    front ? marks : "", marks_space, creep)),
                    false);
    }
    for (const auto& page : source.pages) pages.removePage(page);
    // Structure and outlines point at the pages that are gone.
    doc.getRoot().removeKey("/StructTreeRoot");
    doc.getRoot().removeKey("/Outlines");
    out.sheets = static_cast<int>(sides.size());
    out.bytes = write(doc);
    return out;
  } catch (const core::Failure& f) {
    diags.append(f.diagnostics());
  } catch (const std::exception& e) {
    diags.error({name}, std::string("cannot impose the PDF: ") + e.what());
  }
  return std::nullopt;
}

std::optional<core::Size> sheet_size(const std::string& name) {
  struct Named {
    const char* name;
    double w, h;  // mm
  };
  static const Named kSheets[] = {
      {"a0", 841, 1189},        {"a1", 594, 841},         {"a2", 420, 594},
      {"a3", 297, 420},         {"a4", 210, 297},         {"a5", 148, 210},
      {"a6", 105, 148},         {"a7", 74, 105},          {"sra3", 320, 450},
      {"sra4", 225, 320},       {"letter", 215.9, 279.4}, {"legal", 215.9, 355.6},
      {"tabloid", 279.4, 431.8}};
  const std::string lower = core::ascii_lower(name);
  for (const auto& s : kSheets)
    if (lower == s.name) return core::Size{core::from_mm(s.w), core::from_mm(s.h)};
  // "320mm x 450mm", "12in x 18in"
  const auto x = lower.find('x');
  if (x == std::string::npos) return std::nullopt;
  auto length = [](std::string t) -> std::optional<Pt> {
    t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
    char* end = nullptr;
    const double v = std::strtod(t.c_str(), &end);
    const std::string unit = end ? end : "";
    if (v <= 0) return std::nullopt;
    if (unit == "mm") return core::from_mm(v);
    if (unit == "cm") return core::from_mm(v * 10);
    if (unit == "in") return core::from_in(v);
    if (unit == "pt") return Pt{v};
    return std::nullopt;
  };
  auto w = length(lower.substr(0, x)), h = length(lower.substr(x + 1));
  if (!w || !h) return std::nullopt;
  return core::Size{*w, *h};
}

std::optional<std::pair<int, int>> grid_layout(const std::string& text) {
  int c = 0, r = 0;
  char sep = 0, extra = 0;
  if (std::sscanf(text.c_str(), "%d%c%d%c", &c, &sep, &r, &extra) != 3) return std::nullopt;
  if ((sep != 'x' && sep != 'X') || c < 1 || r < 1 || c > 16 || r > 16) return std::nullopt;
  return std::pair{c, r};
}

}  // namespace broadside::prepress
