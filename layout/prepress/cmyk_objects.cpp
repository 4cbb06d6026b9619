// cmyk_objects.cpp — images through lcms2, gradients by their end colours, groups and masks.
#include "prepress/cmyk_objects.hpp"

#include <qpdf/Buffer.hh>

#include "core/diagnostic.hpp"

namespace broadside::prepress {

namespace {

using Handle = QPDFObjectHandle;

std::string bytes_of(const std::shared_ptr<Buffer>& b) {
  return std::string(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
}

Handle number_array(const core::Cmyk& c) {
  return Handle::newArray({Handle::newReal(c.c, 6), Handle::newReal(c.m, 6),
                           Handle::newReal(c.y, 6), Handle::newReal(c.k, 6)});
}

std::optional<core::Rgb> rgb_array(Handle array) {
  if (!array.isArray() || array.getArrayNItems() != 3) return std::nullopt;
  for (auto& item : array.getArrayAsVector())
    if (!item.isNumber()) return std::nullopt;
  return core::Rgb{array.getArrayItem(0).getNumericValue(), array.getArrayItem(1).getNumericValue(),
                   array.getArrayItem(2).getNumericValue()};
}

std::string object_name(Handle h) {
  return h.isIndirect() ? " (object " + std::to_string(h.getObjectID()) + ")" : "";
}

/// An RGB palette (3 bytes an entry) as CMYK (4 bytes an entry).
Handle indexed_cmyk(Handle space, const CmykConverter& converter) {
  Handle lookup = space.getArrayItem(3);
  std::string rgb = lookup.isStream()   ? bytes_of(lookup.getStreamData(qpdf_dl_all))
                    : lookup.isString() ? lookup.getStringValue()
                                        : "";
  const int entries =
      space.getArrayItem(2).isInteger() ? space.getArrayItem(2).getIntValueAsInt() + 1 : 0;
  if (entries <= 0 || rgb.size() < static_cast<size_t>(entries) * 3)
    throw core::Failure({}, "cannot convert an indexed RGB image with a broken palette to CMYK");
  rgb.resize(static_cast<size_t>(entries) * 3);
  return Handle::newArray({Handle::newName("/Indexed"), Handle::newName("/DeviceCMYK"),
                           space.getArrayItem(2),
                           Handle::newString(converter.convert_pixels(rgb))});
}

/// An exponential (type 2) function's C0/C1, or a stitching (type 3) function's parts.
void convert_function(Handle function, const InkMap& inks) {
  Handle dict = function.isStream() ? function.getDict() : function;
  Handle type = dict.getKey("/FunctionType");
  const int kind = type.isInteger() ? type.getIntValueAsInt() : -1;
  if (dict.hasKey("/Range")) {  // one [min max] pair per output component: now four
    std::vector<Handle> range;
    for (int i = 0; i < 4; ++i)
      range.insert(range.end(), {Handle::newInteger(0), Handle::newInteger(1)});
    dict.replaceKey("/Range", Handle::newArray(range));
  }
  if (kind == 3) {
    for (auto& part : dict.getKey("/Functions").getArrayAsVector()) convert_function(part, inks);
    return;
  }
  if (kind != 2)
    throw core::Failure({}, "cannot convert a gradient with a type " + std::to_string(kind) +
                                " colour function to CMYK" + object_name(function));
  for (const char* key : {"/C0", "/C1"}) {
    Handle value = dict.getKey(key);
    if (value.isArray() && value.getArrayNItems() == 4) continue;  // already CMYK (shared)
    auto rgb = rgb_array(value);
    if (!rgb) rgb = std::string(key) == "/C0" ? core::Rgb{0, 0, 0} : core::Rgb{1, 1, 1};
    dict.replaceKey(key, number_array(inks.for_rgb(*rgb).cmyk));
  }
}

}  // namespace

bool is_rgb_space(Handle space) {
  if (space.isName()) return space.getName() == "/DeviceRGB" || space.getName() == "/CalRGB";
  if (!space.isArray() || space.getArrayNItems() == 0 || !space.getArrayItem(0).isName())
    return false;
  const std::string family = space.getArrayItem(0).getName();
  if (family == "/CalRGB") return true;
  if (family == "/ICCBased" && space.getArrayNItems() > 1 && space.getArrayItem(1).isStream()) {
    Handle n = space.getArrayItem(1).getDict().getKey("/N");
    return n.isInteger() && n.getIntValue() == 3;
  }
  return false;
}

void convert_image(Handle image, const CmykConverter& converter) {
  Handle dict = image.getDict();
  if (dict.getKey("/ImageMask").isBool() && dict.getKey("/ImageMask").getBoolValue()) return;
  Handle space = dict.getKey("/ColorSpace");
  if (space.isArray() && space.getArrayNItems() == 4 && space.getArrayItem(0).isName() &&
      space.getArrayItem(0).getName() == "/Indexed" && is_rgb_space(space.getArrayItem(1))) {
    dict.replaceKey("/ColorSpace", indexed_cmyk(space, converter));
    return;
  }
  if (!is_rgb_space(space)) return;
  Handle bits = dict.getKey("/BitsPerComponent");
  Handle width = dict.getKey("/Width"), height = dict.getKey("/Height");
  if (!bits.isInteger() || bits.getIntValue() != 8 || !width.isInteger() || !height.isInteger() ||
      dict.hasKey("/Decode"))
    throw core::Failure(
        {}, "cannot convert an RGB image that is not plain 8-bit to CMYK" + object_name(image));
  std::string rgb = bytes_of(image.getStreamData(qpdf_dl_all));
  const size_t expected =
      static_cast<size_t>(width.getIntValue()) * static_cast<size_t>(height.getIntValue()) * 3;
  if (rgb.size() < expected)
    throw core::Failure({}, "cannot convert a truncated RGB image to CMYK" + object_name(image));
  rgb.resize(expected);
  image.replaceStreamData(converter.convert_pixels(rgb), Handle::newNull(), Handle::newNull());
  dict.replaceKey("/ColorSpace", Handle::newName("/DeviceCMYK"));
}

void convert_shading(Handle shading, const InkMap& inks) {
  Handle dict = shading.isStream() ? shading.getDict() : shading;
  if (!is_rgb_space(dict.getKey("/ColorSpace"))) return;
  Handle type = dict.getKey("/ShadingType");
  const int kind = type.isInteger() ? type.getIntValueAsInt() : -1;
  if ((kind != 2 && kind != 3) || !dict.hasKey("/Function"))
    throw core::Failure({}, "cannot convert a gradient of shading type " + std::to_string(kind) +
                                " to CMYK" + object_name(shading));
  Handle function = dict.getKey("/Function");
  if (function.isArray())
    throw core::Failure({},
                        "cannot convert a gradient with one function per colour component "
                        "to CMYK" +
                            object_name(shading));
  convert_function(function, inks);
  if (auto background = rgb_array(dict.getKey("/Background")))
    dict.replaceKey("/Background", number_array(inks.for_rgb(*background).cmyk));
  dict.replaceKey("/ColorSpace", Handle::newName("/DeviceCMYK"));
}

void convert_group(Handle group) {
  if (group.isDictionary() && is_rgb_space(group.getKey("/CS")))
    group.replaceKey("/CS", Handle::newName("/DeviceCMYK"));
}

void convert_mask_backdrop(Handle mask, const CmykConverter& converter) {
  if (!mask.isDictionary()) return;
  if (auto rgb = rgb_array(mask.getKey("/BC")))
    mask.replaceKey("/BC", number_array(converter.convert(*rgb)));
}

}  // namespace broadside::prepress
