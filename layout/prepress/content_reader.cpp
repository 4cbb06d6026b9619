// content_reader.cpp — a qpdf ParserCallbacks that keeps PDF's graphics state (ISO 32000-1 §8.4,
// text state §9.3, text matrices §9.4) and turns each painting operator into a PaintedMark.
#include "prepress/content_reader.hpp"

#include <qpdf/QPDFObjectHandle.hh>

#include <cmath>
#include <optional>

#include "prepress/pdf_matrix.hpp"
#include "prepress/text_font.hpp"

namespace broadside::prepress {

namespace {

using Handle = QPDFObjectHandle;

/// Forms inside forms deeper than this are a loop or an attack, not a leaflet.
constexpr int kMaxFormDepth = 12;
/// A move left in a TJ array of more than this (in ems) stands for a space between words.
constexpr double kWordGap = 0.2;

struct GraphicsState {
  Matrix ctm = kIdentity;
  PaintColor fill, stroke;
  double line_width = 1;
  bool fill_overprint = false, stroke_overprint = false;
  int overprint_mode = 0;
  /// The bounds of the clip (W, a form's BBox) in device space; nothing paints outside it. A
  /// box, not the path: an object is dropped only when its bounds miss the clip's bounds.
  std::optional<PdfBox> clip;
  // Text state (part of the graphics state, saved by q).
  std::shared_ptr<const TextFont> font;
  double font_size = 0, char_spacing = 0, word_spacing = 0, horizontal_scale = 1, leading = 0,
         rise = 0;
  int render_mode = 0;
};

double num(Handle h, double fallback = 0) {
  return h.isNumber() ? h.getNumericValue() : fallback;
}

PaintColor initial_color(SpaceKind kind, std::vector<std::string> colorants = {}) {
  PaintColor c;
  c.space = kind;
  c.colorants = std::move(colorants);
  switch (kind) {
    case SpaceKind::gray:
      c.values = {0};
      break;
    case SpaceKind::rgb:
    case SpaceKind::lab:
      c.values = {0, 0, 0};
      break;
    case SpaceKind::cmyk:
      c.values = {0, 0, 0, 1};
      break;
    case SpaceKind::separation:
    case SpaceKind::device_n:
      c.values.assign(std::max<size_t>(1, c.colorants.size()), 1.0);
      break;
    default:
      c.values.clear();
  }
  return c;
}

/// A colour space (a name or an array, resolved through the resources) as a kind of space.
PaintColor space_of(Handle cs, Handle resources, int depth = 0) {
  if (cs.isName()) {
    const std::string n = cs.getName();
    if (n == "/DeviceGray" || n == "/G" || n == "/CalGray") return initial_color(SpaceKind::gray);
    if (n == "/DeviceRGB" || n == "/RGB" || n == "/CalRGB") return initial_color(SpaceKind::rgb);
    if (n == "/DeviceCMYK" || n == "/CMYK") return initial_color(SpaceKind::cmyk);
    if (n == "/Pattern") return initial_color(SpaceKind::pattern);
    Handle table = resources.isDictionary() ? resources.getKey("/ColorSpace") : Handle();
    if (depth < 4 && table.isDictionary() && table.hasKey(n))
      return space_of(table.getKey(n), resources, depth + 1);
    return initial_color(SpaceKind::other);
  }
  if (!cs.isArray() || cs.getArrayNItems() == 0 || !cs.getArrayItem(0).isName())
    return initial_color(SpaceKind::other);
  const std::string family = cs.getArrayItem(0).getName();
  if (family == "/ICCBased") {
    Handle s = cs.getArrayItem(1);
    const int n = s.isStream() && s.getDict().getKey("/N").isInteger()
                      ? s.getDict().getKey("/N").getIntValueAsInt()
                      : 0;
    return initial_color(n == 1   ? SpaceKind::gray
                         : n == 3 ? SpaceKind::rgb
                         : n == 4 ? SpaceKind::cmyk
                                  : SpaceKind::other);
  }
  if (family == "/CalRGB") return initial_color(SpaceKind::rgb);
  if (family == "/CalGray") return initial_color(SpaceKind::gray);
  if (family == "/Lab") return initial_color(SpaceKind::lab);
  if (family == "/Pattern") return initial_color(SpaceKind::pattern);
  if (family == "/Separation" && cs.getArrayItem(1).isName())
    return initial_color(SpaceKind::separation, {cs.getArrayItem(1).getName().substr(1)});
  if (family == "/DeviceN" && cs.getArrayItem(1).isArray()) {
    std::vector<std::string> names;
    for (auto& n : cs.getArrayItem(1).getArrayAsVector())
      if (n.isName()) names.push_back(n.getName().substr(1));
    return initial_color(SpaceKind::device_n, std::move(names));
  }
  return initial_color(SpaceKind::other);
}

/// A rectangle array ([x0 y0 x1 y1] in any corner order); nullopt when it is not one.
std::optional<PdfBox> box_of(Handle a) {
  if (!a.isArray() || a.getArrayNItems() != 4) return std::nullopt;
  double v[4];
  for (int i = 0; i < 4; ++i) {
    if (!a.getArrayItem(i).isNumber()) return std::nullopt;
    v[i] = a.getArrayItem(i).getNumericValue();
  }
  return PdfBox{std::min(v[0], v[2]), std::min(v[1], v[3]), std::max(v[0], v[2]),
                std::max(v[1], v[3])};
}

class Reader : public QPDFObjectHandle::ParserCallbacks {
 public:
  Reader(int page, Handle resources, GraphicsState state, int depth, std::set<QPDFObjGen> forms,
         ContentSink& sink)
      : page_(page),
        resources_(resources),
        gs_(std::move(state)),
        depth_(depth),
        forms_(std::move(forms)),
        sink_(sink) {}

