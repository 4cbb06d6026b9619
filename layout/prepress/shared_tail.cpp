// shared_tail.cpp — instructions from qpdf's content parser, the cut found in one pass over
// running depths, the form written with a subset of the page's resources.
#include "prepress/shared_tail.hpp"

#include <qpdf/Pl_Buffer.hh>

#include <array>
#include <set>

namespace broadside::prepress {

namespace {

using Handle = QPDFObjectHandle;

/// A shorter common tail is not worth a form (an object of its own and a Do on every page).
constexpr size_t kMinTailBytes = 512;
/// The form's box: the form is drawn in whatever space the page was in at the cut (cairo's
/// content starts with its own cm), so the box must not clip anything the page draws; the
/// largest coordinate PDF 1.x readers must accept.
constexpr double kUnclippedBox = 32767;

class Collector : public Handle::ParserCallbacks {
 public:
  explicit Collector(Instructions& out) : out_(out) {}
  void handleObject(Handle object, size_t offset, size_t length) override {
    if (!open_) {
      out_.starts.push_back(offset);
      open_ = true;
    }
    if (object.isOperator()) {
      out_.operators.push_back(object.getOperatorValue());
      open_ = false;
    } else if (object.isName()) {
      out_.names.emplace_back(offset, object.getName());
    }
    (void)length;
  }
  void handleEOF() override {
    // Operands with no operator after them: not an instruction; the cut never reaches them.
    if (open_) out_.starts.pop_back();
    out_.starts.push_back(out_.content.size());
  }

