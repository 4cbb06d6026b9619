// cmyk_document.cpp — walks everything reachable from the trailer once, converting what holds
// colour, then checks that no RGB is left.
#include "prepress/cmyk_document.hpp"

#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <map>
#include <set>

#include "core/diagnostic.hpp"
#include "prepress/cmyk_filter.hpp"
#include "prepress/cmyk_objects.hpp"
#include "prepress/walk.hpp"

namespace broadside::prepress {

namespace {

using Handle = QPDFObjectHandle;

std::string bytes_of(const std::shared_ptr<Buffer>& b) {
  return std::string(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
}

/// `dict[key]` as a dictionary, created when missing.
Handle sub_dictionary(Handle dict, const std::string& key) {
  if (!dict.getKey(key).isDictionary()) dict.replaceKey(key, Handle::newDictionary());
  return dict.getKey(key);
}

/// The document's conversion: the ink map, and the resources rewritten streams share.
class Conversion {
 public:
  Conversion(QPDF& doc, const InkMap& inks)
      : doc_(doc), inks_(inks), spots_(inks.table().spot_names()) {}

  void convert_page(QPDFPageObjectHelper page);
  void visit(Handle& h);

 private:
  void rewrite_stream(Handle stream, Handle resources);
  void add_needs(Handle resources, const StreamNeeds& needs);
  Handle overprint_state(int state);
  Handle separation(size_t index);

  QPDF& doc_;
  const InkMap& inks_;
  std::vector<std::string> spots_;
  std::map<int, Handle> overprint_states_;
  std::map<size_t, Handle> separations_;
};

void Conversion::convert_page(QPDFPageObjectHelper page) {
  Pl_Buffer buffer("page contents");
  page.pipeContents(&buffer);
  StreamNeeds needs;
  const std::string rewritten =
      rewrite_to_cmyk(bytes_of(buffer.getBufferSharedPointer()), inks_, needs);
  page.getObjectHandle().replaceKey("/Contents", doc_.newStream(rewritten));
  add_needs(page.getAttribute("/Resources", true), needs);
}

void Conversion::rewrite_stream(Handle stream, Handle resources) {
  StreamNeeds needs;
  const std::string rewritten =
      rewrite_to_cmyk(bytes_of(stream.getStreamData(qpdf_dl_generalized)), inks_, needs);
  stream.replaceStreamData(rewritten, Handle::newNull(), Handle::newNull());
  add_needs(resources, needs);
}

void Conversion::visit(Handle& h) {
  Handle dict = h.isStream() ? h.getDict() : h;
  if (!dict.isDictionary()) return;
  Handle subtype = dict.getKey("/Subtype");
  if (h.isStream() && subtype.isNameAndEquals("/Image")) convert_image(h, inks_.converter());
  Handle pattern_type = dict.getKey("/PatternType");
  if (h.isStream() && (subtype.isNameAndEquals("/Form") ||
                       (pattern_type.isInteger() && pattern_type.getIntValue() == 1)))
    rewrite_stream(h, sub_dictionary(dict, "/Resources"));
  if (dict.hasKey("/ShadingType")) convert_shading(h, inks_);
  if (dict.getKey("/S").isNameAndEquals("/Transparency")) convert_group(dict);
  if (dict.getKey("/S").isNameAndEquals("/Luminosity"))
    convert_mask_backdrop(dict, inks_.converter());
  if (subtype.isNameAndEquals("/Type3") && dict.getKey("/CharProcs").isDictionary()) {
    Handle procs = dict.getKey("/CharProcs");
    for (const auto& glyph : procs.getKeys())
      if (procs.getKey(glyph).isStream())
        rewrite_stream(procs.getKey(glyph), sub_dictionary(dict, "/Resources"));
  }
}

void Conversion::add_needs(Handle resources, const StreamNeeds& needs) {
  if (!needs.overprint_states.empty()) {
    Handle states = sub_dictionary(resources, "/ExtGState");
    for (int s : needs.overprint_states)
      states.replaceKey(overprint_resource(s), overprint_state(s));
  }
  if (!needs.spots.empty()) {
    Handle spaces = sub_dictionary(resources, "/ColorSpace");
    for (size_t i : needs.spots) spaces.replaceKey(separation_resource(i), separation(i));
  }
}

Handle Conversion::overprint_state(int state) {
  auto& h = overprint_states_[state];
  if (h.isInitialized()) return h;
  // OPM 1: a 0 component of a CMYK colour leaves that plate alone, so 100% K text prints on
  // top of the red without knocking a white hole in it.
  h = doc_.makeIndirectObject(Handle::newDictionary({
      {"/Type", Handle::newName("/ExtGState")},
      {"/op", Handle::newBool((state & kOverprintFill) != 0)},
      {"/OP", Handle::newBool((state & kOverprintStroke) != 0)},
      {"/OPM", Handle::newInteger(1)},
  }));
  return h;
}

Handle Conversion::separation(size_t index) {
  auto& h = separations_[index];
  if (h.isInitialized()) return h;
  const std::string& name = spots_.at(index);
  const core::Color* color = inks_.table().find_spot(name);
  const core::Cmyk alt = color ? inks_.for_color(*color).cmyk : core::Cmyk{0, 0, 0, 1};
  auto number = [](double v) { return Handle::newReal(v, 6); };
  // Tint t prints as t × the alternate on a proof or a press without this plate.
  Handle tint = doc_.makeIndirectObject(Handle::newDictionary({
      {"/FunctionType", Handle::newInteger(2)},
      {"/Domain", Handle::newArray({Handle::newInteger(0), Handle::newInteger(1)})},
      {"/C0", Handle::newArray({number(0), number(0), number(0), number(0)})},
      {"/C1", Handle::newArray({number(alt.c), number(alt.m), number(alt.y), number(alt.k)})},
      {"/N", Handle::newInteger(1)},
  }));
  h = doc_.makeIndirectObject(
      Handle::newArray({Handle::newName("/Separation"), Handle::newName("/" + name),
                        Handle::newName("/DeviceCMYK"), tint}));
  return h;
}

}  // namespace

void convert_to_cmyk(QPDF& doc, const InkMap& inks) {
  Conversion conversion(doc, inks);
  for (auto& page : QPDFPageDocumentHelper(doc).getAllPages()) conversion.convert_page(page);
  for_each_reachable(doc.getTrailer(), [&](Handle& h) { conversion.visit(h); });
  if (auto left = find_rgb(doc); !left.empty())
    throw core::Failure({}, "cannot convert the PDF to CMYK: RGB is left in " + left.front());
}

std::vector<std::string> find_rgb(QPDF& doc) {
  std::vector<std::string> found;
  for_each_reachable(doc.getTrailer(), [&](Handle& h) {
    const std::string where =
        h.isIndirect() ? "object " + std::to_string(h.getObjectID()) : "a direct object";
    if (h.isArray() && is_rgb_space(h)) found.push_back(where + " (an RGB colour space)");
    std::vector<std::pair<std::string, Handle>> items;
    if (h.isArray()) {
      for (auto& item : h.getArrayAsVector()) items.emplace_back("", item);
    } else {
      Handle dict = h.isStream() ? h.getDict() : h;
      for (const auto& key : dict.getKeys()) items.emplace_back(" " + key, dict.getKey(key));
    }
    for (auto& [key, item] : items)
      if (item.isName() && is_rgb_space(item))
        found.push_back(where + key + " (" + item.getName() + ")");
  });
  return found;
}

}  // namespace broadside::prepress