  void handleObject(Handle h) override {
    if (over_budget()) return;
    if (!h.isOperator()) {
      operands_.push_back(h);
      return;
    }
    ++sink_.operations;
    ++sink_.document_operations;
    operate(h.getOperatorValue());
    operands_.clear();
  }
  void handleEOF() override {}

 private:
  bool over_budget() {
    if (sink_.operations <= sink_.max_operations &&
        sink_.document_operations <= sink_.max_document_operations)
      return false;
    auto& pages = sink_.content.too_complex;
    if (pages.empty() || pages.back() != page_) pages.push_back(page_);
    operands_.clear();
    return true;
  }

  double arg(size_t i) const {  // a missing operand reads as 0
    return i < operands_.size() ? num(operands_[i]) : 0;
  }

  void operate(const std::string& op) {
    if (op == "q") {
      stack_.push_back(gs_);
    } else if (op == "Q") {
      if (!stack_.empty()) {
        gs_ = stack_.back();
        stack_.pop_back();
      }
    } else if (op == "cm") {
      if (auto m = matrix_of(operands_)) gs_.ctm = multiply(*m, gs_.ctm);
    } else if (op == "w") {
      gs_.line_width = arg(0);
    } else if (op == "gs") {
      ext_gstate();
    } else if (op.size() <= 3 && color_operator(op)) {
      // set a colour
    } else if (path_operator(op)) {
      // built or painted a path
    } else if (op == "BT") {
      tm_ = tlm_ = kIdentity;
    } else if (op[0] == 'T' || op == "'" || op == "\"") {
      text_operator(op);
    } else if (op == "Do" && !operands_.empty() && operands_.back().isName()) {
      draw_xobject(operands_.back().getName());
    }
  }