 private:
  Instructions& out_;
  bool open_ = false;
};

/// What an operator does to the four nestings a form must keep balanced: q/Q, BT/ET, marked
/// content, inline images (BI ... EI), compatibility sections (BX/EX).
std::array<int, 5> nesting(const std::string& op) {
  if (op == "q") return {1, 0, 0, 0, 0};
  if (op == "Q") return {-1, 0, 0, 0, 0};
  if (op == "BT") return {0, 1, 0, 0, 0};
  if (op == "ET") return {0, -1, 0, 0, 0};
  if (op == "BMC" || op == "BDC") return {0, 0, 1, 0, 0};
  if (op == "EMC") return {0, 0, -1, 0, 0};
  if (op == "BI") return {0, 0, 0, 1, 0};
  if (op == "EI") return {0, 0, 0, -1, 0};
  if (op == "BX") return {0, 0, 0, 0, 1};
  if (op == "EX") return {0, 0, 0, 0, -1};
  return {0, 0, 0, 0, 0};
}

/// Leaves a path under construction (or a clip waiting for its painting operator).
bool builds_path(const std::string& op) {
  static const std::set<std::string> ops{"m", "l", "c", "v", "y", "h", "re", "W", "W*"};
  return ops.count(op) > 0;
}

/// The first instruction of the form, at or after `from`, such that [start, end) is balanced
/// in every nesting and never closes what it did not open; `end` when there is none.
size_t clean_start(const Instructions& ins, size_t from, size_t end) {
  // Depth before each instruction, counted from `from` (only differences matter).
  const size_t n = end - from;
  std::vector<std::array<int, 5>> depth(n + 1, {0, 0, 0, 0, 0});
  for (size_t i = 0; i < n; ++i) {
    const auto d = nesting(ins.operators[from + i]);
    for (size_t k = 0; k < 5; ++k) depth[i + 1][k] = depth[i][k] + d[k];
  }
  // lowest[i]: the least depth from i to the end; a start i is clean when the depth never goes
  // below its own and comes back to it at the end.
  std::vector<std::array<int, 5>> lowest(depth);
  for (size_t i = n; i-- > 0;)
    for (size_t k = 0; k < 5; ++k) lowest[i][k] = std::min(lowest[i][k], lowest[i + 1][k]);
  for (size_t i = 0; i < n; ++i) {
    if (from + i > 0 && builds_path(ins.operators[from + i - 1])) continue;
    bool clean = true;
    for (size_t k = 0; k < 5 && clean; ++k)
      clean = lowest[i][k] == depth[i][k] && depth[n][k] == depth[i][k];
    if (clean) return from + i;
  }
  return end;
}

/// `name` not yet used in `dict`.
std::string free_name(Handle dict, const std::string& base) {
  std::string name = base;
  for (int i = 1; dict.isDictionary() && dict.hasKey(name); ++i) name = base + std::to_string(i);
  return name;
}

}  // namespace

Instructions instructions_of(QPDFPageObjectHelper page) {
  Instructions out;
  Pl_Buffer buffer("page content");
  page.pipeContents(&buffer);
  auto bytes = buffer.getBufferSharedPointer();
  out.content.assign(reinterpret_cast<const char*>(bytes->getBuffer()), bytes->getSize());
  Collector collector(out);
  page.parseContents(&collector);
  return out;
}

size_t common_tail(const Instructions& a, const Instructions& b) {
  size_t n = 0;
  while (n < a.size() && n < b.size() && a.text(a.size() - 1 - n) == b.text(b.size() - 1 - n)) ++n;
  return n;
}

size_t move_tail_to_form(QPDF& doc, QPDFPageObjectHelper page, const Instructions& ins,
                         size_t count) {
  // Only what neither paints nor depends on the graphics state may follow the form: restores
  // (of states saved before it) and marked content (cairo ends a page with its link tags).
  static const std::set<std::string> after{"Q", "BMC", "BDC", "EMC", "MP", "DP"};
  size_t end = ins.size();
  while (end > 0 && after.count(ins.operators[end - 1])) --end;
  if (count > ins.size() || ins.size() - count >= end) return 0;
  const size_t start = clean_start(ins, ins.size() - count, end);
  if (start >= end || ins.starts[end] - ins.starts[start] < kMinTailBytes) return 0;

  Handle page_object = page.getObjectHandle();
  Handle resources = page.getAttribute("/Resources", false);
  if (!resources.isDictionary()) return 0;
  std::set<std::string> used;
  for (const auto& [at, name] : ins.names)
    if (at >= ins.starts[start] && at < ins.starts[end]) used.insert(name);
  Handle form_resources = Handle::newDictionary();
  for (const auto& category : resources.getKeys()) {
    Handle entries = resources.getKey(category);
    if (!entries.isDictionary()) {
      form_resources.replaceKey(category, entries);  // /ProcSet
      continue;
    }
    Handle subset = Handle::newDictionary();
    for (const auto& name : entries.getKeys())
      if (used.count(name)) subset.replaceKey(name, entries.getKey(name));
    if (subset.getKeys().size()) form_resources.replaceKey(category, subset);
  }
  Handle form =
      doc.newStream(ins.content.substr(ins.starts[start], ins.starts[end] - ins.starts[start]));
  Handle dict = form.getDict();
  dict.replaceKey("/Type", Handle::newName("/XObject"));
  dict.replaceKey("/Subtype", Handle::newName("/Form"));
  dict.replaceKey("/BBox", Handle::newArray(Handle::Rectangle(-kUnclippedBox, -kUnclippedBox,
                                                              kUnclippedBox, kUnclippedBox)));
  dict.replaceKey("/Resources", form_resources);

  // The page's resources may be shared with other pages: it gets its own copy to add the form.
  Handle own = resources.shallowCopy();
  Handle xobjects = own.getKey("/XObject");
  xobjects = xobjects.isDictionary() ? xobjects.shallowCopy() : Handle::newDictionary();
  const std::string name = free_name(xobjects, "/BSShared");
  xobjects.replaceKey(name, form);
  own.replaceKey("/XObject", xobjects);
  page_object.replaceKey("/Resources", own);
  const std::string content = ins.content.substr(0, ins.starts[start]) + "\n" + name + " Do\n" +
                              ins.content.substr(ins.starts[end]);
  page_object.replaceKey("/Contents", doc.newStream(content));
  return ins.size() - start;
}

}  // namespace broadside::prepress
