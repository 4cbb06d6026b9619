// cmyk_objects.hpp — converting the PDF objects that hold colour outside content streams:
// raster images, gradients (shadings), transparency group colour spaces and soft-mask backdrops.
#pragma once

#include <qpdf/QPDFObjectHandle.hh>

#include "prepress/ink.hpp"

namespace broadside::prepress {

/// An RGB image XObject (8 bits a component, DeviceRGB or Indexed over DeviceRGB) becomes
/// DeviceCMYK through the profile. Other images are left alone; an RGB image this cannot
/// convert is a core::Failure.
void convert_image(QPDFObjectHandle image, const CmykConverter& converter);

/// An RGB axial or radial shading (the gradients cairo writes) becomes DeviceCMYK: its
/// functions' end colours and background are converted. A spot end colour becomes its process
/// alternate, since a gradient is in one colour space. Other RGB shadings: core::Failure.
void convert_shading(QPDFObjectHandle shading, const InkMap& inks);

/// A transparency group's /CS DeviceRGB becomes DeviceCMYK, so blending happens in the press's
/// colour space (a PDF/X-4 requirement with a CMYK output intent).
void convert_group(QPDFObjectHandle group);

/// A luminosity soft mask's backdrop colour /BC follows its group into CMYK.
void convert_mask_backdrop(QPDFObjectHandle mask, const CmykConverter& converter);

/// True for /DeviceRGB and /CalRGB, or an ICCBased space with three components.
bool is_rgb_space(QPDFObjectHandle space);

}  // namespace broadside::prepress