  void ext_gstate() {
    if (operands_.empty() || !operands_.back().isName() || !resources_.isDictionary()) return;
    Handle table = resources_.getKey("/ExtGState");
    Handle g = table.isDictionary() ? table.getKey(operands_.back().getName()) : Handle();
    if (!g.isDictionary()) return;
    if (g.getKey("/LW").isNumber()) gs_.line_width = g.getKey("/LW").getNumericValue();
    if (g.getKey("/OP").isBool()) {
      gs_.stroke_overprint = g.getKey("/OP").getBoolValue();
      // ISO 32000-1 table 58: /op, when absent, takes the value of /OP.
      if (!g.hasKey("/op")) gs_.fill_overprint = gs_.stroke_overprint;
    }
    if (g.getKey("/op").isBool()) gs_.fill_overprint = g.getKey("/op").getBoolValue();
    if (g.getKey("/OPM").isInteger()) gs_.overprint_mode = g.getKey("/OPM").getIntValueAsInt();
    const std::string name = "ExtGState " + operands_.back().getName();
    if (g.hasKey("/SMask") && !g.getKey("/SMask").isNameAndEquals("/None"))
      transparency("a soft mask in " + name);
    for (const char* key : {"/CA", "/ca"})
      if (g.getKey(key).isNumber() && g.getKey(key).getNumericValue() < 1)
        transparency("opacity below 1 in " + name);
    Handle bm = g.getKey("/BM");
    if (bm.isArray() && bm.getArrayNItems() > 0) bm = bm.getArrayItem(0);
    if (bm.isName() && !bm.isNameAndEquals("/Normal") && !bm.isNameAndEquals("/Compatible"))
      transparency("blend mode " + bm.getName().substr(1) + " in " + name);
  }

  bool color_operator(const std::string& op) {
    const bool stroking = std::isupper(static_cast<unsigned char>(op[0])) != 0;
    PaintColor& c = stroking ? gs_.stroke : gs_.fill;
    auto numbers = [&] {
      std::vector<double> v;
      for (auto& o : operands_)
        if (o.isNumber()) v.push_back(o.getNumericValue());
      return v;
    };
    if (op == "g" || op == "G") {
      c = initial_color(SpaceKind::gray);
      c.values = {arg(0)};
    } else if (op == "rg" || op == "RG") {
      c = initial_color(SpaceKind::rgb);
      c.values = {arg(0), arg(1), arg(2)};
      note_rgb(op + " operator sets an RGB colour");
    } else if (op == "k" || op == "K") {
      c = initial_color(SpaceKind::cmyk);
      c.values = {arg(0), arg(1), arg(2), arg(3)};
    } else if (op == "cs" || op == "CS") {
      if (operands_.empty()) return true;
      c = space_of(operands_.back(), resources_);
      if (operands_.back().isNameAndEquals("/DeviceRGB"))
        note_rgb(op + " operator sets an RGB colour");
    } else if (op == "sc" || op == "SC" || op == "scn" || op == "SCN") {
      if (c.space != SpaceKind::pattern) c.values = numbers();
    } else {
      return false;
    }
    return true;
  }

  void note_rgb(const std::string& what) {
    const std::string op = what.substr(0, what.find(' '));
    if (sink_.rgb_seen.insert({page_, op}).second)
      sink_.rgb.push_back("page " + std::to_string(page_) + "'s content (the " + what + ")");
  }

  void add_point(double x, double y) {
    const auto p = apply(gs_.ctm, x, y);
    PdfBox b{p[0], p[1], p[0], p[1]};
    path_ = has_path_ ? path_.united(b) : b;
    has_path_ = true;
  }

  bool path_operator(const std::string& op) {
    if (op == "m" || op == "l") {
      add_point(arg(0), arg(1));
    } else if (op == "c") {
      for (size_t i = 0; i < 6; i += 2) add_point(arg(i), arg(i + 1));
    } else if (op == "v" || op == "y") {
      for (size_t i = 0; i < 4; i += 2) add_point(arg(i), arg(i + 1));
    } else if (op == "re") {
      add_point(arg(0), arg(1));
      add_point(arg(0) + arg(2), arg(1) + arg(3));
      add_point(arg(0) + arg(2), arg(1));
      add_point(arg(0), arg(1) + arg(3));
    } else if (op == "h") {
      // closes: nothing painted
    } else if (op == "W" || op == "W*") {
      clipping_ = true;  // takes effect after the path's painting operator (§8.5.4)
    } else if (op == "n") {
      end_path();
    } else if (op == "S" || op == "s" || op == "f" || op == "F" || op == "f*" || op == "B" ||
               op == "B*" || op == "b" || op == "b*") {
      if (has_path_) paint_path(op);
      end_path();
    } else {
      return false;
    }
    return true;
  }

  void end_path() {
    if (clipping_) clip_to(has_path_ ? path_ : PdfBox{});
    clipping_ = false;
    has_path_ = false;
  }

  void clip_to(const PdfBox& box) { gs_.clip = gs_.clip ? gs_.clip->intersected(box) : box; }

  void paint_path(const std::string& op) {
    const bool stroke = op == "S" || op == "s" || op[0] == 'B' || op[0] == 'b';
    const bool fill = op != "S" && op != "s";
    if (fill) {
      PaintedMark m;
      m.kind = MarkKind::fill;
      m.bounds = path_;
      m.color = gs_.fill;
      m.overprint = gs_.fill_overprint;
      add(std::move(m));
    }
    if (stroke) {
      PaintedMark m;
      m.kind = MarkKind::stroke;
      m.size = gs_.line_width * min_scale(gs_.ctm);
      const double half = gs_.line_width * std::hypot(gs_.ctm[0], gs_.ctm[1]) / 2;
      m.bounds = {path_.x0 - half, path_.y0 - half, path_.x1 + half, path_.y1 + half};
      m.color = gs_.stroke;
      m.overprint = gs_.stroke_overprint;
      add(std::move(m));
    }
  }

  void text_operator(const std::string& op) {
    if (op == "Tf") {
      gs_.font_size = arg(1);
      gs_.font = font(operands_.empty() ? Handle() : operands_[0]);
    } else if (op == "Tc") {
      gs_.char_spacing = arg(0);
    } else if (op == "Tw") {
      gs_.word_spacing = arg(0);
    } else if (op == "Tz") {
      gs_.horizontal_scale = arg(0) / 100;
    } else if (op == "TL") {
      gs_.leading = arg(0);
    } else if (op == "Ts") {
      gs_.rise = arg(0);
    } else if (op == "Tr") {
      gs_.render_mode = static_cast<int>(arg(0));
    } else if (op == "Tm") {
      if (auto m = matrix_of(operands_)) tm_ = tlm_ = *m;
    } else if (op == "Td" || op == "TD") {
      if (op == "TD") gs_.leading = -arg(1);
      tlm_ = tm_ = multiply({1, 0, 0, 1, arg(0), arg(1)}, tlm_);
    } else if (op == "T*") {
      next_line();
    } else if (op == "Tj" && !operands_.empty()) {
      show({operands_.back()});
    } else if (op == "TJ" && !operands_.empty() && operands_.back().isArray()) {
      show(operands_.back().getArrayAsVector());
    } else if (op == "'" && !operands_.empty()) {
      next_line();
      show({operands_.back()});
    } else if (op == "\"" && operands_.size() >= 3) {
      gs_.word_spacing = arg(0);
      gs_.char_spacing = arg(1);
      next_line();
      show({operands_.back()});
    }
  }

  void next_line() { tlm_ = tm_ = multiply({1, 0, 0, 1, 0, -gs_.leading}, tlm_); }

  std::shared_ptr<const TextFont> font(Handle name) {
    Handle table = resources_.isDictionary() ? resources_.getKey("/Font") : Handle();
    Handle f = name.isName() && table.isDictionary() ? table.getKey(name.getName()) : Handle();
    if (f.isIndirect()) {
      auto& cached = sink_.fonts[f.getObjGen()];
      if (!cached) cached = std::make_shared<TextFont>(f);
      return cached;
    }
    return std::make_shared<TextFont>(f);
  }

  /// Tj/TJ: advances the text matrix over the string (§9.4.4) and records what it painted.
  void show(const std::vector<Handle>& items) {
    const auto font = gs_.font ? gs_.font : std::make_shared<TextFont>(Handle());
    const double size = gs_.font_size, h = gs_.horizontal_scale;
    double width = 0;
    std::string text;
    // Where the glyphs put ink, in text space: each glyph's box from the font program, or the
    // descriptor's letter height over its advance when the program does not say.
    PdfBox ink{1e300, 1e300, -1e300, -1e300};
    auto add_ink = [&](double x0, double y0, double x1, double y1) {
      ink = ink.united({std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1)});
    };
    for (auto item : items) {
      if (item.isNumber()) {
        width -= item.getNumericValue() / 1000 * size * h;
        // A gap of a fifth of an em or more is a word space written as a move (Ghostscript
        // writes them so): the quoted text reads "To contact the", not "Tocontact the".
        if (item.getNumericValue() / 1000 / font->em_scale() < -kWordGap && !text.empty() &&
            text.back() != ' ')
          text += ' ';
        continue;
      }
      if (!item.isString()) continue;
      for (unsigned code : font->codes(item.getStringValue())) {
        const bool space = !font->is_two_byte() && code == 32;
        const double advance =
            (font->advance(code) * size + gs_.char_spacing + (space ? gs_.word_spacing : 0)) * h;
        if (const auto glyph = font->ink(code)) {
          if (!glyph->is_blank)
            add_ink(width + glyph->x0 * size * h, gs_.rise + glyph->y0 * size,
                    width + glyph->x1 * size * h, gs_.rise + glyph->y1 * size);
        } else {
          add_ink(width, gs_.rise + font->descent() * std::abs(size), width + advance,
                  gs_.rise + font->cap_height() * std::abs(size));
        }
        width += advance;
        text += font->unicode(code);
      }
    }
    const Matrix trm = multiply(tm_, gs_.ctm);
    const int mode = gs_.render_mode;
    // A run of blank glyphs (spaces) paints nothing.
    if (mode != 3 && mode != 7 && size != 0 && ink.x0 <= ink.x1) {
      PaintedMark m;
      m.kind = MarkKind::text;
      m.bounds = transform(trm, ink.x0, ink.y0, ink.x1, ink.y1);
      m.baseline = trm[3] * gs_.rise + trm[5];
      m.size = std::abs(size) * std::hypot(trm[2], trm[3]) * font->em_scale();
      const bool filled = mode == 0 || mode == 2 || mode == 4 || mode == 6;
      m.color = filled ? gs_.fill : gs_.stroke;
      m.overprint = filled ? gs_.fill_overprint : gs_.stroke_overprint;
      m.text = std::move(text);
      m.font = font->name();
      add(std::move(m));
    }
    tm_ = multiply({1, 0, 0, 1, width, 0}, tm_);
  }

  void draw_xobject(const std::string& name) {
    Handle table = resources_.isDictionary() ? resources_.getKey("/XObject") : Handle();
    Handle x = table.isDictionary() ? table.getKey(name) : Handle();
    if (!x.isStream()) return;
    Handle dict = x.getDict();
    if (dict.getKey("/Subtype").isNameAndEquals("/Image")) {
      image(x, name);
    } else if (dict.getKey("/Subtype").isNameAndEquals("/Form") && depth_ < kMaxFormDepth) {
      if (x.isIndirect() && forms_.count(x.getObjGen())) return;  // a form drawing itself
      if (over_budget()) return;
      Matrix m = kIdentity;
      if (dict.getKey("/Matrix").isArray())
        m = matrix_of(dict.getKey("/Matrix").getArrayAsVector()).value_or(kIdentity);
      Handle group = dict.getKey("/Group");
      if (group.isDictionary() && group.getKey("/S").isNameAndEquals("/Transparency"))
        transparency("a transparency group in form " + name);
      GraphicsState inner = gs_;
      inner.ctm = multiply(m, gs_.ctm);
      // A form paints nothing outside its BBox (§8.10.1): an imposed page's slug and marks,
      // cut away with it, print nowhere.
      if (auto b = box_of(dict.getKey("/BBox")))
        inner.clip = inner.clip
                         ? inner.clip->intersected(transform(inner.ctm, b->x0, b->y0, b->x1, b->y1))
                         : transform(inner.ctm, b->x0, b->y0, b->x1, b->y1);
      auto forms = forms_;
      if (x.isIndirect()) forms.insert(x.getObjGen());
      Handle resources = dict.getKey("/Resources");
      Reader reader(page_, resources.isDictionary() ? resources : resources_, inner, depth_ + 1,
                    std::move(forms), sink_);
      QPDFPageObjectHelper(x).parseContents(&reader);
    }
  }

  void image(Handle x, const std::string& name) {
    Handle dict = x.getDict();
    PdfImage i;
    i.page = page_;
    i.name = x.isIndirect() ? "image object " + std::to_string(x.getObjectID()) : "image " + name;
    i.pixels_wide =
        dict.getKey("/Width").isInteger() ? dict.getKey("/Width").getIntValueAsInt() : 0;
    i.pixels_high =
        dict.getKey("/Height").isInteger() ? dict.getKey("/Height").getIntValueAsInt() : 0;
    const Matrix& m = gs_.ctm;
    i.width = std::hypot(m[0], m[1]);
    i.height = std::hypot(m[2], m[3]);
    i.ppi_x = i.width > 0 ? i.pixels_wide / (i.width / 72) : 0;
    i.ppi_y = i.height > 0 ? i.pixels_high / (i.height / 72) : 0;
    i.bounds = transform(m, 0, 0, 1, 1);
    const auto visible = clipped(i.bounds);
    if (!visible) return;  // clipped away: never printed, so its resolution does not matter
    i.bounds = *visible;
    sink_.images.push_back(i);
    if (dict.hasKey("/SMask") && dict.getKey("/SMask").isStream())
      transparency("a soft mask on " + i.name);
    PaintedMark mark;
    mark.kind = MarkKind::image;
    mark.bounds = i.bounds;
    // A stencil mask paints in the fill colour.
    const bool stencil =
        dict.getKey("/ImageMask").isBool() && dict.getKey("/ImageMask").getBoolValue();
    mark.color = stencil ? gs_.fill : space_of(dict.getKey("/ColorSpace"), resources_);
    mark.overprint = gs_.fill_overprint;
    mark.text = i.name;
    add(std::move(mark));
  }

  /// `b` cut to the clip; nullopt when none of it is inside. A box that only touches the clip's
  /// edge paints nothing; a line of no width inside it still does.
  std::optional<PdfBox> clipped(const PdfBox& b) const {
    if (!gs_.clip) return b;
    const PdfBox c = b.intersected(*gs_.clip);
    if (c.width() < 0 || c.height() < 0) return std::nullopt;
    if ((c.width() == 0 && b.width() > 0) || (c.height() == 0 && b.height() > 0))
      return std::nullopt;
    return c;
  }

  void transparency(const std::string& what) {
    const std::string entry = what + " on page " + std::to_string(page_);
    auto& list = sink_.content.transparency;
    if (std::find(list.begin(), list.end(), entry) == list.end()) list.push_back(entry);
  }

  void add(PaintedMark mark) {
    if (sink_.content.marks.size() >= sink_.max_marks) return;
    const auto visible = clipped(mark.bounds);
    if (!visible) return;  // clipped away: it prints nowhere
    mark.bounds = *visible;
    mark.page = page_;
    mark.overprint_mode = gs_.overprint_mode;
    sink_.content.marks.push_back(std::move(mark));
  }

  int page_;
  Handle resources_;
  GraphicsState gs_;
  int depth_;
  std::set<QPDFObjGen> forms_;
  ContentSink& sink_;
  std::vector<Handle> operands_;
  std::vector<GraphicsState> stack_;
  Matrix tm_ = kIdentity, tlm_ = kIdentity;
  PdfBox path_;
  bool has_path_ = false, clipping_ = false;
};

}  // namespace

void read_page_content(QPDFPageObjectHelper page, int number, ContentSink& sink) {
  Handle dict = page.getObjectHandle();
  Handle group = dict.getKey("/Group");
  if (group.isDictionary() && group.getKey("/S").isNameAndEquals("/Transparency"))
    sink.content.transparency.push_back("a page transparency group on page " +
                                        std::to_string(number));
  sink.operations = 0;
  sink.content.max_operations = sink.max_operations;
  Reader reader(number, page.getAttribute("/Resources", false), GraphicsState{}, 0, {}, sink);
  page.parseContents(&reader);
}

}  // namespace broadside::prepress
